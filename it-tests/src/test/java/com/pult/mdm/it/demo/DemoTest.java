package com.pult.mdm.it.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The demo end to end with a small fleet: every admin step through the admin API, and the summary it prints. */
class DemoTest {

    private static final Path CORE_DIR = Path.of(System.getProperty("pult.test.coreDir", "target/core"));
    private static final Path KANDJI_JAR = Path.of(System.getProperty("pult.test.pluginsDir", "target/plugins"))
            .resolve("kandji-plugin.jar");

    @TempDir
    Path home;

    @Test
    void theDemoDrivesTheHostThroughTheAdminApiOnAFreePortWhenItsOwnIsTaken() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo demo = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8));
        int exit;
        int taken;
        try (ServerSocket occupant = new ServerSocket()) {
            occupant.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            taken = occupant.getLocalPort();
            exit = new CommandLine(demo)
                    .execute(
                            "--devices",
                            "200",
                            "--seed",
                            "7",
                            "--requests-per-second",
                            "1000",
                            "--http-port",
                            String.valueOf(taken),
                            "--home",
                            home.toString(),
                            "--core-dir",
                            CORE_DIR.toString(),
                            "--plugin",
                            KANDJI_JAR.toString(),
                            "--exit");
        }
        String output = printed.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, output);
        assertTrue(output.contains("Port " + taken + " is in use"), output);
        assertTrue(output.contains("POST /api/v1/integrations with a wrong Kandji token: 422"), output);
        DemoSummary summary = demo.summary().orElseThrow();
        assertTrue(summary.wrongTokenProblem().startsWith("validation-failed: "), summary.wrongTokenProblem());
        assertEquals(200, summary.devicesListed(), output);
        assertTrue(summary.devicesSynced() > 0 && summary.devicesSynced() <= summary.devicesListed(), output);
        assertTrue(summary.devicesWithUser() > 0 && summary.devicesWithUser() <= summary.devicesSynced(), output);
        assertTrue(summary.usersMatched() > 0 && summary.usersMatched() <= summary.usersImported(), output);
        assertTrue(summary.requests() > 0, output);
        assertEquals("APPROVED", summary.authentication(), output);
        assertTrue(summary.wifiAttributed() > 0, output);
        assertTrue(summary.wifiAttributed() < summary.wifiSent(), "randomized MACs are never attributed: " + output);
        assertEquals(1, summary.wifiRejected(), "the malformed MAC: " + output);
        assertTrue(summary.wifiClientsMatched() > 0, output);

        Matcher dashboard = Pattern.compile("open http://127\\.0\\.0\\.1:(\\d+)/ in a browser.*\\R\\s+(pult_\\S+)")
                .matcher(output);
        assertTrue(dashboard.find(), output);
        assertFalse(dashboard.group(1).equals(String.valueOf(taken)), output);
        assertTrue(output.contains("Stopped the host and the simulator."), output);
    }

    @Test
    void anOptionOutOfRangeIsRefusedInOneLineBeforeAnythingStarts() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Demo demo = new Demo(new PrintStream(printed, true, StandardCharsets.UTF_8));

        int exit = new CommandLine(demo).execute("--devices", "-5", "--home", home.toString());

        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(2, exit, output);
        assertEquals(
                "The demo cannot start: --devices must be 1 to 100,000, not -5 (bin/demo --help lists the options).",
                output.strip());
        assertFalse(Files.exists(home.resolve("deploy")), "nothing started");
    }
}
