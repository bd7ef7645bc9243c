package com.pult.mdm.host.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrationStoreTest {

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void concurrentChangesToOneIntegrationAreNeverLost() throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            new OrganizationStore(database)
                    .save(new Organization("acme", "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.PRESELECT));
            IntegrationStore store = new IntegrationStore(database);
            store.insert(row());
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> changes = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    int n = i;
                    changes.add(threads.submit(() -> n % 2 == 0
                            ? store.modify("i", current -> failedOnceMore(current))
                            : store.modify(
                                    "i",
                                    current -> current.withConfiguration(
                                            "name " + n,
                                            current.settings(),
                                            current.sealedSecrets(),
                                            current.interval(),
                                            CREATED))));
                }
                for (Future<?> change : changes) {
                    change.get();
                }
            } finally {
                threads.shutdown();
            }

            IntegrationRow stored = store.find("i").orElseThrow();
            assertEquals(20, stored.authFailures(), "every sync outcome counted, none overwritten by an edit");
            assertTrue(stored.name().startsWith("name "), stored.name());
        }
    }

    @Test
    void modifyingAnIntegrationThatIsGoneChangesNothing() throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            IntegrationStore store = new IntegrationStore(database);

            assertTrue(store.modify("missing", current -> current.paused("x")).isEmpty());
            assertTrue(store.find("missing").isEmpty());
        }
    }

    private static IntegrationRow failedOnceMore(IntegrationRow current) {
        return current.withSyncState(
                current.pausedReason(),
                current.authFailures() + 1,
                current.transientFailures(),
                current.lastError(),
                current.holdReason(),
                current.removalsConfirmed(),
                current.nextSyncAt(),
                current.lastSyncAt(),
                current.lastSuccessAt());
    }

    private static IntegrationRow row() {
        return new IntegrationRow(
                "i",
                "acme",
                "fake",
                "n",
                Map.of(),
                "v1.x.y",
                true,
                null,
                0,
                0,
                null,
                null,
                false,
                Duration.ofMinutes(15),
                CREATED,
                null,
                null,
                CREATED,
                CREATED);
    }
}
