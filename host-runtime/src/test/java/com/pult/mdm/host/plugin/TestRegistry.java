package com.pult.mdm.host.plugin;

import com.pult.mdm.spi.MdmProviderFactory;
import org.osgi.framework.Version;

/** Announces a provider in a registry as a deployed plugin would, for tests without the plugin framework. */
public final class TestRegistry {

    private TestRegistry() {}

    public static void add(ProviderRegistry registry, MdmProviderFactory factory) {
        registry.add(new PluginProvider(
                factory.id(),
                factory.displayName(),
                "com.pult.mdm.test." + factory.id(),
                new Version(1, 2, 3),
                "deploy/" + factory.id() + ".jar",
                1L,
                factory,
                Runnable::run));
    }
}
