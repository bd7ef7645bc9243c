package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.testplugins.SlowProviderFactory;
import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A factory constructor that takes five seconds holds up nothing but its own plugin. */
class SlowFactoryTest {

    @TempDir
    Path root;

    @Test
    void slowFactoryDoesNotHoldUpAnotherPluginDroppedAtTheSameTime() {
        try (RunningHost running = RunningHost.start(root, Duration.ofMillis(200))) {
            long began = System.nanoTime();
            running.deploy(TestPlugins.slow(), "slow.jar");
            running.deploy(TestPlugins.fake("1.0.0"), "fake.jar");

            running.awaitProvider("fake", Duration.ofSeconds(3));

            long fakeMs = (System.nanoTime() - began) / 1_000_000;
            assertTrue(fakeMs < SlowProviderFactory.DELAY_MS, "fake took " + fakeMs + " ms");
            assertTrue(running.registry().provider("slow").isEmpty(), "slow is still being created");
            running.awaitProvider("slow", Duration.ofMillis(SlowProviderFactory.DELAY_MS + 3000));
        }
    }

    @Test
    void removingAPluginWhoseFactoryIsStillStartingEndsItsThreadAndOffersNothing() {
        try (RunningHost running = RunningHost.start(root, Duration.ofMillis(200));
                LogCapture log = LogCapture.attach()) {
            running.deploy(TestPlugins.slow(), "slow.jar");
            Await.until(Duration.ofSeconds(3), "slow plugin thread", () -> pluginThreadAlive("com.pult.test.slow"));

            running.undeploy("slow.jar");

            Await.until(
                    Duration.ofSeconds(3), "slow plugin thread ended", () -> !pluginThreadAlive("com.pult.test.slow"));
            assertTrue(running.registry().provider("slow").isEmpty());
            assertTrue(log.errors().isEmpty(), () -> "errors: " + log.errors());
        }
    }

    private static boolean pluginThreadAlive(String symbolicName) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("plugin-" + symbolicName + "-"));
    }
}
