package com.pult.mdm.host.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory is created and proven writable before anything starts. */
class DataDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void missingDirectoryIsCreatedWithItsLogsFolder() throws Exception {
        DataDirectory.prepare(dir.resolve("data"));

        assertTrue(Files.isDirectory(dir.resolve("data/logs")));
    }

    @Test
    void directoryBehindAFileIsRejectedNamingTheDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");

        ConfigException e = assertThrows(ConfigException.class, () -> DataDirectory.prepare(file.resolve("data")));

        assertTrue(e.getMessage().startsWith("data directory '" + file.resolve("data") + "' is not writable"));
        assertTrue(e.getMessage().contains("--data-dir or PULT_HOST_DATA_DIR"), e.getMessage());
    }
}
