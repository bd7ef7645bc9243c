package com.pult.mdm.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.admin.AdminApi;
import com.pult.mdm.it.host.HostHarness;
import com.pult.mdm.it.host.HostProcess;
import com.pult.mdm.it.sim.EndpointKind;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.SimDevice;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host killed with SIGKILL while a sync runs and WiFi observation batches are being posted to its admin API.
 * After a restart on the same data directory the database opens, the last committed snapshot is intact, every WiFi
 * batch is there completely or not at all (every acknowledged one completely), and the host serves and syncs.
 */
class HostKillFaultTest {

    private static final String TOKEN = "fa017000-0000-4000-8000-0000000000c1";
    private static final int BATCH = 2_000;
    private static final String ORG = "acme";

    @TempDir
    Path home;

    @Test
    void aHostKilledDuringASyncAndAWifiBatchRestartsWithItsSnapshotAndWholeBatches() throws Exception {
        try (KandjiSimulator sim = HostHarness.simulator(1500, 17, TOKEN)) {
            HostProcess child = HostProcess.start(home, sim, TOKEN);
            String integrationId = child.integrationId();
            AdminApi api = new AdminApi(child.httpPort(), child.apiToken());
            LastGoodSnapshot committed = LastGoodSnapshot.overHttp(api, ORG, integrationId);
            assertEquals(child.devices(), committed.size());
            List<SimDevice> added = sim.fleet().addDevices(200);
            // A second per request: the six-page listing is still running when the host is killed.
            sim.faults().latency(Duration.ofSeconds(1));
            long listRequests = sim.counters().requests(EndpointKind.LIST);

            child.startSync();
            WifiPoster poster = new WifiPoster(api);
            Thread posting = new Thread(poster, "wifi-poster");
            posting.start();
            HostHarness.awaitListRequests(sim, listRequests + 2);
            poster.awaitAcknowledged(1);
            child.kill();
            posting.join(TimeUnit.SECONDS.toMillis(30));
            sim.faults().latency(Duration.ZERO);

            try (HostHarness restarted = HostHarness.start(home, HostHarness.fastSettings())) {
                AdminApi again = new AdminApi(restarted.host.httpPort(), child.apiToken());
                List<SyncRun> history = restarted.integrations().history(integrationId, 5);
                LastGoodSnapshot reopened = LastGoodSnapshot.take(restarted.host, ORG, integrationId);

                assertEquals(SyncRun.Outcome.INTERRUPTED, history.get(0).outcome());
                committed.assertSameAs(reopened);
                committed.assertServedUnchanged(restarted.host, again);
                restarted.assertSyncsAgain(integrationId);
                List<StoredDevice> devices = restarted.host.services().devices().devicesOfIntegration(integrationId);
                assertTrue(added.stream()
                        .allMatch(
                                a -> devices.stream().anyMatch(d -> d.deviceId().equals(a.deviceId()))));
                committed.assertStillServed(restarted.host, again);
            }
            assertBatchesWholeOrAbsent(poster);
        }
    }

    /** Counts the stored rows of every posted batch (each batch has its own access point name). */
    private void assertBatchesWholeOrAbsent(WifiPoster poster) throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Database database = Database.openInDirectory(home.resolve("data"))) {
            database.read(connection -> {
                try (PreparedStatement query = connection.prepareStatement(
                                "SELECT access_point, COUNT(*) FROM wifi_observation GROUP BY access_point");
                        ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        rows.put(result.getString(1), result.getInt(2));
                    }
                }
                return null;
            });
        }
        assertFalse(poster.acknowledged.isEmpty());
        for (int batch = 0; batch < poster.posted.get(); batch++) {
            int count = rows.getOrDefault(WifiPoster.accessPoint(batch), 0);
            if (poster.acknowledged.contains(batch)) {
                assertEquals(BATCH, count, "acknowledged batch " + batch);
            } else {
                assertTrue(count == 0 || count == BATCH, "batch " + batch + " has " + count + " of " + BATCH);
            }
        }
        for (String accessPoint : rows.keySet()) {
            assertTrue(
                    Integer.parseInt(accessPoint.substring(
                                    WifiPoster.accessPoint(0).length() - 1))
                            < poster.posted.get(),
                    "rows of a batch never posted: " + accessPoint);
        }
    }

    /** Posts WiFi batches one after another until the host stops answering; remembers which were acknowledged. */
    private static final class WifiPoster implements Runnable {

        private final AdminApi api;
        final AtomicInteger posted = new AtomicInteger();
        final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();

        WifiPoster(AdminApi api) {
            this.api = api;
        }

        static String accessPoint(int batch) {
            return "ap-batch-" + batch;
        }

        @Override
        public void run() {
            for (int batch = 0; ; batch++) {
                posted.set(batch + 1);
                try {
                    AdminApi.Answer answer = api.postText("/api/v1/wifi/observations", "application/json", body(batch));
                    if (answer.status() != 200 || answer.json().path("accepted").asInt() != BATCH) {
                        throw new AssertionError("batch " + batch + " answered " + answer.body());
                    }
                    acknowledged.add(batch);
                } catch (IOException e) {
                    return; // the host was killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void awaitAcknowledged(int count) throws InterruptedException {
            long deadline = System.nanoTime() + HostHarness.WAIT.toNanos();
            while (acknowledged.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("The host acknowledged only " + acknowledged.size() + " WiFi batches");
                }
                Thread.sleep(10);
            }
        }

        private static String body(int batch) {
            String now = Instant.now().toString();
            StringBuilder json = new StringBuilder("{\"controllerNow\":\"" + now + "\",\"observations\":[");
            for (int i = 0; i < BATCH; i++) {
                int n = batch * BATCH + i;
                json.append(i == 0 ? "" : ",")
                        .append(String.format(
                                "{\"mac\":\"a4:83:e7:%02x:%02x:%02x\",\"ip\":\"10.9.%d.%d\",\"ssid\":\"Office\","
                                        + "\"accessPoint\":\"%s\",\"seenAt\":\"%s\"}",
                                (n >> 16) & 0xff,
                                (n >> 8) & 0xff,
                                n & 0xff,
                                (n >> 8) & 0xff,
                                n & 0xff,
                                accessPoint(batch),
                                now));
            }
            return json.append("]}").toString();
        }
    }
}
