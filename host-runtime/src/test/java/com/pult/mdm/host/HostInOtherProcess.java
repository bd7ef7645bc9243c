package com.pult.mdm.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real host in its own JVM, so a test can meet the database lock a running host holds (H2 lets one process at a
 * time open the file; inside one JVM the host's database would simply be shared). Prints {@code READY} once started
 * and stops when its standard input closes.
 */
final class HostInOtherProcess implements AutoCloseable {

    private final Process process;

    private HostInOtherProcess(Process process) {
        this.process = process;
    }

    /** Argument: the host's home; its data directory is {@code home/data}. */
    public static void main(String[] args) throws IOException {
        try (RunningHost host = RunningHost.start(Path.of(args[0]), Duration.ofMillis(500))) {
            System.out.println("READY " + host.host().httpPort());
            BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            while (input.readLine() != null) {
                // Runs until the test closes standard input.
            }
        }
    }

    /** Starts a host in {@code home} and waits until it runs. */
    static HostInOtherProcess start(Path home) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpult.test.coreDir=" + RunningHost.CORE_DIR.toAbsolutePath(),
                HostInOtherProcess.class.getName(),
                home.toAbsolutePath().toString());
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith("READY")) {
                return new HostInOtherProcess(process);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("The host process ended before it was ready");
    }

    /** Whether the host's process still runs. */
    boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the host cleanly and waits for its process to end. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("The host process did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
