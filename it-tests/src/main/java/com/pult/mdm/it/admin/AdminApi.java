package com.pult.mdm.it.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The host's admin REST API (docs/API.md) as an admin's script reaches it: JSON over HTTP with one organization's
 * bearer token. Every answer comes back with its status; {@link Answer#expect(int)} turns an unexpected one into a
 * one-line {@link AdminApiException} built from the problem details the host sends. The demo drives the host with
 * it, and the fault tests send it malformed requests too.
 */
public final class AdminApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String baseUrl;
    private final String token;

    /**
     * @param baseUrl the host's address, such as {@code http://127.0.0.1:8080}
     * @param token an API token of the organization
     */
    public AdminApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * @param port the admin API's port on 127.0.0.1
     * @param token an API token of the organization
     */
    public AdminApi(int port, String token) {
        this("http://127.0.0.1:" + port, token);
    }

    public Answer get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Posts {@code body} written as JSON; {@code null} sends no body. */
    public Answer post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        return send(request(path)
                .POST(publisher)
                .header("Content-Type", "application/json")
                .build());
    }

    /** Posts text, such as CSV or a JSON document as it is, with its content type. */
    public Answer postText(String path, String contentType, String text) throws IOException, InterruptedException {
        return send(request(path)
                .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .header("Content-Type", contentType)
                .build());
    }

    /** Puts text, such as a manual device list, with its content type. */
    public Answer putText(String path, String contentType, String text) throws IOException, InterruptedException {
        return send(request(path)
                .PUT(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                .header("Content-Type", contentType)
                .build());
    }

    /** A request to {@code path} with the token, for a caller that sets its own method, headers and body. */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
    }

    /** Sends a request built from {@link #request(String)}; a host that cannot be reached is an exception. */
    public Answer send(HttpRequest request) throws IOException, InterruptedException {
        String what = request.method() + " " + request.uri().toString().substring(baseUrl.length());
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AdminApiException(
                    what + " did not reach the host at " + baseUrl + " (" + why + "); see its log.");
        }
        return new Answer(
                what,
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body(),
                parse(response.body()));
    }

    /**
     * Checks the public readiness check ({@code GET /health/ready}, sent without the token) answers {@code 200
     * {"status":"ready"}}.
     *
     * @throws AssertionError when it answers anything else
     */
    public void assertReady() throws IOException, InterruptedException {
        Answer ready = send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                .timeout(REQUEST_TIMEOUT)
                .GET()
                .build());
        if (ready.status() != 200 || !ready.json().path("status").asText().equals("ready")) {
            throw new AssertionError("GET /health/ready answered " + ready.status() + " " + ready.body());
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * One answer of the API.
     *
     * @param request the method and path, for messages
     * @param status the HTTP status
     * @param contentType the {@code Content-Type} header; empty when there is none
     * @param body the body as sent
     * @param json the body read as JSON; a missing node when it is empty or not JSON
     */
    public record Answer(String request, int status, String contentType, String body, JsonNode json) {

        /** The JSON body when the status is {@code expected}; otherwise the problem the host described. */
        public JsonNode expect(int expected) throws AdminApiException {
            if (status != expected) {
                throw new AdminApiException(request + " answered " + status + " " + problem());
            }
            return json;
        }

        /** The problem's code and detail, for example {@code validation-failed: The token was rejected.} */
        public String problem() {
            String code = json.path("code").asText("");
            String detail = json.path("detail").asText("");
            if (code.isEmpty() && detail.isEmpty()) {
                return "(no problem details)";
            }
            return code + ": " + detail;
        }
    }
}
