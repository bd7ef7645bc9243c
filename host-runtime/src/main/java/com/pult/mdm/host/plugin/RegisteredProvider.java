package com.pult.mdm.host.plugin;

/**
 * A provider as the registry holds it.
 *
 * @param provider the provider and where it came from
 * @param status whether it serves its id or is shadowed by a higher version
 */
public record RegisteredProvider(PluginProvider provider, ProviderStatus status) {}
