package com.pult.mdm.it.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /_sim/} control endpoint: JSON in, JSON out. It is not rate limited nor counted. When a control token is
 * configured, requests must send it in {@code X-Sim-Control-Token}. Every call maps to the Java API of
 * {@link KandjiSimulator}, so HTTP and in-process tests drive the same code.
 */
final class ControlHandler implements HttpHandler {
    static final String TOKEN_HEADER = "X-Sim-Control-Token";
    private final Logger log = LoggerFactory.getLogger(ControlHandler.class);
    private final KandjiSimulator sim;
    private final Map<String, Action> routes;

    /** One control operation. */
    @FunctionalInterface
    private interface Action {
        JsonNode run(JsonNode in);
    }

    ControlHandler(KandjiSimulator sim) {
        this.sim = sim;
        this.routes = Map.ofEntries(
                Map.entry(
                        "GET /_sim/health",
                        in -> Json.object().put("status", "ok").put("base_url", sim.baseUrl())),
                Map.entry("GET /_sim/counters", in -> sim.counters().toJson()),
                Map.entry("POST /_sim/counters/reset", this::resetCounters),
                Map.entry("GET /_sim/fleet", in -> fleetSummary()),
                Map.entry(
                        "GET /_sim/fleet/devices",
                        in -> FleetFixtures.write(sim.fleet().devices())),
                Map.entry("POST /_sim/fleet/add", this::addDevices),
                Map.entry("POST /_sim/fleet/remove", this::removeDevices),
                Map.entry("POST /_sim/fleet/check-in", this::checkIn),
                Map.entry("POST /_sim/fleet/user", this::changeUser),
                Map.entry("POST /_sim/fleet/archive-user", this::archiveUser),
                Map.entry("POST /_sim/fleet/mdm", this::setMdm),
                Map.entry("GET /_sim/faults", in -> sim.faults().toJson()),
                Map.entry("POST /_sim/faults", this::setFaults),
                Map.entry("POST /_sim/faults/clear", this::clearFaults),
                Map.entry(
                        "GET /_sim/tokens",
                        in -> Json.MAPPER.valueToTree(sim.tokens().describe())),
                Map.entry("POST /_sim/tokens", this::addToken),
                Map.entry("POST /_sim/tokens/revoke", this::revokeToken),
                Map.entry("GET /_sim/rate-limit", in -> rateLimitJson()),
                Map.entry("POST /_sim/rate-limit", this::setRateLimit),
                Map.entry("POST /_sim/rate-limit/reset", this::resetRateLimit));
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            String expected = sim.config().controlToken();
            if (expected != null && !expected.equals(ex.getRequestHeaders().getFirst(TOKEN_HEADER))) {
                HttpIo.send(ex, 401, error("missing or wrong " + TOKEN_HEADER));
                return;
            }
            String path = ex.getRequestURI().getPath().replaceAll("/+$", "");
            Action action = routes.get(ex.getRequestMethod() + " " + path);
            if (action == null) {
                HttpIo.send(ex, 404, error("no control route " + ex.getRequestMethod() + " " + path));
                return;
            }
            run(ex, action);
        } finally {
            ex.close();
        }
    }

    private void run(HttpExchange ex, Action action) throws IOException {
        JsonNode in;
        try {
            in = Json.parse(HttpIo.body(ex));
        } catch (JsonProcessingException e) {
            HttpIo.send(ex, 400, error("request body is not JSON: " + e.getOriginalMessage()));
            return;
        }
        try {
            HttpIo.send(ex, 200, action.run(in));
        } catch (IllegalArgumentException e) {
            HttpIo.send(ex, 400, error(e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Control call {} failed", ex.getRequestURI(), e);
            HttpIo.send(ex, 500, error(e.toString()));
        }
    }

    private static JsonNode error(String message) {
        return Json.object().put("error", message);
    }

    private JsonNode resetCounters(JsonNode in) {
        sim.counters().reset();
        return sim.counters().toJson();
    }

    private JsonNode fleetSummary() {
        ObjectNode n = sim.fleet().summary().toJson();
        n.put("version", sim.fleet().version());
        return n;
    }

    private JsonNode addDevices(JsonNode in) {
        List<SimDevice> added = sim.fleet().addDevices(requiredInt(in, "count"));
        ArrayNode ids = Json.MAPPER.createArrayNode();
        added.forEach(d -> ids.add(d.deviceId()));
        ObjectNode out = Json.object();
        out.set("added", ids);
        return out;
    }

    private JsonNode removeDevices(JsonNode in) {
        return Json.object().put("removed", sim.fleet().remove(ids(in)));
    }

    private JsonNode checkIn(JsonNode in) {
        List<String> ids;
        if (in.has("percent")) {
            ids = sim.fleet().checkInPercent(in.path("percent").asDouble());
        } else {
            ids = ids(in);
            sim.fleet().checkIn(ids);
        }
        ObjectNode out = Json.object().put("checked_in", ids.size());
        out.set("device_ids", Json.MAPPER.valueToTree(ids));
        return out;
    }

    private JsonNode changeUser(JsonNode in) {
        String id = requiredText(in, "device_id");
        JsonNode email = in.path("email");
        String name = in.hasNonNull("name") ? in.get("name").asText() : null;
        boolean changed = sim.fleet().changeUser(id, email.isTextual() ? email.asText() : null, name);
        return Json.object().put("changed", changed);
    }

    private JsonNode archiveUser(JsonNode in) {
        int n = sim.fleet()
                .setUserArchived(requiredText(in, "email"), in.path("archived").asBoolean(true));
        return Json.object().put("changed", n);
    }

    private JsonNode setMdm(JsonNode in) {
        return Json.object()
                .put(
                        "changed",
                        sim.fleet().setMdmEnabled(ids(in), in.path("enabled").asBoolean(false)));
    }

    /** Applies every fault present in the body; absent keys leave the fault as it is. */
    private JsonNode setFaults(JsonNode in) {
        Faults f = sim.faults();
        if (in.has("latency_ms")) {
            f.latency(Duration.ofMillis(in.get("latency_ms").asLong()));
        }
        JsonNode e = in.path("errors");
        if (e.isObject()) {
            f.failNext(kind(e), e.path("count").asInt(1), e.path("status").asInt(503));
        }
        JsonNode t = in.path("timeouts");
        if (t.isObject()) {
            Faults.TimeoutAction action = Faults.TimeoutAction.valueOf(
                    t.path("action").asText("respond").toUpperCase(Locale.ROOT));
            f.timeoutNext(
                    kind(t),
                    t.path("count").asInt(1),
                    Duration.ofMillis(t.path("hold_ms").asLong(5000)),
                    action);
        }
        JsonNode m = in.path("malformed");
        if (m.isObject()) {
            f.malformNext(kind(m), m.path("count").asInt(1));
        }
        setSwitches(f, in);
        setStorms(f, in);
        return f.toJson();
    }

    private static void setSwitches(Faults f, JsonNode in) {
        if (in.has("repeat_first_page")) {
            f.repeatFirstPage(in.get("repeat_first_page").asBoolean());
        }
        if (in.has("vanish_after_first_page")) {
            f.vanishAfterFirstPage(in.get("vanish_after_first_page").asInt());
        }
        if (in.has("check_ins_per_list_page")) {
            f.checkInsPerListPage(in.get("check_ins_per_list_page").asInt());
        }
    }

    private static void setStorms(Faults f, JsonNode in) {
        JsonNode storm = in.path("error_storm");
        if (storm.isArray()) {
            int[] statuses = new int[storm.size()];
            for (int i = 0; i < statuses.length; i++) {
                statuses[i] = storm.get(i).asInt();
            }
            f.errorStorm(statuses);
        } else if (!storm.isMissingNode()) {
            throw new IllegalArgumentException("error_storm must be an array of statuses, [] to stop it");
        }
        if (in.has("rate_limit_storm_retry_after")) {
            f.rateLimitStorm(requiredInt(in, "rate_limit_storm_retry_after"));
        }
    }

    private JsonNode clearFaults(JsonNode in) {
        sim.faults().clear();
        return sim.faults().toJson();
    }

    private JsonNode addToken(JsonNode in) {
        Set<Permission> perms = EnumSet.noneOf(Permission.class);
        in.path("permissions").forEach(p -> perms.add(Permission.valueOf(p.asText())));
        if (in.has("permissions") && perms.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one permission; omit the key for all");
        }
        sim.tokens().add(requiredText(in, "token"), perms);
        return Json.MAPPER.valueToTree(sim.tokens().describe());
    }

    private JsonNode revokeToken(JsonNode in) {
        String token = requiredText(in, "token");
        if (in.has("after_requests")) {
            int requests = requiredInt(in, "after_requests");
            return Json.object()
                    .put("revoked", sim.tokens().revokeAfter(token, requests))
                    .put("after_requests", requests);
        }
        Instant at = in.has("at")
                ? Instant.parse(in.get("at").asText())
                : sim.clock().instant();
        if (in.has("in_ms")) {
            at = sim.clock().instant().plusMillis(in.get("in_ms").asLong());
        }
        return Json.object().put("revoked", sim.tokens().revokeAt(token, at)).put("from", at.toString());
    }

    private JsonNode rateLimitJson() {
        RateLimitConfig c = sim.rateLimiter().config();
        return Json.object()
                .put("enabled", c.enabled())
                .put("per_hour", c.perHour())
                .put("per_second", c.perSecond())
                .put("retry_after", c.sendRetryAfter());
    }

    private JsonNode setRateLimit(JsonNode in) {
        RateLimitConfig c = sim.rateLimiter().config();
        sim.rateLimiter()
                .configure(new RateLimitConfig(
                        in.path("enabled").asBoolean(c.enabled()),
                        in.path("per_hour").asInt(c.perHour()),
                        in.path("per_second").asInt(c.perSecond()),
                        in.path("retry_after").asBoolean(c.sendRetryAfter())));
        return rateLimitJson();
    }

    private JsonNode resetRateLimit(JsonNode in) {
        sim.rateLimiter().reset();
        return rateLimitJson();
    }

    private static EndpointKind kind(JsonNode in) {
        return EndpointKind.parse(in.path("endpoint").asText("list"));
    }

    private static List<String> ids(JsonNode in) {
        JsonNode arr = in.path("device_ids");
        if (!arr.isArray()) {
            throw new IllegalArgumentException("device_ids must be an array of device ids");
        }
        List<String> ids = new ArrayList<>();
        arr.forEach(n -> ids.add(n.asText()));
        return ids;
    }

    private static int requiredInt(JsonNode in, String key) {
        if (!in.path(key).canConvertToInt()) {
            throw new IllegalArgumentException(key + " (an integer) is required");
        }
        return in.get(key).asInt();
    }

    private static String requiredText(JsonNode in, String key) {
        if (!in.path(key).isTextual()) {
            throw new IllegalArgumentException(key + " (a string) is required");
        }
        return in.get(key).asText();
    }
}
