package com.pult.mdm.host.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.SyncRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedHostAnswersFromTheStoredSnapshotBeforeItsFirstSync() throws Exception {
        String id;
        try (SyncFixture first = new SyncFixture(dataDir)) {
            first.vendor.put("d1", "SN1", "ana@example.com", "00:00:5e:00:53:01", "", "");
            id = first.create(FakeVendor.GOOD_TOKEN).id();
            awaitFinishedRun(first, id);
        }

        try (SyncFixture second = new SyncFixture(dataDir)) {
            second.providerDeployed = false;

            assertTrue(second.indexes.of("acme").bySerial("SN1").matched());
            assertTrue(second.indexes.of("acme").byMac("00:00:5e:00:53:01").matched());
            assertEquals(
                    IntegrationState.PROVIDER_MISSING, second.service.status(id).state());
        }
    }

    @Test
    void aRunLeftUnfinishedByACrashIsMarkedInterruptedAtTheNextStart() throws Exception {
        String id;
        try (SyncFixture first = new SyncFixture(dataDir)) {
            id = first.create(FakeVendor.GOOD_TOKEN).id();
            awaitFinishedRun(first, id);
            first.runs.start(id, Instant.now());
        }

        try (SyncFixture second = new SyncFixture(dataDir)) {
            List<SyncRun> history = second.runs.history(id, 1);

            assertEquals(SyncRun.Outcome.INTERRUPTED, history.get(0).outcome());
        }
    }

    private static void awaitFinishedRun(SyncFixture host, String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<SyncRun> history = host.runs.history(id, 1);
            if (!history.isEmpty() && history.get(0).outcome() == SyncRun.Outcome.SUCCEEDED) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("The first sync did not end");
    }
}
