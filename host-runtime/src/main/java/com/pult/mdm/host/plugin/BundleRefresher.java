package com.pult.mdm.host.plugin;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes bundles an update or uninstall left pending removal, and waits for the refresh to finish. Until
 * then a replacement can stay wired to the old revision (or, for a singleton, stay unresolved). FileInstall
 * refreshes what it changed itself; this covers changes made any other way. Runs on the deploy monitor's
 * thread only.
 */
final class BundleRefresher {

    private final Logger logger = LoggerFactory.getLogger(BundleRefresher.class);
    private final FrameworkWiring wiring;
    private final Duration timeout;

    BundleRefresher(BundleContext context, Duration timeout) {
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        this.timeout = timeout;
    }

    void refreshPending() {
        Collection<Bundle> pending = wiring.getRemovalPendingBundles();
        if (pending.isEmpty()) {
            return;
        }
        String names = pending.stream().map(Bundle::getSymbolicName).collect(Collectors.joining("', '", "'", "'"));
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(pending, event -> done.countDown());
        try {
            if (done.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                logger.info("Refreshed {} left pending by an update or removal", names);
            } else {
                logger.warn("Failed to refresh {} within {} ms; retrying on the next scan", names, timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
