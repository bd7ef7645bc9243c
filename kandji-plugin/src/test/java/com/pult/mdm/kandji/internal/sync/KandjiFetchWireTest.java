package com.pult.mdm.kandji.internal.sync;

import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.detailsPath;
import static com.pult.mdm.kandji.internal.api.KandjiEndpoint.listPath;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.json;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.ok;
import static com.pult.mdm.kandji.testing.ScriptedKandjiServer.Reply.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.kandji.internal.KandjiProvider;
import com.pult.mdm.kandji.internal.api.KandjiRetryPolicy;
import com.pult.mdm.kandji.testing.CollectingSink;
import com.pult.mdm.kandji.testing.KandjiRows;
import com.pult.mdm.kandji.testing.KandjiSamples;
import com.pult.mdm.kandji.testing.KandjiWire;
import com.pult.mdm.kandji.testing.RecordingSleeper;
import com.pult.mdm.kandji.testing.ScriptedKandjiServer;
import com.pult.mdm.kandji.testing.TestFetchContext;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.RateLimitedException;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.SyncCancelledException;
import com.pult.mdm.spi.TransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A whole fetch against a scripted Kandji API on 127.0.0.1. */
class KandjiFetchWireTest {

    private static final String PAGE_0 = listPath(0, 300);
    private static final String PAGE_1 = listPath(300, 300);
    private static final String PAGE_2 = listPath(600, 300);

