package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.testsupport.Await;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/** Jars that arrive in pieces: never installed half-written, and taken once complete. */
class PartialJarTest extends RunningHostTest {

    @Test
    void partFileIsTakenOnlyOnceRenamedToJar() throws Exception {
        Path part = Files.write(running.deployDir().resolve("fake.jar.part"), TestPlugins.fake("1.0.0"));
        Await.until(
                WAIT,
                "waiting line",
                () -> !log.find(Level.INFO, "Waiting for 'deploy/fake.jar.part'")
                        .isEmpty());
        assertTrue(running.bundle("com.pult.test.fake").isEmpty());

        Files.move(part, running.deployDir().resolve("fake.jar"), StandardCopyOption.ATOMIC_MOVE);

        running.awaitProvider("fake", WAIT);
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void jarWrittenSlowlyIsNeverInstalledHalfWritten() throws Exception {
        byte[] jar = TestPlugins.fake("1.0.0");
        int[] installs = {0};
        running.bundleContext().addBundleListener((SynchronousBundleListener) event -> {
            if (event.getType() == BundleEvent.INSTALLED) {
                installs[0]++;
            }
        });

        // Chunks arrive faster than the scans, as a slow copy across a network would write them.
        try (OutputStream out = Files.newOutputStream(running.deployDir().resolve("fake.jar"))) {
            int chunk = jar.length / 8 + 1;
            for (int offset = 0; offset < jar.length; offset += chunk) {
                out.write(jar, offset, Math.min(chunk, jar.length - offset));
                out.flush();
                Await.sleep(120);
            }
        }

        running.awaitProvider("fake", WAIT);
        assertEquals(1, installs[0]);
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void truncatedJarIsReportedAndTakenOnceItIsComplete() throws Exception {
        byte[] jar = TestPlugins.fake("1.0.0");
        Path file = running.deployDir().resolve("fake.jar");
        Files.write(file, Arrays.copyOf(jar, jar.length / 2));
        Await.until(
                WAIT,
                "truncated error",
                () -> !log.find(Level.ERROR, "Ignored 'deploy/fake.jar': not a zip/jar")
                        .isEmpty());

        Files.write(file, jar);

        running.awaitProvider("fake", WAIT);
        Await.until(WAIT, "problem cleared", () -> running.registry().problems().isEmpty());
    }
}
