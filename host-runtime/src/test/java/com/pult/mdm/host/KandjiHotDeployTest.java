package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.plugin.PluginProvider;
import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.JarRewriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The real Kandji plugin jar, hot-deployed into a running host with the default 500 ms poll. */
class KandjiHotDeployTest extends RunningHostTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    private final Logger logger = LoggerFactory.getLogger("measurement");

    @Override
    Duration pollInterval() {
        return Duration.ofMillis(500);
    }

    @Test
    void droppedJarBecomesAvailableWithinFiveSecondsAndTheLogNamesBundleAndVersion() {
        long began = System.nanoTime();
        running.deploy(RunningHost.kandjiJar(), "kandji-plugin.jar");

        PluginProvider kandji = running.awaitProvider("kandji", FIVE_SECONDS);

        logger.info("Measured drop to provider available: {} ms", (System.nanoTime() - began) / 1_000_000);
        assertEquals("com.pult.mdm.kandji", kandji.bundleSymbolicName());
        assertEquals(
                1,
                log.find(
                                Level.INFO,
                                "Provider 'kandji' available from bundle 'com.pult.mdm.kandji' 0.1.0.SNAPSHOT",
                                "(deploy/kandji-plugin.jar)")
                        .size(),
                log.lines()::toString);
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void removedJarIsWithdrawnAndTheHostKeepsRunning() {
        running.deploy(RunningHost.kandjiJar(), "kandji-plugin.jar");
        running.awaitProvider("kandji", FIVE_SECONDS);

        long began = System.nanoTime();
        running.undeploy("kandji-plugin.jar");
        running.awaitNoProvider("kandji", FIVE_SECONDS);

        logger.info("Measured removal to provider withdrawn: {} ms", (System.nanoTime() - began) / 1_000_000);
        assertEquals(
                1,
                log.find(Level.INFO, "Provider 'kandji' withdrawn with bundle 'com.pult.mdm.kandji'")
                        .size());
        Await.until(
                FIVE_SECONDS,
                "bundle uninstalled",
                () -> running.bundle("com.pult.mdm.kandji").isEmpty());
        assertTrue(running.host().isRunning());
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void newerBuildMovedOverTheOldOneReplacesItWithoutRestart() throws Exception {
        running.deploy(RunningHost.kandjiJar(), "kandji-plugin.jar");
        running.awaitProvider("kandji", FIVE_SECONDS);
        Path newer = JarRewriter.withVersion(RunningHost.kandjiJar(), "0.1.1", root.resolve("kandji-0.1.1.jar"));

        running.deploy(newer, "kandji-plugin.jar");

        Await.until(
                FIVE_SECONDS,
                "kandji 0.1.1 serving",
                () -> running.registry()
                        .provider("kandji")
                        .map(p -> p.version().equals(new Version("0.1.1")))
                        .orElse(false));
        assertEquals(1, running.registry().providers().size());
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void kandjiBundleResolvesWithNoImportOfItsPrivateLibraries() throws Exception {
        running.deploy(RunningHost.kandjiJar(), "kandji-plugin.jar");
        running.awaitProvider("kandji", FIVE_SECONDS);

        Bundle bundle = running.bundle("com.pult.mdm.kandji").orElseThrow();
        String imports = String.valueOf(bundle.getHeaders().get("Import-Package"));
        assertEquals(Bundle.ACTIVE, bundle.getState());
        // httpclient5 and Jackson are embedded privately; importing them would need them in the host.
        assertFalse(imports.contains("org.apache.hc"), imports);
        assertFalse(imports.contains("com.fasterxml.jackson"), imports);
        try (JarFile jar = new JarFile(RunningHost.kandjiJar().toFile())) {
            assertTrue(jar.getManifest()
                    .getMainAttributes()
                    .getValue("Import-Package")
                    .contains("com.pult.mdm.spi"));
        }
    }

    @Test
    void stopWithdrawsTheProviderAndLogsStopped() {
        running.deploy(RunningHost.kandjiJar(), "kandji-plugin.jar");
        running.awaitProvider("kandji", FIVE_SECONDS);

        running.host().stop();

        assertTrue(running.registry().available().isEmpty());
        assertFalse(running.host().isRunning());
        assertEquals(1, log.find(Level.INFO, "Stopped Pult host").size());
    }
}
