package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fleet changes between requests, driven through the control endpoint (HTTP) and the Java API. */
class MutationsTest {
    private static final String TOKEN = "mut";
    private final MutableClock clock = new MutableClock(Instant.parse("2025-06-10T08:00:00.123456Z"));
    private KandjiSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(200, 13, clock))
                .clock(clock)
                .token(TOKEN)
                .rateLimit(RateLimitConfig.off())
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private SimDevice healthyMac() {
        return sim.fleet().devices().stream()
                .filter(d -> d.platform() == Platform.MAC
                        && d.macAddress().isPresent()
                        && d.user().isPresent())
                .filter(d -> d.mdmEnabled() && !d.user().get().archived())
                .findFirst()
                .orElseThrow();
    }

    private JsonNode row(String id) throws Exception {
        return http.getJson("/api/v1/devices/" + id, TOKEN);
    }

    private JsonNode details(String id) throws Exception {
        return http.getJson("/api/v1/devices/" + id + "/details", TOKEN);
    }

    @Test
    void addedDevicesAppearInTheListWithFreshCheckIns() throws Exception {
        JsonNode added = http.controlJson("/_sim/fleet/add", "{\"count\":25}").get("added");
        assertEquals(25, added.size());
        assertEquals(
                "225",
                http.get("/api/v1/devices?limit=1", TOKEN)
                        .headers()
                        .firstValue("x-total-count")
                        .get());
        Instant seen = ConsumerParser.time(
                row(added.get(0).asText()).get("last_check_in").asText());
        assertEquals(KandjiTime.micros(clock.instant()), seen);
    }

    @Test
    void removedDevicesAnswer404AndLeaveTheList() throws Exception {
        String id = sim.fleet().devices().get(0).deviceId();
        JsonNode out = http.controlJson("/_sim/fleet/remove", "{\"device_ids\":[\"" + id + "\"]}");
        assertEquals(1, out.get("removed").asInt());
        assertEquals(404, http.get("/api/v1/devices/" + id, TOKEN).statusCode());
        assertEquals(199, http.getJson("/api/v1/devices", TOKEN).size());
    }

    @Test
    void checkInMovesLastCheckInAndIpAddress() throws Exception {
        SimDevice d = healthyMac();
        JsonNode before = details(d.deviceId());
        clock.advance(Duration.ofMinutes(5));
        http.controlJson("/_sim/fleet/check-in", "{\"device_ids\":[\"" + d.deviceId() + "\"]}");
        JsonNode after = details(d.deviceId());
        assertNotEquals(
                before.path("network").get("ip_address"), after.path("network").get("ip_address"));
        Instant seen =
                ConsumerParser.time(row(d.deviceId()).get("last_check_in").asText());
        assertEquals(KandjiTime.micros(clock.instant()), seen);
        assertEquals(
                d.macAddress().orElseThrow(),
                after.path("network").get("mac_address").asText());
    }

    @Test
    void checkInByPercentageTouchesRoughlyThatShare() throws Exception {
        JsonNode out = http.controlJson("/_sim/fleet/check-in", "{\"percent\":50}");
        int n = out.get("checked_in").asInt();
        assertTrue(n > 60 && n < 140, "checked in " + n);
    }

    @Test
    void changeUserReassignsTheDeviceInRowAndDetails() throws Exception {
        SimDevice d = healthyMac();
        http.controlJson(
                "/_sim/fleet/user",
                "{\"device_id\":\"" + d.deviceId() + "\",\"email\":\"new.owner@example.com\",\"name\":\"New Owner\"}");
        assertEquals(
                "new.owner@example.com",
                row(d.deviceId()).path("user").get("email").asText());
        assertEquals(
                "New Owner",
                details(d.deviceId())
                        .path("general")
                        .path("assigned_user")
                        .get("name")
                        .asText());
    }

    @Test
    void unassigningUserMakesRowUserEmptyString() throws Exception {
        SimDevice d = healthyMac();
        http.controlJson("/_sim/fleet/user", "{\"device_id\":\"" + d.deviceId() + "\",\"email\":null}");
        assertEquals("", row(d.deviceId()).get("user").asText());
    }

    @Test
    void archivingUserFlagsEveryDeviceOfThatUser() throws Exception {
        SimUser u = healthyMac().user().orElseThrow();
        long devices = sim.fleet().devices().stream()
                .filter(d -> d.user().filter(x -> x.email().equals(u.email())).isPresent())
                .count();
        JsonNode out = http.controlJson("/_sim/fleet/archive-user", "{\"email\":\"" + u.email() + "\"}");
        assertEquals(devices, out.get("changed").asLong());
        JsonNode page = http.getJson("/api/v1/devices?user_email_exact=" + u.email(), TOKEN);
        page.forEach(r -> assertTrue(r.path("user").get("is_archived").booleanValue()));
    }

    @Test
    void disablingMdmShowsInRowAndDetailsAndSummary() throws Exception {
        SimDevice d = healthyMac();
        int eligible = sim.fleet().summary().eligible();
        http.controlJson("/_sim/fleet/mdm", "{\"device_ids\":[\"" + d.deviceId() + "\"],\"enabled\":false}");
        assertEquals(false, row(d.deviceId()).get("mdm_enabled").booleanValue());
        assertEquals(
                "False", details(d.deviceId()).path("mdm").get("mdm_enabled").asText());
        assertEquals(eligible - 1, sim.fleet().summary().eligible());
    }

    @Test
    void javaApiMutationsAreVisibleOverHttpAtOnce() throws Exception {
        List<SimDevice> added = sim.fleet().addDevices(3);
        sim.fleet().remove(List.of(added.get(0).deviceId()));
        assertEquals(
                404,
                http.get("/api/v1/devices/" + added.get(0).deviceId(), TOKEN).statusCode());
        assertEquals(
                200,
                http.get("/api/v1/devices/" + added.get(1).deviceId(), TOKEN).statusCode());
    }
}
