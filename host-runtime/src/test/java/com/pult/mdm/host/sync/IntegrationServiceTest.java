package com.pult.mdm.host.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRun.Outcome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private SyncFixture host;

    @BeforeEach
    void startHost() throws Exception {
        host = new SyncFixture(dataDir);
        host.vendor.put("d1", "SN1", "ana.lima@example.com", "00:00:5e:00:53:01", "10.0.0.1", "2026-12-01T10:00:00Z");
        host.vendor.put("d2", "SN2", "Bo.Chen@Example.com", "00:00:5e:00:53:02", "10.0.0.2", "2026-12-01T11:00:00Z");
        host.vendor.put("d3", "d3|SN3||false|true|00:00:5e:00:53:03||");
    }

    @AfterEach
    void stopHost() {
        host.close();
    }

    @Test
    void aRejectedTokenSavesNothingAndReturnsTheProvidersReasons() throws Exception {
        IntegrationException error = assertThrows(IntegrationException.class, () -> host.create("wrong"));

        assertEquals(IntegrationException.Code.VALIDATION_FAILED, error.code());
        assertEquals("Device list", error.problems().get(0).permission());
        assertTrue(host.integrations.listAll().isEmpty());
    }

    @Test
    void aMissingRequiredFieldIsRejectedBeforeAnyVendorCall() {
        IntegrationException error = assertThrows(
                IntegrationException.class,
                () -> host.service.create("acme", "fake", "", Map.of("url", "https://fake"), Optional.empty()));

        assertEquals(IntegrationException.Code.INVALID_FIELD, error.code());
        assertEquals(0, host.vendor.validations.get());
    }

    @Test
    void anUnknownFieldIsRejected() {
        IntegrationException error = assertThrows(
                IntegrationException.class,
                () -> host.service.create(
                        "acme",
                        "fake",
                        "",
                        Map.of("url", "https://fake", "token", "good-token", "proxy", "x"),
                        Optional.empty()));

        assertTrue(error.getMessage().contains("'proxy'"));
    }

    @Test
    void aSyncKeepsDevicesWithAnAssignedUserAndCountsTheRest() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();

        SyncRun run = syncUntilDone(id);

        assertEquals(Outcome.SUCCEEDED, run.outcome());
        assertEquals(3, run.devicesSeen());
        assertEquals(2, run.accepted());
        assertEquals(Map.of("NO_ASSIGNED_USER", 1), run.rejected());
        assertEquals(2, run.detailsFetched());
        assertEquals(2, host.service.status(id).devices());
        assertEquals(IntegrationState.ACTIVE, host.service.status(id).state());
    }

    @Test
    void secretsAreMaskedInTheStatusAndEncryptedAtRest() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();

        assertEquals(IntegrationStatus.MASK, host.service.status(id).fields().get("token"));
        String stored = host.integrations.find(id).orElseThrow().sealedSecrets();
        assertFalse(stored.contains(FakeVendor.GOOD_TOKEN));
    }

    @Test
    void threeAuthenticationFailuresPauseAndAPausedIntegrationMakesNoCalls() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.acceptedToken = "rotated";

        for (int i = 1; i <= 3; i++) {
            assertEquals(Outcome.AUTH_FAILED, host.service.syncAndWait(id, WAIT).outcome());
        }

        IntegrationStatus status = host.service.status(id);
        assertEquals(IntegrationState.PAUSED, status.state());
        assertTrue(status.reason().contains("3 authentication failures"), status.reason());
        int fetches = host.vendor.fetches.get();
        assertThrows(IntegrationException.class, () -> host.service.syncNow(id));
        Thread.sleep(1500);
        assertEquals(fetches, host.vendor.fetches.get());
        assertEquals(2, host.service.status(id).devices());
    }

    @Test
    void resetWithANewTokenStartsTheCountAgain() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.acceptedToken = "new-token";
        for (int i = 0; i < 3; i++) {
            host.service.syncAndWait(id, WAIT);
        }

        IntegrationException stillWrong = assertThrows(
                IntegrationException.class, () -> host.service.reset(id, Map.of("token", "another-wrong")));
        long lastRun = host.service.history(id, 1).get(0).id();
        IntegrationStatus reset = host.service.reset(id, Map.of("token", "new-token"));

        assertEquals(IntegrationException.Code.VALIDATION_FAILED, stillWrong.code());
        assertEquals(0, reset.authFailures());
        assertEquals(Outcome.SUCCEEDED, runAfter(id, lastRun).outcome());
        assertEquals(IntegrationState.ACTIVE, host.service.status(id).state());
    }

    @Test
    void aTransientFailureDegradesAndCommitsNothing() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.put("d4", "SN4", "cy.diaz@example.com", "00:00:5e:00:53:04", "", "");
        host.vendor.failBeforeListing = FakeVendor.transientFailure();

        SyncRun run = host.service.syncAndWait(id, WAIT);

        assertEquals(Outcome.TRANSIENT_FAILURE, run.outcome());
        assertEquals(IntegrationState.DEGRADED, host.service.status(id).state());
        assertEquals(2, host.service.status(id).devices());
    }

    @Test
    void aDeviceAbsentFromOneListingStillMatchesAndFromTwoIsGone() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.fleet.remove("d2");
        host.vendor.put("d5", "SN5", "dee@example.com", "", "", "");
        host.vendor.put("d6", "SN6", "eve@example.com", "", "", "");

        host.service.syncAndWait(id, WAIT);
        StoredDevice afterOne = device(id, "d2");
        boolean matchesAfterOne = host.indexes.of("acme").bySerial("SN2").matched();
        host.service.syncAndWait(id, WAIT);

        assertEquals(1, afterOne.missingListings());
        assertTrue(matchesAfterOne);
        assertTrue(device(id, "d2").goneSince().isPresent());
        assertEquals(
                MatchReason.DEVICE_GONE, host.indexes.of("acme").bySerial("sn2").reason());
    }

    @Test
    void aFailedListingNeverCountsTowardRemoval() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.fleet.remove("d2");
        host.vendor.failBeforeListing = FakeVendor.transientFailure();

        host.service.syncAndWait(id, WAIT);
        host.service.syncAndWait(id, WAIT);

        assertEquals(0, device(id, "d2").missingListings());
    }

    @Test
    void aSyncThatWouldRemoveMostDevicesHoldsUntilConfirmed() throws Exception {
        for (int i = 10; i < 30; i++) {
            host.vendor.put("x" + i, "SNX" + i, "user" + i + "@example.com", "", "", "");
        }
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.fleet.keySet().removeIf(key -> key.startsWith("x"));

        SyncRun firstAbsence = host.service.syncAndWait(id, WAIT);
        SyncRun held = host.service.syncAndWait(id, WAIT);
        IntegrationStatus waiting = host.service.status(id);
        SyncRun confirmed = host.service.confirmRemovals(id).get(20, TimeUnit.SECONDS);

        assertEquals(Outcome.SUCCEEDED, firstAbsence.outcome());
        assertEquals(Outcome.HELD, held.outcome());
        assertEquals(IntegrationState.AWAITING_CONFIRMATION, waiting.state());
        assertEquals(22, waiting.devices());
        assertEquals(Outcome.SUCCEEDED, confirmed.outcome());
        assertEquals(
                2,
                host.devices.devicesOfIntegration(id).stream()
                        .filter(StoredDevice::isActive)
                        .count());
    }

    @Test
    void aDeviceWhoseUserWasClearedStopsMatchingAtOnce() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.put("d1", "d1|SN1||false|true|00:00:5e:00:53:01||");

        host.service.syncAndWait(id, WAIT);

        assertEquals(
                MatchReason.UNKNOWN_SERIAL,
                host.indexes.of("acme").bySerial("SN1").reason());
    }

    @Test
    void syncNowWhileARunIsInProgressIsRefused() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.holdDuringFetch = new CountDownLatch(1);
        host.vendor.fetchStarted = new CountDownLatch(1);

        var first = host.service.syncNow(id);
        assertTrue(host.vendor.fetchStarted.await(10, TimeUnit.SECONDS));
        IntegrationException second = assertThrows(IntegrationException.class, () -> host.service.syncNow(id));
        assertEquals(IntegrationState.SYNCING, host.service.status(id).state());
        host.vendor.holdDuringFetch.countDown();

        assertEquals(IntegrationException.Code.ALREADY_RUNNING, second.code());
        assertEquals(Outcome.SUCCEEDED, first.get(20, TimeUnit.SECONDS).outcome());
    }

    @Test
    void aDisabledProviderStopsItsIntegrationsWithoutRemovingThem() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);

        host.service.setProviderEnabled("fake", false);

        assertEquals(IntegrationState.DISABLED, host.service.status(id).state());
        assertThrows(IntegrationException.class, () -> host.service.syncNow(id));
        host.service.setProviderEnabled("fake", true);
        assertEquals(IntegrationState.ACTIVE, host.service.status(id).state());
    }

    @Test
    void aMissingPluginShowsProviderMissingAndKeepsTheInventoryAnswering() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);

        host.providerDeployed = false;

        assertEquals(IntegrationState.PROVIDER_MISSING, host.service.status(id).state());
        assertTrue(host.indexes.of("acme").byMac("00-00-5E-00-53-01").matched());
    }

    @Test
    void deletingAnIntegrationRemovesItsDevicesAndHistoryTogether() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);

        host.service.delete(id);

        assertTrue(host.devices.devicesOfIntegration(id).isEmpty());
        assertTrue(host.runs.history(id, 10).isEmpty());
        assertEquals(
                IntegrationException.Code.NOT_FOUND,
                assertThrows(IntegrationException.class, () -> host.service.status(id))
                        .code());
    }

    @Test
    void twoOrganizationsMayHoldTheSameSerialAndMacWithoutConflict() throws Exception {
        String acme = host.create("acme", FakeVendor.GOOD_TOKEN).id();
        String globex = host.create("globex", FakeVendor.GOOD_TOKEN).id();

        syncUntilDone(acme);
        syncUntilDone(globex);

        assertEquals(
                acme,
                host.indexes.of("acme").bySerial("SN1").device().orElseThrow().integrationId());
        assertEquals(
                globex,
                host.indexes.of("globex").bySerial("SN1").device().orElseThrow().integrationId());
        assertTrue(host.indexes.of("acme").conflicts().isEmpty());
    }

    @Test
    void everyRunLeavesARecordInTheHistory() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.service.syncAndWait(id, WAIT);

        List<SyncRun> history = host.service.history(id, 10);

        assertEquals(2, history.size());
        assertNotNull(history.get(0).endedAt());
        assertTrue(history.get(0).requests() > 0);
    }

    @Test
    void case10TwoAccountsReportingTheSameDeviceIdKeepTwoSeparateDevices() throws Exception {
        String first = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(first);
        String second = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(second);

        assertEquals(List.of("d1", "d2"), deviceIds(first));
        assertEquals(List.of("d1", "d2"), deviceIds(second));
        assertEquals(4, host.indexes.of("acme").activeDevices());
        assertTrue(host.indexes.of("acme").conflicts().stream()
                .anyMatch(c -> c.key().equals("SN1")));
    }

    @Test
    void case64ADeviceWhoseUserWasArchivedThenDeletedIsNeverMatchedAgain() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        host.vendor.put("d1", "d1|SN1|ana.lima@example.com|true|true|00:00:5e:00:53:01||");

        SyncRun archived = host.service.syncAndWait(id, WAIT);
        MatchReason afterArchive = host.indexes.of("acme").bySerial("SN1").reason();
        host.vendor.put("d1", "d1|SN1||false|true|00:00:5e:00:53:01||");
        host.service.syncAndWait(id, WAIT);

        assertEquals(Map.of("USER_ARCHIVED", 1, "NO_ASSIGNED_USER", 1), archived.rejected());
        assertEquals(MatchReason.UNKNOWN_SERIAL, afterArchive);
        assertEquals(
                MatchReason.UNKNOWN_SERIAL,
                host.indexes.of("acme").bySerial("SN1").reason());
        assertEquals(List.of("d2"), deviceIds(id));
    }

    @Test
    void case73SecretsNoKeyOpensPauseTheIntegrationAndAreNeverOverwritten() throws Exception {
        String id = host.create(FakeVendor.GOOD_TOKEN).id();
        syncUntilDone(id);
        String unreadable = "v1.0badc0de.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        host.integrations.update(host.integrations.find(id).orElseThrow().withSecrets(unreadable));

        host.service.syncNow(id).get(20, TimeUnit.SECONDS);

        IntegrationStatus status = host.service.status(id);
        assertEquals(IntegrationState.PAUSED, status.state());
        assertTrue(status.reason().contains("cannot be decrypted"), status.reason());
        assertEquals(unreadable, host.integrations.find(id).orElseThrow().sealedSecrets());
        long lastRun = host.service.history(id, 1).get(0).id();
        host.service.reset(id, Map.of("token", FakeVendor.GOOD_TOKEN));
        assertEquals(Outcome.SUCCEEDED, runAfter(id, lastRun).outcome());
    }

    private List<String> deviceIds(String integrationId) throws Exception {
        return host.devices.devicesOfIntegration(integrationId).stream()
                .filter(StoredDevice::isActive)
                .map(StoredDevice::deviceId)
                .sorted()
                .toList();
    }

    private SyncRun syncUntilDone(String id) throws Exception {
        // The first sync starts by itself after creation; wait for it.
        return runAfter(id, -1);
    }

    private SyncRun runAfter(String id, long previousRunId) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            List<SyncRun> history = host.service.history(id, 1);
            if (!history.isEmpty()
                    && history.get(0).id() > previousRunId
                    && history.get(0).outcome() != Outcome.RUNNING
                    && host.service.status(id).state() != IntegrationState.SYNCING) {
                return history.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No sync ended within " + WAIT);
    }

    private StoredDevice device(String integrationId, String deviceId) throws Exception {
        return host.devices.devicesOfIntegration(integrationId).stream()
                .filter(device -> device.deviceId().equals(deviceId))
                .findFirst()
                .orElseThrow();
    }
}
