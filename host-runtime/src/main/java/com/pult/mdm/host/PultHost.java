package com.pult.mdm.host;

import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.DataDirectory;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.launch.FrameworkLauncher;
import com.pult.mdm.host.launch.LaunchException;
import com.pult.mdm.host.plugin.PluginLayer;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.web.WebServer;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.osgi.framework.BundleContext;
import org.osgi.framework.launch.Framework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pult integration host: starts the plugin framework with hot deploy, and offers the providers the
 * deployed plugins bring through its {@link #registry()}, and serves the admin API ({@link WebServer}) on
 * {@code http.host}:{@code http.port}. Collaborators come in through the constructor.
 */
public final class PultHost {

    private final Logger logger = LoggerFactory.getLogger(PultHost.class);
    private final HostConfig config;
    private final FrameworkLauncher launcher;
    private final ProviderRegistry registry;
    private final PluginLayer plugins;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Map<String, String> environment;
    private Framework framework;
    private HostServices services;
    private WebServer web;

    /** A host with the standard collaborators, its secret keys from the process environment or the key file. */
    public PultHost(HostConfig config) {
        this(config, System.getenv());
    }

    /** A host with the standard collaborators, reading {@code PULT_HOST_SECRET_KEYS} from {@code environment}. */
    public PultHost(HostConfig config, Map<String, String> environment) {
        this(config, new ProviderRegistry(), environment);
    }

    private PultHost(HostConfig config, ProviderRegistry registry, Map<String, String> environment) {
        this(
                config,
                new FrameworkLauncher(config, HostVersion.current()),
                registry,
                new PluginLayer(registry, config.deployDir(), config.pollInterval(), FrameworkLauncher::installFailure),
                environment);
    }

    /**
     * @param config the folders and intervals
     * @param launcher starts and stops the plugin framework
     * @param registry where providers are announced
     * @param plugins the extender and deploy checks; must announce into {@code registry}
     */
    public PultHost(HostConfig config, FrameworkLauncher launcher, ProviderRegistry registry, PluginLayer plugins) {
        this(config, launcher, registry, plugins, System.getenv());
    }

    private PultHost(
            HostConfig config,
            FrameworkLauncher launcher,
            ProviderRegistry registry,
            PluginLayer plugins,
            Map<String, String> environment) {
        this.config = config;
        this.launcher = launcher;
        this.registry = registry;
        this.plugins = plugins;
        this.environment = Map.copyOf(environment);
    }

    /**
     * Starts the plugin framework; plugins already in the deploy folder are installed on the first scan.
     *
     * @throws ConfigException when the data or deploy directory cannot be written
     * @throws LaunchException when the framework cannot start
     */
    public synchronized void start() throws ConfigException, LaunchException {
        if (framework != null) {
            return;
        }
        long began = System.nanoTime();
        DataDirectory.prepare(config.dataDir());
        createDeployDir();
        services = HostServices.open(config, registry, environment);
        try {
            framework = launcher.launch(plugins::open);
            services.start();
            web = startWeb(services);
        } catch (LaunchException | ConfigException | RuntimeException e) {
            stopAfterFailedStart();
            throw e;
        }
        logger.info(
                "Started Pult host {} in {} ms: deploy folder '{}', data '{}', scanning every {} ms, admin API on"
                        + " http://{}:{}",
                HostVersion.current(),
                (System.nanoTime() - began) / 1_000_000,
                config.deployDir(),
                config.dataDir(),
                config.pollInterval().toMillis(),
                config.httpHost(),
                web.port());
    }

    private WebServer startWeb(HostServices started) throws ConfigException {
        try {
            return WebServer.start(started, registry, config.httpHost(), config.httpPort());
        } catch (JavalinBindException e) {
            throw new ConfigException("the admin API cannot listen on " + config.httpHost() + ":" + config.httpPort()
                    + " (" + e.getMessage() + "); set http.port or http.host to a free local address");
        }
    }

    /** Undoes a start that failed halfway: the framework (if it started) and the services. */
    private void stopAfterFailedStart() {
        if (framework != null) {
            plugins.close();
            launcher.stop(framework, config.stopTimeout());
            framework = null;
        }
        services.close();
        services = null;
    }

    /** Withdraws every provider and stops the framework, waiting at most the configured stop timeout. */
    public void stop() {
        Framework running;
        synchronized (this) {
            running = framework;
            framework = null;
        }
        if (running == null) {
            return;
        }
        long began = System.nanoTime();
        web.close();
        services.close();
        plugins.close();
        launcher.stop(running, config.stopTimeout());
        logger.info("Stopped Pult host in {} ms", (System.nanoTime() - began) / 1_000_000);
        stopped.countDown();
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** The port the admin API listens on; -1 when the host is stopped. */
    public synchronized int httpPort() {
        return web == null || framework == null ? -1 : web.port();
    }

    /** Whether the host is started and not stopped. */
    public synchronized boolean isRunning() {
        return framework != null;
    }

    /** The providers offered by deployed plugins, and the plugin problems. */
    public ProviderRegistry registry() {
        return registry;
    }

    /** Integrations, their syncs and the stored inventory; {@code null} when the host is stopped. */
    public synchronized HostServices services() {
        return services;
    }

    /** The configuration the host runs with. */
    public HostConfig config() {
        return config;
    }

    /** The system bundle's context, for tests that inspect the framework; {@code null} when stopped. */
    synchronized BundleContext bundleContext() {
        return framework == null ? null : framework.getBundleContext();
    }

    private void createDeployDir() throws ConfigException {
        try {
            Files.createDirectories(config.deployDir());
        } catch (IOException e) {
            throw new ConfigException("deploy directory '" + config.deployDir() + "' cannot be created: " + e);
        }
    }
}
