package com.pult.mdm.it.sim;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: runs the simulator until Ctrl-C. */
@Command(
        name = "kandji-simulator",
        mixinStandardHelpOptions = true,
        description = "Runs a stateful Kandji API simulator (devices list, get, details) on loopback.")
public final class SimulatorMain implements Callable<Integer> {
    @Option(names = "--devices", description = "Generated fleet size (default ${DEFAULT-VALUE}).", defaultValue = "500")
    int devices;

    @Option(
            names = "--seed",
            description = "Seed of the generated fleet (default ${DEFAULT-VALUE}).",
            defaultValue = "42")
    long seed;

    @Option(names = "--fixture", description = "JSON fixture of device rows; replaces the generated fleet.")
    Path fixture;

    @Option(names = "--host", description = "Bind address (default ${DEFAULT-VALUE}).", defaultValue = "127.0.0.1")
    String host;

    @Option(
            names = "--port",
            description = "Port; 0 picks a free one (default ${DEFAULT-VALUE}).",
            defaultValue = "8089")
    int port;

    @Option(names = "--token", description = "API token with all permissions (repeatable; default: a random UUID).")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--list-only-token", description = "API token with DEVICE_LIST only (to exercise 403s).")
    List<String> listOnlyTokens = new ArrayList<>();

    @Option(names = "--control-token", description = "Require this token in X-Sim-Control-Token on /_sim/ calls.")
    String controlToken;

    @Option(names = "--no-rate-limit", description = "Turn rate limits off (raw-speed runs).")
    boolean noRateLimit;

    @Option(
            names = "--rate-limit-hour",
            description = "Hourly bucket (default ${DEFAULT-VALUE}).",
            defaultValue = "10000")
    int perHour;

    @Option(
            names = "--rate-limit-second",
            description = "Per-second bucket (default ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int perSecond;

    @Option(names = "--no-retry-after", description = "Send 429 without Retry-After.")
    boolean noRetryAfter;

    @Option(names = "--latency-ms", description = "Latency added to every API request.", defaultValue = "0")
    long latencyMs;

    @Option(names = "--repeat-first-page", description = "Device list ignores offset (a page that repeats).")
    boolean repeatFirstPage;

    @Option(names = "--vanish-after-first-page", description = "Remove K devices after the first list page.")
    int vanish;

    @Option(names = "--threads", description = "Worker threads (default ${DEFAULT-VALUE}).", defaultValue = "32")
    int threads;

    /** Entry point. */
    public static void main(String[] args) {
        int code = new CommandLine(new SimulatorMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        if (fixture != null && !Files.isRegularFile(fixture)) {
            System.err.println("No such fixture file: " + fixture.toAbsolutePath());
            return 2;
        }
        Fleet fleet = fixture != null
                ? Fleet.of(FleetFixtures.read(fixture), seed, Clock.systemUTC())
                : Fleet.generated(devices, seed);
        if (tokens.isEmpty()) {
            tokens.add(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        }
        KandjiSimulator sim = KandjiSimulator.start(config(fleet));
        applyFaults(sim);
        printBanner(sim, new PrintWriter(System.out, true));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            sim.close();
                            stopped.countDown();
                        },
                        "kandji-sim-shutdown"));
        stopped.await();
        return 0;
    }

    private SimulatorConfig config(Fleet fleet) {
        SimulatorConfig.Builder b = SimulatorConfig.builder()
                .host(host)
                .port(port)
                .fleet(fleet)
                .threads(threads)
                .controlToken(controlToken)
                .rateLimit(new RateLimitConfig(!noRateLimit, perHour, perSecond, !noRetryAfter));
        tokens.forEach(t -> b.token(t));
        listOnlyTokens.forEach(t -> b.token(t, Permission.DEVICE_LIST));
        return b.build();
    }

    private void applyFaults(KandjiSimulator sim) {
        if (latencyMs > 0) {
            sim.faults().latency(Duration.ofMillis(latencyMs));
        }
        if (repeatFirstPage) {
            sim.faults().repeatFirstPage(true);
        }
        if (vanish > 0) {
            sim.faults().vanishAfterFirstPage(vanish);
        }
    }

    private void printBanner(KandjiSimulator sim, PrintWriter out) {
        out.println("Kandji simulator ready");
        out.println("  base URL : " + sim.baseUrl());
        out.println("  devices  : " + sim.fleet().size()
                + (fixture != null ? " (fixture " + fixture + ")" : " (seed " + seed + ")"));
        tokens.forEach(t -> out.println("  token    : " + t));
        out.println("  limits   : " + (noRateLimit ? "off" : perHour + "/h, " + perSecond + "/s"));
        out.println("  control  : " + sim.baseUrl() + "/_sim/fleet");
        out.println("  try      : curl -H 'Authorization: Bearer " + tokens.get(0) + "' '" + sim.baseUrl()
                + "/api/v1/devices?limit=2'");
        out.println("Ctrl-C stops it.");
    }
}
