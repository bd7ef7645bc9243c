package com.pult.mdm.host.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * One authenticated request as a route sees it: the token (and so the organization), the path and query, and the
 * body, already read within the route's limit.
 */
final class Call {

    private final Context context;
    private final ApiToken token;
    private final byte[] body;
    private final ObjectMapper json;

    Call(Context context, ApiToken token, byte[] body, ObjectMapper json) {
        this.context = context;
        this.token = token;
        this.body = body;
        this.json = json;
    }

    /** The organization every org-scoped route works on: the token's, never one named in the URL or body. */
    String orgId() {
        return token.orgId();
    }

    ApiToken token() {
        return token;
    }

    String path(String name) {
        return context.pathParam(name);
    }

    Map<String, String> pathParams() {
        return context.pathParamMap();
    }

    /** A query parameter, or null. */
    String query(String name) {
        return context.queryParam(name);
    }

    /** A whole-number query parameter within bounds, or the fallback when absent. */
    int queryInt(String name, int fallback, int min, int max) throws ApiProblem {
        String text = query(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // Reported below like a number out of range.
        }
        throw ApiProblem.invalidField(
                name, "'" + name + "' must be a whole number from " + min + " to " + max + ", not '" + text + "'.");
    }

    String remoteAddress() {
        return context.ip();
    }

    /** The media type of the body, lower case and without parameters; empty when none was sent. */
    String mediaType() {
        String type = context.contentType();
        if (type == null) {
            return "";
        }
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object with its fields checked by the caller. */
    Input input() throws ApiProblem {
        if (body.length == 0) {
            throw new ApiProblem(400, "bad-json", "The body is not valid JSON", "The request needs a JSON body.");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "bad-json", "The body is not valid JSON", badJson(e));
        } catch (java.io.IOException e) {
            throw new ApiProblem(400, "bad-json", "The body is not valid JSON", "The body could not be read.");
        }
        if (node == null || !node.isObject()) {
            throw new ApiProblem(400, "bad-json", "The body is not valid JSON", "The body must be a JSON object.");
        }
        return new Input(node);
    }

    private static String badJson(JsonProcessingException e) {
        String where = e.getLocation() == null
                ? ""
                : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
        return "The body is not valid JSON" + where + ": " + e.getOriginalMessage() + ".";
    }
}
