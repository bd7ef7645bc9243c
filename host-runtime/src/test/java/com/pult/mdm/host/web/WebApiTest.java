package com.pult.mdm.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebApiTest {

    @TempDir
    Path home;

    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        api = new ApiFixture(home);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void healthChecksNeedNoToken() throws Exception {
        assertEquals(200, api.send("GET", "/health/live", null, null, null).statusCode());
        HttpResponse<String> ready = api.send("GET", "/health/ready", null, null, null);
        assertEquals(200, ready.statusCode());
        assertEquals("ready", ApiFixture.json(ready).get("status").asText());
    }

    @Test
    void missingTokenIsAProblemWithEveryStandardMember() throws Exception {
        HttpResponse<String> response = api.send("GET", "/api/v1/integrations", null, null, null);

        assertEquals(401, response.statusCode());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals("Bearer", response.headers().firstValue("WWW-Authenticate").orElse(""));
        JsonNode problem = ApiFixture.json(response);
        assertEquals("urn:pult:problem:unauthorized", problem.get("type").asText());
        assertEquals("unauthorized", problem.get("code").asText());
        assertEquals(401, problem.get("status").asInt());
        assertFalse(problem.get("title").asText().isBlank());
        assertTrue(problem.get("detail").asText().contains("Authorization: Bearer"));
    }

    @Test
    void unknownRouteIsA404Problem() throws Exception {
        HttpResponse<String> response = api.get("/api/v1/nothing-here", api.acme);

        ApiFixture.problem(response, 404, "route-not-found");
    }

    @Test
    void wrongMethodIsA405Problem() throws Exception {
        HttpResponse<String> response = api.send("PUT", "/api/v1/integrations", api.acme.secret(), null, "{}");

        ApiFixture.problem(response, 405, "method-not-allowed");
    }

    @Test
    void badJsonIsA400ProblemSayingWhere() throws Exception {
        HttpResponse<String> response = api.postJson("/api/v1/integrations", api.acme, "{\"provider\": ");

        JsonNode problem = ApiFixture.problem(response, 400, "bad-json");
        assertTrue(problem.get("detail").asText().contains("line 1"), problem.toString());
        assertFalse(response.body().contains("at com."), "no stack trace");
    }

    @Test
    void fieldOfTheWrongTypeIsA400NamingTheField() throws Exception {
        HttpResponse<String> response =
                api.postJson("/api/v1/integrations", api.acme, "{\"provider\":\"fake\",\"intervalMinutes\":\"often\"}");

        JsonNode problem = ApiFixture.problem(response, 400, "invalid-field");
        assertEquals(
                "intervalMinutes", problem.get("problems").get(0).get("field").asText());
    }

    @Test
    void unknownAndOverlongFieldsAreRefused() throws Exception {
        HttpResponse<String> unknown = api.postJson("/api/v1/tokens", api.acme, "{\"name\":\"ci\",\"admin\":true}");
        HttpResponse<String> overlong =
                api.postJson("/api/v1/tokens", api.acme, "{\"name\":\"" + "x".repeat(101) + "\"}");
        HttpResponse<String> missing = api.postJson("/api/v1/device-authentications", api.acme, "{}");

        assertEquals(
                "admin",
                ApiFixture.json(unknown).get("problems").get(0).get("field").asText());
        assertEquals(
                "name",
                ApiFixture.json(overlong).get("problems").get(0).get("field").asText());
        assertEquals(400, missing.statusCode());
        assertEquals(
                "serial",
                ApiFixture.json(missing).get("problems").get(0).get("field").asText());
    }

    @Test
    void bodyOverTheRouteLimitIsA413Problem() throws Exception {
        String twoMiB = "{\"name\":\"" + "x".repeat(2 << 20) + "\"}";
        HttpResponse<String> response = api.postJson("/api/v1/tokens", api.acme, twoMiB);

        ApiFixture.problem(response, 413, "payload-too-large");
    }

    @Test
    void wifiBatchesTakeUpToTenMiB() throws Exception {
        String elevenMiB = "{\"observations\":[],\"pad\":\"" + "x".repeat(11 << 20) + "\"}";
        String twoMiB = "{\"observations\":[],\"controllerNow\":null" + " ".repeat(2 << 20) + "}";

        assertEquals(
                413,
                api.postJson("/api/v1/wifi/observations", api.acme, elevenMiB).statusCode());
        assertEquals(
                200, api.postJson("/api/v1/wifi/observations", api.acme, twoMiB).statusCode());
    }

    @Test
    void rejectedCredentialsAnswerTheProvidersProblemsWithFieldAndPermission() throws Exception {
        HttpResponse<String> response = api.postJson(
                "/api/v1/integrations",
                api.acme,
                "{\"provider\":\"fake\",\"fields\":{\"url\":\"https://fake\",\"token\":\"wrong\"}}");

        JsonNode problem = ApiFixture.problem(response, 422, "validation-failed");
        assertEquals("token", problem.get("problems").get(0).get("field").asText());
        assertEquals(
                "Device list", problem.get("problems").get(0).get("permission").asText());
        assertEquals(
                0,
                ApiFixture.json(api.get("/api/v1/integrations", api.acme))
                        .get("integrations")
                        .size());
    }

    @Test
    void integrationLifecycleThroughTheApi() throws Exception {
        String id = api.createIntegration();
        String one = "/api/v1/integrations/" + id;

        assertEquals(
                "fake", ApiFixture.json(api.get(one, api.acme)).get("provider").asText());
        HttpResponse<String> renamed =
                api.send("PATCH", one, api.acme.secret(), "application/json", "{\"name\":\"New\"}");
        assertEquals("New", ApiFixture.json(renamed).get("name").asText());
        assertEquals(
                "DISABLED",
                ApiFixture.json(api.postJson(one + "/disable", api.acme, ""))
                        .get("state")
                        .asText());
        assertEquals(200, api.postJson(one + "/enable", api.acme, "").statusCode());
        awaitRuns(one + "/runs");
        assertEquals(204, api.send("DELETE", one, api.acme.secret(), null, null).statusCode());
        assertEquals(404, api.get(one, api.acme).statusCode());
    }

    @Test
    void anotherOrganizationsIntegrationIsNotFound() throws Exception {
        String one = "/api/v1/integrations/" + api.createIntegration();

        HttpResponse<String> read = api.get(one, api.globex);
        HttpResponse<String> delete = api.send("DELETE", one, api.globex.secret(), null, null);

        ApiFixture.problem(read, 404, "integration-not-found");
        assertEquals(404, delete.statusCode());
        assertEquals(200, api.get(one, api.acme).statusCode());
        assertEquals(
                0,
                ApiFixture.json(api.get("/api/v1/integrations", api.globex))
                        .get("integrations")
                        .size());
    }

    @Test
    void userImportWithBadRowsAnswersEveryRowWithItsLine() throws Exception {
        String csv = "email,name\nann@acme.test,Ann\nnot-an-email,Bob\n,Nobody\n";
        HttpResponse<String> response = api.send("POST", "/api/v1/users/import", api.acme.secret(), "text/csv", csv);

        JsonNode problem = ApiFixture.problem(response, 422, "rejected-rows");
        assertEquals(2, problem.get("rows").size());
        assertEquals(3, problem.get("rows").get(0).get("line").asInt());
        assertEquals(
                0,
                ApiFixture.json(api.get("/api/v1/users", api.acme)).get("users").size());
    }

    @Test
    void importedUsersResolveLookupsWithTheirTrace() throws Exception {
        importUsers();
        api.createIntegration();

        JsonNode match = awaitResolved("/api/v1/lookups/serial/SER0");

        assertEquals("user0@acme.test", match.get("user").get("email").asText());
        assertTrue(match.get("explanation").asText().contains("SER0"), match.toString());
        JsonNode byMac = awaitResolved("/api/v1/lookups/mac/A4-83-E7-00-00-01");
        assertEquals("user1@acme.test", byMac.get("user").get("email").asText());
        JsonNode globexView = ApiFixture.json(api.get("/api/v1/lookups/serial/SER0", api.globex));
        assertFalse(globexView.get("resolved").asBoolean());
    }

    @Test
    void wifiBatchIsAttributedAndShowsAsPresence() throws Exception {
        importUsers();
        api.createIntegration();
        awaitResolved("/api/v1/lookups/mac/a4:83:e7:00:00:00");
        String batch = "{\"observations\":[{\"mac\":\"a4:83:e7:00:00:00\",\"ssid\":\"Office\",\"seenAt\":\""
                + java.time.Instant.now().minusSeconds(60)
                + "\"},{\"mac\":\"zz\",\"ssid\":\"Office\",\"seenAt\":\"1\"}]}";

        JsonNode result = ApiFixture.json(api.postJson("/api/v1/wifi/observations", api.acme, batch));

        assertEquals(1, result.get("accepted").asInt());
        assertEquals(1, result.get("attributed").asInt());
        assertEquals(1, result.get("rejected").get(0).get("index").asInt());
        String userId = result.get("attributions").get(0).get("userId").asText();
        JsonNode presence = ApiFixture.json(api.get("/api/v1/presence/" + userId, api.acme));
        assertEquals(1, presence.get("days").size());
        JsonNode devices = ApiFixture.json(api.get("/api/v1/inspector/devices?q=user0&size=10", api.acme));
        assertEquals(1, devices.get("total").asInt());
        assertEquals(
                3,
                ApiFixture.json(api.get("/api/v1/inspector/summary", api.acme))
                        .get("mdmDevices")
                        .asInt());
    }

    @Test
    void manualDevicesAreSavedAsTextAndListed() throws Exception {
        String list = "email, mac_address\nann@acme.test, a4:83:e7:11:22:33\n";
        HttpResponse<String> saved = api.send("PUT", "/api/v1/manual-devices", api.acme.secret(), "text/plain", list);

        assertEquals(1, ApiFixture.json(saved).get("devices").asInt());
        JsonNode listed = ApiFixture.json(api.get("/api/v1/manual-devices", api.acme));
        assertEquals(
                "A4:83:E7:11:22:33",
                listed.get("devices").get(0).get("mac").asText().toUpperCase());
        HttpResponse<String> json =
                api.send("PUT", "/api/v1/manual-devices", api.acme.secret(), "application/json", "{}");
        assertEquals(415, json.statusCode());
    }

    @Test
    void plainTokenIsNeverStoredOnlyItsHash() throws Exception {
        List<String> stored = new ArrayList<>();
        String url = "jdbc:h2:async:" + api.dataDir.resolve("db/pult").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection connection = DriverManager.getConnection(url, "pult", "");
                Statement select = connection.createStatement();
                ResultSet rows = select.executeQuery("SELECT * FROM api_token")) {
            while (rows.next()) {
                for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                    stored.add(String.valueOf(rows.getObject(column)));
                }
            }
        }

        assertFalse(stored.stream().anyMatch(value -> value.contains(api.acme.secret())));
        assertTrue(stored.contains(ApiTokens.hash(api.acme.secret())));
        assertTrue(api.acme.secret().startsWith("pult_") && api.acme.secret().length() >= 45);
    }

    @Test
    void rotatedTokenReplacesTheOldSecretAtOnce() throws Exception {
        String path = "/api/v1/tokens/" + api.acme.token().id() + "/rotate";
        HttpResponse<String> rotated = api.postJson(path, api.acme, "");

        assertEquals(200, rotated.statusCode());
        String fresh = ApiFixture.json(rotated).get("token").asText();
        assertNotEquals(api.acme.secret(), fresh);
        assertEquals(401, api.get("/api/v1/users", api.acme).statusCode());
        assertEquals(200, api.send("GET", "/api/v1/users", fresh, null, null).statusCode());
        JsonNode listed = ApiFixture.json(api.send("GET", "/api/v1/tokens", fresh, null, null));
        assertFalse(listed.toString().contains(fresh), "a listing never shows secrets");
    }

    @Test
    void onlyAHostAdminTokenEnablesProvidersOrCreatesHostAdmins() throws Exception {
        HttpResponse<String> refused = api.postJson("/api/v1/providers/fake/disable", api.acme, "");
        HttpResponse<String> escalation =
                api.postJson("/api/v1/tokens", api.acme, "{\"name\":\"x\",\"hostAdmin\":true}");
        HttpResponse<String> done = api.postJson("/api/v1/providers/fake/disable", api.admin, "");

        ApiFixture.problem(refused, 403, "host-admin-required");
        assertEquals(403, escalation.statusCode());
        assertEquals(200, done.statusCode());
        JsonNode providers =
                ApiFixture.json(api.get("/api/v1/providers", api.globex)).get("providers");
        assertEquals("fake", providers.get(0).get("id").asText());
        assertEquals("1.2.3", providers.get(0).get("version").asText());
        assertFalse(providers.get(0).get("enabled").asBoolean());
    }

    @Test
    void aMistypedProviderIdIsNotFoundAndChangesNothing() throws Exception {
        HttpResponse<String> typo = api.postJson("/api/v1/providers/faek/disable", api.admin, "");

        JsonNode problem = ApiFixture.problem(typo, 404, "provider-not-found");
        assertTrue(problem.get("detail").asText().contains("deployed: fake"), problem.toString());
        JsonNode providers =
                ApiFixture.json(api.get("/api/v1/providers", api.acme)).get("providers");
        assertTrue(providers.get(0).get("enabled").asBoolean());
    }

    @Test
    void providersDescribeTheFormTheDashboardRenders() throws Exception {
        JsonNode fields = ApiFixture.json(api.get("/api/v1/providers", api.acme))
                .get("providers")
                .get(0)
                .get("fields");

        assertEquals(2, fields.size());
        assertEquals("url", fields.get(0).get("name").asText());
        assertFalse(fields.get(0).get("secret").asBoolean());
        assertEquals("token", fields.get(1).get("name").asText());
        assertTrue(fields.get(1).get("secret").asBoolean());
        assertTrue(fields.get(1).get("required").asBoolean());
    }

    @Test
    void aMissingCredentialIsRefusedNamingItsField() throws Exception {
        HttpResponse<String> response = api.postJson(
                "/api/v1/integrations", api.acme, "{\"provider\":\"fake\",\"fields\":{\"url\":\"https://fake\"}}");

        JsonNode problem = ApiFixture.problem(response, 400, "invalid-field");
        assertEquals("token", problem.get("problems").get(0).get("field").asText());
        assertEquals(
                0,
                ApiFixture.json(api.get("/api/v1/integrations", api.acme))
                        .get("integrations")
                        .size());
    }

    @Test
    void requestsRefusedBeforeAnyRouteAreProblemsToo() throws Exception {
        HttpResponse<String> hugeHeaders = api.send("GET", "/api/v1/integrations", "x".repeat(20_000), null, null);
        HttpResponse<String> badPath = api.get("/api/v1/integrations/%00%2F..%2F/runs", api.acme);

        assertEquals(431, hugeHeaders.statusCode());
        assertEquals(
                "application/problem+json",
                hugeHeaders.headers().firstValue("Content-Type").orElse(""));
        assertEquals(
                "headers-too-large", ApiFixture.json(hugeHeaders).get("code").asText());
        ApiFixture.problem(badPath, 400, "bad-request");
    }

    @Test
    void unreadableWifiEntriesAreRejectedAloneAndTheRestIsStored() throws Exception {
        String body = "{\"observations\":[null,{\"mac\":12345},{\"mac\":\"a4:83:e7:00:00:01\",\"color\":\"red\"},"
                + "{\"mac\":\"a4:83:e7:00:00:02\",\"ip\":\"10.0.0.2\",\"seenAt\":\"" + Instant.now() + "\"}]}";

        HttpResponse<String> response = api.postJson("/api/v1/wifi/observations", api.acme, body);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode result = ApiFixture.json(response);
        assertEquals(1, result.get("accepted").asInt());
        JsonNode rejected = result.get("rejected");
        assertEquals(3, rejected.size());
        assertTrue(rejected.get(0).get("reason").asText().contains("observations[0]"), rejected.toString());
        assertTrue(rejected.get(1).get("reason").asText().contains("observations[1].mac"), rejected.toString());
        assertTrue(rejected.get(2).get("reason").asText().contains("color"), rejected.toString());
        assertEquals(3, result.get("attributions").get(0).get("index").asInt());
    }

    @Test
    void theDashboardIsServedFromTheHostWithoutAToken() throws Exception {
        HttpResponse<String> page = api.send("GET", "/", null, null, null);
        HttpResponse<String> script = api.send("GET", "/app.js", null, null, null);
        HttpResponse<String> style = api.send("GET", "/app.css", null, null, null);

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"/app.js\""));
        assertTrue(
                page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("/api/v1/integrations"));
        assertEquals(200, style.statusCode());
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "no external assets");
    }

    @Test
    void metricsNeedAHostAdminAndNameTheSeries() throws Exception {
        importUsers();
        String id = api.createIntegration();
        awaitRuns("/api/v1/integrations/" + id + "/runs");
        awaitResolved("/api/v1/lookups/serial/SER1");

        assertEquals(403, api.get("/metrics", api.acme).statusCode());
        HttpResponse<String> metrics = api.get("/metrics", api.admin);

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        for (String series : List.of(
                "pult_syncs_total{outcome=\"SUCCEEDED\"}",
                "pult_sync_duration_seconds",
                "pult_sync_requests_total",
                "pult_sync_rate_limited_total",
                "pult_active_devices",
                "pult_lookups_total")) {
            assertTrue(metrics.body().contains(series), series + " in\n" + metrics.body());
        }
    }

    @Test
    void auditLogRecordsWhoWhatWhenAndFromWhere() throws Exception {
        api.postJson("/api/v1/tokens", api.acme, "{\"name\":\"ci\"}");

        JsonNode entries = ApiFixture.json(api.get("/api/v1/audit", api.acme)).get("entries");

        JsonNode entry = entries.get(0);
        assertEquals(api.acme.token().id(), entry.get("tokenId").asText());
        assertEquals("acme-admin", entry.get("tokenName").asText());
        assertEquals("POST /api/v1/tokens", entry.get("action").asText());
        assertEquals(201, entry.get("status").asInt());
        assertEquals("127.0.0.1", entry.get("remoteAddress").asText());
        assertFalse(entry.get("at").asText().isBlank());
        assertEquals(
                0,
                ApiFixture.json(api.get("/api/v1/audit", api.globex))
                        .get("entries")
                        .size());
    }

    private void importUsers() throws Exception {
        String csv = "email,name\nuser0@acme.test,Zero\nuser1@acme.test,One\nuser2@acme.test,Two\n";
        HttpResponse<String> imported = api.send("POST", "/api/v1/users/import", api.acme.secret(), "text/csv", csv);
        assertEquals(3, ApiFixture.json(imported).get("created").asInt(), imported.body());
    }

    private JsonNode awaitResolved(String path) throws Exception {
        JsonNode match = null;
        for (int i = 0; i < 100; i++) {
            match = ApiFixture.json(api.get(path, api.acme));
            if (match.get("resolved").asBoolean()) {
                return match;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("never resolved: " + match);
    }

    private void awaitRuns(String path) throws Exception {
        for (int i = 0; i < 100; i++) {
            JsonNode runs = ApiFixture.json(api.get(path, api.acme)).get("runs");
            if (runs.size() > 0 && !runs.get(0).get("outcome").asText().equals("RUNNING")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no finished run");
    }
}
