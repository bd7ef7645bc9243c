package com.pult.mdm.it.host;

import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.sim.KandjiSimulator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A host in its own JVM, so a test can kill it with SIGKILL: starts the real host with the Kandji plugin on a data
 * directory, creates the organization and integration, runs a first sync, then syncs again on each {@code sync}
 * line read from standard input. Prints {@code READY <integration id> <devices> <admin API port> <API token of the
 * organization>} and {@code STARTED}.
 *
 * <p>A test starts one with {@link #start}, which waits for {@code READY}; {@link #startSync} and {@link #kill} drive
 * it from there.
 */
public final class HostProcess {

    private static final long KILL_WAIT_SECONDS = 20;

    private final Process process;
    private final PrintWriter input;
    private final BufferedReader output;
    private final String integrationId;
    private final int devices;
    private final int httpPort;
    private final String apiToken;

    private HostProcess(Process process, BufferedReader output, String[] ready) {
        this.process = process;
        this.input = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.output = output;
        this.integrationId = ready[1];
        this.devices = Integer.parseInt(ready[2]);
        this.httpPort = Integer.parseInt(ready[3]);
        this.apiToken = ready[4];
    }

    /** Arguments: the host's home, the simulator's base URL, the API token. */
    public static void main(String[] args) throws Exception {
        HostHarness harness = HostHarness.start(Path.of(args[0]), HostHarness.fastSettings());
        harness.createOrganization("acme");
        harness.deployKandji();
        String id = harness.createKandjiIntegration("acme", args[1], args[2]);
        SyncRun first = harness.awaitRun(id, 0);
        String apiToken = harness.host
                .services()
                .apiTokens()
                .create("acme", "host-process", false)
                .secret();
        System.out.println("READY " + id + " " + first.accepted() + " " + harness.host.httpPort() + " " + apiToken);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals("sync")) {
                harness.integrations().syncNow(id);
                System.out.println("STARTED");
            }
        }
        harness.close();
    }

    /**
     * Starts a host process in {@code home} whose Kandji integration of {@code acme} syncs from the simulator with
     * {@code token}, and waits until its first sync has ended.
     */
    public static HostProcess start(Path home, KandjiSimulator simulator, String token) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dpult.test.coreDir=" + HostHarness.CORE_DIR.toAbsolutePath(),
                "-Dpult.test.pluginsDir=" + HostHarness.KANDJI_JAR.getParent().toAbsolutePath(),
                HostProcess.class.getName(),
                home.toString(),
                simulator.baseUrl(),
                token);
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process process = builder.start();
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        return new HostProcess(process, output, awaitLine(output, "READY").split(" "));
    }

    /** The id of the Kandji integration. */
    public String integrationId() {
        return integrationId;
    }

    /** The devices the first sync accepted. */
    public int devices() {
        return devices;
    }

    /** The port of the admin API on 127.0.0.1. */
    public int httpPort() {
        return httpPort;
    }

    /** An API token of the organization. */
    public String apiToken() {
        return apiToken;
    }

    /** Asks the host for a sync and waits until it has started. */
    public void startSync() throws IOException {
        input.println("sync");
        awaitLine(output, "STARTED");
    }

    /** Kills the host with SIGKILL and waits for the process to end. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(KILL_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("The host process did not end within " + KILL_WAIT_SECONDS + " s of SIGKILL");
        }
    }

    private static String awaitLine(BufferedReader output, String prefix) throws IOException {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new AssertionError("The host process ended before printing " + prefix);
    }
}
