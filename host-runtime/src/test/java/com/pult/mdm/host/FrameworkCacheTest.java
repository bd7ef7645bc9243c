package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.LogCapture;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/** The bundle cache in data/cache: emptied at every start, and removed when Java or the host changed. */
class FrameworkCacheTest {

    private static final String CLEAN = "org.osgi.framework.storage.clean";

    @TempDir
    Path root;

    @Test
    void storageCleanIsAFrameworkPropertyAndASecondStartBeginsFromAnEmptyCache() {
        HostConfig config = RunningHost.config(root, Duration.ofMillis(200));
        try (RunningHost first = RunningHost.start(config)) {
            first.deploy(TestPlugins.fake("1.0.0"), "fake.jar");
            first.awaitProvider("fake", Duration.ofSeconds(5));
            assertEquals("onFirstInit", first.bundleContext().getProperty(CLEAN));
            assertNull(System.getProperty(CLEAN));
        }
        // Removed while the host is down: only a cache kept across starts could bring it back.
        root.resolve("deploy/fake.jar").toFile().delete();

        try (RunningHost second = RunningHost.start(config)) {
            List<String> bundles = Arrays.stream(second.bundleContext().getBundles())
                    .map(Bundle::getSymbolicName)
                    .toList();
            assertEquals(List.of("org.apache.felix.framework", "org.apache.felix.fileinstall"), bundles);
            Await.sleep(600);
            assertFalse(second.registry().provider("fake").isPresent());
        }
    }

    @Test
    void cacheIsCleanedAndTheReasonLoggedWhenTheRecordedJavaVersionDiffers() throws Exception {
        Path data = Files.createDirectories(root.resolve("data"));
        Files.createDirectories(data.resolve("cache"));
        Files.writeString(data.resolve("cache/stale-wiring"), "from an older JDK");
        Files.writeString(
                data.resolve("cache-stamp.properties"), "java.specification.version=11\nhost.version=0.0.1\n");

        try (LogCapture log = LogCapture.attach();
                RunningHost running = RunningHost.start(root, Duration.ofMillis(200))) {
            String java = System.getProperty("java.specification.version");
            assertTrue(running.host().isRunning());
            assertEquals(
                    1,
                    log.find(Level.INFO, "Cleaned bundle cache", "Java 11 -> " + java)
                            .size());
            assertFalse(Files.exists(data.resolve("cache/stale-wiring")));
            assertEquals(java, stamp(data).getProperty("java.specification.version"));
        }
    }

    @Test
    void cacheIsKeptQuietWhenNothingChanged() throws Exception {
        try (RunningHost first = RunningHost.start(root, Duration.ofMillis(200))) {
            assertTrue(first.host().isRunning());
            assertEquals(HostVersion.current(), stamp(root.resolve("data")).getProperty("host.version"));
        }
        try (LogCapture log = LogCapture.attach();
                RunningHost second = RunningHost.start(root, Duration.ofMillis(200))) {
            assertTrue(second.host().isRunning());
            assertEquals(0, log.find(Level.INFO, "Cleaned bundle cache").size());
        }
    }

    private static Properties stamp(Path data) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(data.resolve("cache-stamp.properties"))) {
            properties.load(reader);
        }
        return properties;
    }
}
