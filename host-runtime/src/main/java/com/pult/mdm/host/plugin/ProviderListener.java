package com.pult.mdm.host.plugin;

/**
 * Told when a provider starts or stops serving its id. Called on the thread that changed the registry while
 * the registry is locked, in the order of the changes: return quickly and do not call back into plugins.
 */
public interface ProviderListener {

    /** {@code provider} now serves its id: it was deployed, or took over from a removed higher version. */
    void providerAdded(PluginProvider provider);

    /** {@code provider} no longer serves its id: it was removed, or a higher version took over. */
    void providerRemoved(PluginProvider provider);

    /** A plugin problem was recorded. Does nothing unless overridden. */
    default void problemReported(PluginProblem problem) {}
}
