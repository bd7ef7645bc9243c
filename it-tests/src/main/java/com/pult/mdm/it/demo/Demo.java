package com.pult.mdm.it.demo;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.PultHost;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.match.AuthRequest;
import com.pult.mdm.host.match.AuthResult;
import com.pult.mdm.host.match.MatchSnapshot;
import com.pult.mdm.host.presence.BatchResult;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.sync.IntegrationException;
import com.pult.mdm.host.sync.IntegrationStatus;
import com.pult.mdm.host.sync.SyncSettings;
import com.pult.mdm.host.users.PultUsers;
import com.pult.mdm.host.web.IssuedToken;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.ApiLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job, end to end: a Kandji simulator with a realistic fleet, the real host with the Kandji plugin
 * deployed into its {@code deploy/} folder, an organization with its users, the integration added and validated,
 * a sync under Kandji's rate limits, a desktop agent enrolling and one WiFi controller poll; then a summary. Keeps
 * running until Ctrl-C.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Runs the Pult integration host against the Kandji simulator and shows the matches.")
public final class Demo implements Callable<Integer> {

    private static final String ORG = "acme";
    private static final String TOKEN = "8d3f52a4-6c1e-4f0a-9b7d-2e5c81a0f6b3";

    @Option(names = "--devices", description = "Devices in the simulated Kandji tenant (${DEFAULT-VALUE})")
    private int devices = 2500;

    @Option(names = "--seed", description = "Seed of the simulated fleet (${DEFAULT-VALUE})")
    private long seed = 42;

    @Option(names = "--home", description = "Folder for the host's deploy/ and data/ (${DEFAULT-VALUE})")
    private Path home = Path.of("demo-run");

    @Option(names = "--core-dir", description = "Folder with the FileInstall bundle (${DEFAULT-VALUE})")
    private Path coreDir = Path.of("it-tests/target/core");

    @Option(names = "--plugin", description = "The Kandji plugin jar (${DEFAULT-VALUE})")
    private Path plugin = Path.of("it-tests/target/plugins/kandji-plugin.jar");

    @Option(
            names = "--requests-per-second",
            description = "Kandji's per-second limit, as the tenant has it "
                    + "(${DEFAULT-VALUE}); the host uses all of it here, since no other client shares the simulator")
    private int perSecond = 50;

    @Option(names = "--http-port", description = "Port of the host's admin API; 0 picks a free one (${DEFAULT-VALUE})")
    private int httpPort = 0;

    @Option(names = "--exit", description = "Stop after the summary instead of running until Ctrl-C")
    private boolean exitAfterSummary;

    private final PrintStream out = System.out;

    /** Runs the demo. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Fleet fleet = Fleet.generated(devices, seed);
        KandjiSimulator simulator = KandjiSimulator.start(SimulatorConfig.builder()
                .fleet(fleet)
                .token(TOKEN, Permission.values())
                .rateLimit(new RateLimitConfig(true, 10_000, perSecond, true))
                .build());
        step(
                "Kandji simulator: %,d devices (seed %d) at %s, Kandji's rate limits (10,000/h, %d/s)",
                devices, seed, simulator.baseUrl(), perSecond);
        PultHost host = null;
        try {
            host = startHost();
            run(host.services(), host, simulator, new DemoScenario(fleet, seed));
        } catch (IntegrationException | IOException e) {
            out.println("The demo failed: " + e.getMessage());
            stop(host, simulator);
            return 1;
        }
        if (exitAfterSummary) {
            stop(host, simulator);
            return 0;
        }
        awaitCtrlC(host, simulator);
        return 0;
    }

    private void stop(PultHost host, KandjiSimulator simulator) {
        if (host != null) {
            host.stop();
        }
        simulator.close();
        out.println("Stopped the host and the simulator.");
    }

    private PultHost startHost() throws Exception {
        deleteEarlierRun();
        SyncSettings sync = SyncSettings.defaults()
                .withCustomEndpoints(true)
                .withBudgetShare(0.9)
                .withLimits("kandji", new ApiLimits(10_000, perSecond));
        HostConfig config = HostConfig.defaults(home)
                .withCoreDir(coreDir.toAbsolutePath())
                .withSync(sync)
                .withHttpPort(httpPort);
        PultHost host = new PultHost(config, Map.of());
        host.start();
        step("Host started: deploy folder %s, data %s", config.deployDir(), config.dataDir());
        deploy(config.deployDir());
        return host;
    }

    /** Starts every run from nothing: an earlier run's plugin jar or database must not race this one's. */
    private void deleteEarlierRun() throws IOException {
        for (String leftover : List.of("data", "deploy", "kandji-plugin.jar.tmp")) {
            Path path = home.resolve(leftover);
            if (Files.exists(path)) {
                try (var paths = Files.walk(path)) {
                    paths.sorted(java.util.Comparator.reverseOrder())
                            .forEach(file -> file.toFile().delete());
                }
            }
        }
    }

