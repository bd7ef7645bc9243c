package com.pult.mdm.host.launch;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the Java specification version and the host version that last used the bundle cache, and removes
 * the cache when either changed: a cache kept across a JDK or host upgrade can hold wiring that no longer
 * fits. The framework also cleans the cache at every start today; the stamp keeps that safe if a later
 * version keeps the cache for faster starts.
 */
final class BundleCacheStamp {

    static final String FILE_NAME = "cache-stamp.properties";
    static final String JAVA_KEY = "java.specification.version";
    static final String HOST_KEY = "host.version";

    private final Logger logger = LoggerFactory.getLogger(BundleCacheStamp.class);
    private final Path stampFile;
    private final String javaVersion;
    private final String hostVersion;

    BundleCacheStamp(Path dataDir, String javaVersion, String hostVersion) {
        this.stampFile = dataDir.resolve(FILE_NAME);
        this.javaVersion = javaVersion;
        this.hostVersion = hostVersion;
    }

    /** Removes {@code cacheDir} if the stamp differs from this run, then writes this run's stamp. */
    void apply(Path cacheDir) throws IOException {
        Properties recorded = read();
        String oldJava = recorded.getProperty(JAVA_KEY);
        String oldHost = recorded.getProperty(HOST_KEY);
        boolean changed = oldJava != null && !(javaVersion.equals(oldJava) && hostVersion.equals(oldHost));
        if (changed && Files.exists(cacheDir)) {
            deleteTree(cacheDir);
            logger.info(
                    "Cleaned bundle cache '{}': Java {} -> {}, host {} -> {}",
                    cacheDir,
                    oldJava,
                    javaVersion,
                    oldHost,
                    hostVersion);
        }
        write();
    }

    private Properties read() throws IOException {
        Properties properties = new Properties();
        if (Files.isRegularFile(stampFile)) {
            try (Reader reader = Files.newBufferedReader(stampFile)) {
                properties.load(reader);
            }
        }
        return properties;
    }

    private void write() throws IOException {
        Properties properties = new Properties();
        properties.setProperty(JAVA_KEY, javaVersion);
        properties.setProperty(HOST_KEY, Objects.requireNonNullElse(hostVersion, "unknown"));
        try (Writer writer = Files.newBufferedWriter(stampFile)) {
            properties.store(writer, "Written at each start; a change cleans the bundle cache");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
