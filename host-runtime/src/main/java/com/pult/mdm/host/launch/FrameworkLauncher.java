package com.pult.mdm.host.launch;

import com.pult.mdm.host.config.HostConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the embedded OSGi framework through the standard launch API. The only class that knows a
 * framework implementation is on the class path: it is found with {@link ServiceLoader}, so no Felix type
 * appears in the host's code.
 */
public final class FrameworkLauncher {

    private final Logger logger = LoggerFactory.getLogger(FrameworkLauncher.class);
    private final HostConfig config;
    private final String hostVersion;

    /**
     * @param config where the cache, deploy and core folders are
     * @param hostVersion recorded next to the cache; a change cleans it
     */
    public FrameworkLauncher(HostConfig config, String hostVersion) {
        this.config = config;
        this.hostVersion = hostVersion;
    }

    /**
     * Creates, initializes and starts the framework with the core bundles (FileInstall) installed.
     *
     * @param beforeStart called with the system bundle's context after init and before any bundle starts, so
     *     that trackers opened there see every bundle the framework starts
     * @throws LaunchException when no framework is on the class path, the SPI jar cannot be read, a core
     *     bundle cannot be installed or the framework fails to start
     */
    public Framework launch(Consumer<BundleContext> beforeStart) throws LaunchException {
        SystemPackages packages = SystemPackages.fromClassPath(FrameworkLauncher.class.getClassLoader());
        cleanStaleCache();
        FileInstallLogBridge.install();
        Framework framework = newFramework(FrameworkProperties.of(config, packages));
        try {
            framework.init();
            beforeStart.accept(framework.getBundleContext());
            installCoreBundles(framework.getBundleContext());
            framework.start();
        } catch (BundleException | RuntimeException e) {
            stop(framework, config.stopTimeout());
            throw new LaunchException("the plugin framework failed to start: " + e.getMessage(), e);
        }
        logger.info("Exported SPI '{}' {} to plugins", SystemPackages.SPI_BUNDLE, packages.spiVersion());
        return framework;
    }

    /**
     * Stops the framework and waits up to {@code timeout}; every bundle, and so every plugin, stops with it.
     *
     * @return whether the framework stopped in time
     */
    public boolean stop(Framework framework, Duration timeout) {
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(Math.max(1, timeout.toMillis()));
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                logger.warn("Failed to stop the plugin framework within {} ms; exiting anyway", timeout.toMillis());
                return false;
            }
            return true;
        } catch (BundleException e) {
            logger.warn("Failed to stop the plugin framework: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Why FileInstall last failed to install {@code file} (such as {@code Duplicate import: x}), if it did. The
     * framework rejects some manifests at install time; FileInstall only logs that.
     */
    public static Optional<String> installFailure(Path file) {
        return FileInstallLogBridge.installFailure(file);
    }

    private void cleanStaleCache() throws LaunchException {
        String javaVersion = System.getProperty("java.specification.version");
        try {
            new BundleCacheStamp(config.dataDir(), javaVersion, hostVersion).apply(config.cacheDir());
        } catch (IOException e) {
            throw new LaunchException("cannot check the bundle cache '" + config.cacheDir() + "': " + e, e);
        }
    }

    private Framework newFramework(Map<String, String> properties) throws LaunchException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class, FrameworkLauncher.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new LaunchException("no OSGi framework on the class path (lib/ needs Felix)"));
        return factory.newFramework(properties);
    }

    private void installCoreBundles(BundleContext context) throws BundleException {
        List<Path> jars = coreJars();
        if (jars.isEmpty()) {
            throw new BundleException("no bundles in '" + config.coreDir() + "': hot deploy needs FileInstall there");
        }
        for (Path jar : jars) {
            Bundle bundle = context.installBundle(jar.toUri().toString());
            // A persistent start on an initialized framework takes effect when the framework starts.
            bundle.start();
            logger.debug("Installed core bundle '{}' {}", bundle.getSymbolicName(), bundle.getVersion());
        }
    }

    private List<Path> coreJars() throws BundleException {
        if (!Files.isDirectory(config.coreDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(config.coreDir())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new BundleException("cannot list '" + config.coreDir() + "': " + e.getMessage(), e);
        }
    }
}
