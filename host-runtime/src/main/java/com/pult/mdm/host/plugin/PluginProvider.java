package com.pult.mdm.host.plugin;

import com.pult.mdm.spi.MdmProviderFactory;
import java.util.concurrent.Executor;
import org.osgi.framework.Version;

/**
 * One provider factory found in a deployed plugin, with where it came from.
 *
 * @param id the factory's {@link MdmProviderFactory#id()}, read once when the plugin started
 * @param displayName the factory's {@link MdmProviderFactory#displayName()}, read once
 * @param bundleSymbolicName the plugin bundle's symbolic name
 * @param version the plugin bundle's version; the highest of several with one id serves
 * @param jar the file the plugin came from, such as {@code deploy/kandji-plugin.jar}
 * @param bundleId the framework's id of the plugin bundle
 * @param factory the instance; call it only on {@link #executor()}
 * @param executor the plugin's own threads, ended when the plugin is removed so its class loader can go
 */
public record PluginProvider(
        String id,
        String displayName,
        String bundleSymbolicName,
        Version version,
        String jar,
        long bundleId,
        MdmProviderFactory factory,
        Executor executor) {

    /** The provider's origin as log lines show it: {@code bundle 'x' 1.0.0 (deploy/x.jar)}. */
    public String origin() {
        return "bundle '" + bundleSymbolicName + "' " + version + " (" + jar + ")";
    }
}
