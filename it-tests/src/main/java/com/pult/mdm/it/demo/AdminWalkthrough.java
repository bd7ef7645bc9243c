package com.pult.mdm.it.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.it.admin.AdminApi;
import com.pult.mdm.it.admin.AdminApiException;
import com.pult.mdm.it.sim.SimDevice;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What an admin does once the host runs, every step through the admin REST API (docs/API.md): import the users,
 * add the Kandji integration (a wrong token first), sync it while watching its progress, then what the desktop
 * agent and the WiFi controller send; each step prints what the API answered.
 */
final class AdminWalkthrough {

    private static final String INTEGRATIONS = "/api/v1/integrations";
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    private static final int PAGE_SIZE = 500;

    private final AdminApi api;
    private final PrintStream out;
    private final DemoScenario scenario;

    AdminWalkthrough(AdminApi api, PrintStream out, DemoScenario scenario) {
        this.api = api;
        this.out = out;
        this.scenario = scenario;
    }

    /**
     * Runs every step and prints the summary.
     *
     * @param vendorUrl the Kandji API's base URL
     * @param vendorToken a Kandji token with every permission the sync needs
     */
    DemoSummary run(String vendorUrl, String vendorToken) throws IOException, InterruptedException {
        int imported = importUsers();
        String wrongTokenProblem = addWithWrongToken(vendorUrl);
        String id = addIntegration(vendorUrl, vendorToken);
        JsonNode run = sync(id);
        String authentication = authenticateDevice();
        JsonNode batch = sendWifiBatch();
        return summarize(wrongTokenProblem, imported, run, batch, authentication);
    }

    /** Creates another token of the organization through the API and answers its secret. */
    String signInToken(String name) throws IOException, InterruptedException {
        return api.post("/api/v1/tokens", Map.of("name", name))
                .expect(201)
                .path("token")
                .asText();
    }

    private int importUsers() throws IOException, InterruptedException {
        JsonNode answer = api.postText("/api/v1/users/import", "text/csv", scenario.usersCsv())
                .expect(200);
        int created = answer.path("created").asInt();
        int updated = answer.path("updated").asInt();
        step("POST /api/v1/users/import (CSV): %,d users created, %,d updated", created, updated);
        return created + updated;
    }

    private String addWithWrongToken(String vendorUrl) throws IOException, InterruptedException {
        AdminApi.Answer answer = api.post(INTEGRATIONS, integration(vendorUrl, "not-the-token"));
        if (answer.status() != 422) {
            throw new AdminApiException(answer.request() + " with a wrong Kandji token answered " + answer.status()
                    + " instead of 422 validation-failed " + answer.problem());
        }
        step("POST %s with a wrong Kandji token: %d, nothing saved", INTEGRATIONS, answer.status());
        out.printf("      %s%n", answer.problem());
        for (JsonNode problem : answer.json().path("problems")) {
            out.printf(
                    "      problem: %s on field '%s'%n",
                    problem.path("code").asText(), problem.path("field").asText());
        }
        return answer.problem();
    }

    private String addIntegration(String vendorUrl, String vendorToken) throws IOException, InterruptedException {
        JsonNode created =
                api.post(INTEGRATIONS, integration(vendorUrl, vendorToken)).expect(201);
        step(
                "POST %s with the right token: 201, validated permission by permission and saved, token shown as %s",
                INTEGRATIONS, created.path("fields").path("api_token").asText());
        return created.path("id").asText();
    }

