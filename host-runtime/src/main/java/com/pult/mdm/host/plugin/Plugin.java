package com.pult.mdm.host.plugin;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started plugin bundle as the host tracks it: its identity and the threads its code runs on. The
 * threads belong to this plugin alone and end when it is removed, so nothing the plugin's code leaves in
 * thread-local state keeps its class loader alive.
 */
final class Plugin {

    private static final long STOP_WAIT_MS = 1000;

    private final Logger logger = LoggerFactory.getLogger(Plugin.class);
    private final long bundleId;
    private final String symbolicName;
    private final Version version;
    private final String jar;
    private final ExecutorService executor;
    private boolean closed;

    Plugin(Bundle bundle, String jar) {
        this.bundleId = bundle.getBundleId();
        this.symbolicName = bundle.getSymbolicName();
        this.version = bundle.getVersion();
        this.jar = jar;
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        // Several integrations of one provider may sync at once; the host's scheduler bounds how many.
        this.executor = Executors.newCachedThreadPool(new PluginThreads(symbolicName, bundleId, loader));
    }

    long bundleId() {
        return bundleId;
    }

    String symbolicName() {
        return symbolicName;
    }

    Version version() {
        return version;
    }

    String jar() {
        return jar;
    }

    ExecutorService executor() {
        return executor;
    }

    /** The plugin as log lines name it: {@code 'deploy/x.jar' (bundle 'x' 1.0.0)}. */
    String describe() {
        return "'" + jar + "' (bundle '" + symbolicName + "' " + version + ")";
    }

    /** Runs {@code task} on the plugin's thread, unless the plugin was removed meanwhile. */
    void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            logger.debug("Skipped a task of plugin {}: it was removed", describe());
        }
    }

    /**
     * Runs {@code publish} only while the plugin is not removed; {@link #close()} waits for it. This keeps a
     * factory that finished loading after its bundle stopped from being offered.
     */
    synchronized void whileOpen(Runnable publish) {
        if (!closed) {
            publish.run();
        }
    }

    /** Marks the plugin removed and ends its threads; waits a second for code still running on them. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
                logger.warn(
                        "Failed to end the threads of plugin {} within {} ms; its classes stay loaded until they"
                                + " return",
                        describe(),
                        STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
