package com.pult.mdm.it.kandji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Faults;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.MutableClock;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.SyncCancelledException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The plugin from its deployed jar against the simulator over real HTTP: paging, details, failures and retries.
 * Each test starts its own simulator on a free port.
 */
class KandjiFetchTest {

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

    private void start(Fleet fleet) {
        sim = KandjiSims.start(fleet);
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.TOKEN);
    }

    private void fetch() throws Exception {
        provider.fetch(context, sink);
    }

    @Test
    void aThousandDeviceTenantIsListedInFourPagesWithoutDuplicates() throws Exception {
        start(Fleet.generated(1000, 42));

        fetch();

        assertEquals(1000, sink.devices().size());
        assertEquals(1000, sink.deviceIds().size());
        assertEquals(1, sink.listingCompletions());
        // 300 + 300 + 300 + 100: the short fourth page ends the walk, no empty page is asked for.
        assertEquals(4, sim.counters().requests(EndpointKind.LIST));
    }

    @Test
    void aTenantOfExactlyTwoFullPagesEndsOnOneEmptyPage() throws Exception {
        start(Fleet.generated(600, 42));

        fetch();

        assertEquals(600, sink.deviceIds().size());
        assertEquals(3, sim.counters().requests(EndpointKind.LIST));
    }

    @Test
    void anEmptyTenantCompletesItsListingWithOneRequest() throws Exception {
        start(Fleet.empty(java.time.Clock.systemUTC()));

        fetch();

        assertEquals(1, sink.listingCompletions());
        assertTrue(sink.devices().isEmpty());
        assertEquals(1, sim.counters().totalRequests());
    }

    @Test
    void everyRequestGoesThroughTheBudget() throws Exception {
        start(Fleet.generated(400, 5));

        fetch();

        assertEquals(sim.counters().totalRequests(), context.budget.spent());
    }

    @Test
    void detailsAreFetchedForTheQualifyingDevicesOnly() throws Exception {
        start(Fleet.generated(1000, 42));

        fetch();

        assertEquals(sim.fleet().summary().eligible(), sink.detailIds().size());
        assertEquals(KandjiSims.qualifyingIds(sim.fleet().devices()), new HashSet<>(sink.detailIds()));
        assertEquals(sim.fleet().summary().eligible(), sim.counters().requests(EndpointKind.DETAILS));
    }

    @Test
    void aFetchWithEveryDeviceKnownAtItsCheckInFetchesNoDetails() throws Exception {
        start(Fleet.generated(1000, 42));
        fetch();
        sim.counters().reset();
        RecordingSink second = new RecordingSink();

        provider.fetch(new RecordingContext().knowing(KandjiSims.knownAfter(provider, sink.devices())), second);

        assertTrue(second.details().isEmpty());
        assertEquals(0, sim.counters().requests(EndpointKind.DETAILS));
        assertEquals(4, sim.counters().totalRequests());
    }

    @Test
    void afterOnePercentCheckedInOnlyTheirDetailsAreFetchedAgain() throws Exception {
        start(Fleet.generated(1000, 42));
        fetch();
        Map<String, KnownDevice> known = KandjiSims.knownAfter(provider, sink.devices());
        List<String> checkedIn = sim.fleet().checkInPercent(1.0);
        Set<String> expected = new HashSet<>(checkedIn);
        expected.retainAll(KandjiSims.qualifyingIds(sim.fleet().devices()));
        sim.counters().reset();
        RecordingSink third = new RecordingSink();

        provider.fetch(new RecordingContext().knowing(known), third);

        assertTrue(!expected.isEmpty() && expected.size() < 20, "1% of 1,000 checked in: " + expected.size());
        assertEquals(expected, new HashSet<>(third.detailIds()));
        assertEquals(expected.size(), sim.counters().requests(EndpointKind.DETAILS));
    }

    @Test
    void theRefreshLimitCapsHowManyChangedDevicesAreFetchedAgain() throws Exception {
        start(Fleet.generated(1000, 42));
        fetch();
        Map<String, KnownDevice> known = KandjiSims.knownAfter(provider, sink.devices());
        Set<String> changed = new HashSet<>(sim.fleet().checkInPercent(1.0));
        changed.retainAll(KandjiSims.qualifyingIds(sim.fleet().devices()));
        RecordingSink limited = new RecordingSink();

        provider.fetch(new RecordingContext().knowing(known).refreshLimit(3), limited);

        assertTrue(changed.size() > 3, "more changed devices than the limit: " + changed.size());
        assertEquals(3, limited.detailIds().size());
        assertTrue(changed.containsAll(limited.detailIds()));
    }

    @Test
    void aCancelledFetchStopsBeforeItsNextRequest() throws Exception {
        start(Fleet.generated(700, 9));
        sink.afterDevice(count -> {
            if (count == 300) {
                context.cancel();
            }
        });

        assertThrows(SyncCancelledException.class, this::fetch);

        assertEquals(1, sim.counters().totalRequests());
        assertEquals(0, sink.listingCompletions());
    }

    @Test
    void aTokenRevokedAfterTheListingStopsAtTheFirstDetailsRequest() throws Exception {
        start(Fleet.generated(50, 3));
        sink.afterListing(() -> sim.tokens().revoke(KandjiSims.TOKEN));

        AuthenticationException refused = assertThrows(AuthenticationException.class, this::fetch);
        long requestsAtFailure = sim.counters().totalRequests();
        Thread.sleep(300);

        assertEquals("Device details", refused.permission());
        assertEquals(1, sim.counters().requests(EndpointKind.DETAILS));
        assertEquals(1, sim.counters().responses(401));
        assertEquals(2, requestsAtFailure);
        assertEquals(requestsAtFailure, sim.counters().totalRequests());
    }

    @Test
    void aTokenWithoutDeviceDetailsFailsAtTheFirstDetailsRequestNamingThePermission() throws Exception {
        sim = KandjiSims.start(Fleet.generated(50, 3));
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.NO_DETAILS_TOKEN);

        AuthenticationException refused = assertThrows(AuthenticationException.class, this::fetch);

        assertEquals("Device details", refused.permission());
        assertTrue(refused.getMessage().contains("GET /api/v1/devices/{device_id}/details"), refused.getMessage());
        assertEquals(1, sink.listingCompletions());
        assertEquals(1, sim.counters().requests(EndpointKind.DETAILS));
        assertEquals(1, sim.counters().responses(403));
    }

    @Test
    void aDeviceDeletedBetweenTheListingAndItsDetailsIsSkipped() throws Exception {
        start(Fleet.generated(50, 3));
        String deleted =
                KandjiSims.qualifyingIds(sim.fleet().devices()).iterator().next();
        sink.afterListing(() -> sim.fleet().remove(List.of(deleted)));

        fetch();

        Set<String> expected = KandjiSims.qualifyingIds(sim.fleet().devices());
        assertEquals(expected, new HashSet<>(sink.detailIds()));
        assertEquals(1, sim.counters().responses(404));
    }

    @Test
    void a429WithRetryAfterWaitsTheAnnouncedSecondThenResumes() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:00:00.250Z"));
        startRateLimited(clock, new RateLimitConfig(true, 10_000, 1, true));

        fetch();

        assertEquals(List.of(Duration.ofSeconds(1)), context.budget.rateLimitWaits());
        assertTrue(context.budget.gaps().get(0).compareTo(Duration.ofSeconds(1)) >= 0);
        assertEquals(1, sim.counters().rateLimited());
        assertEquals(2, sim.counters().requests(EndpointKind.LIST));
        assertEquals(1, sink.listingCompletions());
    }

    @Test
    void a429WithoutRetryAfterBacksOffThenResumes() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T10:00:00.250Z"));
        startRateLimited(clock, new RateLimitConfig(true, 10_000, 1, false));

        fetch();

        Duration wait = context.budget.rateLimitWaits().get(0);
        assertTrue(wait.compareTo(Duration.ofSeconds(1)) >= 0 && wait.compareTo(Duration.ofSeconds(2)) <= 0, "" + wait);
        assertTrue(context.budget.gaps().get(0).compareTo(wait) >= 0);
        assertEquals(1, sim.counters().rateLimited());
        assertEquals(1, sink.listingCompletions());
    }

    /**
     * An empty tenant whose current second is already spent: the listing request is refused once. The simulator's
     * clock moves on by the wait the plugin reports, as real time would while the plugin sleeps.
     */
    private void startRateLimited(MutableClock clock, RateLimitConfig limits) {
        sim = KandjiSims.start(
                SimulatorConfig.builder().fleet(Fleet.empty(clock)).clock(clock).rateLimit(limits));
        sim.rateLimiter().acquire();
        context.budget.onRateLimited(clock::advance);
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.TOKEN);
    }

    @Test
    void aBurstOfServerErrorsIsRetriedUntilThePageArrives() throws Exception {
        start(Fleet.generated(20, 4));
        sim.faults().failNext(EndpointKind.LIST, 2, 503);

        fetch();

        assertEquals(20, sink.deviceIds().size());
        assertEquals(1, sink.listingCompletions());
        assertEquals(3, sim.counters().requests(EndpointKind.LIST));
        assertEquals(2, sim.counters().responses(503));
    }

    @Test
    void aRequestOutlastingTheReadTimeoutIsRetried() throws Exception {
        sim = KandjiSims.start(Fleet.generated(20, 4));
        provider = KandjiPluginJar.provider(sim.baseUrl(), KandjiSims.TOKEN, Map.of("read_timeout_seconds", "1"));
        sim.faults().timeoutNext(EndpointKind.LIST, 1, Duration.ofMillis(2500), Faults.TimeoutAction.RESPOND);

        fetch();

        assertEquals(20, sink.deviceIds().size());
        assertEquals(2, sim.counters().requests(EndpointKind.LIST));
        assertTrue(context.budget.gaps().get(0).compareTo(Duration.ofSeconds(1)) >= 0);
    }

    @Test
    void aConnectionDroppedWithoutAnAnswerIsRetried() throws Exception {
        start(Fleet.generated(20, 4));
        sim.faults().timeoutNext(EndpointKind.DETAILS, 1, Duration.ofMillis(50), Faults.TimeoutAction.DROP);

        fetch();

        assertEquals(KandjiSims.qualifyingIds(sim.fleet().devices()), new HashSet<>(sink.detailIds()));
        assertEquals(1, sim.counters().responses(0));
        assertEquals(sink.detailIds().size() + 1, sim.counters().requests(EndpointKind.DETAILS));
    }

    @Test
    void aMalformedPageIsAskedForOnceMore() throws Exception {
        start(Fleet.generated(301, 8));
        sim.faults().malformNext(EndpointKind.LIST, 1);

        fetch();

        assertEquals(301, sink.devices().size());
        assertEquals(301, sink.deviceIds().size());
        assertEquals(3, sim.counters().requests(EndpointKind.LIST));
    }

    @Test
    void aPageMalformedTwiceInARowStopsTheFetchBeforeTheListingCompletes() throws Exception {
        start(Fleet.generated(301, 8));
        sim.faults().malformNext(EndpointKind.LIST, 2);

        assertThrows(BadVendorDataException.class, this::fetch);

        assertEquals(0, sink.listingCompletions());
        assertTrue(sink.details().isEmpty());
        assertEquals(2, sim.counters().totalRequests());
    }
}
