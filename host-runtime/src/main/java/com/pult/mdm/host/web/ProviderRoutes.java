package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.plugin.RegisteredProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The installed plugins and their providers. Any token may list them; enabling or disabling one affects every
 * organization, so only a host-admin token may.
 */
final class ProviderRoutes {

    private final HostServices services;
    private final ProviderRegistry registry;

    ProviderRoutes(HostServices services, ProviderRegistry registry) {
        this.services = services;
        this.registry = registry;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/providers", Access.ORGANIZATION, call -> list()),
                Route.post("/api/v1/providers/{providerId}/enable", Access.HOST_ADMIN, call -> enable(call, true)),
                Route.post("/api/v1/providers/{providerId}/disable", Access.HOST_ADMIN, call -> enable(call, false)));
    }

    private Reply list() throws Exception {
        List<Map<String, Object>> providers = new ArrayList<>();
        for (RegisteredProvider registered : registry.providers()) {
            boolean enabled = services.integrations()
                    .isProviderEnabled(registered.provider().id());
            providers.add(Views.provider(registered, enabled));
        }
        List<Map<String, Object>> problems =
                registry.problems().stream().map(Views::pluginProblem).toList();
        return Reply.ok(Map.of("providers", providers, "problems", problems));
    }

    private Reply enable(Call call, boolean enabled) throws Exception {
        String providerId = call.path("providerId");
        if (!providerId.matches("[a-z0-9]+(-[a-z0-9]+)*") || providerId.length() > 64) {
            throw ApiProblem.invalidField("providerId", "'" + providerId + "' is not a provider id such as 'kandji'.");
        }
        services.integrations().setProviderEnabled(providerId, enabled);
        return Reply.ok(Map.of("id", providerId, "enabled", enabled));
    }
}
