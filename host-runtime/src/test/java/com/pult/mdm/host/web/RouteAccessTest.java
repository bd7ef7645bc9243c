package com.pult.mdm.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks the whole route table: every route but the health checks refuses a missing and a wrong token, and no route
 * lets another organization's token see or change acme's integration, user or token.
 */
class RouteAccessTest {

    @TempDir
    static Path home;

    /** Names that appear only in acme's own data, never in a URL, so an answer holding one leaked it. */
    private static final String INTEGRATION_NAME = "Acme Private Integration";

    private static final String USER_NAME = "Ann Acmeson";
    private static ApiFixture api;
    private static String integrationId;

    @BeforeAll
    static void start() throws Exception {
        if (api != null) {
            return;
        }
        api = new ApiFixture(home);
        integrationId = api.createIntegration(INTEGRATION_NAME);
        HttpResponse<String> users = api.send(
                "POST",
                "/api/v1/users/import",
                api.acme.secret(),
                "text/csv",
                "email,name\nann@acme.test," + USER_NAME + "\n");
        assertEquals(200, users.statusCode(), users.body());
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Route> protectedRoutes() throws Exception {
        if (api == null) {
            start();
        }
        return api.server.routes().stream().filter(route -> route.access() != Access.PUBLIC);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void missingTokenIsRefused(Route route) throws Exception {
        HttpResponse<String> response = api.send(route.method().name(), path(route), null, "application/json", "{}");

        assertEquals(401, response.statusCode(), response.body());
        assertEquals("unauthorized", ApiFixture.json(response).get("code").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void wrongTokenIsRefused(Route route) throws Exception {
        String forged = ApiTokens.PREFIX + "A".repeat(43);
        HttpResponse<String> response = api.send(route.method().name(), path(route), forged, "application/json", "{}");

        assertEquals(401, response.statusCode(), response.body());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protectedRoutes")
    void anotherOrganizationsTokenNeverReachesAcmesData(Route route) throws Exception {
        HttpResponse<String> response =
                api.send(route.method().name(), path(route), api.globex.secret(), "application/json", "{}");

        if (namesAcmesObject(route)) {
            assertEquals(404, response.statusCode(), response.body());
        }
        for (String acmeOnly :
                new String[] {INTEGRATION_NAME, USER_NAME, api.acme.token().name()}) {
            assertFalse(response.body().contains(acmeOnly), response.body());
        }
        assertEquals(
                200, api.get("/api/v1/integrations/" + integrationId, api.acme).statusCode());
        assertTrue(api.get("/api/v1/users", api.acme).body().contains("ann@acme.test"));
        assertEquals(200, api.get("/api/v1/users", api.acme).statusCode(), "acme's own token still works");
    }

    private static boolean namesAcmesObject(Route route) {
        return route.path().contains("{id}")
                || route.path().contains("{tokenId}")
                || route.path().contains("{email}");
    }

    /** The route's path with acme's objects in its parameters. */
    private static String path(Route route) {
        return route.path()
                .replace("{id}", integrationId)
                .replace("{tokenId}", api.acme.token().id())
                .replace("{email}", "ann@acme.test")
                .replace("{providerId}", "fake")
                .replace("{userId}", "someone")
                .replace("{serial}", "SER0")
                .replace("{mac}", "a4:83:e7:00:00:00")
                .replace("{ip}", "10.0.0.1");
    }
}
