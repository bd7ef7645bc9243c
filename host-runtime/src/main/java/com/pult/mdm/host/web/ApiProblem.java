package com.pult.mdm.host.web;

import java.util.List;
import java.util.Map;

/**
 * A request the API refuses, carried to the edge where it becomes an RFC 9457 problem details answer. The code is
 * stable for programs; the detail is a sentence a person can act on.
 */
final class ApiProblem extends Exception {

    private final int status;
    private final String code;
    private final String title;
    private final transient Map<String, Object> extensions;

    ApiProblem(int status, String code, String title, String detail) {
        this(status, code, title, detail, Map.of());
    }

    ApiProblem(int status, String code, String title, String detail, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.extensions = Map.copyOf(extensions);
    }

    /** A field of the request is missing, of the wrong type or out of bounds. */
    static ApiProblem invalidField(String field, String detail) {
        return new ApiProblem(
                400,
                "invalid-field",
                "A field of the request is invalid",
                detail,
                Map.of("problems", List.of(Map.of("field", field, "message", detail))));
    }

    /** The organization of the token has no such thing; the same answer whether it exists elsewhere or not. */
    static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(404, code, "Not found", detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    String title() {
        return title;
    }

    Map<String, Object> extensions() {
        return extensions;
    }
}
