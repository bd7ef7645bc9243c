package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.match.AuthRequest;
import com.pult.mdm.host.match.AuthResult;
import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.presence.BatchResult;
import com.pult.mdm.host.presence.PresenceDay;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.SimDevice;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** From the MDM to presence: sync, users, a desktop agent enrolling, a WiFi poll and the per-day record. */
class EndToEndMatchingTest {

    private static final String TOKEN = "5f7c1a40-0000-4000-8000-0000000e2e01";

    @TempDir
    Path home;

    @Test
    void aSyncedDeviceAuthenticatesItsOwnerAndItsWifiSightingBecomesTheirPresence() throws Exception {
        try (KandjiSimulator simulator = HostHarness.simulator(600, 5, TOKEN);
                HostHarness harness = HostHarness.start(home, HostHarness.fastSettings())) {
            harness.createOrganization("acme");
            harness.deployKandji();
            HostServices services = harness.host.services();
            SimDevice device = HostHarness.qualifyingDeviceWithMac(simulator.fleet());
            String email = device.user().orElseThrow().email();
            services.users().importCsv("acme", "email,name\n" + email.toUpperCase(Locale.ROOT) + ",Owner\n");
            String id = harness.createKandjiIntegration("acme", simulator.baseUrl(), TOKEN);
            SyncRun run = harness.awaitRun(id, 0);

            AuthResult enrolment = services.authentication()
                    .authenticate(
                            "acme", new AuthRequest(device.serialNumber(), device.deviceName(), "owner", "192.0.2.10"));
            Instant seen = Instant.now().minusSeconds(60);
            String dashedMac =
                    device.macAddress().orElseThrow().toUpperCase(Locale.ROOT).replace(':', '-');
            BatchResult poll = services.presence()
                    .record(
                            "acme",
                            WifiBatch.of(List.of(
                                    new WifiObservation(
                                            dashedMac, device.ipAddress(), "Office", "ap-1", seen.toString(), null),
                                    new WifiObservation(
                                            "7a:4c:11:20:9e:01", "10.250.0.9", "Office", "ap-1", seen.toString(), null),
                                    new WifiObservation(
                                            "not-a-mac", "10.250.0.10", "Office", "ap-1", seen.toString(), null))));
            PultUser owner = enrolment.user().orElseThrow();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
            List<PresenceDay> days = services.presence().presence("acme", owner.id(), today.minusDays(1), today);

            assertEquals(SyncRun.Outcome.SUCCEEDED, run.outcome(), run.message());
            assertEquals(AuthResult.Status.APPROVED, enrolment.status());
            assertEquals(email.toLowerCase(Locale.ROOT), owner.email().toLowerCase(Locale.ROOT));
            assertEquals(2, poll.accepted());
            assertEquals(1, poll.attributed());
            assertEquals(1, poll.rejected().size());
            assertEquals(MatchReason.RANDOMIZED_MAC, poll.attributions().get(1).reason());
            assertEquals(1, days.size());
            assertTrue(services.inspector().summary("acme").matchedClients() >= 1);
        }
    }
}
