package com.pult.mdm.host.plugin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The providers the deployed plugins offer, and the problems of the plugins that offer none.
 *
 * <p>Rule for one id offered by several plugins (such as two versions of one jar in deploy/): the highest
 * bundle version serves; on equal versions the plugin installed first keeps serving. The others are
 * {@link ProviderStatus#SHADOWED}, reported once in the log, and the highest of them takes over when the
 * serving one is removed.
 */
public final class ProviderRegistry {

    private static final Comparator<PluginProvider> PRECEDENCE =
            Comparator.comparing(PluginProvider::version).reversed().thenComparingLong(PluginProvider::bundleId);

    private final Logger logger = LoggerFactory.getLogger(ProviderRegistry.class);
    private final Map<String, List<PluginProvider>> candidates = new TreeMap<>();
    private final Map<String, PluginProblem> problems = new LinkedHashMap<>();
    private final List<ProviderListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener and tells it at once about every provider serving now. */
    public synchronized void addListener(ProviderListener listener) {
        listeners.add(listener);
        available().forEach(listener::providerAdded);
    }

    /** Removes a listener; it is told nothing more. */
    public void removeListener(ProviderListener listener) {
        listeners.remove(listener);
    }

    /** The provider serving {@code id}, if a plugin offers it. */
    public synchronized Optional<PluginProvider> provider(String id) {
        List<PluginProvider> offered = candidates.getOrDefault(id, List.of());
        return offered.stream().min(PRECEDENCE);
    }

    /** The serving provider of every id, ordered by id. */
    public synchronized List<PluginProvider> available() {
        return candidates.keySet().stream().flatMap(id -> provider(id).stream()).toList();
    }

    /** Every provider offered, serving and shadowed, ordered by id and precedence. */
    public synchronized List<RegisteredProvider> providers() {
        List<RegisteredProvider> all = new ArrayList<>();
        candidates
                .values()
                .forEach(offered -> offered.stream().sorted(PRECEDENCE).forEach(p -> {
                    boolean serving = all.isEmpty()
                            || !all.get(all.size() - 1).provider().id().equals(p.id());
                    all.add(new RegisteredProvider(p, serving ? ProviderStatus.SERVING : ProviderStatus.SHADOWED));
                }));
        return List.copyOf(all);
    }

    /** The plugin problems recorded now, oldest first. */
    public synchronized List<PluginProblem> problems() {
        return List.copyOf(problems.values());
    }

    synchronized void add(PluginProvider provider) {
        PluginProvider before = provider(provider.id()).orElse(null);
        candidates.computeIfAbsent(provider.id(), id -> new ArrayList<>()).add(provider);
        PluginProvider after = provider(provider.id()).orElseThrow();
        if (after != provider) {
            logShadowed(provider, after);
            return;
        }
        if (before != null) {
            notifyRemoved(before);
        }
        logger.info("Provider '{}' available from {}", provider.id(), provider.origin());
        notifyAdded(provider);
        if (before != null) {
            logShadowed(before, provider);
        }
    }

    synchronized void removeBundle(long bundleId) {
        for (String id : List.copyOf(candidates.keySet())) {
            PluginProvider before = provider(id).orElseThrow();
            List<PluginProvider> offered = candidates.get(id);
            offered.removeIf(p -> p.bundleId() == bundleId);
            if (offered.isEmpty()) {
                candidates.remove(id);
            }
            if (before.bundleId() == bundleId) {
                logger.info("Provider '{}' withdrawn with {}", id, before.origin());
                notifyRemoved(before);
                provider(id).ifPresent(this::takeOver);
            }
        }
    }

    synchronized void report(String jar, PluginProblem.Kind kind, String reason) {
        PluginProblem problem = new PluginProblem(jar, kind, reason, Instant.now());
        problems.put(key(jar, kind), problem);
        listeners.forEach(listener -> safely(() -> listener.problemReported(problem)));
    }

    synchronized void clear(String jar, PluginProblem.Kind kind) {
        problems.remove(key(jar, kind));
    }

    synchronized void clearAll(String jar) {
        problems.values().removeIf(problem -> problem.jar().equals(jar));
    }

    private void takeOver(PluginProvider next) {
        logger.info("Provider '{}' available from {}, which took over", next.id(), next.origin());
        notifyAdded(next);
    }

    private void logShadowed(PluginProvider shadowed, PluginProvider serving) {
        logger.warn(
                "Provider '{}' from {} shadowed by {} ({}): the highest version serves",
                shadowed.id(),
                shadowed.origin(),
                serving.version(),
                serving.jar());
    }

    private void notifyAdded(PluginProvider provider) {
        listeners.forEach(listener -> safely(() -> listener.providerAdded(provider)));
    }

    private void notifyRemoved(PluginProvider provider) {
        listeners.forEach(listener -> safely(() -> listener.providerRemoved(provider)));
    }

    private void safely(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            logger.warn("Failed to notify a provider listener: {}", e.toString());
        }
    }

    private static String key(String jar, PluginProblem.Kind kind) {
        return kind + " " + jar;
    }
}
