package com.pult.mdm.it.demo;

import com.pult.mdm.host.HostVersion;
import com.pult.mdm.host.PultHost;
import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.launch.LaunchException;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.sync.SyncSettings;
import com.pult.mdm.host.web.IssuedToken;
import com.pult.mdm.it.admin.AdminApi;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.ApiLimits;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The main job, end to end: a Kandji simulator with a realistic fleet, the real host with the Kandji plugin
 * deployed into its {@code deploy/} folder, then everything an admin does through the admin REST API (users, the
 * integration added and validated, a sync under Kandji's rate limits, a desktop agent enrolling, one WiFi
 * controller poll) and a summary read from the API's answers; last, the dashboard's address and a sign-in token.
 * Keeps running until Ctrl-C.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        versionProvider = Demo.Version.class,
        description = "Runs the Pult integration host against the Kandji simulator and shows the matches.")
public final class Demo implements Callable<Integer> {

    private static final String ORG = "acme";
    private static final String TOKEN = "8d3f52a4-6c1e-4f0a-9b7d-2e5c81a0f6b3";
    private static final int DEFAULT_HTTP_PORT = 8080;

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

    @Option(
            names = "--http-port",
            description = "Port of the host's admin API and dashboard (${DEFAULT-VALUE}); when it is taken, a free one"
                    + " is used and printed; 0 always picks a free one")
    private int httpPort = DEFAULT_HTTP_PORT;

    @Option(names = "--exit", description = "Stop after the summary instead of running until Ctrl-C")
    private boolean exitAfterSummary;

    private final PrintStream out;
    private DemoSummary summary;

    /** A demo that prints to the console. */
    public Demo() {
        this(System.out);
    }

    Demo(PrintStream out) {
        this.out = out;
    }

    /** Runs the demo. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Demo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Optional<String> invalid = invalidOption();
        if (invalid.isPresent()) {
            out.println("The demo cannot start: " + invalid.get() + " (bin/demo --help lists the options).");
            return 2;
        }
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
            run(host, simulator, new DemoScenario(fleet, seed));
        } catch (IOException | StoreException | ConfigException | LaunchException | IllegalStateException e) {
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

    /** The first option out of range, said the way an admin fixes it. */
    private Optional<String> invalidOption() {
        if (devices < 1 || devices > 100_000) {
            return Optional.of("--devices must be 1 to 100,000, not " + devices);
        }
        if (httpPort < 0 || httpPort > 65_535) {
            return Optional.of("--http-port must be 0 (any free port) to 65535, not " + httpPort);
        }
        if (perSecond < 1 || perSecond > 100_000) {
            return Optional.of("--requests-per-second must be 1 to 100,000, not " + perSecond);
        }
        return Optional.empty();
    }

    /** The host's version, for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Pult integration host demo " + HostVersion.current()};
        }
    }

    /** What the last run saw through the admin API; empty until its summary is printed. */
    Optional<DemoSummary> summary() {
        return Optional.ofNullable(summary);
    }

    private void stop(PultHost host, KandjiSimulator simulator) {
        if (host != null) {
            host.stop();
        }
        simulator.close();
        out.println("Stopped the host and the simulator.");
    }

    private PultHost startHost() throws IOException, ConfigException, LaunchException {
        deleteEarlierRun();
        SyncSettings sync = SyncSettings.defaults()
                .withCustomEndpoints(true)
                .withBudgetShare(0.9)
                .withLimits("kandji", new ApiLimits(10_000, perSecond));
        HostConfig config = HostConfig.defaults(home)
                .withCoreDir(coreDir.toAbsolutePath())
                .withSync(sync)
                .withHttpPort(availablePort());
        PultHost host = new PultHost(config, Map.of());
        host.start();
        step(
                "Host started: admin API on http://127.0.0.1:%d, deploy folder %s, data %s",
                host.httpPort(), config.deployDir(), config.dataDir());
        deploy(config.deployDir());
        return host;
    }

    /** The port asked for when it is free; otherwise 0, so the host takes a free one (printed once started). */
    private int availablePort() {
        if (httpPort == 0) {
            return 0;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), httpPort));
            return httpPort;
        } catch (IOException taken) {
            step(
                    "Port %d is in use (another host or demo?): the host listens on a free port instead"
                            + " (--http-port chooses one)",
                    httpPort);
            return 0;
        }
    }

    /** Starts every run from nothing: an earlier run's plugin jar or database must not race this one's. */
    private void deleteEarlierRun() throws IOException {
        for (String leftover : List.of("data", "deploy", "kandji-plugin.jar.tmp")) {
            Path path = home.resolve(leftover);
            if (Files.exists(path)) {
                try (var paths = Files.walk(path)) {
                    paths.sorted(Comparator.reverseOrder())
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

    /** Creates what the API cannot yet (the organization, its first token), then goes through the API. */
    private void run(PultHost host, KandjiSimulator simulator, DemoScenario scenario)
            throws IOException, InterruptedException, StoreException {
        Instant deployed = Instant.now();
        awaitProvider(host);
        step("Deployed kandji-plugin.jar: provider 'kandji' available after %.1f s", seconds(deployed));
        host.services()
                .organizations()
                .save(new Organization(
                        ORG, "Acme Corp", ZoneId.of("Europe/Berlin"), Organization.AuthPolicy.AUTO_APPROVE));
        IssuedToken first = host.services().apiTokens().create(ORG, "demo-admin", false);
        String address = "http://127.0.0.1:" + host.httpPort();
        step("Organization 'acme' and its first API token created in the host's database (as `pult-host token create`"
                + " does for an installed host)");
        step("From here on, every step goes through the admin API at %s/api/v1 (docs/API.md)", address);
        AdminWalkthrough admin = new AdminWalkthrough(new AdminApi(address, first.secret()), out, scenario);
        summary = admin.run(simulator.baseUrl(), TOKEN);
        String signIn = admin.signInToken("dashboard");
        step("Dashboard: open %s/ in a browser and paste this sign-in token (shown once):%n      %s", address, signIn);
        out.printf(
                "      The same token works with the admin API: curl -H 'Authorization: Bearer %s'"
                        + " %s/api/v1/integrations%n",
                signIn, address);
        if (exitAfterSummary) {
            out.println("      (--exit stops the demo now; run bin/demo without it to keep the host and dashboard up)");
        }
    }

    private static void awaitProvider(PultHost host) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (host.registry().provider("kandji").isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The Kandji plugin did not start; see the host log.");
            }
            Thread.sleep(50);
        }
    }

    /** Ctrl-C ends the JVM; its shutdown hook stops the host and the simulator before it goes. */
    private void awaitCtrlC(PultHost host, KandjiSimulator simulator) throws InterruptedException {
        step("Running: the host syncs every 15 minutes and its warnings appear here. Press Ctrl-C to stop.");
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
