package com.pult.mdm.host.plugin;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds bundles that stay INSTALLED (unresolved) past a short grace period and reports, once per bundle
 * version, the requirements nothing satisfies. Needed because FileInstall's failed start is silent at the
 * log levels one runs with and fires no framework error event. Runs on the deploy monitor's thread only.
 */
final class UnresolvedBundleReporter {

    private final Logger logger = LoggerFactory.getLogger(UnresolvedBundleReporter.class);
    private final BundleContext context;
    private final FrameworkWiring wiring;
    private final Requirements requirements;
    private final ProviderRegistry registry;
    private final JarNames jarNames;
    private final long graceNanos;
    private final Map<Long, Pending> pending = new HashMap<>();

    /** A bundle seen unresolved: since when, in which version of its content, and whether it was reported. */
    private static final class Pending {
        final long since;
        final long lastModified;
        final String jar;
        boolean reported;

        Pending(long since, long lastModified, String jar) {
            this.since = since;
            this.lastModified = lastModified;
            this.jar = jar;
        }
    }

    UnresolvedBundleReporter(BundleContext context, ProviderRegistry registry, JarNames jarNames, Duration grace) {
        this.context = context;
        this.wiring = context.getBundle(Constants.SYSTEM_BUNDLE_ID).adapt(FrameworkWiring.class);
        this.requirements = new Requirements(context);
        this.registry = registry;
        this.jarNames = jarNames;
        this.graceNanos = grace.toNanos();
    }

    void check() {
        long now = System.nanoTime();
        Set<Long> unresolved = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (isUnresolved(bundle)) {
                unresolved.add(bundle.getBundleId());
                track(bundle, now);
            }
        }
        pending.entrySet().removeIf(entry -> {
            boolean gone = !unresolved.contains(entry.getKey());
            if (gone && entry.getValue().reported) {
                registry.clear(entry.getValue().jar, PluginProblem.Kind.UNRESOLVED);
            }
            return gone;
        });
    }

    private static boolean isUnresolved(Bundle bundle) {
        if (bundle.getBundleId() == Constants.SYSTEM_BUNDLE_ID || bundle.getState() != Bundle.INSTALLED) {
            return false;
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        return revision != null && (revision.getTypes() & BundleRevision.TYPE_FRAGMENT) == 0;
    }

    private void track(Bundle bundle, long now) {
        Pending known = pending.get(bundle.getBundleId());
        if (known == null || known.lastModified != bundle.getLastModified()) {
            if (known != null && known.reported) {
                registry.clear(known.jar, PluginProblem.Kind.UNRESOLVED);
            }
            String jar = jarNames.ofLocation(bundle.getLocation());
            pending.put(bundle.getBundleId(), new Pending(now, bundle.getLastModified(), jar));
            return;
        }
        if (!known.reported && now - known.since >= graceNanos) {
            known.reported = diagnose(bundle, known.jar);
        }
    }

    /** Reports why the bundle does not resolve; false when it turned out to resolve after all. */
    private boolean diagnose(Bundle bundle, String jar) {
        if (wiring.resolveBundles(Set.of(bundle))) {
            return false;
        }
        List<String> unmet = requirements.unsatisfied(bundle);
        String reason = unmet.isEmpty() ? startFailure(bundle) : String.join("; ", unmet);
        if (reason == null) {
            return false;
        }
        logger.error(
                "Failed to resolve plugin '{}' (bundle '{}' {}): {}",
                jar,
                bundle.getSymbolicName(),
                bundle.getVersion(),
                reason);
        registry.report(jar, PluginProblem.Kind.UNRESOLVED, reason);
        return true;
    }

    /**
     * The framework's own explanation, for conflicts no single requirement shows (such as a uses constraint).
     * A transient start changes nothing FileInstall relies on.
     */
    private static String startFailure(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return null;
        } catch (BundleException | IllegalStateException e) {
            return String.valueOf(e.getMessage()).replace('\n', ' ');
        }
    }
}
