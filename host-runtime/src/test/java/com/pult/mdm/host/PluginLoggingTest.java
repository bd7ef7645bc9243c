package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.testsupport.Await;
import com.pult.mdm.host.testsupport.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLF4J is shared from the host: a plugin's log lines reach the host's log. */
class PluginLoggingTest {

    @TempDir
    Path root;

    @Test
    void pluginLogLineReachesTheHostLogFromThePluginsOwnThread() {
        try (LogCapture log = LogCapture.attach();
                RunningHost running = RunningHost.start(root, Duration.ofMillis(200))) {
            running.deploy(TestPlugins.fake("1.0.0"), "fake.jar");
            running.awaitProvider("fake", Duration.ofSeconds(5));

            Await.until(
                    Duration.ofSeconds(2),
                    "plugin line",
                    () -> !pluginLines(log).isEmpty());
            List<LogCapture.Line> lines = pluginLines(log);
            assertEquals(1, lines.size());
            assertTrue(
                    lines.get(0).thread().startsWith("plugin-com.pult.test.fake-"),
                    lines.get(0).thread());
        }
    }

    private static List<LogCapture.Line> pluginLines(LogCapture log) {
        return log.matching(line -> line.logger().equals("FakeProviderFactory")
                && line.message().equals("Created test provider factory 'fake'"));
    }
}
