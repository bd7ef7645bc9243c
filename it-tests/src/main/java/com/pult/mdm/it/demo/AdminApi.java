package com.pult.mdm.it.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The host's admin REST API (docs/API.md) as an admin's script reaches it: JSON over HTTP with a bearer token.
 * Every answer comes back with its status; {@link Answer#expect(int)} turns an unexpected one into a one-line
 * {@link AdminApiException} built from the problem details the host sends.
 */
final class AdminApi {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String baseUrl;
    private final String token;

    /**
     * @param baseUrl the host's address, such as {@code http://127.0.0.1:8080}
     * @param token an API token of the organization
     */
    AdminApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, HttpRequest.newBuilder().GET());
    }

    /** Posts {@code body} as JSON; {@code null} sends no body. */
    Answer post(String path, Object body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body));
        return send("POST", path, HttpRequest.newBuilder().POST(publisher).header("Content-Type", "application/json"));
    }

    /** Posts text such as CSV with its content type. */
    Answer postText(String path, String contentType, String text) throws IOException, InterruptedException {
        return send(
                "POST",
                path,
                HttpRequest.newBuilder()
                        .POST(HttpRequest.BodyPublishers.ofString(text))
                        .header("Content-Type", contentType));
    }

    private Answer send(String method, String path, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(
                    request.uri(URI.create(baseUrl + path))
                            .timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new AdminApiException(
                    method + " " + path + " did not reach the host at " + baseUrl + " (" + why + "); see its log.");
        }
        return new Answer(method + " " + path, response.statusCode(), parse(response.body()));
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            return MissingNode.getInstance();
        }
    }

    /**
     * One answer of the API.
     *
     * @param request the method and path, for messages
     * @param status the HTTP status
     * @param body the JSON body; a missing node when there is none
     */
    record Answer(String request, int status, JsonNode body) {

        /** The body when the status is {@code expected}; otherwise the problem the host described. */
        JsonNode expect(int expected) throws AdminApiException {
            if (status != expected) {
                throw new AdminApiException(request + " answered " + status + " " + problem());
            }
            return body;
        }

        /** The problem's code and detail, for example {@code validation-failed: The token was rejected.} */
        String problem() {
            String code = body.path("code").asText("");
            String detail = body.path("detail").asText("");
            if (code.isEmpty() && detail.isEmpty()) {
                return "(no problem details)";
            }
            return code + ": " + detail;
        }
    }
}
