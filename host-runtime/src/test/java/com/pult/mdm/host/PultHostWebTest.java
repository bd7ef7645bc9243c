package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.web.IssuedToken;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real host, with the plugin framework, serves the admin API from start to stop. */
class PultHostWebTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path root;

    @Test
    void adminApiStartsAndStopsWithTheHost() throws Exception {
        PultHost host = new PultHost(RunningHost.config(root, Duration.ofMillis(200)));
        host.start();
        int port = host.httpPort();
        try {
            host.services()
                    .organizations()
                    .save(new Organization("acme", "Acme", ZoneId.of("UTC"), Organization.AuthPolicy.AUTO_APPROVE));
            IssuedToken token = host.services().apiTokens().create("acme", "test", false);

            assertTrue(port > 0);
            assertEquals(200, get(port, "/health/ready", null).statusCode());
            assertEquals(401, get(port, "/api/v1/providers", null).statusCode());
            assertEquals(200, get(port, "/api/v1/providers", token.secret()).statusCode());
        } finally {
            host.stop();
        }
        assertThrows(ConnectException.class, () -> get(port, "/health/live", null));
    }

    @Test
    void aTakenPortIsAConfigurationErrorAndTheHostDoesNotStart() throws Exception {
        PultHost first = new PultHost(RunningHost.config(root.resolve("a"), Duration.ofMillis(200)));
        first.start();
        try {
            HostConfig clash = RunningHost.config(root.resolve("b"), Duration.ofMillis(200))
                    .withHttpPort(first.httpPort());
            PultHost second = new PultHost(clash);

            ConfigException e = assertThrows(ConfigException.class, second::start);

            assertTrue(e.getMessage().contains("http.port"), e.getMessage());
            assertTrue(!second.isRunning());
        } finally {
            first.stop();
        }
    }

    private HttpResponse<String> get(int port, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
