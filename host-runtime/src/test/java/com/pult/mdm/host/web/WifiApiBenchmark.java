package com.pult.mdm.host.web;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * WiFi observations per second through the HTTP API, in batches of 1,000, against the real server and H2 in a
 * temporary directory: 1,000 users with a manual device each, so every observation is attributed. Not a test (the
 * name does not end in Test); run it with {@code mvn -q test-compile exec:java} or from the IDE. Target: 50,000/s.
 */
public final class WifiApiBenchmark {

    private static final int BATCH = 1_000;
    private static final int USERS = 1_000;

    private WifiApiBenchmark() {}

    public static void main(String[] args) throws Exception {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path home = Files.createTempDirectory("wifi-api-benchmark");
        try (ApiFixture api = new ApiFixture(home)) {
            prepare(api);
            String[] bodies = {batch(api, 0), batch(api, 1)};
            run(api, bodies, 20, clients);
            long began = System.nanoTime();
            run(api, bodies, batches, clients);
            double seconds = (System.nanoTime() - began) / 1e9;
            System.out.printf(
                    "%d batches of %d observations with %d clients in %.2f s: %.0f observations/s%n",
                    batches, BATCH, clients, seconds, batches * (double) BATCH / seconds);
        }
    }

    private static void prepare(ApiFixture api) throws Exception {
        StringBuilder users = new StringBuilder("email,name\n");
        StringBuilder devices = new StringBuilder();
        for (int i = 0; i < USERS; i++) {
            users.append("user").append(i).append("@acme.test,User ").append(i).append('\n');
            devices.append("user")
                    .append(i)
                    .append("@acme.test, ")
                    .append(mac(i))
                    .append('\n');
        }
        check(api.send("POST", "/api/v1/users/import", api.acme.secret(), "text/csv", users.toString()));
        check(api.send("PUT", "/api/v1/manual-devices", api.acme.secret(), "text/plain", devices.toString()));
    }

    private static String batch(ApiFixture api, int round) {
        String seenAt = Instant.now().minusSeconds(60 + round).toString();
        StringBuilder body = new StringBuilder("{\"observations\":[");
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"mac\":\"")
                    .append(mac(i % USERS))
                    .append("\",\"ip\":\"10.1.")
                    .append(i / 250)
                    .append('.')
                    .append(i % 250 + 1)
                    .append("\",\"ssid\":\"Office\",\"accessPoint\":\"ap-1\",\"seenAt\":\"")
                    .append(seenAt)
                    .append("\"}");
        }
        return body.append("]}").toString();
    }

    private static void run(ApiFixture api, String[] bodies, int batches, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                String body = bodies[i % bodies.length];
                sent.add(pool.submit(() -> check(api.postJson("/api/v1/wifi/observations", api.acme, body))));
            }
            for (Future<?> one : sent) {
                one.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static Void check(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + ": " + response.body());
        }
        return null;
    }

    private static String mac(int i) {
        return String.format("a4:83:e7:%02x:%02x:%02x", (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff);
    }
}
