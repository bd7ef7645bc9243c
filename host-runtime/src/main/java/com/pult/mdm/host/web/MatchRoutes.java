package com.pult.mdm.host.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.host.HostServices;
import com.pult.mdm.host.match.AuthRequest;
import com.pult.mdm.host.match.AuthResult;
import com.pult.mdm.host.match.UserMatch;
import com.pult.mdm.host.presence.BatchResult;
import com.pult.mdm.host.presence.DeviceRow;
import com.pult.mdm.host.presence.Page;
import com.pult.mdm.host.presence.Rejection;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lookups with their traces, device authentication, WiFi observation batches, presence per user per day, and the
 * WiFi inspector: everything that answers "whose device is this?".
 */
final class MatchRoutes {

    private static final int MAX_OBSERVATIONS = 50_000;
    private static final int TEXT = 255;
    private static final Set<String> OBSERVATION_FIELDS =
            Set.of("mac", "ip", "ssid", "accessPoint", "seenAt", "username");

    private final HostServices services;
    private final ApiMetrics metrics;

    MatchRoutes(HostServices services, ApiMetrics metrics) {
        this.services = services;
        this.metrics = metrics;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/v1/lookups/serial/{serial}", Access.ORGANIZATION, this::bySerial),
                Route.get("/api/v1/lookups/mac/{mac}", Access.ORGANIZATION, this::byMac),
                Route.get("/api/v1/lookups/ip/{ip}", Access.ORGANIZATION, this::byIp),
                Route.post("/api/v1/device-authentications", Access.ORGANIZATION, this::authenticate),
                Route.post("/api/v1/wifi/observations", Access.ORGANIZATION, this::observations)
                        .withBodyLimit(Route.LARGE_BODY),
                Route.get("/api/v1/presence/{userId}", Access.ORGANIZATION, this::presence),
                Route.get("/api/v1/inspector/summary", Access.ORGANIZATION, this::summary),
                Route.get("/api/v1/inspector/devices", Access.ORGANIZATION, this::devices));
    }

    private Reply bySerial(Call call) throws Exception {
        return lookup("serial", services.matches().bySerial(call.orgId(), pathKey(call, "serial")));
    }

    private Reply byMac(Call call) throws Exception {
        return lookup("mac", services.matches().byMac(call.orgId(), pathKey(call, "mac")));
    }

    /** By IP at {@code at} (ISO-8601), or now: an MDM's IP binding only counts while it is fresh. */
    private Reply byIp(Call call) throws Exception {
        Instant at = instant(call, "at");
        return lookup("ip", services.matches().byIp(call.orgId(), pathKey(call, "ip"), at));
    }

    private Reply lookup(String kind, UserMatch match) {
        metrics.lookup(kind, match.resolved());
        return Reply.ok(Views.match(match));
    }

    /** The desktop agent's enrolment; the source IP is the caller's address unless the body names it. */
    private Reply authenticate(Call call) throws Exception {
        Input input = call.input().allowOnly(Set.of("serial", "hostname", "osUsername", "sourceIp"));
        AuthRequest request = new AuthRequest(
                input.requiredText("serial", 100),
                input.optionalText("hostname", TEXT).orElse(""),
                input.optionalText("osUsername", TEXT).orElse(""),
                input.optionalText("sourceIp", 64).orElse(call.remoteAddress()));
        AuthResult result = services.authentication().authenticate(call.orgId(), request);
        metrics.lookup("auth", result.user().isPresent());
        return Reply.ok(Views.authentication(result));
    }

    /** One controller poll; bad observations are answered by index and the rest are stored. */
    /**
     * A controller's poll. An entry the API cannot read (not an object, an unknown field, a value of the wrong type
     * or too long) is rejected at its index with what is wrong, like an entry the host cannot use; only a problem
     * with the batch itself refuses the whole request.
     */
    private Reply observations(Call call) throws Exception {
        Input input = call.input().allowOnly(Set.of("controllerNow", "observations"));
        String controllerNow = input.optionalText("controllerNow", 64).orElse(null);
        JsonNode items = input.requiredArray("observations", MAX_OBSERVATIONS);
        List<WifiObservation> observations = new ArrayList<>(items.size());
        Map<Integer, String> unreadable = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                observations.add(observation(items.get(i), "observations[" + i + "]"));
            } catch (ApiProblem problem) {
                observations.add(null);
                unreadable.put(i, problem.getMessage());
            }
        }
        BatchResult result = services.presence().record(call.orgId(), new WifiBatch(observations, controllerNow));
        if (!unreadable.isEmpty()) {
            result = new BatchResult(
                    result.accepted(),
                    result.attributed(),
                    result.rejected().stream()
                            .map(rejection -> new Rejection(
                                    rejection.index(), unreadable.getOrDefault(rejection.index(), rejection.reason())))
                            .toList(),
                    result.attributions());
        }
        metrics.wifiBatch(result.accepted(), result.rejected().size());
        return Reply.ok(Views.batch(result));
    }

    private static WifiObservation observation(JsonNode item, String name) throws ApiProblem {
        if (!item.isObject()) {
            throw ApiProblem.invalidField(name, "'" + name + "' must be an object.");
        }
        new Input(item).allowOnly(OBSERVATION_FIELDS);
        return new WifiObservation(
                Input.text(item, "mac", name + ".mac", 64).orElse(null),
                Input.text(item, "ip", name + ".ip", 64).orElse(null),
                Input.text(item, "ssid", name + ".ssid", TEXT).orElse(null),
                Input.text(item, "accessPoint", name + ".accessPoint", TEXT).orElse(null),
                Input.text(item, "seenAt", name + ".seenAt", 64).orElse(null),
                Input.text(item, "username", name + ".username", TEXT).orElse(null));
    }

    /** Days {@code from} to {@code to} (both included, at most a year), by default the last 7 days. */
    private Reply presence(Call call) throws Exception {
        LocalDate to = date(call, "to", LocalDate.now());
        LocalDate from = date(call, "from", to.minusDays(6));
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > 366) {
            throw ApiProblem.invalidField("from", "'from' must be on or before 'to', at most 366 days earlier.");
        }
        String userId = pathKey(call, "userId");
        return Reply.ok(Map.of(
                "userId",
                userId,
                "days",
                services.presence().presence(call.orgId(), userId, from, to).stream()
                        .map(Views::presenceDay)
                        .toList()));
    }

    private Reply summary(Call call) throws Exception {
        return Reply.ok(Views.summary(services.inspector().summary(call.orgId())));
    }

    /** The device table: {@code q} searches email, serial or MAC; {@code page} is 0-based. */
    private Reply devices(Call call) throws Exception {
        String query = call.query("q") == null ? "" : call.query("q");
        if (query.length() > 254) {
            throw ApiProblem.invalidField("q", "'q' has at most 254 characters.");
        }
        int page = call.queryInt("page", 0, 0, 1_000_000);
        int size = call.queryInt("size", 50, 1, 500);
        Page<DeviceRow> rows = services.inspector().devices(call.orgId(), query, page, size);
        return Reply.ok(Map.of(
                "items", rows.items().stream().map(Views::deviceRow).toList(),
                "page", rows.page(),
                "size", rows.size(),
                "total", rows.total()));
    }

    private static String pathKey(Call call, String name) throws ApiProblem {
        String value = call.path(name);
        if (value.isBlank() || value.length() > 100) {
            throw ApiProblem.invalidField(name, "'" + name + "' must be 1 to 100 characters.");
        }
        return value;
    }

    private static Instant instant(Call call, String name) throws ApiProblem {
        String text = call.query(name);
        if (text == null || text.isBlank()) {
            return Instant.now();
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    name,
                    "'" + name + "' must be an ISO-8601 UTC time such as " + "2024-07-08T15:00:00Z, not '" + text
                            + "'.");
        }
    }

    private static LocalDate date(Call call, String name, LocalDate fallback) throws ApiProblem {
        String text = call.query(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.invalidField(
                    name, "'" + name + "' must be a date such as 2024-07-08, not '" + text + "'.");
        }
    }
}
