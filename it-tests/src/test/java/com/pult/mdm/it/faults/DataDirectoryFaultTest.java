package com.pult.mdm.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's own command line ({@link Main}, what {@code bin/pult-host} runs) in a JVM of its own, given a data
 * directory it cannot use: it exits with code 2 after one line that names the directory and what to do, with no
 * stack trace, and does not come back. The paths fail for root too: a regular file stands where the directory or
 * one of its parents should be.
 */
class DataDirectoryFaultTest {

    @TempDir
    Path home;

    @Test
    void aDataDirectoryBehindARegularFileStopsTheHostWithOneLineAndExitCodeTwo() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-directory"), "x");

        assertRefusedWithOneLine(file.resolve("data"));
    }

    @Test
    void aRegularFileWhereTheDataDirectoryShouldBeStopsTheHostWithOneLineAndExitCodeTwo() throws Exception {
        Path file = Files.writeString(home.resolve("data"), "x");

        assertRefusedWithOneLine(file);
        assertEquals("x", Files.readString(file), "the file in the way is left as it was");
    }

    private void assertRefusedWithOneLine(Path dataDir) throws Exception {
        Path output = home.resolve("output.txt");
        Process host = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        "-Dpult.home=" + home,
                        Main.class.getName(),
                        "--data-dir",
                        dataDir.toString(),
                        "--http-port",
                        "0")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();

        assertTrue(host.waitFor(60, TimeUnit.SECONDS), "the host stopped by itself");
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank())
                .toList();
        assertEquals(2, host.exitValue(), String.join("\n", lines));
        assertEquals(1, lines.size(), String.join("\n", lines));
        String line = lines.get(0);
        assertTrue(line.startsWith("Cannot start Pult host: data directory '" + dataDir + "'"), line);
        assertTrue(line.contains("--data-dir"), "says what to do: " + line);
        assertFalse(line.contains("Exception:") || line.contains("\tat "), line);
        assertFalse(Files.exists(home.resolve("deploy")), "nothing started: no deploy folder was created");
    }
}