    private static Map<String, Object> integration(String vendorUrl, String vendorToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "kandji");
        body.put("name", "Kandji (Iru)");
        body.put("fields", Map.of("api_url", vendorUrl, "api_token", vendorToken));
        return body;
    }

    /** Asks for a sync, then follows it by polling the integration until its run has ended; answers that run. */
    private JsonNode sync(String id) throws IOException, InterruptedException {
        String one = INTEGRATIONS + "/" + id;
        long before = latestRun(one).map(run -> run.path("id").asLong()).orElse(0L);
        AdminApi.Answer answer = api.post(one + "/sync", null);
        boolean started = answer.status() == 202;
        if (started) {
            step("POST %s/{id}/sync: 202, sync started", INTEGRATIONS);
        } else if (answer.status() == 409 && answer.json().path("code").asText().equals("already-running")) {
            step(
                    "POST %s/{id}/sync: 409 already-running (the host starts a sync as soon as an integration is"
                            + " added)",
                    INTEGRATIONS);
        } else {
            answer.expect(202);
        }
        Instant since = Instant.now();
        Instant lastLine = Instant.EPOCH;
        boolean announcedSerials = false;
        while (true) {
            JsonNode integration = api.get(one).expect(200);
            if (!announcedSerials && integration.path("devices").asInt() > 0) {
                announcedSerials = true;
                out.printf(
                        "      GET %s/{id}: listing committed after %.1f s, %,d devices answer serial lookups while"
                                + " details continue%n",
                        INTEGRATIONS,
                        seconds(since),
                        integration.path("devices").asInt());
            }
            JsonNode progress = integration.path("progress");
            boolean counted = progress.path("total").asInt(-1) >= 0;
            if (counted && Duration.between(lastLine, Instant.now()).compareTo(PROGRESS_EVERY) >= 0) {
                lastLine = Instant.now();
                out.printf(
                        "      progress: %s %,d of %,d, %,d requests so far%n",
                        progress.path("phase").asText(),
                        progress.path("done").asInt(),
                        progress.path("total").asInt(),
                        progress.path("requests").asInt());
            }
            if (!progress.isObject()) {
                Optional<JsonNode> run = latestRun(one)
                        .filter(latest -> !latest.path("outcome").asText().equals("RUNNING"))
                        .filter(latest -> !started || latest.path("id").asLong() > before);
                if (run.isPresent()) {
                    return run.get();
                }
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private Optional<JsonNode> latestRun(String integration) throws IOException, InterruptedException {
        JsonNode runs = api.get(integration + "/runs?limit=1").expect(200).path("runs");
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(0));
    }

    private String authenticateDevice() throws IOException, InterruptedException {
        Optional<SimDevice> device = scenario.enrollingDevice();
        if (device.isEmpty()) {
            return "NONE";
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serial", device.get().serialNumber().toLowerCase(Locale.ROOT));
        request.put("hostname", device.get().deviceName());
        request.put("osUsername", "jdoe");
        request.put("sourceIp", "10.20.30.40");
        JsonNode answer = api.post("/api/v1/device-authentications", request).expect(200);
        String status = answer.path("status").asText();
        step(
                "POST /api/v1/device-authentications, serial %s in lower case: %s",
                device.get().serialNumber(), status);
        JsonNode trace = answer.path("traces").path(0);
        if (trace.isObject()) {
            out.printf("      %s%n", trace.path("explanation").asText());
        }
        return status;
    }

    private JsonNode sendWifiBatch() throws IOException, InterruptedException {
        List<Map<String, Object>> observations = scenario.wifiClients(400, 40, Instant.now()).stream()
                .map(client -> {
                    Map<String, Object> observation = new LinkedHashMap<>();
                    observation.put("mac", client[0]);
                    observation.put("ip", client[1]);
                    observation.put("ssid", "Office");
                    observation.put("accessPoint", "ap-2nd-floor");
                    observation.put("seenAt", client[2]);
                    return observation;
                })
                .toList();
        JsonNode answer = api.post(
                        "/api/v1/wifi/observations",
                        Map.of("controllerNow", Instant.now().toString(), "observations", observations))
                .expect(200);
        Map<String, Integer> reasons = new TreeMap<>();
        answer.path("attributions")
                .forEach(a -> reasons.merge(a.path("reason").asText().toLowerCase(Locale.ROOT), 1, Integer::sum));
        JsonNode rejected = answer.path("rejected");
        step(
                "POST /api/v1/wifi/observations, %d clients (known, randomized and one malformed MAC): %d accepted,"
                        + " %d attributed, %d rejected",
                observations.size(),
                answer.path("accepted").asInt(),
                answer.path("attributed").asInt(),
                rejected.size());
        out.printf("      by reason: %s%n", reasons);
        if (!rejected.isEmpty()) {
            out.printf(
                    "      rejected #%d: %s%n",
                    rejected.get(0).path("index").asInt(),
                    rejected.get(0).path("reason").asText());
        }
        return answer;
    }

    private DemoSummary summarize(
            String wrongTokenProblem, int imported, JsonNode run, JsonNode batch, String authentication)
            throws IOException, InterruptedException {
        Map<String, Integer> rejected = new TreeMap<>();
        run.path("rejected")
                .properties()
                .forEach(reason ->
                        rejected.put(reason.getKey(), reason.getValue().asInt()));
        DeviceOwners owners = deviceOwners();
        JsonNode inspector = api.get("/api/v1/inspector/summary").expect(200);
        DemoSummary summary = new DemoSummary(
                wrongTokenProblem,
                imported,
                run.path("devicesSeen").asInt(),
                run.path("accepted").asInt(),
                rejected,
                owners.devicesWithUser(),
                owners.users(),
                run.path("requests").asInt(),
                run.path("rateLimited").asInt(),
                authentication,
                batch.path("accepted").asInt() + batch.path("rejected").size(),
                batch.path("attributed").asInt(),
                batch.path("rejected").size(),
                inspector.path("matchedClients").asInt());
        step(
                "Summary, read from the API (the run, the inspector's devices and summary): sync %s in %.1f s",
                run.path("outcome").asText().toLowerCase(Locale.ROOT),
                Duration.between(
                                        Instant.parse(run.path("startedAt").asText()),
                                        Instant.parse(run.path("endedAt").asText()))
                                .toMillis()
                        / 1000.0);
        out.printf(
                "      devices synced           %,7d of %,d listed%n",
                summary.devicesSynced(), summary.devicesListed());
        summary.rejected().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(reason -> out.printf(
                        "      rejected: %-21s %,4d%n",
                        reason.getKey().toLowerCase(Locale.ROOT).replace('_', ' '), reason.getValue()));
        out.printf(
                "      devices with a Pult user %,7d (%,d users matched of %,d imported; one owner in twenty has"
                        + " not joined Pult)%n",
                summary.devicesWithUser(), summary.usersMatched(), summary.usersImported());
        out.printf(
                "      WiFi clients attributed  %,7d of %,d sent (the inspector counts %,d matched of %,d seen)%n",
                summary.wifiAttributed(),
                summary.wifiSent(),
                summary.wifiClientsMatched(),
                inspector.path("wifiClients").asInt());
        out.printf(
                "      requests spent           %,7d at Kandji (429 answers: %d)%n",
                summary.requests(), summary.rateLimited());
        return summary;
    }

    /** Reads the inspector's device table page by page: devices resolving to a Pult user, and those users. */
    private DeviceOwners deviceOwners() throws IOException, InterruptedException {
        int devicesWithUser = 0;
        Set<String> users = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode answer = api.get("/api/v1/inspector/devices?page=" + page + "&size=" + PAGE_SIZE)
                    .expect(200);
            JsonNode items = answer.path("items");
            for (JsonNode row : items) {
                JsonNode user = row.path("userEmail");
                if (user.isTextual()) {
                    devicesWithUser++;
                    users.add(user.asText().toLowerCase(Locale.ROOT));
                }
            }
            if (items.size() < PAGE_SIZE
                    || (long) (page + 1) * PAGE_SIZE >= answer.path("total").asLong()) {
                return new DeviceOwners(devicesWithUser, users.size());
            }
        }
    }

    private record DeviceOwners(int devicesWithUser, int users) {}

    private void step(String format, Object... args) {
        out.printf("• " + format + "%n", args);
    }

    private static double seconds(Instant since) {
        return Duration.between(since, Instant.now()).toMillis() / 1000.0;
    }
}
