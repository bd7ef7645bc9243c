package com.pult.mdm.host.plugin;

import java.net.URL;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds provider factories in started bundles (the extender pattern), so that plugins need no OSGi code: a
 * bundle that names a factory in its {@code META-INF/services} entry gets threads of its own, and its factory
 * is loaded and created there. Tracker callbacks run on the thread that starts the bundle (FileInstall's),
 * so a slow factory constructor must not run in them: it would hold up every other deployment.
 */
final class ProviderExtender implements BundleTrackerCustomizer<Plugin> {

    private final Logger logger = LoggerFactory.getLogger(ProviderExtender.class);
    private final ProviderRegistry registry;
    private final JarNames jarNames;
    private final BundleTracker<Plugin> tracker;

    ProviderExtender(BundleContext context, ProviderRegistry registry, JarNames jarNames) {
        this.registry = registry;
        this.jarNames = jarNames;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
    }

    void open() {
        tracker.open();
    }

    /** Withdraws every provider and ends every plugin's threads. */
    void close() {
        tracker.close();
    }

    @Override
    public Plugin addingBundle(Bundle bundle, BundleEvent event) {
        URL entry = bundle.getEntry(FactoryLoader.SERVICES_ENTRY);
        if (entry == null) {
            return null;
        }
        Plugin plugin = new Plugin(bundle, jarNames.ofLocation(bundle.getLocation()));
        plugin.submit(() -> loadFactories(plugin, bundle, entry));
        return plugin;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Plugin plugin) {
        // STARTING to ACTIVE of a lazily activated bundle: the factory is loaded already.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Plugin plugin) {
        plugin.close();
        registry.removeBundle(plugin.bundleId());
        registry.clear(plugin.jar(), PluginProblem.Kind.FACTORY);
    }

    private void loadFactories(Plugin plugin, Bundle bundle, URL entry) {
        try {
            List<String> classNames = FactoryLoader.classNames(entry);
            for (String className : classNames) {
                loadFactory(plugin, bundle, className);
            }
        } catch (FactoryLoadException e) {
            plugin.whileOpen(() -> reportProblem(plugin, e));
        }
    }

    private void loadFactory(Plugin plugin, Bundle bundle, String className) {
        try {
            FactoryLoader.Loaded loaded = FactoryLoader.load(bundle, className);
            plugin.whileOpen(() -> registry.add(new PluginProvider(
                    loaded.id(),
                    loaded.displayName(),
                    plugin.symbolicName(),
                    plugin.version(),
                    plugin.jar(),
                    plugin.bundleId(),
                    loaded.factory(),
                    plugin.executor())));
        } catch (FactoryLoadException e) {
            plugin.whileOpen(() -> reportProblem(plugin, e));
        }
    }

    private void reportProblem(Plugin plugin, FactoryLoadException e) {
        logger.error("Failed to load the provider of plugin {}: {}", plugin.describe(), e.getMessage());
        if (e.getCause() != null) {
            logger.debug("Stack trace of the provider failure of plugin {}", plugin.describe(), e.getCause());
        }
        registry.report(plugin.jar(), PluginProblem.Kind.FACTORY, e.getMessage());
    }
}
