package com.pult.mdm.it.kandji;

import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.FleetSummary;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimulatorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Requests and time of Kandji syncs through the host's real pacer, against the simulator with Kandji's rate limits
 * switched on, beside the floor the API allows. Not a test: run it with
 *
 * <pre>
 * mvn -q -f it-tests/pom.xml test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=com.pult.mdm.it.kandji.KandjiSyncBenchmark
 * </pre>
 *
 * <p>Arguments: {@code SIZE:SCALE:SHARE} triples, default {@code 1000:1:1.0 1000:1:0.5 10000:20:1.0}.
 * {@code SCALE} multiplies Kandji's limits (10,000 an hour, 50 a second) on both sides, simulator and host pacer,
 * so a large tenant finishes in seconds; the figures at scale 1 are real-time. {@code SHARE} is the host's budget
 * share (1.0 spends the whole published limit, 0.5 is the default). Per tenant it prints the first full sync, a
 * steady-state sync after 1% of the devices checked in, and the time from the sync's start until serial matching
 * answers (the listing's commit). The plugin jar is loaded from {@code target/plugins}, see {@link KandjiPluginJar}.
 */
public final class KandjiSyncBenchmark {

    private static final int PAGE = 300;
    private static final int HOURLY = 10_000;
    private static final int PER_SECOND = 50;

    private KandjiSyncBenchmark() {}

    /** One measured tenant. */
    private record Result(
            int devices,
            int scale,
            double share,
            int qualifying,
            SyncRun first,
            long firstSimulatorRequests,
            long first429,
            Duration serialMatchAfter,
            int checkedInQualifying,
            SyncRun steady,
            long steady429) {}

    public static void main(String[] args) throws Exception {
        List<String> plan = args.length == 0 ? List.of("1000:1:1.0", "1000:1:0.5", "10000:20:1.0") : List.of(args);
        List<Result> results = new ArrayList<>();
        long started = System.nanoTime();
        for (String entry : plan) {
            String[] parts = entry.split(":");
            int scale = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
            double share = parts.length > 2 ? Double.parseDouble(parts[2]) : 1.0;
            results.add(measure(Integer.parseInt(parts[0]), scale, share));
        }
        System.out.println();
        System.out.println(machine());
        System.out.println();
        results.forEach(result -> System.out.println(report(result)));
        System.out.printf(Locale.ROOT, "Total run time: %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static Result measure(int size, int scale, double share) throws Exception {
        Path dataDir = Files.createTempDirectory("kandji-bench-");
        RateLimitConfig limits = new RateLimitConfig(true, HOURLY * scale, PER_SECOND * scale, true);
        try (KandjiSimulator sim = KandjiSims.start(SimulatorConfig.builder()
                        .fleet(Fleet.generated(size, 42))
                        .rateLimit(limits));
                KandjiHost host =
                        new KandjiHost(dataDir, KandjiPluginJar.factory(), KandjiHost.settings(share, scale))) {
            FleetSummary summary = sim.fleet().summary();
            String serial = uniqueQualifyingSerial(sim.fleet().devices());
            System.err.printf(Locale.ROOT, "Syncing %,d devices at scale %d, share %.1f...%n", size, scale, share);

            String id = host.create(sim.baseUrl(), KandjiSims.TOKEN);
            Instant matched = awaitSerialMatch(host, serial);
            SyncRun first = host.firstRun(id);
            long firstRequests = sim.counters().totalRequests();
            long first429 = sim.counters().rateLimited();

            sim.counters().reset();
            Set<String> changed = new HashSet<>(sim.fleet().checkInPercent(1.0));
            changed.retainAll(KandjiSims.qualifyingIds(sim.fleet().devices()));
            SyncRun steady = host.sync(id);

            return new Result(
                    size,
                    scale,
                    share,
                    summary.eligible(),
                    first,
                    firstRequests,
                    first429,
                    Duration.between(first.startedAt(), matched),
                    changed.size(),
                    steady,
                    sim.counters().rateLimited());
        } finally {
            deleteTree(dataDir);
        }
    }

    /** Polls the match index until the serial matches: the listing is committed. */
    private static Instant awaitSerialMatch(KandjiHost host, String serial) throws Exception {
        long deadline = System.nanoTime() + KandjiHost.WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (host.indexes.of(KandjiHost.ORG).bySerial(serial).matched()) {
                return Instant.now();
            }
            Thread.sleep(2);
        }
        throw new IllegalStateException("Serial " + serial + " never matched");
    }

    private static String uniqueQualifyingSerial(List<SimDevice> devices) {
        Map<String, Long> counts =
                devices.stream().collect(Collectors.groupingBy(SimDevice::serialNumber, Collectors.counting()));
        return devices.stream()
                .filter(KandjiSims::qualifies)
                .map(SimDevice::serialNumber)
                .filter(serial -> !FleetSummary.isBlankSerial(serial) && counts.get(serial) == 1)
                .reduce((first, second) -> second) // the last device id: its row is on the last page
                .orElseThrow();
    }

    /** Pages an offset walk needs: a short last page ends it, a full one needs an empty page after it. */
    static int listRequests(int devices) {
        return devices / PAGE + 1;
    }

    private static String report(Result r) {
        int ratePerSecond = (int) (PER_SECOND * r.scale() * r.share());
        int floor = listRequests(r.devices()) + r.qualifying();
        int naive = (r.devices() + PAGE - 1) / PAGE + r.devices();
        int steadyFloor = listRequests(r.devices()) + r.checkedInQualifying();
        Duration firstWall = Duration.between(r.first().startedAt(), r.first().endedAt());
        Duration steadyWall =
                Duration.between(r.steady().startedAt(), r.steady().endedAt());
        String scale = r.scale() == 1
                ? "Kandji's limits (10,000/h, 50/s)"
                : String.format(
                        Locale.ROOT,
                        "limits x%d (%,d/h, %,d/s), scaled",
                        r.scale(),
                        HOURLY * r.scale(),
                        PER_SECOND * r.scale());
        return String.format(
                Locale.ROOT,
                """
                %,d devices (%,d qualifying), %s, budget share %.1f, paced at %,d/s
                  first sync      %s: %,d requests (simulator saw %,d incl. %d for validation), %,d details, \
                %.1f s wall; floor %,d requests = %d pages + %,d details, %.1f s at %,d/s; 429s: %d
                  serial match    available %.2f s after the sync started (listing committed)
                  steady state    %s after 1%% checked in (%d qualifying changed): %,d requests, %.2f s; \
                floor %,d; naive client %,d (= %d pages + %,d details); 429s: %d
                """,
                r.devices(),
                r.qualifying(),
                scale,
                r.share(),
                ratePerSecond,
                r.first().outcome(),
                r.first().requests(),
                r.firstSimulatorRequests(),
                r.firstSimulatorRequests() - r.first().requests(),
                r.first().detailsFetched(),
                firstWall.toMillis() / 1000.0,
                floor,
                listRequests(r.devices()),
                r.qualifying(),
                floor / (double) ratePerSecond,
                ratePerSecond,
                r.first429(),
                r.serialMatchAfter().toMillis() / 1000.0,
                r.steady().outcome(),
                r.checkedInQualifying(),
                r.steady().requests(),
                steadyWall.toMillis() / 1000.0,
                steadyFloor,
                naive,
                (r.devices() + PAGE - 1) / PAGE,
                r.devices(),
                r.steady429());
    }

    private static String machine() {
        return String.format(
                Locale.ROOT,
                "Machine: %d CPUs, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"),
                System.getProperty("java.vm.name"),
                System.getProperty("os.name"),
                System.getProperty("os.arch"));
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
