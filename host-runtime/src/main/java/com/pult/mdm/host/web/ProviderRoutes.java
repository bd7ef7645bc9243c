package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.plugin.RegisteredProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed plugins and their providers. Any token may list them; enabling or disabling one affects every
 * organization, so only a host-admin token may.
 */
final class ProviderRoutes {

    private final Logger logger = LoggerFactory.getLogger(ProviderRoutes.class);
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
            providers.add(describe(registered, enabled));
        }
        List<Map<String, Object>> problems =
                registry.problems().stream().map(Views::pluginProblem).toList();
        return Reply.ok(Map.of("providers", providers, "problems", problems));
    }

    /**
     * The provider with its form. The form comes from the plugin's own code, so a plugin that fails to describe
     * it is listed with no fields and logged, rather than failing the whole list.
     */
    private Map<String, Object> describe(RegisteredProvider registered, boolean enabled) {
        MdmProviderFactory factory = registered.provider().factory();
        try {
            return Views.provider(registered, enabled, factory.credentialFields(), factory.capabilities());
        } catch (RuntimeException e) {
            logger.warn(
                    "Provider '{}' from {} failed to describe its fields: {}",
                    registered.provider().id(),
                    registered.provider().origin(),
                    e.toString());
            return Views.provider(registered, enabled, List.of(), Set.of());
        }
    }

    private Reply enable(Call call, boolean enabled) throws Exception {
        String providerId = call.path("providerId");
        if (!providerId.matches("[a-z0-9]+(-[a-z0-9]+)*") || providerId.length() > 64) {
            throw ApiProblem.invalidField("providerId", "'" + providerId + "' is not a provider id such as 'kandji'.");
        }
        if (registry.provider(providerId).isEmpty()) {
            String deployed = registry.providers().stream()
                    .map(registered -> registered.provider().id())
                    .sorted()
                    .collect(Collectors.joining(", "));
            throw ApiProblem.notFound(
                    "provider-not-found",
                    "No provider '" + providerId + "' is deployed"
                            + (deployed.isEmpty() ? "" : " (deployed: " + deployed + ")")
                            + "; check the id in GET /api/v1/providers, or deploy its plugin first.");
        }
        services.integrations().setProviderEnabled(providerId, enabled);
        return Reply.ok(Map.of("id", providerId, "enabled", enabled));
    }
}
