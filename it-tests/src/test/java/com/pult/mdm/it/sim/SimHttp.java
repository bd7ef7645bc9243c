package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A tiny java.net.http client for the tests: API GETs with a bearer token and control POSTs. */
final class SimHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final String baseUrl;

    SimHttp(KandjiSimulator sim) {
        this.baseUrl = sim.baseUrl();
    }

    /** GET with a bearer token (null: no Authorization header) and a 10 s timeout. */
    HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
        return get(pathAndQuery, token, Duration.ofSeconds(10));
    }

    HttpResponse<String> get(String pathAndQuery, String token, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(timeout)
                .GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.header("Accept", "application/json");
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** GET that must answer 200 with JSON; returns the parsed body. */
    JsonNode getJson(String pathAndQuery, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = get(pathAndQuery, token);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }

    /** POST JSON to a control route; returns status and body. */
    HttpResponse<String> control(String path, String json, String controlToken)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json");
        if (controlToken != null) {
            b.header(ControlHandler.TOKEN_HEADER, controlToken);
        }
        b.method(
                json == null ? "GET" : "POST",
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Control call that must succeed; returns the parsed body. */
    JsonNode controlJson(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = control(path, json, null);
        if (r.statusCode() != 200) {
            throw new AssertionError(path + " -> " + r.statusCode() + " " + r.body());
        }
        return Json.MAPPER.readTree(r.body());
    }
}
