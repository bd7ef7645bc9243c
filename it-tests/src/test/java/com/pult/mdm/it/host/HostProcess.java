package com.pult.mdm.it.host;

import com.pult.mdm.host.store.SyncRun;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A host in its own JVM, so a test can kill it with SIGKILL: starts the real host with the Kandji plugin on a data
 * directory, creates the organization and integration, runs a first sync, then syncs again on each {@code sync}
 * line read from standard input. Prints {@code READY <integration id> <devices> <admin API port> <API token of the
 * organization>} and {@code STARTED}.
 */
public final class HostProcess {

    private HostProcess() {}

    /** Arguments: the host's home, the simulator's base URL, the API token. */
    public static void main(String[] args) throws Exception {
        HostHarness harness = HostHarness.start(Path.of(args[0]), HostHarness.fastSettings());
        harness.createOrganization("acme");
        harness.deployKandji();
        String id = harness.integrations()
                .create("acme", "kandji", "Kandji", Map.of("api_url", args[1], "api_token", args[2]), Optional.empty())
                .id();
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
}
