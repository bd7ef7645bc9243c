package com.pult.mdm.host.plugin;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host's own checks of the deploy folder and the framework at FileInstall's poll interval, on one
 * thread of its own: the folder inspection, the unresolved-bundle report and the pending refresh.
 */
final class DeployMonitor {

    private final Logger logger = LoggerFactory.getLogger(DeployMonitor.class);
    private final DeployFolderInspector inspector;
    private final UnresolvedBundleReporter unresolved;
    private final BundleRefresher refresher;
    private final Duration interval;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "pult-deploy-monitor");
        thread.setDaemon(true);
        return thread;
    });

    DeployMonitor(
            DeployFolderInspector inspector,
            UnresolvedBundleReporter unresolved,
            BundleRefresher refresher,
            Duration interval) {
        this.inspector = inspector;
        this.unresolved = unresolved;
        this.refresher = refresher;
        this.interval = interval;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::scan, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(interval.toMillis() * 4, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void scan() {
        // One failing step must neither stop the others nor end the schedule.
        step("inspect the deploy folder", inspector::scan);
        step("check for unresolved bundles", unresolved::check);
        step("refresh pending bundles", refresher::refreshPending);
    }

    private void step(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            logger.warn("Failed to {}: {}", what, e.toString());
            logger.debug("Stack trace of the failure to {}", what, e);
        }
    }
}
