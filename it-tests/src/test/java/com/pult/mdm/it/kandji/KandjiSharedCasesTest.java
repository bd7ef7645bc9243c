package com.pult.mdm.it.kandji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.FleetFixtures;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.MutableClock;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.ProviderConfig;
import com.pult.mdm.spi.RateLimitedException;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RejectReason;
import com.pult.mdm.spi.ValidationResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Failure modes seen in other tools that sync Kandji inventories, replayed against the deployed plugin and the
 * simulator; each test is named after the numbered case it replays. The host-level cases (03, 65/66) are in
 * {@link KandjiHostCasesTest}.
 */
class KandjiSharedCasesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The rows of case 01, shaped as the case gives them. */
    private static final String CASE_01_ROWS = """
            [{"device_id":"dev-001","serial_number":"FAKESN00001","user":{"email":"Ana.Lima@Example.com",
              "name":"Ana Lima","id":101,"is_archived":false},"mdm_enabled":true},
             {"device_id":"dev-002","serial_number":"FAKESN00002","user":"","mdm_enabled":true},
             {"device_id":"dev-003","serial_number":"FAKESN00003","user":{},"mdm_enabled":true},
             {"device_id":"dev-004","serial_number":"FAKESN00004","user":null,"mdm_enabled":true},
             {"device_id":"dev-005","serial_number":"FAKESN00005","user":{"email":"old.hire@example.com",
              "name":"Old Hire","id":102,"is_archived":true},"mdm_enabled":true}]
            """;

    private KandjiSimulator sim;
    private MdmProvider provider;
    private final RecordingContext context = new RecordingContext();
    private final RecordingSink sink = new RecordingSink();

    @AfterEach
    void stop() {
        if (provider != null) {
            provider.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private void start(SimulatorConfig.Builder config, String token) {
        sim = KandjiSims.start(config);
        provider = KandjiPluginJar.provider(sim.baseUrl(), token);
    }

    private void start(Fleet fleet) {
        start(SimulatorConfig.builder().fleet(fleet).rateLimit(RateLimitConfig.off()), KandjiSims.TOKEN);
    }

    private void fetch() throws Exception {
        provider.fetch(context, sink);
    }

    /** What normalize made of each delivered device: its owner's e-mail key, or the reason it was rejected. */
    private Map<String, String> outcomes(List<RawRecord> records) {
        Map<String, String> outcomes = new TreeMap<>();
        for (RawRecord record : records) {
            Normalization normalized = provider.normalize(record);
            outcomes.put(
                    record.deviceId(),
                    normalized instanceof Normalization.Device device
                            ? device.device().user().email().key()
                            : ((Normalization.Rejected) normalized).reason().name());
        }
        return outcomes;
    }

    @Test
    @DisplayName("01 user as object, empty string, {}, null: over the wire only the valid user is an owner")
    void case01UserShapesOverTheWireOnlyTheValidUserIsAnOwner() throws Exception {
        start(Fleet.of(FleetFixtures.read(JSON.readTree(CASE_01_ROWS)), 1, Clock.systemUTC()));

        fetch();

        // The simulator renders {} as a user object with blank fields and null as "" (its only unassigned form).
        assertEquals(
                Map.of(
                        "dev-001", "ana.lima@example.com",
                        "dev-002", RejectReason.NO_ASSIGNED_USER.name(),
                        "dev-003", RejectReason.USER_EMAIL_INVALID.name(),
                        "dev-004", RejectReason.NO_ASSIGNED_USER.name(),
                        "dev-005", RejectReason.USER_ARCHIVED.name()),
                outcomes(sink.devices()));
        assertEquals(List.of("dev-001"), List.copyOf(sink.detailIds()));
    }

    @Test
    @DisplayName("01 user as object, empty string, {}, null: the case's literal rows, only the valid user is an owner")
    void case01LiteralRowsOnlyTheValidUserIsAnOwner() throws Exception {
        sim = KandjiSims.start(Fleet.empty(Clock.systemUTC()));
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.TOKEN);
        List<RawRecord> rows = new java.util.ArrayList<>();
        for (JsonNode row : JSON.readTree(CASE_01_ROWS)) {
            rows.add(new RawRecord(
                    RawRecord.Kind.DEVICE, row.path("device_id").asText(), row.toString(), Instant.now()));
        }

        assertEquals(
                Map.of(
                        "dev-001", "ana.lima@example.com",
                        "dev-002", RejectReason.NO_ASSIGNED_USER.name(),
                        "dev-003", RejectReason.NO_ASSIGNED_USER.name(),
                        "dev-004", RejectReason.NO_ASSIGNED_USER.name(),
                        "dev-005", RejectReason.USER_ARCHIVED.name()),
                outcomes(rows));
    }

    @Test
    @DisplayName("04 tenant of 301 devices must not be truncated to 300")
    void case04TenantOf301DevicesIsNotTruncatedTo300() throws Exception {
        start(Fleet.generated(301, 4));

        fetch();

        assertEquals(301, sink.deviceIds().size());
        assertEquals(1, sink.listingCompletions());
        // The second page holds one device, shorter than the limit: the walk stops there.
        assertEquals(2, sim.counters().requests(EndpointKind.LIST));
    }

    @Test
    @DisplayName("06 rate-limit budget: 429 with no Retry-After mid-sync is back-off-and-resume, not exit")
    void case06RateLimitBudget429WithoutRetryAfterIsBackOffAndResume() throws Exception {
        // The tenant's hour allows the listing and five details; then 429 without Retry-After until the hour ends.
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:30:00Z"));
        start(
                SimulatorConfig.builder()
                        .fleet(Fleet.generated(10, 6, clock))
                        .clock(clock)
                        .rateLimit(new RateLimitConfig(true, 6, 50, false)),
                KandjiSims.TOKEN);
        int qualifying = KandjiSims.qualifyingIds(sim.fleet().devices()).size();
        context.budget.onRateLimited(wait -> clock.set(Instant.parse("2025-06-02T11:00:00Z")));

        fetch();

        assertTrue(qualifying > 5, "the fleet must outlast the hour's budget: " + qualifying);
        assertEquals(qualifying, sink.detailIds().size());
        assertEquals(1, sim.counters().rateLimited());
        assertEquals(1, context.budget.rateLimitWaits().size());
        assertTrue(context.budget.rateLimitWaits().get(0).compareTo(Duration.ofSeconds(1)) >= 0);
    }

    @Test
    @DisplayName("32 offset ignored, same page repeats: listing incomplete, pagination not advancing, loop ends")
    void case32OffsetIgnoredSamePageRepeatsStopsWithAnIncompleteListing() throws Exception {
        start(Fleet.generated(700, 32));
        sim.faults().repeatFirstPage(true);

        BadVendorDataException stopped = assertThrows(BadVendorDataException.class, this::fetch);

        assertTrue(stopped.getMessage().contains("not advancing"), stopped.getMessage());
        assertEquals(0, sink.listingCompletions());
        assertEquals(300, sink.devices().size());
        assertEquals(300, sink.deviceIds().size());
        assertEquals(2, sim.counters().requests(EndpointKind.LIST));
        assertEquals(0, sim.counters().requests(EndpointKind.DETAILS));
    }

    @Test
    @DisplayName("34 429 without Retry-After, then with Retry-After: 2, then 200: success on attempt 3")
    void case34BackoffThenRetryAfterTwoThenSuccessOnAttemptThree() throws Exception {
        // Two seconds before the hour ends, with the hour's single request spent: Retry-After says 2.
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:59:58Z"));
        start(
                SimulatorConfig.builder()
                        .fleet(Fleet.empty(clock))
                        .clock(clock)
                        .rateLimit(new RateLimitConfig(true, 1, 50, false)),
                KandjiSims.TOKEN);
        sim.rateLimiter().acquire();
        AtomicInteger refusals = new AtomicInteger();
        context.budget.onRateLimited(wait -> {
            if (refusals.incrementAndGet() == 1) {
                sim.rateLimiter().configure(new RateLimitConfig(true, 1, 50, true));
            } else {
                clock.advance(wait);
            }
        });

        fetch();

        List<Duration> waits = context.budget.rateLimitWaits();
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(1)) >= 0, "a backoff, not zero: " + waits.get(0));
        assertTrue(waits.get(0).compareTo(Duration.ofSeconds(2)) <= 0, "the first backoff: " + waits.get(0));
        assertEquals(Duration.ofSeconds(2), waits.get(1));
        assertTrue(context.budget.gaps().get(1).compareTo(Duration.ofSeconds(2)) >= 0);
        assertEquals(3, sim.counters().requests(EndpointKind.LIST));
        assertEquals(2, sim.counters().rateLimited());
        assertEquals(1, sink.listingCompletions());
    }

    @Test
    @DisplayName("35 retries exhausted: 429 every time raises RateLimitedException, never a silent success")
    void case35RetriesExhaustedRaisesNeverSucceedsSilently() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:00:00.250Z"));
        start(
                SimulatorConfig.builder()
                        .fleet(Fleet.generated(5, 35, clock))
                        .clock(clock)
                        .rateLimit(new RateLimitConfig(true, 10_000, 1, true)),
                KandjiSims.TOKEN);
        sim.rateLimiter().acquire();

        RateLimitedException exhausted = assertThrows(RateLimitedException.class, this::fetch);

        assertEquals(Duration.ofSeconds(1), exhausted.retryAfter());
        assertEquals(6, sim.counters().requests(EndpointKind.LIST));
        assertEquals(6, sim.counters().rateLimited());
        assertEquals(6, context.budget.rateLimitWaits().size());
        assertEquals(0, sink.listingCompletions());
        assertTrue(sink.devices().isEmpty());
    }

    @Test
    @DisplayName("37 token expires mid-sync: Kandji tokens are static, a 401 stops with an auth failure, no storm")
    void case37TokenRevokedMidListingStopsWithAnAuthFailureAndNoRetries() throws Exception {
        start(Fleet.generated(700, 37));
        sink.afterDevice(count -> {
            if (count == 300) {
                sim.tokens().revoke(KandjiSims.TOKEN);
            }
        });

        AuthenticationException refused = assertThrows(AuthenticationException.class, this::fetch);
        Thread.sleep(300);

        assertEquals("Device list", refused.permission());
        assertEquals(2, sim.counters().totalRequests());
        assertEquals(1, sim.counters().responses(401));
        assertEquals(0, sink.listingCompletions());
    }

    @Test
    @DisplayName("38 invalid key: exactly one request, no retry storm")
    void case38InvalidKeyMakesExactlyOneRequest() throws Exception {
        start(SimulatorConfig.builder().fleet(Fleet.generated(50, 38)).rateLimit(RateLimitConfig.off()), "not-a-key");

        assertThrows(AuthenticationException.class, this::fetch);
        Thread.sleep(300);

        assertEquals(1, sim.counters().totalRequests());
        assertEquals(1, sim.counters().responses(401));
        assertEquals(1, context.budget.spent());
        assertTrue(context.budget.rateLimitWaits().isEmpty());
    }

    @Test
    @DisplayName("61 Iru domain: the vendor's iru.com and kandji.io API hosts are accepted as they are")
    void case61IruAndKandjiApiHostsAreAccepted() throws Exception {
        for (String url : List.of(
                "https://acme-demo.api.iru.com",
                "https://acme-demo.api.kandji.io",
                "https://acme-demo.api.eu.kandji.io",
                "https://acme-demo.api.iru.com/api/v1/")) {
            try (MdmProvider created = KandjiPluginJar.factory().create(vendorConfig(url))) {
                String host = java.net.URI.create(url).getHost();
                assertTrue(created.toString().contains("https://" + host + ","), url + " became " + created);
            }
        }
    }

    @Test
    @DisplayName("61 Iru domain: other hosts, plain http, ports and the simulator are rejected in production")
    void case61OtherHostsAreRejectedNamingTheField() {
        for (String url : List.of(
                "https://acme-demo.iru.com",
                "https://acme-demo.kandji.io",
                "https://acme-demo.api.kandji.io.example.com",
                "http://acme-demo.api.iru.com",
                "https://acme-demo.api.iru.com:8443",
                "http://127.0.0.1:8089")) {
            ConfigurationException refused = assertThrows(
                    ConfigurationException.class,
                    () -> KandjiPluginJar.factory().create(vendorConfig(url)));
            assertEquals("api_url", refused.field(), url);
            assertTrue(refused.getMessage().contains("api.iru.com"), refused.getMessage());
        }
    }

    private static ProviderConfig vendorConfig(String url) {
        return new ProviderConfig(Map.of("api_url", url, "api_token", KandjiSims.TOKEN), false);
    }

    @Test
    @DisplayName("62 token missing a permission: validation names the endpoint and the permission")
    void case62ValidationNamesTheEndpointAndThePermission() {
        sim = KandjiSims.start(Fleet.generated(20, 62));
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.NO_DETAILS_TOKEN);

        ValidationResult result = provider.validate();

        ValidationResult.Problem problem = result.problems().get(0);
        assertEquals(ValidationResult.Code.PERMISSION_MISSING, problem.code());
        assertEquals("Device details", problem.permission());
        assertTrue(problem.message().contains("GET /api/v1/devices/{device_id}/details"), problem.message());
        assertTrue(problem.message().contains("HTTP 403"), problem.message());
        assertEquals(0, sim.counters().responses(401));
    }

    @Test
    @DisplayName("62 token missing a permission: the sync's failure names the endpoint and the permission")
    void case62FetchFailureNamesTheEndpointAndThePermission() throws Exception {
        start(
                SimulatorConfig.builder().fleet(Fleet.generated(20, 62)).rateLimit(RateLimitConfig.off()),
                KandjiSims.NO_DETAILS_TOKEN);

        AuthenticationException refused = assertThrows(AuthenticationException.class, this::fetch);

        assertEquals("Device details", refused.permission());
        assertTrue(refused.getMessage().contains("GET /api/v1/devices/{device_id}/details"), refused.getMessage());
        assertTrue(refused.getMessage().contains("HTTP 403"), refused.getMessage());
    }
}