    private ScriptedKandjiServer server;
    private final TestFetchContext context = new TestFetchContext();
    private final CollectingSink sink = new CollectingSink();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedKandjiServer();
        // Details for any device unless a test scripts them.
        server.otherwise(request -> request.pathAndQuery().endsWith("/details")
                ? ok(KandjiRows.details(request.pathAndQuery().split("/")[4], "00:00:5e:00:53:01", "10.0.0.5"))
                : json(404, "{\"detail\":\"Not found.\"}"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private void fetch() throws Exception {
        fetch(KandjiRetryPolicy.defaults(), Duration.ofSeconds(5));
    }

    private void fetch(KandjiRetryPolicy policy, Duration readTimeout) throws Exception {
        try (KandjiProvider provider = KandjiWire.provider(server.baseUrl(), sleeper, policy, readTimeout)) {
            provider.fetch(context, sink);
        }
    }

    private List<String> listRequests() {
        return server.paths().stream()
                .filter(path -> path.startsWith("/api/v1/devices?"))
                .toList();
    }

    @Nested
    class Listing {

        @Test
        void tenantOf301DevicesMustNotBeTruncatedTo300() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 300))))
                    .on(PAGE_1, ok(KandjiRows.page(KandjiRows.assignedRange(300, 301))));

            fetch();

            assertEquals(301, sink.devices.size());
            assertEquals(List.of(PAGE_0, PAGE_1), listRequests());
            assertEquals(1, sink.listingCompleted);
            assertEquals(301, sink.details.size(), "every new qualifying device gets its details");
            assertEquals("listingComplete", sink.calls.get(301), "the listing completes before any detail");
        }

        @Test
        void fullLastPageIsFollowedByOneEmptyPage() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 300))))
                    .on(PAGE_1, ok(KandjiRows.page(KandjiRows.assignedRange(300, 600))))
                    .on(PAGE_2, ok("[]"));

            fetch();

            assertEquals(600, sink.devices.size());
            assertEquals(List.of(PAGE_0, PAGE_1, PAGE_2), listRequests());
        }

        @Test
        void everyRequestCarriesTheTokenAcceptAndUserAgentAndGoesThroughTheBudget() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 2))));

            fetch();

            assertEquals(3, server.requests().size());
            for (ScriptedKandjiServer.Request request : server.requests()) {
                assertEquals("Bearer " + KandjiWire.TOKEN, request.authorization());
                assertEquals("application/json", request.accept());
                assertTrue(request.userAgent().startsWith("pult-kandji-plugin/0."), request.userAgent());
            }
            assertEquals(3, context.budget.acquired);
        }

        @Test
        void emptyTenantCompletesWithNoDevicesAfterOneRequest() throws Exception {
            server.on(PAGE_0, ok("[]"));

            fetch();

            assertEquals(0, sink.devices.size());
            assertEquals(1, sink.listingCompleted);
            assertEquals(List.of(PAGE_0), server.paths());
        }

        @Test
        void repeatingPageStopsWithBadVendorDataInsteadOfLooping() {
            String samePage = KandjiRows.page(KandjiRows.assignedRange(0, 300));
            server.on(PAGE_0, ok(samePage)).on(PAGE_1, ok(samePage)).on(PAGE_2, ok(samePage));

            BadVendorDataException e = assertThrows(BadVendorDataException.class, () -> fetch());

            assertTrue(e.getMessage().contains("pagination is not advancing"), e.getMessage());
            assertEquals(List.of(PAGE_0, PAGE_1), server.paths());
            assertEquals(0, sink.listingCompleted, "an incomplete listing is never reported complete");
        }

        @Test
        void rowsRepeatedAcrossPagesAreDeliveredOnce() throws Exception {
            List<String> second = new ArrayList<>(KandjiRows.assignedRange(299, 301));
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 300))))
                    .on(PAGE_1, ok(KandjiRows.page(second)));

            fetch();

            assertEquals(
                    301,
                    sink.devices.stream().map(RawRecord::deviceId).distinct().count());
            assertEquals(301, sink.devices.size());
        }

        @Test
        void malformedRowsAreDeliveredAndDoNotAbortTheSync() throws Exception {
            server.on(PAGE_0, ok("[" + KandjiRows.assigned("dev-1") + ",42,{\"no_id\":true},\"text\"]"));

            fetch();

            assertEquals(
                    List.of("dev-1", "", "", ""),
                    sink.devices.stream().map(RawRecord::deviceId).toList());
            assertEquals("42", sink.devices.get(1).body());
            assertEquals(1, sink.listingCompleted);
            assertEquals(List.of("dev-1"), sink.detailIds());
        }

        @Test
        void listingAnsweredWithASingleObjectIsAPageOfOne() throws Exception {
            server.on(PAGE_0, ok(KandjiSamples.text("official-docs/list_devices_by_serial_DOC_SHOWS_OBJECT.json")));

            fetch();

            assertEquals(
                    List.of("03f81208-2b6a-4a77-81f5-cf1633bcfb95"),
                    sink.devices.stream().map(RawRecord::deviceId).toList());
            assertEquals(TestFetchContext.NOW, sink.devices.get(0).fetchedAt());
        }

        @Test
        void malformedPageIsAskedForOnceMoreThenFailsTheSync() {
            server.on(PAGE_0, ok("[{\"device_id\":"));

            BadVendorDataException e = assertThrows(BadVendorDataException.class, () -> fetch());

            assertTrue(e.getMessage().contains("cannot be read"), e.getMessage());
            assertEquals(List.of(PAGE_0, PAGE_0), server.paths());
            assertEquals(0, sink.listingCompleted);
        }

        @Test
        void malformedPageThatReadsOnTheSecondTryContinues() throws Exception {
            server.on(PAGE_0, ok("<html>Bad gateway</html>"), ok(KandjiRows.page(KandjiRows.assignedRange(0, 1))));

            fetch();

            assertEquals(1, sink.devices.size());
            assertEquals(1, sink.listingCompleted);
        }

        @Test
        void progressIsReportedPerPageAndPerDetail() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 2))));

            fetch();

            assertEquals(List.of("listing 2/-1", "details 1/2", "details 2/2"), context.progress);
            assertTrue(
                    context.logLines.stream().anyMatch(line -> line.startsWith("INFO Synced Kandji: 2 devices")),
                    context.logLines.toString());
        }

        @Test
        void cancelledSyncStopsBeforeTheNextRequest() {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 300))));
            context.budget.cancelAfter = 1;

            assertThrows(SyncCancelledException.class, () -> fetch());

            assertEquals(List.of(PAGE_0), server.paths());
        }
    }

    @Nested
    class Authentication {

        @Test
        void unauthorizedListingMidSyncStopsAtOnceNamingDeviceList() {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 300))))
                    .on(PAGE_1, json(401, "{\"detail\":\"Invalid token.\"}"));

            AuthenticationException e = assertThrows(AuthenticationException.class, () -> fetch());

            assertEquals("Device list", e.permission());
            assertTrue(e.getMessage().contains("GET /api/v1/devices"), e.getMessage());
            assertEquals(List.of(PAGE_0, PAGE_1), server.paths(), "exactly one request at and after the 401");
            assertEquals(0, sink.listingCompleted);
            assertTrue(sleeper.waits.isEmpty(), "a 401 is never retried");
        }

        @Test
        void forbiddenDetailsMidSyncStopsAtOnceNamingDeviceDetails() {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 3))))
                    .on(detailsPath("dev-0001"), json(403, "{\"detail\":\"Forbidden\"}"));

            AuthenticationException e = assertThrows(AuthenticationException.class, () -> fetch());

            assertEquals("Device details", e.permission());
            assertTrue(e.getMessage().contains("/details"), e.getMessage());
            assertEquals(List.of(PAGE_0, detailsPath("dev-0000"), detailsPath("dev-0001")), server.paths());
            assertEquals(List.of("dev-0000"), sink.detailIds());
        }

        @Test
        void runZeroAuthFailureFixtureMakesExactlyOneRequest() {
            // synthetic/runzero_auth_failure_fixture.json: 401 {"detail": "Invalid token."} on every device list.
            String body = KandjiSamples.tree("synthetic/runzero_auth_failure_fixture.json")
                    .path("routes")
                    .path(0)
                    .path("responses")
                    .path(0)
                    .path("json")
                    .toString();
            server.otherwise(request -> json(401, body));

            assertThrows(AuthenticationException.class, () -> fetch());

            assertEquals(1, server.requests().size());
            assertEquals(0, sink.devices.size());
        }
    }

    @Nested
    class RateLimits {

        @Test
        void waitsWithBackoffWithoutRetryAfterThenAsToldAndSucceedsOnTheThirdAttempt() throws Exception {
            server.on(PAGE_0, status(429), status(429).withHeader("Retry-After", "2"), ok("[]"));

            fetch();

            assertEquals(List.of(Duration.ofMillis(1500), Duration.ofSeconds(2)), sleeper.waits);
            assertEquals(sleeper.waits, context.budget.rateLimited);
            assertEquals(3, server.requests().size());
            assertEquals(3, context.budget.acquired, "retries go through the budget too");
            assertEquals(1, sink.listingCompleted);
        }

        @Test
        void rateLimitOutlastingTheAttemptsFailsNeverSilently() {
            server.on(PAGE_0, status(429).withHeader("Retry-After", "1"));
            KandjiRetryPolicy fourAttempts =
                    new KandjiRetryPolicy(4, 4, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(5));

            RateLimitedException e =
                    assertThrows(RateLimitedException.class, () -> fetch(fourAttempts, Duration.ofSeconds(5)));

            assertEquals(4, server.requests().size());
            assertEquals(Duration.ofSeconds(1), e.retryAfter());
            assertEquals(3, sleeper.waits.size(), "no wait after the last attempt");
            assertEquals(4, context.budget.rateLimited.size());
            assertEquals(0, sink.listingCompleted);
            assertEquals(0, sink.devices.size());
        }

        @Test
        void retryAfterAsHttpDateWaitsUntilThatDate() throws Exception {
            server.on(PAGE_0, status(429).withHeader("Retry-After", "Sun, 01 Mar 2026 12:00:05 GMT"), ok("[]"));

            fetch();

            assertEquals(List.of(Duration.ofSeconds(5)), sleeper.waits);
        }

        @Test
        void absurdRetryAfterIsCappedAtFiveMinutes() throws Exception {
            server.on(PAGE_0, status(429).withHeader("Retry-After", "86400"), ok("[]"));

            fetch();

            assertEquals(List.of(Duration.ofMinutes(5)), sleeper.waits);
            assertEquals(List.of(Duration.ofMinutes(5)), context.budget.rateLimited);
        }

        @Test
        void rateLimitedDetailsAreRetried() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 1))))
                    .on(
                            detailsPath("dev-0000"),
                            status(429).withHeader("Retry-After", "3"),
                            ok(KandjiRows.details("dev-0000", "00:00:5e:00:53:01", "")));

            fetch();

            assertEquals(List.of("dev-0000"), sink.detailIds());
            assertEquals(List.of(Duration.ofSeconds(3)), sleeper.waits);
        }
    }

    @Nested
    class TransientFailures {

        @Test
        void serverErrorIsRetriedWithBackoff() throws Exception {
            server.on(PAGE_0, status(503), status(502), ok("[]"));

            fetch();

            assertEquals(List.of(Duration.ofMillis(1500), Duration.ofSeconds(3)), sleeper.waits);
            assertEquals(3, server.requests().size());
            assertTrue(context.budget.rateLimited.isEmpty(), "a 5xx is not a rate limit");
        }

        @Test
        void serverErrorsOutlastingTheAttemptsFailAsTransient() {
            server.on(PAGE_0, status(500));

            TransientException e = assertThrows(TransientException.class, () -> fetch());

            assertTrue(e.getMessage().contains("HTTP 500"), e.getMessage());
            assertEquals(4, server.requests().size());
            assertEquals(0, sink.listingCompleted);
        }

        @Test
        void readTimeoutIsRetriedThenSucceeds() throws Exception {
            server.on(
                    PAGE_0,
                    ok("[]").after(Duration.ofMillis(1500)),
                    ok(KandjiRows.page(KandjiRows.assignedRange(0, 1))));

            fetch(KandjiRetryPolicy.defaults(), Duration.ofMillis(300));

            assertEquals(1, sink.devices.size());
            assertEquals(List.of(Duration.ofMillis(1500)), sleeper.waits);
            assertEquals(2, server.paths().stream().filter(PAGE_0::equals).count());
        }

        @Test
        void oneDeviceWhoseDetailsKeepFailingIsSkippedAndTheOthersContinue() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 3))))
                    .on(detailsPath("dev-0001"), status(500));

            fetch();

            assertEquals(List.of("dev-0000", "dev-0002"), sink.detailIds());
        }

        @Test
        void detailsFailingForSeveralDevicesInARowFailTheSync() {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 5))))
                    .otherwise(request -> status(503));

            assertThrows(TransientException.class, () -> fetch());

            assertEquals(1, sink.listingCompleted, "the listing was complete and stays committed");
            assertEquals(1 + 3 * 4, server.requests().size());
        }
    }

    @Nested
    class Details {

        @Test
        void onlyDevicesWithAnAssignedActiveUserAndMdmOnGetDetails() throws Exception {
            String archived =
                    KandjiRows.assigned("dev-archived").replace("\"is_archived\":false", "\"is_archived\":true");
            String mdmOff = KandjiRows.assigned("dev-mdm-off").replace("\"mdm_enabled\":true", "\"mdm_enabled\":false");
            server.on(
                    PAGE_0,
                    ok(KandjiRows.page(List.of(
                            KandjiRows.assigned("dev-ok"), KandjiRows.unassigned("dev-nobody"), archived, mdmOff))));

            fetch();

            assertEquals(4, sink.devices.size());
            assertEquals(List.of("dev-ok"), sink.detailIds());
            assertEquals(List.of(PAGE_0, detailsPath("dev-ok")), server.paths());
        }

        @Test
        void knownDevicesWithUnchangedCheckInAreSkippedAndChangedOnesRefreshedMostRecentFirstWithinTheLimit()
                throws Exception {
            server.on(
                    PAGE_0,
                    ok(KandjiRows.page(List.of(
                            KandjiRows.assigned("dev-same", "2026-02-20T10:00:00Z"),
                            KandjiRows.assigned("dev-old", "2026-02-21T10:00:00Z"),
                            KandjiRows.assigned("dev-newest", "2026-02-28T10:00:00Z"),
                            KandjiRows.assigned("dev-middle", "2026-02-25T10:00:00Z"),
                            KandjiRows.assigned("dev-never-detailed", "2026-02-01T10:00:00Z"),
                            KandjiRows.assigned("dev-unknown", "2026-02-02T10:00:00Z")))));
            known("dev-same", "2026-02-20T10:00:00Z");
            known("dev-old", "2026-02-10T10:00:00Z");
            known("dev-newest", "2026-02-10T10:00:00Z");
            known("dev-middle", "2026-02-10T10:00:00Z");
            context.known.put(
                    "dev-never-detailed",
                    new KnownDevice("dev-never-detailed", Optional.empty(), Optional.empty(), Optional.empty()));
            context.detailRefreshLimit = 2;

            fetch();

            assertEquals(List.of("dev-never-detailed", "dev-unknown", "dev-newest", "dev-middle"), sink.detailIds());
            assertTrue(context.progress.contains("details 4/4"), context.progress.toString());
        }

        @Test
        void zeroRefreshLimitStillFetchesNewDevices() throws Exception {
            server.on(
                    PAGE_0,
                    ok(KandjiRows.page(List.of(
                            KandjiRows.assigned("dev-changed", "2026-02-28T10:00:00Z"),
                            KandjiRows.assigned("dev-new")))));
            known("dev-changed", "2026-02-10T10:00:00Z");
            context.detailRefreshLimit = 0;

            fetch();

            assertEquals(List.of("dev-new"), sink.detailIds());
        }

        @Test
        void detailsOfADeviceDeletedSinceTheListingAreSkipped() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 3))))
                    .on(detailsPath("dev-0001"), json(404, "<!doctype html><h1>Not Found</h1>"));

            fetch();

            assertEquals(List.of("dev-0000", "dev-0002"), sink.detailIds());
            assertTrue(
                    context.logLines.stream().anyMatch(line -> line.contains("1 gone")), context.logLines.toString());
        }

        @Test
        void detailsThatAreNotJsonAreDeliveredForNormalizeToReject() throws Exception {
            server.on(PAGE_0, ok(KandjiRows.page(KandjiRows.assignedRange(0, 1))))
                    .on(detailsPath("dev-0000"), ok("{\"general\": truncated"));

            fetch();

            assertEquals(List.of("dev-0000"), sink.detailIds());
            assertEquals("{\"general\": truncated", sink.details.get(0).body());
            assertEquals(RawRecord.Kind.DETAIL, sink.details.get(0).kind());
        }

        private void known(String deviceId, String detailCheckIn) {
            Instant checkIn = Instant.parse(detailCheckIn);
            context.known.put(
                    deviceId,
                    new KnownDevice(
                            deviceId,
                            Optional.of(checkIn),
                            Optional.of(checkIn.plusSeconds(60)),
                            Optional.of(checkIn)));
        }
    }
}
