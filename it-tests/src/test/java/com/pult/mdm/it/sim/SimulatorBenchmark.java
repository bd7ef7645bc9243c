package com.pult.mdm.it.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Not a test: measures the simulator's throughput on loopback. Starts a 10,000-device fleet with limits off, runs 8
 * client threads (one shared java.net.http client, HTTP/1.1 keep-alive) for a bounded time with a mix of list pages
 * ({@code limit=300}, one request in 20) and details requests, and prints requests per second.
 *
 * <p>Run: {@code mvn -q test-compile exec:java -Dexec.mainClass=com.pult.mdm.it.sim.SimulatorBenchmark
 * -Dexec.classpathScope=test -Dexec.args="8 15"} (threads, seconds; at most 20 s).
 */
public final class SimulatorBenchmark {
    private static final String TOKEN = "bench";
    private final LongAdder requests = new LongAdder();
    private final LongAdder lists = new LongAdder();
    private final LongAdder failures = new LongAdder();
    private final LongAdder bytes = new LongAdder();

    private SimulatorBenchmark() {}

    /** Entry point: optional args threads (default 8) and seconds (default 15, capped at 20). */
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        int seconds = Math.min(20, args.length > 1 ? Integer.parseInt(args[1]) : 15);
        new SimulatorBenchmark().run(threads, seconds);
    }

    private void run(int threads, int seconds) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder()
                .fleet(Fleet.generated(10_000, 42))
                .token(TOKEN)
                .rateLimit(RateLimitConfig.off())
                .build();
        try (KandjiSimulator sim = KandjiSimulator.start(config)) {
            List<String> ids =
                    sim.fleet().devices().stream().map(SimDevice::deviceId).toList();
            ExecutorService clientPool = Executors.newFixedThreadPool(threads, SimulatorBenchmark::daemon);
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .executor(clientPool)
                    .build();
            load(client, sim.baseUrl(), ids, threads, Duration.ofSeconds(2), new long[0]); // warm-up
            requests.reset();
            lists.reset();
            failures.reset();
            bytes.reset();
            long[][] latencies = new long[threads][];
            long start = System.nanoTime();
            load(client, sim.baseUrl(), ids, threads, Duration.ofSeconds(seconds), latencies);
            report(threads, (System.nanoTime() - start) / 1e9, latencies);
            clientPool.shutdownNow();
        }
    }

    /** Daemon threads, so {@code mvn exec:java} (which joins non-daemon threads) ends with the benchmark. */
    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "bench-client");
        t.setDaemon(true);
        return t;
    }

    private void load(HttpClient client, String base, List<String> ids, int threads, Duration length, Object sink)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads, SimulatorBenchmark::daemon);
        long deadline = System.nanoTime() + length.toNanos();
        List<Future<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> worker(client, base, ids, deadline)));
        }
        for (int t = 0; t < threads; t++) {
            long[] lat = results.get(t).get();
            if (sink instanceof long[][] all) {
                all[t] = lat;
            }
        }
        pool.shutdown();
    }

    private long[] worker(HttpClient client, String base, List<String> ids, long deadline) {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        long[] lat = new long[1 << 20];
        int n = 0;
        while (System.nanoTime() < deadline) {
            boolean list = rnd.nextInt(20) == 0;
            String path = list
                    ? "/api/v1/devices?limit=300&offset=" + rnd.nextInt(34) * 300
                    : "/api/v1/devices/" + ids.get(rnd.nextInt(ids.size())) + "/details";
            long t0 = System.nanoTime();
            call(client, base + path, list);
            if (n < lat.length) {
                lat[n++] = System.nanoTime() - t0;
            }
        }
        return Arrays.copyOf(lat, n);
    }

    private void call(HttpClient client, String url, boolean list) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + TOKEN)
                .timeout(Duration.ofSeconds(10))
                .build();
        try {
            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                failures.increment();
            }
            bytes.add(r.body().length);
        } catch (Exception e) {
            failures.increment();
        }
        requests.increment();
        if (list) {
            lists.increment();
        }
    }

    private void report(int threads, double secs, long[][] latencies) {
        long[] all =
                Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf(
                Locale.ROOT,
                "SimulatorBenchmark: %d threads, %.1f s, %d requests (%d list pages of 300, %d details),"
                        + " %d failures%n",
                threads,
                secs,
                requests.sum(),
                lists.sum(),
                requests.sum() - lists.sum(),
                failures.sum());
        System.out.printf(
                Locale.ROOT,
                "  throughput: %.0f requests/s, %.1f MB/s; latency p50 %.2f ms, p99 %.2f ms%n",
                requests.sum() / secs,
                bytes.sum() / secs / 1e6,
                pct(all, 0.50),
                pct(all, 0.99));
    }

    private static double pct(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, sorted.length * p)] / 1e6;
    }
}
