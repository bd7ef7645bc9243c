package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API about the API: tokens (list, create, rotate, delete), the audit log, the OpenAPI description, the
 * metrics, and the health checks.
 */
final class AdminRoutes {

    /** Where the hand-written OpenAPI description lives on the class path. */
    static final String OPENAPI_RESOURCE = "/com/pult/mdm/host/web/openapi.json";

    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HostServices services;
    private final ApiMetrics metrics;
    private final String openApi;

    AdminRoutes(HostServices services, ApiMetrics metrics) {
        this.services = services;
        this.metrics = metrics;
        this.openApi = readOpenApi();
    }

    List<Route> routes() {
        return List.of(
                Route.get("/health/live", Access.PUBLIC, call -> Reply.ok(Map.of("status", "live"))),
                Route.get("/health/ready", Access.PUBLIC, call -> ready()),
                Route.get("/metrics", Access.HOST_ADMIN, call -> Reply.text(PROMETHEUS_TEXT, metrics.scrape())),
                Route.get("/api/v1/openapi.json", Access.ORGANIZATION, call -> Reply.text("application/json", openApi)),
                Route.get("/api/v1/tokens", Access.ORGANIZATION, this::tokens),
                Route.post("/api/v1/tokens", Access.ORGANIZATION, this::createToken),
                Route.post("/api/v1/tokens/{tokenId}/rotate", Access.ORGANIZATION, this::rotateToken),
                Route.delete("/api/v1/tokens/{tokenId}", Access.ORGANIZATION, this::deleteToken),
                Route.get("/api/v1/audit", Access.ORGANIZATION, this::audit));
    }

    /** Ready once the database answers; a load balancer sends no traffic before. */
    private Reply ready() throws ApiProblem {
        try {
            services.organizations().list();
            return Reply.ok(Map.of("status", "ready"));
        } catch (StoreException e) {
            throw new ApiProblem(503, "not-ready", "Not ready", "The database does not answer: " + e.getMessage());
        }
    }

    private Reply tokens(Call call) throws Exception {
        return Reply.ok(Map.of(
                "tokens",
                services.apiTokens().list(call.orgId()).stream()
                        .map(Views::token)
                        .toList()));
    }

    /** A new token of the caller's organization; only a host-admin token may create another host-admin token. */
    private Reply createToken(Call call) throws Exception {
        Input input = call.input().allowOnly(Set.of("name", "hostAdmin"));
        String name = input.requiredText("name", 100);
        boolean hostAdmin = input.optionalBoolean("hostAdmin").orElse(false);
        if (hostAdmin && !call.token().hostAdmin()) {
            throw WebServer.hostAdminRequired();
        }
        return Reply.created(Views.issued(services.apiTokens().create(call.orgId(), name, hostAdmin)));
    }

    private Reply rotateToken(Call call) throws Exception {
        String tokenId = call.path("tokenId");
        return services.apiTokens()
                .rotate(call.orgId(), tokenId)
                .map(issued -> Reply.ok(Views.issued(issued)))
                .orElseThrow(() -> tokenNotFound(tokenId));
    }

    private Reply deleteToken(Call call) throws Exception {
        String tokenId = call.path("tokenId");
        if (!services.apiTokens().delete(call.orgId(), tokenId)) {
            throw tokenNotFound(tokenId);
        }
        return Reply.noContent();
    }

    private Reply audit(Call call) throws Exception {
        int limit = call.queryInt("limit", 100, 1, 1_000);
        return Reply.ok(Map.of(
                "entries",
                services.audit().newest(call.orgId(), limit).stream()
                        .map(Views::audit)
                        .toList()));
    }

    private static ApiProblem tokenNotFound(String tokenId) {
        return ApiProblem.notFound("token-not-found", "No token '" + tokenId + "' in this organization.");
    }

    private static String readOpenApi() {
        try (InputStream in = AdminRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The host jar lacks " + OPENAPI_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
