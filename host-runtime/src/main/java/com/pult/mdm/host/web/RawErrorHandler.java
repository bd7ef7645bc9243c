package com.pult.mdm.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before any route runs (headers over the size limit, a URI it cannot decode)
 * with the same problem details as every other failure, instead of Jetty's HTML error page.
 */
final class RawErrorHandler extends ErrorHandler {

    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback)
            throws IOException {
        ApiProblem problem = problem(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, WebServer.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(body(problem, request)), callback);
    }

    private static ApiProblem problem(int status) {
        return switch (status) {
            case 431 ->
                new ApiProblem(
                        431,
                        "headers-too-large",
                        "Request headers too large",
                        "The request's headers are over 8 KiB; send only the headers the API needs.");
            case 400 ->
                new ApiProblem(
                        400,
                        "bad-request",
                        "Malformed request",
                        "The request could not be read as HTTP (for example a path with characters that are not"
                                + " allowed); check how the client encodes the URL.");
            default -> Problems.routingOr(status, "The request failed before reaching the API (HTTP " + status + ").");
        };
    }

    private byte[] body(ApiProblem problem, Request request) throws JsonProcessingException {
        String path = request.getHttpURI() == null ? "" : request.getHttpURI().getPath();
        return json.writeValueAsBytes(Problems.body(problem, path == null ? "" : path));
    }
}
