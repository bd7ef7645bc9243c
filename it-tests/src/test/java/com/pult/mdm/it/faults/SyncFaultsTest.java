package com.pult.mdm.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRun.Outcome;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.host.sync.IntegrationStatus;
import com.pult.mdm.it.admin.AdminApi;
import com.pult.mdm.it.host.HostHarness;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Faults;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator failing every way it can during a sync, and the Kandji plugin removed during one, each against a host
 * that already holds a good snapshot. After every fault: the previous devices still match by serial and MAC (in the
 * index and over the admin API), {@code /health/ready} answers, the integration's state and reason say what
 * happened, the run records its outcome, nothing of the failed run is stored, and once the fault clears the next sync
 * succeeds and picks up the devices added meanwhile.
 *
 * <p>One real host (the embedded framework, the plugin jar from {@code target/plugins}, H2, the admin API over HTTP)
 * and one simulator serve every test; each test has its own organization and integration, deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncFaultsTest {

    private static final String TOKEN = "fa017000-0000-4000-8000-000000000001";
    private static final String REVOKED_TOKEN = "fa017000-0000-4000-8000-000000000002";
    private static final String NEW_TOKEN = "fa017000-0000-4000-8000-000000000003";
    /** Three list pages of 300, so faults can strike between pages. */
    private static final int FLEET = 700;
    /** Devices added to the fleet before each fault, which only a successful sync may store. */
    private static final int ADDED = 20;

    @TempDir
    static Path home;

    private KandjiSimulator sim;
    private HostHarness harness;
    private String integrationId;

    @BeforeAll
    void start() throws Exception {
        sim = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(FLEET, 2024))
                .token(TOKEN, Permission.values())
                .token(REVOKED_TOKEN, Permission.values())
                .rateLimit(RateLimitConfig.off())
                .build());
        harness = HostHarness.start(home, HostHarness.fastSettings());
        harness.deployKandji();
    }

    @AfterEach
    void forgetTheIntegration() throws Exception {
        sim.faults().clear();
        if (integrationId != null) {
            harness.integrations().delete(integrationId);
            integrationId = null;
        }
    }

    @AfterAll
    void stop() throws Exception {
        harness.close();
        sim.close();
    }

    /**
     * One organization with an admin API token and a Kandji integration whose first sync succeeded, and the devices
     * added to the fleet since that the host keeps (assigned user, MDM on), which only a successful sync may store.
     */
    private record Tenant(
            String orgId, String integrationId, AdminApi api, LastGoodSnapshot snapshot, Set<String> added) {}

    private Tenant synced(String orgId, String kandjiToken) throws Exception {
        harness.createOrganization(orgId);
        String token = harness.host
                .services()
                .apiTokens()
                .create(orgId, "faults", false)
                .secret();
        integrationId = harness.createKandjiIntegration(orgId, sim.baseUrl(), kandjiToken);
        SyncRun first = harness.awaitRun(integrationId, 0);
        assertEquals(Outcome.SUCCEEDED, first.outcome(), first.message());
        return new Tenant(
                orgId,
                integrationId,
                new AdminApi(harness.host.httpPort(), token),
                LastGoodSnapshot.take(harness.host, orgId, integrationId),
                Set.of());
    }

    /** The tenant after devices were added to the fleet. */
    private Tenant grown(Tenant tenant) {
        return new Tenant(
                tenant.orgId(), tenant.integrationId(), tenant.api(), tenant.snapshot(), addQualifyingDevices());
    }

    private SyncRun sync(Tenant tenant) throws Exception {
        return harness.integrations().syncAndWait(tenant.integrationId(), HostHarness.WAIT);
    }

    private IntegrationStatus status(Tenant tenant) throws Exception {
        return harness.integrations().status(tenant.integrationId());
    }

    /** Adds devices to the fleet and returns the ids of those the host keeps (assigned user, MDM on). */
    private Set<String> addQualifyingDevices() {
        return sim.fleet().addDevices(ADDED).stream()
                .filter(SyncFaultsTest::qualifies)
                .map(SimDevice::deviceId)
                .collect(Collectors.toSet());
    }

    private static boolean qualifies(SimDevice device) {
        return device.mdmEnabled()
                && device.user().filter(user -> !user.archived()).isPresent();
    }

    private List<StoredDevice> stored(Tenant tenant) throws Exception {
        return harness.host.services().devices().devicesOfIntegration(tenant.integrationId());
    }

    /**
     * What every fault that stops a listing leaves: the snapshot served unchanged, none of the added devices stored,
     * no absence counted, and the run's record.
     */
    private void assertNothingOfTheFailedRunStored(Tenant tenant) throws Exception {
        tenant.snapshot().assertServedUnchanged(harness.host, tenant.api());
        List<StoredDevice> stored = stored(tenant);
        assertTrue(
                stored.stream().noneMatch(device -> tenant.added().contains(device.deviceId())),
                "added devices stored");
        assertTrue(stored.stream().allMatch(device -> device.missingListings() == 0), "an absence was counted");
    }

    /** After the fault is cleared: the next sync succeeds, the snapshot still serves and the added devices arrive. */
    private void assertTheNextSyncRecovers(Tenant tenant) throws Exception {
        Set<String> added = tenant.added();
        SyncRun recovered = sync(tenant);

        assertEquals(Outcome.SUCCEEDED, recovered.outcome(), recovered.message());
        assertEquals(0, recovered.removed());
        assertEquals(
                IntegrationState.ACTIVE, status(tenant).state(), status(tenant).reason());
        tenant.snapshot().assertStillServed(harness.host, tenant.api());
        Set<String> active = stored(tenant).stream()
                .filter(StoredDevice::isActive)
                .map(StoredDevice::deviceId)
                .collect(Collectors.toSet());
        assertFalse(added.isEmpty());
        assertTrue(active.containsAll(added), "the devices added during the fault arrive");
        assertEquals(tenant.snapshot().size() + added.size(), active.size());
    }

    /** What every failed run leaves: the integration degraded by that run, and nothing of it stored. */
    private void assertFailedCleanly(Tenant tenant, SyncRun failed) throws Exception {
        IntegrationStatus status = status(tenant);
        assertEquals(IntegrationState.DEGRADED, status.state(), status.reason());
        assertTrue(status.reason().contains("1 failed syncs in a row"), status.reason());
        assertTrue(status.reason().contains(failed.message()), status.reason());
        assertEquals(
                failed.id(),
                harness.integrations().history(tenant.integrationId(), 1).get(0).id());
        assertNothingOfTheFailedRunStored(tenant);
    }

    @Test
    void aServerErrorStormFailsTheSyncAndTheLastSnapshotStillServes() throws Exception {
        Tenant tenant = grown(synced("storm-5xx", TOKEN));
        long listRequests = sim.counters().requests(EndpointKind.LIST);
        sim.faults().errorStorm(500, 502, 503);

        SyncRun failed = sync(tenant);

        assertEquals(Outcome.TRANSIENT_FAILURE, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("4 times in a row"), failed.message());
        assertEquals(4, failed.requests());
        assertEquals(listRequests + 4, sim.counters().requests(EndpointKind.LIST));
        assertFailedCleanly(tenant, failed);
        sim.faults().errorStorm();
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void requestsHangingPastTheClientTimeoutFailTheSyncWhileTheHostKeepsServing() throws Exception {
        Tenant tenant = grown(synced("timeouts", TOKEN));
        long listRequests = sim.counters().requests(EndpointKind.LIST);
        // Three connections closed without an answer, then one held past the plugin's 30 s read timeout.
        sim.faults().timeoutNext(EndpointKind.LIST, 3, Duration.ofMillis(50), Faults.TimeoutAction.DROP);
        sim.faults().timeoutNext(EndpointKind.LIST, 1, Duration.ofSeconds(32), Faults.TimeoutAction.RESPOND);

        CompletableFuture<SyncRun> running = harness.integrations().syncNow(tenant.integrationId());
        HostHarness.awaitListRequests(sim, listRequests + 4);
        // The last attempt is hanging: lookups and health answer meanwhile from the last good snapshot.
        tenant.snapshot().assertServedUnchanged(harness.host, tenant.api());
        assertEquals(IntegrationState.SYNCING, status(tenant).state());
        SyncRun failed = running.get(HostHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS);

        assertEquals(Outcome.TRANSIENT_FAILURE, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("did not answer in time"), failed.message());
        assertTrue(failed.message().contains("after 4 attempts"), failed.message());
        assertFailedCleanly(tenant, failed);
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void malformedJsonBodiesFailTheSyncAsBadVendorDataAndTheLastSnapshotStillServes() throws Exception {
        Tenant tenant = grown(synced("malformed", TOKEN));
        sim.faults().malformNext(EndpointKind.LIST, 2);

        SyncRun failed = sync(tenant);

        assertEquals(Outcome.BAD_VENDOR_DATA, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("cannot be read twice in a row"), failed.message());
        assertFailedCleanly(tenant, failed);
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void aListingThatRepeatsItsFirstPageForeverStopsAndTheLastSnapshotStillServes() throws Exception {
        Tenant tenant = grown(synced("repeating", TOKEN));
        long listRequests = sim.counters().requests(EndpointKind.LIST);
        sim.faults().repeatFirstPage(true);

        SyncRun failed = sync(tenant);

        assertEquals(Outcome.BAD_VENDOR_DATA, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("pagination is not advancing"), failed.message());
        assertEquals(listRequests + 2, sim.counters().requests(EndpointKind.LIST));
        assertFailedCleanly(tenant, failed);
        sim.faults().repeatFirstPage(false);
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void aRateLimitStormWithRetryAfterFailsTheSyncAsRateLimitedAndTheLastSnapshotStillServes() throws Exception {
        Tenant tenant = grown(synced("storm-429", TOKEN));
        long refused = sim.counters().rateLimited();
        sim.faults().rateLimitStorm(1);

        SyncRun failed = sync(tenant);

        assertEquals(Outcome.RATE_LIMITED, failed.outcome(), failed.message());
        assertTrue(failed.message().contains("for rate limits after 6 attempts"), failed.message());
        assertEquals(6, failed.rateLimited());
        assertEquals(refused + 6, sim.counters().rateLimited());
        assertFailedCleanly(tenant, failed);
        sim.faults().rateLimitStorm(0);
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void aTokenRevokedMidSyncPausesTheIntegrationAfterTheConfiguredFailuresAndTheLastSnapshotStillServes()
            throws Exception {
        Tenant tenant = grown(synced("revoked", REVOKED_TOKEN));
        int failuresToPause = HostHarness.fastSettings().authFailuresToPause();
        // The first list page passes; the token is revoked before the second.
        sim.tokens().revokeAfter(REVOKED_TOKEN, 1);

        SyncRun midSync = sync(tenant);
        IntegrationStatus afterOne = status(tenant);
        for (int failure = 2; failure <= failuresToPause; failure++) {
            assertEquals(Outcome.AUTH_FAILED, sync(tenant).outcome());
        }
        IntegrationStatus paused = status(tenant);

        assertEquals(Outcome.AUTH_FAILED, midSync.outcome(), midSync.message());
        assertEquals(2, midSync.requests());
        assertTrue(midSync.message().contains("API token is invalid, revoked or expired"), midSync.message());
        assertEquals(IntegrationState.DEGRADED, afterOne.state());
        assertTrue(afterOne.reason().startsWith("Authentication failed 1 of " + failuresToPause), afterOne.reason());
        assertEquals(IntegrationState.PAUSED, paused.state());
        assertEquals(failuresToPause, paused.authFailures());
        assertTrue(paused.reason().startsWith("Paused after " + failuresToPause + " authentication failures"));
        assertTrue(paused.reason().contains("API token"), paused.reason());
        assertTrue(harness.integrations().history(tenant.integrationId(), failuresToPause).stream()
                .allMatch(run -> run.outcome() == Outcome.AUTH_FAILED));
        assertNothingOfTheFailedRunStored(tenant);

        sim.tokens().add(NEW_TOKEN, Set.of(Permission.values()));
        long lastRun = harness.lastRunId(tenant.integrationId());
        harness.integrations().reset(tenant.integrationId(), Map.of("api_token", NEW_TOKEN));
        assertEquals(
                Outcome.SUCCEEDED,
                harness.awaitRun(tenant.integrationId(), lastRun).outcome());
        assertTheNextSyncRecovers(tenant);
    }

    @Test
    void devicesVanishingBetweenPagesAreRemovedOnlyAfterTwoCompleteListingsWithoutThem() throws Exception {
        Tenant tenant = synced("vanishing", TOKEN);
        Set<String> fleetBefore = fleetIds();
        // After page one is served its first five devices are deleted, so page two starts five devices late.
        sim.faults().vanishAfterFirstPage(5);

        SyncRun shifted = sync(tenant);
        Set<String> vanished = new HashSet<>(fleetBefore);
        vanished.removeAll(fleetIds());
        vanished.retainAll(tenant.snapshot().deviceIds());
        Set<String> skipped = deviceIds(tenant, device -> device.missingListings() == 1);
        skipped.removeAll(vanished);

        assertEquals(Outcome.SUCCEEDED, shifted.outcome(), shifted.message());
        assertEquals(0, shifted.removed());
        assertFalse(vanished.isEmpty(), "some vanished devices were in the snapshot");
        assertFalse(skipped.isEmpty(), "the shifted offset skipped devices of the snapshot");
        tenant.snapshot().assertServedUnchanged(harness.host, tenant.api());

        SyncRun absentOnce = sync(tenant);

        assertEquals(Outcome.SUCCEEDED, absentOnce.outcome(), absentOnce.message());
        assertEquals(0, absentOnce.removed());
        assertEquals(vanished, deviceIds(tenant, device -> device.missingListings() == 1));
        tenant.snapshot().assertServedUnchanged(harness.host, tenant.api());

        SyncRun absentTwice = sync(tenant);

        assertEquals(Outcome.SUCCEEDED, absentTwice.outcome(), absentTwice.message());
        assertEquals(vanished.size(), absentTwice.removed());
        assertEquals(vanished, deviceIds(tenant, device -> device.goneSince().isPresent()));
        for (StoredDevice gone : stored(tenant)) {
            if (vanished.contains(gone.deviceId()) && gone.serial().isPresent()) {
                assertEquals(
                        MatchReason.DEVICE_GONE,
                        harness.host
                                .services()
                                .indexes()
                                .of(tenant.orgId())
                                .bySerial(gone.serial().get())
                                .reason());
            }
        }
        tenant.snapshot().without(vanished).assertServedUnchanged(harness.host, tenant.api());
    }

    @Test
    void thePluginRemovedMidSyncCancelsItCleanlyAndTheSyncSucceedsOnceItIsRestored() throws Exception {
        Tenant tenant = grown(synced("plugin-removed", TOKEN));
        long listRequests = sim.counters().requests(EndpointKind.LIST);
        long lastRun = harness.lastRunId(tenant.integrationId());
        // Each request takes a second, so the listing is still running when the plugin goes.
        sim.faults().latency(Duration.ofSeconds(1));

        harness.integrations().syncNow(tenant.integrationId());
        HostHarness.awaitListRequests(sim, listRequests + 1);
        harness.undeployKandji();
        SyncRun cancelled = harness.awaitRun(tenant.integrationId(), lastRun);
        IntegrationStatus missing = status(tenant);

        assertEquals(Outcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertEquals(IntegrationState.PROVIDER_MISSING, missing.state());
        assertTrue(missing.reason().contains("is not deployed"), missing.reason());
        assertTrue(missing.reason().contains("still answer lookups"), missing.reason());
        assertNothingOfTheFailedRunStored(tenant);

        sim.faults().latency(Duration.ZERO);
        harness.deployKandji();
        assertTrue(harness.host.registry().provider("kandji").isPresent());
        assertTheNextSyncRecovers(tenant);
    }

    private Set<String> fleetIds() {
        return sim.fleet().devices().stream().map(SimDevice::deviceId).collect(Collectors.toSet());
    }

    private Set<String> deviceIds(Tenant tenant, Predicate<StoredDevice> which) throws Exception {
        return stored(tenant).stream().filter(which).map(StoredDevice::deviceId).collect(Collectors.toSet());
    }
}