    private void deploy(Path deployDir) throws IOException {
        if (!Files.isRegularFile(plugin)) {
            throw new IOException("The Kandji plugin jar is missing at " + plugin + "; run bin/demo, which builds it.");
        }
        Path staged = home.resolve("kandji-plugin.jar.tmp");
        Files.copy(plugin, staged, StandardCopyOption.REPLACE_EXISTING);
        Files.move(
                staged,
                deployDir.resolve("kandji-plugin.jar"),
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private void run(HostServices services, PultHost host, KandjiSimulator simulator, DemoScenario scenario)
            throws Exception {
        Instant deployed = Instant.now();
        awaitProvider(host);
        step("Deployed kandji-plugin.jar: provider 'kandji' available after %.1f s", seconds(deployed));
        services.organizations()
                .save(new Organization(
                        ORG, "Acme Corp", ZoneId.of("Europe/Berlin"), Organization.AuthPolicy.AUTO_APPROVE));
        PultUsers.ImportSummary imported = services.users().importCsv(ORG, scenario.usersCsv());
        step("Organization 'acme' (Europe/Berlin) with %,d Pult users imported from CSV", imported.created());
        String id = addIntegration(services, simulator);
        SyncRun run = syncWithProgress(services, id);
        summarize(services, id, run, simulator);
        enrol(services, scenario);
        wifi(services, scenario);
        IssuedToken token = services.apiTokens().create(ORG, "demo", false);
        String api = "http://127.0.0.1:" + host.httpPort() + "/api/v1";
        step(
                "Admin API: %s (docs/API.md), token for 'acme', shown once: %s%n      try: curl -H"
                        + " 'Authorization: Bearer %s' %s/integrations",
                api, token.secret(), token.secret(), api);
        step("The host keeps syncing every 15 minutes; its warnings and errors appear here.");
    }

    private String addIntegration(HostServices services, KandjiSimulator simulator) throws IntegrationException {
        try {
            services.integrations()
                    .create(
                            ORG,
                            "kandji",
                            "Kandji (Iru)",
                            Map.of("api_url", simulator.baseUrl(), "api_token", "not-the-token"),
                            Optional.empty());
        } catch (IntegrationException rejected) {
            step(
                    "Adding the Kandji integration with a wrong token: rejected, nothing saved:%n      %s",
                    rejected.getMessage());
        }
        IntegrationStatus created = services.integrations()
                .create(
                        ORG,
                        "kandji",
                        "Kandji (Iru)",
                        Map.of("api_url", simulator.baseUrl(), "api_token", TOKEN),
                        Optional.empty());
        step(
                "Adding it with the right token: validated (Device list, Device ID, Device details), saved with the"
                        + " token encrypted (shown as %s)",
                created.fields().get("api_token"));
        return created.id();
    }

    private SyncRun syncWithProgress(HostServices services, String id) throws Exception {
        Instant started = Instant.now();
        boolean announcedSerials = false;
        Instant lastLine = Instant.EPOCH;
        while (true) {
            List<SyncRun> history = services.integrations().history(id, 1);
            if (!history.isEmpty() && history.get(0).outcome() != SyncRun.Outcome.RUNNING) {
                return history.get(0);
            }
            IntegrationStatus status = services.integrations().status(id);
            if (!announcedSerials && status.devices() > 0) {
                announcedSerials = true;
                step(
                        "Listing committed after %.1f s: %,d devices answer serial lookups while details continue",
                        seconds(started), status.devices());
            }
            if (Duration.between(lastLine, Instant.now()).toSeconds() >= 5
                    && status.progress().isPresent()) {
                lastLine = Instant.now();
                var progress = status.progress().get();
                out.printf(
                        "      %s %,d of %,d, %,d requests so far%n",
                        progress.phase(), progress.done(), progress.total(), progress.requests());
            }
            Thread.sleep(200);
        }
    }

    private void summarize(HostServices services, String id, SyncRun run, KandjiSimulator simulator) throws Exception {
        var index = services.indexes().of(ORG);
        MatchSnapshot snapshot = services.matches().snapshot(ORG);
        long resolved = java.util.stream.IntStream.range(0, snapshot.index().size())
                .filter(i -> snapshot.index().deviceAt(i).isActive() && snapshot.ownerAt(i) != null)
                .count();
        step(
                "Sync %s in %.1f s",
                run.outcome().name().toLowerCase(java.util.Locale.ROOT),
                Duration.between(run.startedAt(), run.endedAt()).toMillis() / 1000.0);
        out.printf("      devices listed          %,8d%n", run.devicesSeen());
        out.printf("      devices synced          %,8d%n", run.accepted());
        new TreeMap<>(run.rejected())
                .forEach((reason, count) ->
                        out.printf("      rejected: %-22s %,4d%n", reason.toLowerCase(java.util.Locale.ROOT), count));
        out.printf(
                "      with a WiFi MAC         %,8d%n",
                index.devices().stream()
                        .filter(device -> device.wifiMac().isPresent())
                        .count());
        out.printf(
                "      resolve to a Pult user  %,8d (the others' email is no Pult user's: one owner in twenty has"
                        + " not joined Pult)%n",
                resolved);
        out.printf(
                "      shared serials / MACs   %,8d (the latest check-in wins; shared MACs never match)%n",
                index.conflicts().size());
        out.printf(
                "      requests spent          %,8d (429 answers: %d; the simulator counted %,d: the rest are the"
                        + " validations when the integration was added)%n",
                run.requests(), run.rateLimited(), simulator.counters().totalRequests());
    }

    private void enrol(HostServices services, DemoScenario scenario) throws Exception {
        Optional<SimDevice> device = scenario.enrollingDevice();
        if (device.isEmpty()) {
            return;
        }
        AuthResult result = services.authentication()
                .authenticate(
                        ORG,
                        new AuthRequest(
                                device.get().serialNumber().toLowerCase(java.util.Locale.ROOT),
                                device.get().deviceName(),
                                "jdoe",
                                "10.20.30.40"));
        step(
                "Desktop agent enrolling with serial %s: %s%n      %s",
                device.get().serialNumber(),
                result.status().name().toLowerCase(java.util.Locale.ROOT),
                result.traces().isEmpty() ? "" : result.traces().get(0).explanation());
    }

    private void wifi(HostServices services, DemoScenario scenario) throws Exception {
        List<WifiObservation> observations = scenario.wifiClients(400, 40, Instant.now()).stream()
                .map(client -> new WifiObservation(client[0], client[1], "Office", "ap-2nd-floor", client[2], null))
                .toList();
        BatchResult result = services.presence().record(ORG, WifiBatch.of(observations));
        Map<String, Long> reasons = new TreeMap<>();
        result.attributions()
                .forEach(a -> reasons.merge(a.reason().name().toLowerCase(java.util.Locale.ROOT), 1L, Long::sum));
        step(
                "WiFi controller poll of %d clients: %d accepted, %d attributed to users, %d rejected (%s)",
                observations.size(),
                result.accepted(),
                result.attributed(),
                result.rejected().size(),
                result.rejected().isEmpty() ? "" : result.rejected().get(0).reason());
        out.printf("      by reason: %s%n", reasons);
        var summary = services.inspector().summary(ORG);
        out.printf(
                "      WiFi inspector: %,d MDM devices, %,d distinct WiFi clients (re-enrolled devices share MACs),"
                        + " %,d matched%n",
                summary.mdmDevices(), summary.wifiClients(), summary.matchedClients());
    }

    private static void awaitProvider(PultHost host) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (host.registry().provider("kandji").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kandji plugin did not start; see " + "the host log.");
            }
            Thread.sleep(50);
        }
    }

    /** Ctrl-C ends the JVM; its shutdown hook stops the host and the simulator before it goes. */
    private void awaitCtrlC(PultHost host, KandjiSimulator simulator) throws InterruptedException {
        step("Running. Press Ctrl-C to stop.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stop(host, simulator);
                            stopped.countDown();
                        },
                        "demo-stop"));
        stopped.await();
    }

    private void step(String format, Object... args) {
        out.printf("• " + format + "%n", args);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
