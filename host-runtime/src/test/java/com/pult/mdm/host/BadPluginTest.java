package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.plugin.PluginProblem;
import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.LogCapture;
import com.pult.mdm.host.testsupport.TestBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * Bad plugins next to a good one in one running host: each is reported with one ERROR line naming the jar
 * and the reason and as a plugin problem; the host keeps running and the good provider keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadPluginTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String FACTORIES = "com.pult.mdm.host.testplugins.";

    @TempDir
    static Path root;

    private RunningHost running;
    private LogCapture log;

    @BeforeAll
    void startHostWithGoodProvider() {
        running = RunningHost.start(root, Duration.ofMillis(200));
        running.deploy(good(), "good.jar");
        running.awaitProvider("good", WAIT);
    }

    @AfterAll
    void stopHost() {
        running.close();
    }

    @BeforeEach
    void capture() {
        log = LogCapture.attach();
    }

    @AfterEach
    void goodProviderIsUnaffected() {
        log.close();
        assertTrue(running.host().isRunning());
        assertEquals(
                "com.pult.test.good",
                running.registry().provider("good").orElseThrow().bundleSymbolicName());
    }

    @Test
    void garbageBytesNamedJarAreReportedAsNotAJar() {
        running.deploy("not a zip at all".getBytes(StandardCharsets.UTF_8), "garbage.jar");

        assertSingleError("garbage.jar", "Ignored 'deploy/garbage.jar': not a zip/jar archive");
        assertProblem("deploy/garbage.jar", PluginProblem.Kind.NOT_A_BUNDLE);
    }

    @Test
    void plainZipWithoutManifestIsReportedAsNotABundle() throws IOException {
        running.deploy(plainZip(), "plain.jar");

        assertSingleError("plain.jar", "Ignored 'deploy/plain.jar': no META-INF/MANIFEST.MF, so not an OSGi bundle");
    }

    @Test
    void jarWithoutSymbolicNameIsReportedAsNotABundle() {
        byte[] jar = TestBundle.bare("ignored", "1.0.0")
                .header("Bundle-SymbolicName", "")
                .bytes();
        running.deploy(jar, "library.jar");

        assertSingleError(
                "library.jar", "Ignored 'deploy/library.jar': no Bundle-SymbolicName in its manifest, so not an OSGi");
    }

    @Test
    void fileThatIsNotAJarIsReported() throws IOException {
        running.deploy(plainZip(), "plugin.zip");

        assertSingleError("plugin.zip", "Ignored 'deploy/plugin.zip': not a .jar file");
    }

    @Test
    void partFileIsNeitherInstalledNorAnError() {
        running.deploy(provider("com.pult.test.part", "part", "FakeProviderFactory"), "part.jar.part");

        Await.until(
                WAIT,
                "waiting line",
                () -> !log.find(Level.INFO, "Waiting for 'deploy/part.jar.part'")
                        .isEmpty());
        assertTrue(running.bundle("com.pult.test.part").isEmpty());
        assertTrue(running.registry().provider("part").isEmpty());
        assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
    }

    @Test
    void bundleBuiltForSpiTwoStaysUnresolvedAndSaysWhichRequirementIsUnmet() {
        byte[] jar = TestBundle.provider("com.pult.test.spi2", "1.0.0", "spi-two", FACTORIES + "FakeProviderFactory")
                .onlyImports("com.pult.mdm.spi;version=\"[2.0,3)\"", "org.slf4j;version=\"[1.7,2)\"")
                .bytes();
        running.deploy(jar, "spi2.jar");

        assertSingleError(
                "spi2.jar",
                "Failed to resolve plugin 'deploy/spi2.jar' (bundle 'com.pult.test.spi2' 1.0.0): requires package"
                        + " 'com.pult.mdm.spi' [2.0.0,3.0.0) but the host provides 1.0.0");
        assertEquals(
                Bundle.INSTALLED,
                running.bundle("com.pult.test.spi2").orElseThrow().getState());
        assertProblem("deploy/spi2.jar", PluginProblem.Kind.UNRESOLVED);
    }

    @Test
    void factoryWhoseConstructorThrowsIsReportedWhileTheBundleStaysActive() {
        running.deploy(provider("com.pult.test.ctor", "ctor", "ThrowingConstructorFactory"), "ctor.jar");

        assertSingleError(
                "ctor.jar",
                "Failed to load the provider of plugin 'deploy/ctor.jar' (bundle 'com.pult.test.ctor' 1.0.0): the"
                        + " constructor of '" + FACTORIES + "ThrowingConstructorFactory' threw"
                        + " IllegalStateException: simulated constructor failure");
        assertEquals(
                Bundle.ACTIVE,
                running.bundle("com.pult.test.ctor").orElseThrow().getState());
        assertProblem("deploy/ctor.jar", PluginProblem.Kind.FACTORY);
    }

    @Test
    void factoryWhoseIdThrowsIsReported() {
        running.deploy(provider("com.pult.test.id", "id", "ThrowingIdFactory"), "id.jar");

        assertSingleError(
                "id.jar",
                "id() of '" + FACTORIES + "ThrowingIdFactory' threw IllegalStateException: simulated id failure");
    }

    @Test
    void servicesEntryNamingAMissingClassIsReported() {
        byte[] jar = TestBundle.plugin("com.pult.test.missing", "1.0.0")
                .services("com.example.DoesNotExist")
                .bytes();
        running.deploy(jar, "missing.jar");

        assertSingleError(
                "missing.jar",
                "its services entry names class 'com.example.DoesNotExist', which the bundle does not contain");
        assertProblem("deploy/missing.jar", PluginProblem.Kind.FACTORY);
    }

    @Test
    void servicesEntryNamingAClassThatIsNoFactoryIsReported() {
        byte[] jar = TestBundle.plugin("com.pult.test.nofactory", "1.0.0")
                .withClass(FACTORIES + "NotAProviderFactory")
                .services(FACTORIES + "NotAProviderFactory")
                .bytes();
        running.deploy(jar, "nofactory.jar");

        assertSingleError(
                "nofactory.jar",
                "class '" + FACTORIES + "NotAProviderFactory' does not implement com.pult.mdm.spi.MdmProviderFactory");
    }

    @Test
    void bundleTheFrameworkRefusesToInstallIsReported() {
        byte[] jar = TestBundle.plugin("com.pult.test.refused", "1.0.0")
                .imports("com.pult.mdm.spi")
                .bytes();
        running.deploy(jar, "refused.jar");

        assertSingleError(
                "refused.jar",
                "Failed to install 'deploy/refused.jar': the framework refused it: Duplicate import: com.pult.mdm.spi");
        assertProblem("deploy/refused.jar", PluginProblem.Kind.NOT_INSTALLED);
    }

    @Test
    void problemIsClearedWhenTheBadJarIsRemoved() {
        running.deploy("garbage".getBytes(StandardCharsets.UTF_8), "removed.jar");
        assertSingleError("removed.jar", "not a zip/jar archive");

        running.undeploy("removed.jar");

        Await.until(
                WAIT,
                "problem cleared",
                () -> running.registry().problems().stream()
                        .noneMatch(p -> p.jar().equals("deploy/removed.jar")));
    }

    private void assertSingleError(String jar, String expected) {
        Await.until(
                WAIT,
                () -> "error '" + expected + "' in " + log.lines(),
                () -> !log.find(Level.ERROR, expected).isEmpty());
        // One more scan may pass: the line must not repeat.
        Await.sleep(500);
        List<LogCapture.Line> aboutJar =
                log.matching(l -> l.level() == Level.ERROR && l.message().contains(jar));
        assertEquals(1, aboutJar.size(), () -> "errors about " + jar + ": " + aboutJar);
    }

    private void assertProblem(String jar, PluginProblem.Kind kind) {
        assertTrue(
                running.registry().problems().stream().anyMatch(p -> p.jar().equals(jar) && p.kind() == kind),
                () -> "problems: " + running.registry().problems());
    }

    private static byte[] good() {
        return provider("com.pult.test.good", "good", "FakeProviderFactory");
    }

    private static byte[] provider(String symbolicName, String id, String factory) {
        return TestBundle.provider(symbolicName, "1.0.0", id, FACTORIES + factory)
                .bytes();
    }

    private static byte[] plainZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("just a zip".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
