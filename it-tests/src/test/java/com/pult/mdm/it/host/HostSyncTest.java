package com.pult.mdm.it.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRun.Outcome;
import com.pult.mdm.host.sync.IntegrationException;
import com.pult.mdm.host.sync.IntegrationState;
import com.pult.mdm.host.sync.IntegrationStatus;
import com.pult.mdm.it.sim.FleetSummary;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.SimDevice;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real host, the real Kandji plugin and the simulator: integrations from creation to pause and back. */
class HostSyncTest {

    private static final String TOKEN = "5f7c1a40-0000-4000-8000-000000000001";
    private static final String NEW_TOKEN = "5f7c1a40-0000-4000-8000-000000000002";

    @TempDir
    Path home;

    private KandjiSimulator simulator;
    private HostHarness harness;

    @BeforeEach
    void start() throws Exception {
        simulator = HostHarness.simulator(2000, 7, TOKEN);
        harness = HostHarness.start(home, HostHarness.fastSettings());
        harness.createOrganization("acme");
        harness.deployKandji();
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
        simulator.close();
    }

    private IntegrationStatus create(String token) throws IntegrationException {
        return harness.integrations()
                .create(
                        "acme",
                        "kandji",
                        "Kandji",
                        Map.of("api_url", simulator.baseUrl(), "api_token", token),
                        Optional.empty());
    }

    @Test
    void aWrongTokenIsRejectedAtCreationAndNothingIsSaved() throws Exception {
        IntegrationException error = assertThrows(IntegrationException.class, () -> create("not-the-token"));

        assertEquals(IntegrationException.Code.VALIDATION_FAILED, error.code());
        assertEquals("Device list", error.problems().get(0).permission());
        assertTrue(harness.integrations().list("acme").isEmpty());
    }

    @Test
    void aSyncKeepsExactlyTheDevicesTheFleetsRulesAllow() throws Exception {
        String id = create(TOKEN).id();

        SyncRun run = harness.awaitRun(id, 0);

        FleetSummary fleet = simulator.fleet().summary();
        assertEquals(Outcome.SUCCEEDED, run.outcome(), run.message());
        assertEquals(2000, run.devicesSeen());
        assertEquals(fleet.eligible(), run.accepted());
        assertEquals(
                2000 - fleet.eligible(),
                run.rejected().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(fleet.eligible(), harness.integrations().status(id).devices());
    }

    @Test
    void aRevokedTokenPausesAfterThreeFailedSyncsAndAResetWithANewTokenResumes() throws Exception {
        String id = create(TOKEN).id();
        harness.awaitRun(id, 0);
        simulator.tokens().revoke(TOKEN);

        for (int failure = 1; failure <= 3; failure++) {
            assertEquals(
                    Outcome.AUTH_FAILED,
                    harness.integrations().syncAndWait(id, HostHarness.WAIT).outcome());
        }
        IntegrationStatus paused = harness.integrations().status(id);
        long requestsWhenPaused = simulator.counters().totalRequests();
        assertThrows(IntegrationException.class, () -> harness.integrations().syncNow(id));
        Thread.sleep(2500);

        assertEquals(IntegrationState.PAUSED, paused.state());
        assertEquals(requestsWhenPaused, simulator.counters().totalRequests());
        simulator.tokens().add(NEW_TOKEN, java.util.Set.of(Permission.values()));
        long before = harness.lastRunId(id);
        harness.integrations().reset(id, Map.of("api_token", NEW_TOKEN));
        assertEquals(Outcome.SUCCEEDED, harness.awaitRun(id, before).outcome());
        assertEquals(IntegrationState.ACTIVE, harness.integrations().status(id).state());
    }

    @Test
    void removingThePluginDuringASyncCommitsNothingAndTheSyncResumesWhenItReturns() throws Exception {
        String id = create(TOKEN).id();
        harness.awaitRun(id, 0);
        List<String> before = activeDeviceIds(id);
        List<SimDevice> added = simulator.fleet().addDevices(150);
        simulator.faults().latency(Duration.ofMillis(400));
        long lastRun = harness.lastRunId(id);

        harness.integrations().syncNow(id);
        Thread.sleep(900);
        harness.undeployKandji();
        SyncRun cancelled = harness.awaitRun(id, lastRun);

        assertEquals(Outcome.CANCELLED, cancelled.outcome(), cancelled.message());
        assertEquals(
                IntegrationState.PROVIDER_MISSING,
                harness.integrations().status(id).state());
        assertEquals(before, activeDeviceIds(id));
        simulator.faults().latency(Duration.ZERO);
        harness.deployKandji();
        SyncRun resumed = harness.integrations().syncAndWait(id, HostHarness.WAIT);
        assertEquals(Outcome.SUCCEEDED, resumed.outcome(), resumed.message());
        assertTrue(activeDeviceIds(id).size() > before.size());
        assertTrue(added.stream().anyMatch(device -> activeDeviceIds(id).contains(device.deviceId())));
    }

    private List<String> activeDeviceIds(String integrationId) {
        try {
            return harness.host.services().devices().devicesOfIntegration(integrationId).stream()
                    .filter(StoredDevice::isActive)
                    .map(StoredDevice::deviceId)
                    .sorted()
                    .toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
