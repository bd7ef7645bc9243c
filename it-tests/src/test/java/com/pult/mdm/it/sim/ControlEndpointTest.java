package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /_sim/} endpoint: counters, fleet summary, tokens, rate limits, errors and the control token. */
class ControlEndpointTest {
    private static final String TOKEN = "ctl";
    private KandjiSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(100, 21))
                .token(TOKEN)
                .token("list", Permission.DEVICE_LIST)
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String firstId() {
        return sim.fleet().devices().get(0).deviceId();
    }

    @Test
    void countersCountRequestsPerEndpointKindAndStatus() throws Exception {
        http.get("/api/v1/devices", TOKEN);
        http.get("/api/v1/devices?offset=300", TOKEN);
        http.get("/api/v1/devices/" + firstId(), TOKEN);
        http.get("/api/v1/devices/" + firstId() + "/details", "list");
        http.get("/api/v1/devices/unknown/details", TOKEN);
        JsonNode c = http.controlJson("/_sim/counters", null);
        assertEquals(2, c.path("requests").get("list").asInt());
        assertEquals(1, c.path("requests").get("get").asInt());
        assertEquals(2, c.path("requests").get("details").asInt());
        assertEquals(3, c.path("statuses").get("200").asInt());
        assertEquals(1, c.path("statuses").get("403").asInt());
        assertEquals(1, c.path("statuses").get("404").asInt());
        assertEquals(0, c.get("rate_limited").asInt());
    }

    @Test
    void countersResetToZero() throws Exception {
        http.get("/api/v1/devices", TOKEN);
        http.controlJson("/_sim/counters/reset", "{}");
        assertEquals(0, sim.counters().totalRequests());
        assertEquals(0, http.controlJson("/_sim/counters", null).get("total").asInt());
    }

    @Test
    void countersCountRateLimitedResponses() throws Exception {
        http.controlJson("/_sim/rate-limit", "{\"per_second\":1,\"per_hour\":100}");
        for (int i = 0; i < 4; i++) {
            http.get("/api/v1/devices?limit=1", TOKEN);
        }
        assertEquals(sim.counters().responses(429), sim.counters().rateLimited());
        assertEquals(true, sim.counters().rateLimited() >= 2);
    }

    @Test
    void fleetSummaryMatchesTheJavaApi() throws Exception {
        JsonNode s = http.controlJson("/_sim/fleet", null);
        FleetSummary expected = sim.fleet().summary();
        assertEquals(expected.total(), s.get("total").asInt());
        assertEquals(expected.eligible(), s.get("eligible").asInt());
        assertEquals(expected.withMac(), s.get("with_mac").asInt());
    }

    @Test
    void fleetExportIsAFixtureOfEveryDevice() throws Exception {
        JsonNode devices = http.controlJson("/_sim/fleet/devices", null);
        assertEquals(100, devices.size());
        assertEquals(100, FleetFixtures.read(devices).size());
    }

    @Test
    void tokensCanBeAddedWithPermissionsOverHttp() throws Exception {
        http.controlJson("/_sim/tokens", "{\"token\":\"fresh\",\"permissions\":[\"DEVICE_ID\"]}");
        assertEquals(200, http.get("/api/v1/devices/" + firstId(), "fresh").statusCode());
        assertEquals(403, http.get("/api/v1/devices", "fresh").statusCode());
    }

    @Test
    void rateLimitSettingsCanBeReadAndTurnedOff() throws Exception {
        JsonNode rl = http.controlJson("/_sim/rate-limit", "{\"enabled\":false}");
        assertEquals(false, rl.get("enabled").asBoolean());
        assertEquals(10_000, rl.get("per_hour").asInt());
    }

    @Test
    void unknownRouteAnswers404AndBadInput400() throws Exception {
        assertEquals(404, http.control("/_sim/nothing", "{}", null).statusCode());
        assertEquals(
                400,
                http.control("/_sim/fleet/add", "{\"count\":\"many\"}", null).statusCode());
        assertEquals(400, http.control("/_sim/fleet/add", "not json", null).statusCode());
    }

    @Test
    void controlTokenIsRequiredWhenConfigured() throws Exception {
        sim.close();
        sim = KandjiSimulator.start(
                SimulatorConfig.builder().controlToken("secret").build());
        http = new SimHttp(sim);
        HttpResponse<String> denied = http.control("/_sim/fleet", null, null);
        assertEquals(401, denied.statusCode());
        assertEquals(200, http.control("/_sim/fleet", null, "secret").statusCode());
    }

    @Test
    void controlCallsAreNotCountedAsApiRequests() throws Exception {
        http.controlJson("/_sim/fleet", null);
        assertEquals(0, sim.counters().totalRequests());
    }
}
