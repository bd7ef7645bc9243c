package com.pult.mdm.host.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.TestServices;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.plugin.ProviderRegistry;
import com.pult.mdm.host.plugin.TestRegistry;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.sync.FakeVendors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The web server around real host services on H2 in a temporary directory, with the fake vendor deployed as
 * provider {@code fake}, two organizations ({@code acme}, {@code globex}) and a token for each, plus a host-admin
 * token of {@code acme}. Requests go over real HTTP.
 */
final class ApiFixture implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    final Path dataDir;
    final ProviderRegistry registry = new ProviderRegistry();
    final HostServices services;
    final WebServer server;
    final HttpClient http = HttpClient.newHttpClient();
    final IssuedToken acme;
    final IssuedToken globex;
    final IssuedToken admin;

    ApiFixture(Path home) throws Exception {
        HostConfig config = HostConfig.defaults(home).withHttpPort(0);
        dataDir = config.dataDir();
        TestRegistry.add(registry, FakeVendors.withDevices(3));
        services = TestServices.start(config, registry);
        services.organizations()
                .save(new Organization("acme", "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.AUTO_APPROVE));
        services.organizations()
                .save(new Organization("globex", "Globex", ZoneId.of("UTC"), Organization.AuthPolicy.PRESELECT));
        acme = services.apiTokens().create("acme", "acme-admin", false);
        globex = services.apiTokens().create("globex", "globex-admin", false);
        admin = services.apiTokens().create("acme", "operator", true);
        server = WebServer.start(services, registry, "127.0.0.1", 0);
    }

    /** A request with a token (null for none), a content type and a body (null for none). */
    HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, IssuedToken token) throws Exception {
        return send("GET", path, token.secret(), null, null);
    }

    HttpResponse<String> postJson(String path, IssuedToken token, String json) throws Exception {
        return send("POST", path, token.secret(), "application/json", json);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    /** Asserts the response is a problem of this status and code, and returns the problem. */
    static JsonNode problem(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response::body);
        JsonNode problem = json(response);
        assertEquals(code, problem.get("code").asText(), response::body);
        return problem;
    }

    /** Creates the fake vendor's integration for acme and returns its id. */
    String createIntegration() throws Exception {
        return createIntegration("Fake");
    }

    /** Creates the fake vendor's integration for acme with this name and returns its id. */
    String createIntegration(String name) throws Exception {
        HttpResponse<String> created = postJson(
                "/api/v1/integrations",
                acme,
                "{\"provider\":\"fake\",\"name\":\"" + name + "\",\"fields\":{\"url\":\"https://fake\",\"token\":\""
                        + FakeVendors.GOOD_TOKEN + "\"},\"intervalMinutes\":60}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("create failed: " + created.body());
        }
        return json(created).get("id").asText();
    }

    @Override
    public void close() {
        server.close();
        services.close();
    }
}
