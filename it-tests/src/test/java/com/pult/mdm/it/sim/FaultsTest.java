package com.pult.mdm.it.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault on its own, through the Java API and the control endpoint. */
class FaultsTest {
    private static final String TOKEN = "faults";
    private KandjiSimulator sim;
    private SimHttp http;

    @BeforeEach
    void start() {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(1000, 9))
                .token(TOKEN)
                .rateLimit(RateLimitConfig.off())
                .build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String detailsPath() {
        return "/api/v1/devices/" + sim.fleet().devices().get(0).deviceId() + "/details";
    }

    @Test
    void latencyIsAddedToEveryRequest() throws Exception {
        sim.faults().latency(Duration.ofMillis(150));
        long start = System.nanoTime();
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 150);
    }

    @Test
    void errorBurstAnswersNServerErrorsOnThatEndpointThenRecovers() throws Exception {
        sim.faults().failNext(EndpointKind.LIST, 3, 503);
        assertEquals(200, http.get(detailsPath(), TOKEN).statusCode());
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.get("/api/v1/devices?limit=1", TOKEN);
            assertEquals(503, r.statusCode());
            assertTrue(r.body().contains("upstream"));
        }
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
    }

    @Test
    void errorBurstCanMixStatusesViaControlEndpoint() throws Exception {
        http.controlJson("/_sim/faults", "{\"errors\":{\"endpoint\":\"details\",\"count\":1,\"status\":502}}");
        http.controlJson("/_sim/faults", "{\"errors\":{\"endpoint\":\"details\",\"count\":1,\"status\":500}}");
        assertEquals(502, http.get(detailsPath(), TOKEN).statusCode());
        assertEquals(500, http.get(detailsPath(), TOKEN).statusCode());
        assertEquals(200, http.get(detailsPath(), TOKEN).statusCode());
    }

    @Test
    void errorStormAnswersEveryEndpointWithItsStatusesInTurnUntilStopped() throws Exception {
        sim.faults().errorStorm(500, 502, 503);
        assertEquals(500, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(502, http.get(detailsPath(), TOKEN).statusCode());
        assertEquals(503, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(500, http.get(detailsPath(), TOKEN).statusCode());
        http.controlJson("/_sim/faults", "{\"error_storm\":[]}");
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(200, http.get(detailsPath(), TOKEN).statusCode());
    }

    @Test
    void rateLimitStormAnswers429WithRetryAfterUntilStopped() throws Exception {
        http.controlJson("/_sim/faults", "{\"rate_limit_storm_retry_after\":2}");
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.get("/api/v1/devices?limit=1", TOKEN);
            assertEquals(429, r.statusCode());
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(""));
            assertEquals(
                    "API rate limit exceeded",
                    Json.MAPPER.readTree(r.body()).path("message").asText());
        }
        assertEquals(3, sim.counters().rateLimited());
        sim.faults().rateLimitStorm(0);
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
    }

    @Test
    void tokenRevokedAfterRequestsPassesThatManyThenAnswers401() throws Exception {
        http.controlJson("/_sim/tokens/revoke", "{\"token\":\"faults\",\"after_requests\":2}");
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(200, http.get(detailsPath(), TOKEN).statusCode());
        assertEquals(401, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(401, http.get(detailsPath(), TOKEN).statusCode());
    }

    @Test
    void heldRequestOutlastsClientReadTimeoutThenServerRecovers() {
        sim.faults().timeoutNext(EndpointKind.DETAILS, 1, Duration.ofMillis(1500), Faults.TimeoutAction.RESPOND);
        assertThrows(HttpTimeoutException.class, () -> http.get(detailsPath(), TOKEN, Duration.ofMillis(300)));
        assertEquals(200, assertDoesNotThrowStatus());
    }

    private int assertDoesNotThrowStatus() {
        try {
            return http.get(detailsPath(), TOKEN, Duration.ofSeconds(5)).statusCode();
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void droppedRequestClosesTheConnectionWithoutResponse() throws Exception {
        // The JDK client silently retries an idempotent GET once on a closed connection, so drop two in a row.
        sim.faults().timeoutNext(EndpointKind.LIST, 2, Duration.ofMillis(50), Faults.TimeoutAction.DROP);
        IOException e = assertThrows(IOException.class, () -> http.get("/api/v1/devices", TOKEN));
        assertTrue(!(e instanceof HttpTimeoutException), "expected a closed connection, got " + e);
        assertEquals(2, sim.counters().responses(0));
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
    }

    @Test
    void jdkClientRetriesASingleDroppedGetTransparently() throws Exception {
        sim.faults().timeoutNext(EndpointKind.LIST, 1, Duration.ofMillis(10), Faults.TimeoutAction.DROP);
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(2, sim.counters().requests(EndpointKind.LIST));
    }

    @Test
    void malformedBodyFaultSendsUnparseableJsonForNextResponsesOnly() throws Exception {
        sim.faults().malformNext(EndpointKind.LIST, 2);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = http.get("/api/v1/devices?limit=5", TOKEN);
            assertEquals(200, r.statusCode());
            assertThrows(JsonProcessingException.class, () -> Json.MAPPER.readTree(r.body()));
        }
        assertEquals(5, http.getJson("/api/v1/devices?limit=5", TOKEN).size());
    }

    @Test
    void repeatingPageIgnoresOffset() throws Exception {
        sim.faults().repeatFirstPage(true);
        JsonNode first = http.getJson("/api/v1/devices?limit=100&offset=0", TOKEN);
        assertEquals(first, http.getJson("/api/v1/devices?limit=100&offset=100", TOKEN));
        sim.faults().repeatFirstPage(false);
        assertNotEquals(first, http.getJson("/api/v1/devices?limit=100&offset=100", TOKEN));
    }

    @Test
    void devicesVanishingAfterFirstPageMakeAnOffsetWalkSkipThatMany() throws Exception {
        sim.faults().vanishAfterFirstPage(7);
        Set<String> seen = new HashSet<>();
        for (int offset = 0; ; offset += 300) {
            JsonNode page = http.getJson("/api/v1/devices?limit=300&offset=" + offset, TOKEN);
            if (page.isEmpty()) {
                break;
            }
            page.forEach(r -> seen.add(r.get("device_id").asText()));
        }
        assertEquals(993, sim.fleet().size());
        assertEquals(993, seen.size());
        long unseen = sim.fleet().devices().stream()
                .filter(d -> !seen.contains(d.deviceId()))
                .count();
        assertEquals(7, unseen);
    }

    @Test
    void checkInsBetweenPagesMoveLastCheckIn() throws Exception {
        long before = sim.fleet().version();
        sim.faults().checkInsPerListPage(5);
        http.getJson("/api/v1/devices?limit=10", TOKEN);
        assertTrue(sim.fleet().version() > before);
    }

    @Test
    void tokenRevokedThroughControlEndpointFailsNextRequest() throws Exception {
        http.controlJson("/_sim/tokens/revoke", "{\"token\":\"faults\"}");
        assertEquals(401, http.get("/api/v1/devices", TOKEN).statusCode());
    }

    @Test
    void clearRemovesEveryFault() throws Exception {
        sim.faults().failNext(EndpointKind.LIST, 5, 500);
        sim.faults().repeatFirstPage(true);
        http.controlJson("/_sim/faults/clear", "{}");
        assertEquals(200, http.get("/api/v1/devices?limit=1", TOKEN).statusCode());
        assertEquals(0, sim.faults().toJson().path("errors").path("list").asInt());
    }
}
