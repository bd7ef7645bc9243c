package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens: 401 for missing/unknown/revoked tokens, 403 for a valid token without the endpoint's permission. */
class AuthTest {
    private static final String INVALID = "{\"detail\":\"Invalid token.\"}";
    private static final String FORBIDDEN = "{\"detail\":\"You do not have permission to perform this action.\"}";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:00:00.250Z"));
    private KandjiSimulator sim;
    private SimHttp http;
    private String deviceId;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(20, 3, clock))
                .clock(clock)
                .token("all")
                .token("list-only", Permission.DEVICE_LIST)
                .token("id-only", Permission.DEVICE_ID)
                .token("details-only", Permission.DEVICE_DETAILS)
                .build());
        http = new SimHttp(sim);
        deviceId = sim.fleet().devices().get(0).deviceId();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private int status(String path, String token) throws Exception {
        return http.get(path, token).statusCode();
    }

    private String list() {
        return "/api/v1/devices";
    }

    private String one() {
        return "/api/v1/devices/" + deviceId;
    }

    private String details() {
        return one() + "/details";
    }

    @Test
    void missingAuthorizationHeaderAnswers401InvalidToken() throws Exception {
        HttpResponse<String> r = http.get(list(), null);
        assertEquals(401, r.statusCode());
        assertEquals(INVALID, r.body());
    }

    @Test
    void unauthorizedBodyMatchesWhatIntegratorFixturesExpect() throws Exception {
        JsonNode expected = Json.sample("synthetic/runzero_auth_failure_fixture.json")
                .path("routes")
                .get(0)
                .path("responses")
                .get(0)
                .path("json");
        assertEquals(
                expected,
                Json.MAPPER.readTree(http.get(list(), "fixture-revoked-token").body()));
    }

    @Test
    void unknownTokenAnswers401InvalidToken() throws Exception {
        HttpResponse<String> r = http.get(details(), "who-knows");
        assertEquals(401, r.statusCode());
        assertEquals(INVALID, r.body());
    }

    @Test
    void listOnlyTokenGets403OnGetAndDetails() throws Exception {
        assertEquals(200, status(list(), "list-only"));
        HttpResponse<String> r = http.get(one(), "list-only");
        assertEquals(403, r.statusCode());
        assertEquals(FORBIDDEN, r.body());
        assertEquals(403, status(details(), "list-only"));
    }

    @Test
    void deviceIdTokenMayOnlyGetSingleDevices() throws Exception {
        assertEquals(403, status(list(), "id-only"));
        assertEquals(200, status(one(), "id-only"));
        assertEquals(403, status(details(), "id-only"));
    }

    @Test
    void detailsTokenMayOnlyReadDetails() throws Exception {
        assertEquals(403, status(list(), "details-only"));
        assertEquals(403, status(one(), "details-only"));
        assertEquals(200, status(details(), "details-only"));
    }

    @Test
    void unknownDeviceWithForbiddenTokenIs403NotLeaking404() throws Exception {
        assertEquals(403, status("/api/v1/devices/missing/details", "list-only"));
    }

    @Test
    void revokedTokenAnswers401Immediately() throws Exception {
        assertEquals(200, status(list(), "all"));
        sim.tokens().revoke("all");
        assertEquals(401, status(list(), "all"));
    }

    @Test
    void tokenRevokedFromAnInstantWorksUntilThenAnd401Afterwards() throws Exception {
        sim.tokens().revokeAt("all", clock.instant().plusSeconds(30));
        assertEquals(200, status(list(), "all"));
        clock.advance(Duration.ofSeconds(31));
        assertEquals(401, status(list(), "all"));
    }

    @Test
    void tokensAddedAtRunTimeWorkAtOnce() throws Exception {
        assertEquals(401, status(details(), "late"));
        sim.tokens().add("late", EnumSet.of(Permission.DEVICE_DETAILS));
        assertEquals(200, status(details(), "late"));
        sim.tokens().add("later", Set.of());
        assertEquals(200, status(list(), "later"));
    }
}
