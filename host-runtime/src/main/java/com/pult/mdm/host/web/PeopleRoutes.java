package com.pult.mdm.host.web;

import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.users.PultUsers;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Map;

/** The organization's Pult users (import as JSON or CSV, list, delete) and its manual device list. */
final class PeopleRoutes {

    private final HostServices services;

    PeopleRoutes(HostServices services) {
        this.services = services;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/users", Access.ORGANIZATION, this::users),
                Route.post("/api/v1/users/import", Access.ORGANIZATION, this::importUsers)
                        .withBodyLimit(Route.LARGE_BODY),
                Route.delete("/api/v1/users/{email}", Access.ORGANIZATION, this::deleteUser),
                Route.get("/api/v1/manual-devices", Access.ORGANIZATION, this::manualDevices),
                Route.post("/api/v1/manual-devices", Access.ORGANIZATION, this::saveManualDevices)
                        .withMethod(HandlerType.PUT));
    }

    private Reply users(Call call) throws Exception {
        return Reply.ok(Map.of(
                "users",
                services.users().list(call.orgId()).stream().map(Views::user).toList()));
    }

    /** JSON or CSV by the content type; every bad row is answered at once and nothing is saved then. */
    private Reply importUsers(Call call) throws Exception {
        PultUsers users = services.users();
        PultUsers.ImportSummary summary = switch (call.mediaType()) {
            case "application/json" -> users.importJson(call.orgId(), call.text());
            case "text/csv" -> users.importCsv(call.orgId(), call.text());
            default -> throw unsupported(call, "application/json or text/csv");
        };
        return Reply.ok(Map.of("created", summary.created(), "updated", summary.updated()));
    }

    private Reply deleteUser(Call call) throws Exception {
        String email = call.path("email");
        if (email.length() > 254) {
            throw ApiProblem.invalidField("email", "An email address has at most 254 characters.");
        }
        if (!services.users().delete(call.orgId(), email)) {
            throw ApiProblem.notFound("user-not-found", "No user '" + email + "' in this organization.");
        }
        return Reply.noContent();
    }

    private Reply manualDevices(Call call) throws Exception {
        return Reply.ok(Map.of(
                "devices",
                services.manualDevices().list(call.orgId()).stream()
                        .map(Views::manualDevice)
                        .toList()));
    }

    /** The pasted list as text, one {@code email, mac} per line; it replaces the whole list. */
    private Reply saveManualDevices(Call call) throws Exception {
        if (!call.mediaType().equals("text/plain") && !call.mediaType().equals("text/csv")) {
            throw unsupported(call, "text/plain or text/csv");
        }
        int count = services.manualDevices().save(call.orgId(), call.text());
        return Reply.ok(Map.of("devices", count));
    }

    static ApiProblem unsupported(Call call, String expected) {
        String sent = call.mediaType().isEmpty() ? "no content type" : "'" + call.mediaType() + "'";
        return new ApiProblem(
                415,
                "unsupported-media-type",
                "Unsupported content type",
                "This request takes " + expected + ", not " + sent + "; set the Content-Type header.");
    }
}
