package com.pult.mdm.host.launch;

import com.pult.mdm.host.config.HostConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * The configuration handed to {@code FrameworkFactory.newFramework}. The framework reads its configuration
 * only from this map, never from system properties, and FileInstall reads its own from the same place.
 */
final class FrameworkProperties {

    static final String STORAGE = "org.osgi.framework.storage";
    static final String STORAGE_CLEAN = "org.osgi.framework.storage.clean";
    static final String SYSTEM_PACKAGES_EXTRA = "org.osgi.framework.system.packages.extra";

    // FileInstall log levels: 1 error, 2 warning, 3 info, 4 debug.
    private static final String FILEINSTALL_ALL_LEVELS = "4";

    private FrameworkProperties() {}

    static Map<String, String> of(HostConfig config, SystemPackages packages) {
        Map<String, String> properties = new HashMap<>();
        properties.put(STORAGE, config.cacheDir().toString());
        // FileInstall re-installs deploy/ at every start, so a cache kept across starts only risks stale wiring.
        properties.put(STORAGE_CLEAN, "onFirstInit");
        properties.put(SYSTEM_PACKAGES_EXTRA, packages.extraPackages());
        properties.putAll(fileInstall(config));
        return properties;
    }

    private static Map<String, String> fileInstall(HostConfig config) {
        Map<String, String> properties = new HashMap<>();
        properties.put("felix.fileinstall.dir", config.deployDir().toString());
        properties.put(
                "felix.fileinstall.poll", Long.toString(config.pollInterval().toMillis()));
        properties.put("felix.fileinstall.noInitialDelay", "true");
        // Without the filter a .part file being copied in is installed too.
        properties.put("felix.fileinstall.filter", ".*\\.jar");
        // Everything goes to java.util.logging and on to SLF4J, where logback decides what is shown.
        properties.put("felix.fileinstall.log.level", FILEINSTALL_ALL_LEVELS);
        properties.put("felix.fileinstall.log.default", "jul");
        return properties;
    }
}
