package com.pult.mdm.host.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void whatWasCommittedIsThereAfterAReopen() throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            new OrganizationStore(database)
                    .save(new Organization("acme", "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.PRESELECT));
        }

        try (Database database = Database.openInDirectory(dataDir)) {
            assertEquals(
                    "Acme",
                    new OrganizationStore(database).find("acme").orElseThrow().name());
        }
    }

    @Test
    void aDamagedDatabaseIsRefusedWithWhatToDoAndLeftUntouched() throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            new OrganizationStore(database)
                    .save(new Organization("acme", "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.PRESELECT));
        }
        Path file = dataDir.resolve("db/pult.mv.db");
        byte[] garbage = new byte[(int) Files.size(file)];
        new Random(78).nextBytes(garbage);
        Files.write(file, garbage);

        StoreException error = assertThrows(StoreException.class, () -> Database.openInDirectory(dataDir));

        assertTrue(error.getMessage().contains("left untouched"), error.getMessage());
        assertTrue(error.getMessage().contains("backup"), error.getMessage());
        assertArrayEquals(garbage, Files.readAllBytes(file));
    }

    @Test
    void aTransactionThatFailsWritesNothing() throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            assertThrows(
                    StoreException.class,
                    () -> database.inTransaction(connection -> {
                        connection
                                .createStatement()
                                .executeUpdate("INSERT INTO organization (id, name, time_zone, auth_policy, created_at)"
                                        + " VALUES ('a', 'A', 'UTC', 'PRESELECT', CURRENT_TIMESTAMP)");
                        return connection.createStatement().executeUpdate("INSERT INTO no_such_table VALUES (1)");
                    }));

            assertTrue(new OrganizationStore(database).find("a").isEmpty());
        }
    }
}
