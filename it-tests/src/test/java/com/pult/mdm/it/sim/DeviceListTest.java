package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/devices}: paging, clamping, ordering and filters over real HTTP. */
class DeviceListTest {
    private static final String TOKEN = "list-test-token";
    private KandjiSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(1000, 7))
                .token(TOKEN)
                .rateLimit(RateLimitConfig.off())
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.forEach(r -> ids.add(r.get("device_id").asText()));
        return ids;
    }

    @Test
    void pagingThousandDevicesByThreeHundredGivesExactCountsAndNoDuplicates() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int offset = 0; ; offset += 300) {
            JsonNode page = http.getJson("/api/v1/devices?limit=300&offset=" + offset, TOKEN);
            if (page.isEmpty()) {
                break;
            }
            sizes.add(page.size());
            ids(page).forEach(id -> assertTrue(seen.add(id), "duplicate " + id));
        }
        assertEquals(List.of(300, 300, 300, 100), sizes);
        assertEquals(1000, seen.size());
    }

    @Test
    void listSendsTotalCountHeader() throws Exception {
        HttpResponse<String> r = http.get("/api/v1/devices?limit=5", TOKEN);
        assertEquals("1000", r.headers().firstValue("x-total-count").orElseThrow());
        assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
    }

    @Test
    void emptyTenantAnswersEmptyArray() throws Exception {
        sim.close();
        sim = KandjiSimulator.start(SimulatorConfig.builder().token(TOKEN).build());
        http = new SimHttp(sim);
        HttpResponse<String> r = http.get("/api/v1/devices", TOKEN);
        assertEquals(200, r.statusCode());
        assertEquals("[]", r.body());
        assertEquals("0", r.headers().firstValue("x-total-count").orElseThrow());
    }

    @Test
    void limitAboveThreeHundredIsClampedToThreeHundred() throws Exception {
        assertEquals(300, http.getJson("/api/v1/devices?limit=1000", TOKEN).size());
    }

    @Test
    void missingZeroOrNonNumericLimitMeansThreeHundred() throws Exception {
        assertEquals(300, http.getJson("/api/v1/devices", TOKEN).size());
        assertEquals(300, http.getJson("/api/v1/devices?limit=0", TOKEN).size());
        assertEquals(300, http.getJson("/api/v1/devices?limit=abc", TOKEN).size());
    }

    @Test
    void offsetPastTheEndAnswers200WithEmptyArray() throws Exception {
        HttpResponse<String> r = http.get("/api/v1/devices?limit=300&offset=5000", TOKEN);
        JsonNode recorded = Json.sample("recorded-live/jupiterone_list_devices_page2_empty_2023.json");
        assertEquals(recorded.path("response").path("status").asInt(), r.statusCode());
        assertEquals(recorded.path("response").path("body"), Json.MAPPER.readTree(r.body()));
        assertEquals("[]", r.body());
        assertEquals("1000", r.headers().firstValue("x-total-count").orElseThrow());
    }

    @Test
    void defaultOrderingIsByDeviceIdAndStable() throws Exception {
        List<String> first = ids(http.getJson("/api/v1/devices?limit=300", TOKEN));
        List<String> sorted = new ArrayList<>(first);
        sorted.sort(String::compareTo);
        assertEquals(sorted, first);
        assertEquals(first, ids(http.getJson("/api/v1/devices?limit=300", TOKEN)));
    }

    @Test
    void orderingBySerialNumberDescendingIsHonoured() throws Exception {
        JsonNode page = http.getJson("/api/v1/devices?limit=300&ordering=-serial_number", TOKEN);
        for (int i = 1; i < page.size(); i++) {
            String prev = page.get(i - 1).get("serial_number").asText();
            assertTrue(prev.compareTo(page.get(i).get("serial_number").asText()) >= 0);
        }
    }

    @Test
    void orderingByLastCheckInPutsNeverCheckedInLast() throws Exception {
        List<String> all = new ArrayList<>();
        for (int offset = 0; offset < 1000; offset += 300) {
            http.getJson("/api/v1/devices?ordering=last_check_in&limit=300&offset=" + offset, TOKEN)
                    .forEach(r -> all.add(r.get("last_check_in").asText()));
        }
        assertEquals("", all.get(all.size() - 1));
        assertTrue(ConsumerParser.time(all.get(0)).isBefore(ConsumerParser.time(all.get(500))));
    }

    @Test
    void platformFilterIsExact() throws Exception {
        JsonNode page = http.getJson("/api/v1/devices?platform=AppleTV", TOKEN);
        assertEquals(sim.fleet().summary().byPlatform().get(Platform.APPLE_TV), page.size());
        page.forEach(r -> assertEquals("AppleTV", r.get("platform").asText()));
        assertEquals(0, http.getJson("/api/v1/devices?platform=appletv", TOKEN).size());
    }

    @Test
    void serialNumberFilterMatchesSubstrings() throws Exception {
        SimDevice d = sim.fleet().devices().stream()
                .filter(x -> x.serialNumber().length() == 12)
                .findFirst()
                .orElseThrow();
        JsonNode page =
                http.getJson("/api/v1/devices?serial_number=" + d.serialNumber().substring(2, 9), TOKEN);
        assertTrue(ids(page).contains(d.deviceId()));
    }

    @Test
    void userEmailExactFilterReturnsOnlyThatUsersDevices() throws Exception {
        SimUser u = sim.fleet()
                .devices()
                .get(0)
                .user()
                .orElseGet(() -> sim.fleet().devices().get(1).user().get());
        JsonNode page = http.getJson("/api/v1/devices?user_email_exact=" + u.email(), TOKEN);
        assertTrue(page.size() >= 1);
        page.forEach(r -> assertEquals(u.email(), r.path("user").path("email").asText()));
    }
}
