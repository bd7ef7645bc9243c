package com.pult.mdm.host;

import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.plugin.ProviderRegistry;
import java.util.Map;

/** Opens and starts the host's services without the plugin framework, for tests of the layers above them. */
public final class TestServices {

    private TestServices() {}

    public static HostServices start(HostConfig config, ProviderRegistry registry) throws Exception {
        HostServices services = HostServices.open(config, registry, Map.of());
        services.start();
        return services;
    }
}
