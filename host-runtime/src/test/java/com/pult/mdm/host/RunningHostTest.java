package com.pult.mdm.host;

import com.pult.mdm.host.testsupport.LogCapture;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that each start a real host in a temporary folder, with the log captured from before the start. */
abstract class RunningHostTest {

    static final Duration WAIT = Duration.ofSeconds(5);

    @TempDir
    Path root;

    LogCapture log;
    RunningHost running;

    /** How often the host scans its deploy folder. */
    Duration pollInterval() {
        return Duration.ofMillis(200);
    }

    @BeforeEach
    void startHost() {
        log = LogCapture.attach();
        running = RunningHost.start(root, pollInterval());
    }

    @AfterEach
    void stopHost() {
        running.close();
        log.close();
    }
}
