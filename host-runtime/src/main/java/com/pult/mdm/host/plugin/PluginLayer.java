package com.pult.mdm.host.plugin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the host runs inside the plugin framework: the provider extender, the deploy-folder checks and
 * the framework error log. Opened on the system bundle's context before any bundle starts.
 */
public final class PluginLayer {

    /** How long a bundle may stay unresolved, in poll intervals, before it is reported. */
    private static final int UNRESOLVED_GRACE_POLLS = 2;

    private static final Duration REFRESH_TIMEOUT = Duration.ofSeconds(10);

    private final Logger logger = LoggerFactory.getLogger(PluginLayer.class);
    private final ProviderRegistry registry;
    private final Path deployDir;
    private final Duration pollInterval;
    private final JarNames jarNames;
    private final Function<Path, Optional<String>> installFailures;
    private ProviderExtender extender;
    private DeployMonitor monitor;

    /**
     * @param registry where providers and problems are announced
     * @param deployDir the folder FileInstall watches
     * @param pollInterval FileInstall's poll interval; the host's own checks run at the same pace
     * @param installFailures why the framework refused to install a file, where known
     */
    public PluginLayer(
            ProviderRegistry registry,
            Path deployDir,
            Duration pollInterval,
            Function<Path, Optional<String>> installFailures) {
        this.registry = registry;
        this.installFailures = installFailures;
        this.deployDir = deployDir;
        this.pollInterval = pollInterval;
        this.jarNames = new JarNames(deployDir);
    }

    /** Starts tracking plugins and checking the deploy folder. */
    public synchronized void open(BundleContext context) {
        context.addFrameworkListener(frameworkErrors());
        extender = new ProviderExtender(context, registry, jarNames);
        extender.open();
        Duration grace = pollInterval.multipliedBy(UNRESOLVED_GRACE_POLLS);
        monitor = new DeployMonitor(
                new DeployFolderInspector(deployDir, jarNames, registry, context, installFailures),
                new UnresolvedBundleReporter(context, registry, jarNames, grace),
                new BundleRefresher(context, REFRESH_TIMEOUT),
                pollInterval);
        monitor.start();
    }

    /** Stops the checks and withdraws every provider; plugins' threads end. */
    public synchronized void close() {
        if (monitor != null) {
            monitor.stop();
            monitor = null;
        }
        if (extender != null) {
            extender.close();
            extender = null;
        }
    }

    private FrameworkListener frameworkErrors() {
        return event -> {
            String bundle =
                    event.getBundle() == null ? "framework" : event.getBundle().getSymbolicName();
            String cause =
                    event.getThrowable() == null ? "" : event.getThrowable().getMessage();
            if (event.getType() == FrameworkEvent.ERROR) {
                logger.error("Failed in bundle '{}': {}", bundle, cause);
            } else if (event.getType() == FrameworkEvent.WARNING) {
                logger.warn("Warning from bundle '{}': {}", bundle, cause);
            }
        };
    }
}
