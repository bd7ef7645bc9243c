package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: flags, and the refusal to start without a writable data directory. */
class MainTest {

    @TempDir
    Path home;

    @Test
    void dataDirThatCannotBeWrittenGivesOneErrorLineAndExitCodeTwo() throws Exception {
        // A regular file where a folder should be: fails for root too, unlike permission bits.
        Path blocker = Files.writeString(home.resolve("not-a-folder"), "x");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "--data-dir", blocker.resolve("data").toString());

        String output = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit);
        assertEquals(1, output.lines().count(), output);
        assertTrue(output.startsWith("Cannot start Pult host: data directory '" + blocker.resolve("data") + "'"));
        assertTrue(output.contains("is not writable"), output);
    }

    @Test
    void malformedFlagValueGivesOneErrorLineAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "--poll-ms", "soon");

        assertEquals(2, exit);
        assertEquals(
                "Cannot start Pult host: 'deploy.poll.ms' must be a whole number of at least 50, not 'soon'",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void missingConfigFileGivesExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = run(err, "--config", "conf/missing.properties");

        assertEquals(2, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("missing.properties' does not exist"));
    }

    @Test
    void helpListsTheFlags() {
        CommandLine command = new CommandLine(new Main(home, Map.of(), System.err));
        String usage = command.getUsageMessage();

        for (String flag : new String[] {"--data-dir", "--deploy-dir", "--config", "--poll-ms", "--log-level"}) {
            assertTrue(usage.contains(flag), usage);
        }
    }

    private int run(ByteArrayOutputStream err, String... args) {
        PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);
        return new CommandLine(new Main(home, Map.of(), stream)).execute(args);
    }
}
