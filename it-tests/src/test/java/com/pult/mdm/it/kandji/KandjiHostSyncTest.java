package com.pult.mdm.it.kandji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.DeviceMatch;
import com.pult.mdm.host.match.MatchIndex;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.FleetSummary;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.spi.RejectReason;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host end to end with the deployed plugin: an integration created through {@code IntegrationService} on a real
 * H2 database, its first sync of a generated 2,000-device tenant, then what the store and the match index hold.
 * The simulator runs without limits; the host paces under Kandji's limits scaled by 20 so the sync takes seconds.
 */
class KandjiHostSyncTest {

    @TempDir
    static Path dataDir;

    private static KandjiSimulator sim;
    private static KandjiHost host;
    private static String integrationId;
    private static SyncRun run;
    private static FleetSummary expected;

    @BeforeAll
    static void syncOnce() throws Exception {
        sim = KandjiSims.start(Fleet.generated(2000, 42));
        expected = sim.fleet().summary();
        host = new KandjiHost(dataDir, KandjiPluginJar.factory(), KandjiHost.settings(1.0, 20));
        integrationId = host.create(sim.baseUrl(), KandjiSims.TOKEN);
        run = host.firstRun(integrationId);
    }

    @AfterAll
    static void stop() {
        host.close();
        sim.close();
    }

    private static List<SimDevice> qualifying() {
        return sim.fleet().devices().stream().filter(KandjiSims::qualifies).toList();
    }

    /** A qualifying device whose value of {@code key} no other device of the fleet shares. */
    private static SimDevice withUnique(Function<SimDevice, String> key) {
        Map<String, Long> counts = sim.fleet().devices().stream()
                .map(key)
                .filter(value -> value != null && !value.isBlank())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return qualifying().stream()
                .filter(device -> key.apply(device) != null && counts.getOrDefault(key.apply(device), 0L) == 1)
                .findFirst()
                .orElseThrow();
    }

    private static MatchIndex index() throws Exception {
        return host.indexes.of(KandjiHost.ORG);
    }

    @Test
    void theFirstSyncSucceedsAndKeepsExactlyTheQualifyingDevices() throws Exception {
        assertEquals(SyncRun.Outcome.SUCCEEDED, run.outcome(), run.message());
        assertEquals(2000, run.devicesSeen());
        assertEquals(expected.eligible(), run.accepted());
        assertEquals(expected.eligible(), host.service.status(integrationId).devices());
        assertEquals(expected.eligible(), run.detailsFetched());
    }

    @Test
    void theStoredMacsAndSerialsAreThoseOfTheQualifyingDevices() throws Exception {
        List<StoredDevice> stored = host.devices.devicesOfIntegration(integrationId);
        long withMac = qualifying().stream()
                .filter(device -> device.macAddress().isPresent())
                .count();
        long withSerial = qualifying().stream()
                .filter(device -> !FleetSummary.isBlankSerial(device.serialNumber()))
                .count();

        assertEquals(
                withMac, stored.stream().filter(d -> d.wifiMac().isPresent()).count());
        assertEquals(
                withSerial, stored.stream().filter(d -> d.serial().isPresent()).count());
    }

    @Test
    void theRejectedCountsFollowTheFleetsRules() {
        assertEquals(
                Map.of(
                        RejectReason.NO_ASSIGNED_USER.name(), expected.unassigned(),
                        RejectReason.USER_ARCHIVED.name(), expected.archivedUser(),
                        RejectReason.MDM_DISABLED.name(), expected.mdmDisabled()),
                run.rejected());
    }

    @Test
    void aSerialMatchesItsDeviceInAnyCase() throws Exception {
        SimDevice device = withUnique(SimDevice::serialNumber);

        DeviceMatch match = index().bySerial(device.serialNumber().toLowerCase(Locale.ROOT));

        assertTrue(match.matched(), match.explanation());
        assertEquals(device.deviceId(), match.device().orElseThrow().deviceId());
    }

    @Test
    void aMacWrittenWithDashesMatchesItsDevice() throws Exception {
        SimDevice device = withUnique(d -> d.macAddress().orElse(null));
        String dashed = device.macAddress().orElseThrow().replace(':', '-').toUpperCase(Locale.ROOT);

        DeviceMatch match = index().byMac(dashed);

        assertTrue(match.matched(), match.explanation());
        assertEquals(device.deviceId(), match.device().orElseThrow().deviceId());
    }

    @Test
    void anIpMatchesTheDeviceTheMdmSawAtIt() throws Exception {
        SimDevice device = qualifying().stream()
                .filter(d -> d.platform().isApple() && d.macAddress().isPresent())
                .filter(d -> !d.ipAddress().isBlank() && d.lastCheckIn().isPresent())
                .findFirst()
                .orElseThrow();

        DeviceMatch match = index().byIp(
                        device.ipAddress(), device.lastCheckIn().orElseThrow().plus(Duration.ofMinutes(5)));

        assertTrue(match.matched(), match.explanation());
        assertEquals(device.deviceId(), match.device().orElseThrow().deviceId());
    }
}
