package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.LogCapture;
import com.pult.mdm.host.testsupport.TestBundle;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/** An update that leaves the old revision in use is refreshed by the host, so the plugin is rewired. */
class BundleRefreshTest {

    private static final String LIBRARY_PACKAGE = "com.pult.mdm.host.testplugins.library";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    @Test
    void libraryUpdatedOutsideFileInstallIsRefreshedAndThePluginRewired() throws Exception {
        try (LogCapture log = LogCapture.attach();
                RunningHost running = RunningHost.start(root, Duration.ofMillis(200))) {
            running.deploy(library("1.0.0"), "library.jar");
            running.deploy(pluginUsingLibrary(), "uses-library.jar");
            running.awaitProvider("uses-library", WAIT);
            Bundle library = running.bundle("com.pult.test.library").orElseThrow();

            // An update through the framework API, as a management tool would do it: FileInstall does not refresh.
            library.update(new ByteArrayInputStream(library("1.0.1")));

            FrameworkWiring wiring = running.bundleContext()
                    .getBundle(Constants.SYSTEM_BUNDLE_ID)
                    .adapt(FrameworkWiring.class);
            Await.until(
                    WAIT,
                    "no bundle pending removal",
                    () -> wiring.getRemovalPendingBundles().isEmpty());
            Await.until(
                    WAIT,
                    "plugin wired to library 1.0.1",
                    () -> wiredLibraryVersion(running).equals(new Version("1.0.1")));
            running.awaitProvider("uses-library", WAIT);
            // The refresh is logged when the framework reports it done, which can come after the rewiring.
            Await.until(
                    WAIT,
                    "the refresh logged",
                    () -> !log.find(Level.INFO, "Refreshed 'com.pult.test.library'")
                            .isEmpty());
            assertEquals(
                    1, log.find(Level.INFO, "Refreshed 'com.pult.test.library'").size(), log.lines()::toString);
        }
    }

    private static Version wiredLibraryVersion(RunningHost running) {
        Bundle plugin = running.bundle("com.pult.test.uses-library").orElseThrow();
        BundleWiring wiring = plugin.adapt(BundleWiring.class);
        if (wiring == null) {
            return Version.emptyVersion;
        }
        return wiring.getRequiredWires("osgi.wiring.package").stream()
                .filter(w ->
                        LIBRARY_PACKAGE.equals(w.getCapability().getAttributes().get("osgi.wiring.package")))
                .map(BundleWire::getProvider)
                .map(r -> r.getVersion())
                .findFirst()
                .orElse(Version.emptyVersion);
    }

    private static byte[] library(String version) {
        return TestBundle.bare("com.pult.test.library", version)
                .header("Export-Package", LIBRARY_PACKAGE + ";version=\"1.0.0\"")
                .withClass(LIBRARY_PACKAGE + ".LibraryGreeting")
                .bytes();
    }

    private static byte[] pluginUsingLibrary() {
        return TestBundle.provider(
                        "com.pult.test.uses-library",
                        "1.0.0",
                        "uses-library",
                        TestPlugins.FACTORIES + "LibraryUsingFactory")
                .imports(LIBRARY_PACKAGE + ";version=\"[1.0,2)\"")
                .bytes();
    }
}
