package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimulatorConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host killed with SIGKILL in the middle of a sync loses nothing it committed and leaves no lock behind. */
class HostCrashTest {

    private static final String TOKEN = "5f7c1a40-0000-4000-8000-00000000c0de";

    @TempDir
    Path home;

    @Test
    void aHostKilledDuringASyncRestartsWithThePreviousSnapshotIntact() throws Exception {
        try (KandjiSimulator simulator = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(Fleet.generated(1500, 11))
                .token(TOKEN, Permission.values())
                .rateLimit(RateLimitConfig.off())
                .build())) {
            Process child = startHost(simulator);
            BufferedReader output =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String[] ready = awaitLine(output, "READY").split(" ");
            String integrationId = ready[1];
            int devicesBefore = Integer.parseInt(ready[2]);
            List<SimDevice> added = simulator.fleet().addDevices(200);
            simulator.faults().latency(Duration.ofMillis(300));
            long listRequests = simulator.counters().requests(EndpointKind.LIST);

            new PrintWriter(child.getOutputStream(), true, StandardCharsets.UTF_8).println("sync");
            awaitLine(output, "STARTED");
            awaitListRequests(simulator, listRequests + 2);
            child.destroyForcibly();
            assertTrue(child.waitFor(20, TimeUnit.SECONDS));
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
                restarted.awaitProvider(true);
                SyncRun resumed = restarted.integrations().syncAndWait(integrationId, HostHarness.WAIT);
                assertEquals(SyncRun.Outcome.SUCCEEDED, resumed.outcome(), resumed.message());
                assertEquals(
                        IntegrationState.ACTIVE,
                        restarted.integrations().status(integrationId).state());
            }
        }
    }

    private Process startHost(KandjiSimulator simulator) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpult.test.coreDir=" + HostHarness.CORE_DIR.toAbsolutePath(),
                "-Dpult.test.pluginsDir=" + HostHarness.KANDJI_JAR.getParent().toAbsolutePath(),
                HostProcess.class.getName(),
                home.toString(),
                simulator.baseUrl(),
                TOKEN);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static String awaitLine(BufferedReader output, String prefix) throws Exception {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("The host process ended before printing " + prefix);
    }

    private static void awaitListRequests(KandjiSimulator simulator, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (simulator.counters().requests(EndpointKind.LIST) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The second sync did not reach its listing");
            }
            Thread.sleep(20);
        }
    }
}
