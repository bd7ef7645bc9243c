package com.pult.mdm.host.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the host's data directory exists and can be written before anything else starts. */
public final class DataDirectory {

    private DataDirectory() {}

    /**
     * Creates {@code dataDir} and its {@code logs/} folder if needed and proves it writable with a probe file.
     *
     * @throws ConfigException with one line naming the directory, the reason and what to do when it cannot be
     *     written
     */
    public static void prepare(Path dataDir) throws ConfigException {
        try {
            Files.createDirectories(dataDir.resolve("logs"));
            // Writing a file is the only reliable test: permissions, read-only mounts and ACLs all show here.
            Path probe = Files.createTempFile(dataDir, ".write-probe", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("data directory '" + dataDir + "' is not writable: " + describe(e)
                    + ". Make it a directory the host's user can write to, or choose another with --data-dir or"
                    + " PULT_HOST_DATA_DIR.");
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
    }
}
