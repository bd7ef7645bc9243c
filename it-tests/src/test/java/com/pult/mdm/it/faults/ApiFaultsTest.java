package com.pult.mdm.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.it.admin.AdminApi;
import com.pult.mdm.it.host.HostHarness;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and oversized requests against the real host's admin API over HTTP: each is answered with the RFC 9457
 * problem {@code docs/API.md} documents for it (status, code, {@code application/problem+json}, no stack trace),
 * nothing of it is saved (the organization's users, manual devices, integrations, tokens and WiFi clients are counted
 * before and after), and the host keeps serving.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFaultsTest {

    private static final String ORG = "acme";
    private static final int MIB = 1 << 20;

    @TempDir
    static Path home;

    private HostHarness harness;
    private AdminApi api;

    @BeforeAll
    void start() throws Exception {
        harness = HostHarness.start(home, HostHarness.fastSettings());
        harness.createOrganization(ORG);
        api = new AdminApi(
                harness.host.httpPort(),
                harness.host.services().apiTokens().create(ORG, "faults", false).secret());
        AdminApi.Answer users =
                api.postText("/api/v1/users/import", "text/csv", "email,name\nann@acme.com,Ann\nbob@acme.com,Bob\n");
        assertEquals(200, users.status(), users.body());
        AdminApi.Answer manual =
                api.putText("/api/v1/manual-devices", "text/plain", "ann@acme.com,a4:83:e7:11:22:33\n");
        assertEquals(200, manual.status(), manual.body());
        AdminApi.Answer batch = api.postText("/api/v1/wifi/observations", "application/json", wifiBatch(1));
        assertEquals(1, batch.json().path("accepted").asInt(), batch.body());
    }

    @AfterAll
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void malformedAndOversizedRequestsGetTheirProblemSaveNothingAndTheHostKeepsServing() throws Exception {
        Map<String, Integer> before = counts();

        assertProblem(post("/api/v1/wifi/observations", "{\"controllerNow\":"), 400, "bad-json");
        assertProblem(post("/api/v1/tokens", "[\"ci\"]"), 400, "bad-json");
        assertProblem(post("/api/v1/device-authentications", ""), 400, "bad-json");
        assertField(post("/api/v1/tokens", "{\"name\":42}"), "name");
        assertField(post("/api/v1/tokens", "{\"name\":\"ci\",\"hostAdmin\":\"yes\"}"), "hostAdmin");
        assertField(post("/api/v1/tokens", "{\"name\":\"ci\",\"colour\":\"red\"}"), "colour");
        assertField(post("/api/v1/tokens", "{\"name\":\"" + "n".repeat(101) + "\"}"), "name");
        assertEntryRejected(
                post("/api/v1/wifi/observations", "{\"observations\":[{\"mac\":5}]}"), "observations[0].mac");
        assertEntryRejected(post("/api/v1/wifi/observations", "{\"observations\":[{\"macc\":\"x\"}]}"), "macc");
        assertField(post("/api/v1/wifi/observations", "{\"observations\":{}}"), "observations");
        assertProblem(
                post("/api/v1/wifi/observations", "{\"controllerNow\":\"soon\",\"observations\":[]}"),
                400,
                "invalid-request");
        assertField(post("/api/v1/wifi/observations", wifiBatch(50_001)), "observations");
        assertProblem(post("/api/v1/tokens", json(MIB + 1)), 413, "payload-too-large");
        assertProblem(post("/api/v1/wifi/observations", json(10 * MIB + 1)), 413, "payload-too-large");
        assertProblem(
                api.postText("/api/v1/users/import", "application/xml", "<users/>"), 415, "unsupported-media-type");
        assertProblem(
                api.putText("/api/v1/manual-devices", "application/json", "{\"devices\":[]}"),
                415,
                "unsupported-media-type");
        assertProblem(api.get("/api/v1/integrations/not-an-integration"), 404, "integration-not-found");
        assertProblem(api.get("/api/v1/integrations/%E2%98%83-not-an-id/runs"), 404, "integration-not-found");
        assertField(api.get("/api/v1/audit?limit=many"), "limit");
        assertField(api.get("/api/v1/inspector/devices?size=-1"), "size");
        assertField(api.get("/api/v1/presence/u?from=yesterday"), "from");
        assertProblem(api.get("/api/v1/no-such-route"), 404, "route-not-found");
        assertProblem(api.send(api.request("/api/v1/users").DELETE().build()), 405, "method-not-allowed");
        assertProblem(
                api.send(api.request("/api/v1/users")
                        .header("X-Padding", "x".repeat(20_000))
                        .GET()
                        .build()),
                431,
                "headers-too-large");
        assertProblem(api.get("/api/v1/integrations/%00%2F..%2F/runs"), 400, "bad-request");

        assertEquals(before, counts());
        api.assertReady();
        AdminApi.Answer lookup = api.get("/api/v1/lookups/mac/A4-83-E7-11-22-33");
        assertEquals(200, lookup.status(), lookup.body());
        assertEquals("ann@acme.com", lookup.json().path("email").asText(), lookup.body());
        AdminApi.Answer batch = post("/api/v1/wifi/observations", wifiBatch(3));
        assertEquals(3, batch.json().path("accepted").asInt(), batch.body());
    }

    private AdminApi.Answer post(String path, String json) throws Exception {
        return api.postText(path, "application/json", json);
    }

    /** What the organization holds, as the API lists it. */
    private Map<String, Integer> counts() throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("users", api.get("/api/v1/users").json().path("users").size());
        counts.put(
                "manual devices",
                api.get("/api/v1/manual-devices").json().path("devices").size());
        counts.put(
                "integrations",
                api.get("/api/v1/integrations").json().path("integrations").size());
        counts.put("tokens", api.get("/api/v1/tokens").json().path("tokens").size());
        counts.put(
                "WiFi clients",
                api.get("/api/v1/inspector/summary").json().path("wifiClients").asInt());
        return counts;
    }

    private static void assertField(AdminApi.Answer answer, String field) {
        JsonNode problem = assertProblem(answer, 400, "invalid-field");
        assertEquals(field, problem.path("problems").path(0).path("field").asText(), answer.body());
    }

    /** An entry of a WiFi batch the API cannot read is rejected at its index, naming the field; nothing stored. */
    private static void assertEntryRejected(AdminApi.Answer answer, String field) {
        assertEquals(200, answer.status(), answer.body());
        JsonNode rejected = answer.json().path("rejected");
        assertEquals(0, answer.json().path("accepted").asInt(), answer.body());
        assertEquals(0, rejected.path(0).path("index").asInt(-1), answer.body());
        assertTrue(rejected.path(0).path("reason").asText().contains(field), answer.body());
    }

    private static JsonNode assertProblem(AdminApi.Answer answer, int status, String code) {
        assertEquals(status, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.contentType());
        JsonNode problem = answer.json();
        assertEquals(status, problem.path("status").asInt(), answer.body());
        assertEquals(code, problem.path("code").asText(), answer.body());
        assertEquals("urn:pult:problem:" + code, problem.path("type").asText(), answer.body());
        assertFalse(problem.path("title").asText().isBlank(), answer.body());
        assertFalse(problem.path("detail").asText().isBlank(), answer.body());
        assertFalse(answer.body().contains("Exception"), answer.body());
        assertFalse(answer.body().contains("\tat "), answer.body());
        return problem;
    }

    /** A JSON object of exactly {@code bytes} bytes. */
    private static String json(int bytes) {
        char[] filler = new char[bytes - "{\"name\":\"\"}".length()];
        Arrays.fill(filler, 'x');
        String body = "{\"name\":\"" + new String(filler) + "\"}";
        assertEquals(bytes, body.getBytes(StandardCharsets.UTF_8).length);
        return body;
    }

    /** A WiFi batch of {@code size} observations of distinct MACs, seen now. */
    private static String wifiBatch(int size) {
        String now = Instant.now().toString();
        StringBuilder json = new StringBuilder("{\"controllerNow\":\"" + now + "\",\"observations\":[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            "{\"mac\":\"a4:83:e8:%02x:%02x:%02x\",\"seenAt\":\"%s\"}",
                            (i >> 16) & 0xff, (i >> 8) & 0xff, i & 0xff, now));
        }
        return json.append("]}").toString();
    }
}
