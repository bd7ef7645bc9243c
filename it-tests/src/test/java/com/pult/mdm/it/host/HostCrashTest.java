package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.SimDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host killed with SIGKILL in the middle of a sync loses nothing it committed and leaves no lock behind. */
class HostCrashTest {

    private static final String TOKEN = "5f7c1a40-0000-4000-8000-00000000c0de";

    @TempDir
    Path home;

    @Test
    void aHostKilledDuringASyncRestartsWithThePreviousSnapshotIntact() throws Exception {
        try (KandjiSimulator simulator = HostHarness.simulator(1500, 11, TOKEN)) {
            HostProcess child = HostProcess.start(home, simulator, TOKEN);
            String integrationId = child.integrationId();
            int devicesBefore = child.devices();
            List<SimDevice> added = simulator.fleet().addDevices(200);
            simulator.faults().latency(Duration.ofMillis(300));
            long listRequests = simulator.counters().requests(EndpointKind.LIST);

            child.startSync();
            HostHarness.awaitListRequests(simulator, listRequests + 2);
            child.kill();
            simulator.faults().latency(Duration.ZERO);

            try (HostHarness restarted = HostHarness.start(home, HostHarness.fastSettings())) {
                List<StoredDevice> devices = restarted.host.services().devices().devicesOfIntegration(integrationId);
                List<SyncRun> history = restarted.integrations().history(integrationId, 5);

                assertEquals(
                        devicesBefore,
                        devices.stream().filter(StoredDevice::isActive).count());
                assertTrue(added.stream()
                        .noneMatch(
                                a -> devices.stream().anyMatch(d -> d.deviceId().equals(a.deviceId()))));
                assertEquals(SyncRun.Outcome.INTERRUPTED, history.get(0).outcome());
                String serial = devices.stream()
                        .filter(StoredDevice::isActive)
                        .flatMap(d -> d.serial().stream())
                        .findFirst()
                        .orElseThrow();
                assertTrue(restarted
                        .host
                        .services()
                        .indexes()
                        .of("acme")
                        .bySerial(serial)
                        .matched());
                restarted.assertSyncsAgain(integrationId);
            }
        }
    }
}
