package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small helpers around {@link HttpExchange}: query parsing and JSON responses. */
final class HttpIo {
    private HttpIo() {}

    /** Decoded query parameters; the last occurrence of a repeated name wins, like Django's {@code request.GET.get}. */
    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.put(k, v);
        }
        return out;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Reads the whole request body. */
    static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            return in.readAllBytes();
        }
    }

    /** Sends a JSON node. */
    static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        send(ex, status, Json.bytes(body));
    }

    /** Sends JSON bytes with {@code application/json}; the exchange is closed by the caller. */
    static void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** A {@code {"detail": ...}} body, the Django REST framework error shape. */
    static JsonNode detail(String message) {
        return Json.object().put("detail", message);
    }
}
