package com.pult.mdm.it.kandji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.SimDevice;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known failure modes around deletions, at the host level: the deployed plugin inside {@code IntegrationService} on a
 * real H2 database, against the simulator. Deletions follow complete listings only.
 */
class KandjiHostCasesTest {

    @TempDir
    Path dataDir;

    private KandjiSimulator sim;
    private KandjiHost host;
    private final SteeredKandjiFactory factory = new SteeredKandjiFactory(KandjiPluginJar.factory());

    @AfterEach
    void stop() {
        if (host != null) {
            host.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** A synced integration of a generated tenant; returns its id. */
    private String synced(int devices, long seed) throws Exception {
        sim = KandjiSims.start(Fleet.generated(devices, seed));
        host = new KandjiHost(dataDir, factory, KandjiHost.settings(1.0, 20));
        String id = host.create(sim.baseUrl(), KandjiSims.TOKEN);
        assertEquals(SyncRun.Outcome.SUCCEEDED, host.firstRun(id).outcome());
        return id;
    }

    /** A qualifying device whose serial no other device shares, from the last page when there are several. */
    private SimDevice lastQualifying() {
        List<SimDevice> qualifying =
                sim.fleet().devices().stream().filter(KandjiSims::qualifies).toList();
        for (int i = qualifying.size() - 1; i >= 0; i--) {
            SimDevice device = qualifying.get(i);
            String serial = device.serialNumber();
            if (!serial.isBlank()
                    && sim.fleet().devices().stream()
                                    .filter(other -> other.serialNumber().equals(serial))
                                    .count()
                            == 1) {
                return device;
            }
        }
        throw new AssertionError("no qualifying device with a unique serial");
    }

    @Test
    @DisplayName("03 deleted device: after one complete listing without it, it is kept and counted missing once")
    void case03DeviceAbsentFromOneCompleteListingIsKeptAndCountedMissing() throws Exception {
        String id = synced(30, 3);
        SimDevice deleted = lastQualifying();
        int active = host.service.status(id).devices();
        sim.fleet().remove(List.of(deleted.deviceId()));

        SyncRun second = host.sync(id);

        StoredDevice stored = host.device(id, deleted.deviceId());
        assertEquals(SyncRun.Outcome.SUCCEEDED, second.outcome());
        assertEquals(1, stored.missingListings());
        assertTrue(stored.isActive());
        assertEquals(active, host.service.status(id).devices());
        assertTrue(
                host.indexes.of(KandjiHost.ORG).bySerial(deleted.serialNumber()).matched());
    }

    @Test
    @DisplayName("03 deleted device: after two complete listings without it, it is gone and no longer matches")
    void case03DeviceAbsentFromTwoCompleteListingsIsGone() throws Exception {
        String id = synced(30, 3);
        SimDevice deleted = lastQualifying();
        int active = host.service.status(id).devices();
        sim.fleet().remove(List.of(deleted.deviceId()));

        host.sync(id);
        SyncRun third = host.sync(id);

        assertEquals(SyncRun.Outcome.SUCCEEDED, third.outcome());
        assertEquals(1, third.removed());
        assertTrue(host.device(id, deleted.deviceId()).goneSince().isPresent());
        assertEquals(active - 1, host.service.status(id).devices());
        assertEquals(
                MatchReason.DEVICE_GONE,
                host.indexes.of(KandjiHost.ORG).bySerial(deleted.serialNumber()).reason());
    }

    @Test
    @DisplayName("65/66 partial fetch never drives deletions: a listing that fails on a later page changes nothing")
    void case65And66AListingThatFailsMidwayChangesNothing() throws Exception {
        String id = synced(700, 65);
        SimDevice deleted = lastQualifying();
        int active = host.service.status(id).devices();
        sim.fleet().remove(List.of(deleted.deviceId()));
        // Page one arrives; every attempt at page two answers 503 until the plugin gives up.
        factory.afterDevice(count -> {
            if (count == 300) {
                sim.faults().failNext(EndpointKind.LIST, 10, 503);
            }
        });

        SyncRun failed = host.sync(id);

        assertEquals(SyncRun.Outcome.TRANSIENT_FAILURE, failed.outcome(), failed.message());
        assertEquals(0, failed.removed());
        assertEquals(active, host.service.status(id).devices());
        assertTrue(host.devices.devicesOfIntegration(id).stream().allMatch(d -> d.missingListings() == 0));
        assertTrue(
                host.indexes.of(KandjiHost.ORG).bySerial(deleted.serialNumber()).matched());
    }

    @Test
    @DisplayName("65/66 partial fetch never drives deletions: only the next complete listing counts the absence")
    void case65And66OnlyACompleteListingCountsAnAbsence() throws Exception {
        String id = synced(700, 65);
        SimDevice deleted = lastQualifying();
        sim.fleet().remove(List.of(deleted.deviceId()));
        factory.afterDevice(count -> {
            if (count == 300) {
                sim.faults().failNext(EndpointKind.LIST, 10, 503);
            }
        });
        host.sync(id);
        factory.afterDevice(count -> {});
        sim.faults().clear();

        SyncRun complete = host.sync(id);

        assertEquals(SyncRun.Outcome.SUCCEEDED, complete.outcome(), complete.message());
        assertEquals(1, host.device(id, deleted.deviceId()).missingListings());
    }

    @Test
    @DisplayName("66 offset paging: devices a shifting offset skips are only counted missing, then listed again")
    void case66DevicesSkippedByAShiftingOffsetAreCountedMissingOnceAndComeBack() throws Exception {
        String id = synced(700, 66);
        List<String> byId =
                sim.fleet().devices().stream().map(SimDevice::deviceId).toList();
        // After page one is served its first five devices are deleted, so page two starts five devices late.
        List<String> skipped = byId.subList(300, 305).stream()
                .filter(deviceId ->
                        sim.fleet().find(deviceId).filter(KandjiSims::qualifies).isPresent())
                .toList();
        sim.faults().vanishAfterFirstPage(5);

        SyncRun shifted = host.sync(id);
        List<Integer> missingAfterShift = missingListings(id, skipped);
        SyncRun next = host.sync(id);

        assertTrue(!skipped.isEmpty(), "some of the skipped devices qualify");
        assertEquals(SyncRun.Outcome.SUCCEEDED, shifted.outcome());
        assertTrue(missingAfterShift.stream().allMatch(count -> count == 1), "" + missingAfterShift);
        assertEquals(SyncRun.Outcome.SUCCEEDED, next.outcome());
        assertTrue(missingListings(id, skipped).stream().allMatch(count -> count == 0));
    }

    private List<Integer> missingListings(String id, List<String> deviceIds) throws Exception {
        List<Integer> counts = new java.util.ArrayList<>();
        for (String deviceId : deviceIds) {
            counts.add(host.device(id, deviceId).missingListings());
        }
        return counts;
    }
}
