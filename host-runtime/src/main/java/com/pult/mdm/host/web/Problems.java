package com.pult.mdm.host.web;

import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.sync.IntegrationException;
import com.pult.mdm.host.users.RejectedRowsException;
import com.pult.mdm.spi.ValidationResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Turns every failure into one problem details answer (RFC 9457): the host's exceptions by their meaning, anything
 * unexpected as a 500 whose detail says where to look, never with a stack trace.
 */
final class Problems {

    /** The prefix of every problem type; the code follows it. docs/API.md lists the codes. */
    static final String TYPE_PREFIX = "urn:pult:problem:";

    private Problems() {}

    static ApiProblem from(Exception e, Logger logger) {
        if (e instanceof ApiProblem problem) {
            return problem;
        }
        if (e instanceof IntegrationException integration) {
            return integration(integration);
        }
        if (e instanceof RejectedRowsException rejected) {
            return rejectedRows(rejected);
        }
        if (e instanceof StoreException) {
            logger.warn("Failed to reach the database: {}", e.getMessage());
            return new ApiProblem(503, "storage-unavailable", "Storage unavailable", e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new ApiProblem(400, "invalid-request", "The request is invalid", e.getMessage());
        }
        logger.warn("Failed to answer a request: {}", String.valueOf(e));
        logger.debug("The failure's stack trace", e);
        return new ApiProblem(
                500,
                "internal-error",
                "Internal error",
                "The host failed to answer this request; its log (data/logs/host.log) says why.");
    }

    static ApiProblem integration(IntegrationException e) {
        return switch (e.code()) {
            case NOT_FOUND -> ApiProblem.notFound("integration-not-found", e.getMessage());
            case UNKNOWN_ORGANIZATION -> ApiProblem.notFound("unknown-organization", e.getMessage());
            case PROVIDER_NOT_INSTALLED -> conflict("provider-not-installed", e);
            case PROVIDER_DISABLED -> conflict("provider-disabled", e);
            case INVALID_FIELD -> invalidField(e);
            case VALIDATION_FAILED -> validationFailed(e);
            case NOT_ALLOWED_IN_STATE -> conflict("not-allowed-in-state", e);
            case ALREADY_RUNNING -> conflict("already-running", e);
            case STORAGE -> new ApiProblem(503, "storage-unavailable", "Storage unavailable", e.getMessage());
        };
    }

    /** A field the host or the provider refused before asking the vendor; the field is named when known. */
    private static ApiProblem invalidField(IntegrationException e) {
        if (e.problems().isEmpty()) {
            return new ApiProblem(400, "invalid-field", "A field of the request is invalid", e.getMessage());
        }
        return new ApiProblem(
                400,
                "invalid-field",
                "A field of the request is invalid",
                e.getMessage(),
                Map.of(
                        "problems",
                        e.problems().stream().map(Problems::validationProblem).toList()));
    }

    private static ApiProblem conflict(String code, IntegrationException e) {
        return new ApiProblem(409, code, "Not possible now", e.getMessage());
    }

    /**
     * The vendor refused the credentials, or could not be reached to check them: each of the provider's problems
     * with its field and permission.
     */
    private static ApiProblem validationFailed(IntegrationException e) {
        List<Map<String, Object>> problems =
                e.problems().stream().map(Problems::validationProblem).toList();
        return new ApiProblem(
                422,
                "validation-failed",
                "The credentials could not be validated",
                e.getMessage(),
                Map.of("problems", problems));
    }

    private static Map<String, Object> validationProblem(ValidationResult.Problem problem) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("code", problem.code().name());
        view.put("field", problem.field());
        view.put("permission", problem.permission());
        view.put("message", problem.message());
        return view;
    }

    /** Every bad row with its line number, so the admin fixes the file in one go. */
    private static ApiProblem rejectedRows(RejectedRowsException e) {
        List<Map<String, Object>> rows = e.problems().stream()
                .map(row -> Map.<String, Object>of("line", row.line(), "reason", row.reason()))
                .toList();
        return new ApiProblem(
                422,
                "rejected-rows",
                "Rows were rejected",
                rows.size() + " row(s) are invalid and nothing was saved; fix them and send the whole input again.",
                Map.of("rows", rows));
    }

    /** No route for the path (404), or none for the method (405). */
    static ApiProblem routing(int status, String method, String path) {
        if (status == 405) {
            return new ApiProblem(
                    405,
                    "method-not-allowed",
                    "Method not allowed",
                    method + " is not allowed on " + path + "; see /api/v1/openapi.json for the methods it takes.");
        }
        return new ApiProblem(
                404,
                "route-not-found",
                "No such route",
                "There is no route " + path + "; the API is under /api/v1, described in /api/v1/openapi.json.");
    }

    /** A status Javalin raised itself. */
    static ApiProblem routingOr(int status, String message) {
        if (status == 413) {
            return new ApiProblem(413, "payload-too-large", "Request body too large", message);
        }
        return new ApiProblem(status, "http-" + status, "Request failed", message);
    }

    /** The problem details object: the standard members, the code, and any extension members. */
    static Map<String, Object> body(ApiProblem problem, String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_PREFIX + problem.code());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        body.put("instance", instance);
        body.put("code", problem.code());
        body.putAll(problem.extensions());
        return body;
    }
}
