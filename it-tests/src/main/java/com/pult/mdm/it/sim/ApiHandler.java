package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/v1/devices...}. The pipeline mirrors the real stack: the Kong gateway first (rate limit,
 * gateway errors, latency), then the Django application (token and permission, then the endpoint).
 *
 * <p>Note: {@code /devices/{id}/apps}, {@code /parameters}, {@code /users}, Prism and {@code PATCH} are not simulated
 * (they answer 404/405); that matters only once the plugin reads them.
 */
final class ApiHandler implements HttpHandler {
    private static final String PREFIX = "/api/v1/devices";
    private static final byte[] EMPTY_ARRAY = {'[', ']'};
    private final Logger log = LoggerFactory.getLogger(ApiHandler.class);
    private final KandjiSimulator sim;

    ApiHandler(KandjiSimulator sim) {
        this.sim = sim;
    }

    /** A parsed request target. */
    private record Route(EndpointKind kind, String deviceId) {}

    /** A response waiting to be sent. */
    private record Reply(int status, byte[] body) {}

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try {
            serve(ex);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.close();
        } catch (RuntimeException e) {
            log.warn("Request {} failed inside the simulator", ex.getRequestURI(), e);
            finish(ex, new Reply(500, Json.bytes(HttpIo.detail("A server error occurred."))));
        } finally {
            ex.close();
        }
    }

    private void serve(HttpExchange ex) throws IOException, InterruptedException {
        Route route = route(ex.getRequestURI().getPath());
        sim.counters().request(route.kind());
        if (!rateLimit(ex)) {
            return;
        }
        int stormRetryAfter = sim.faults().rateLimitStormSeconds();
        if (stormRetryAfter > 0) {
            ex.getResponseHeaders().set("Retry-After", String.valueOf(stormRetryAfter));
            finish(ex, rateLimited());
            return;
        }
        long latency = sim.faults().latencyMillis();
        if (latency > 0) {
            Thread.sleep(latency);
        }
        if (!holdIfTimedOut(ex, route.kind())) {
            return;
        }
        OptionalInt burst = sim.faults().takeError(route.kind());
        if (burst.isPresent()) {
            finish(ex, gatewayError(burst.getAsInt()));
            return;
        }
        finish(ex, malform(route.kind(), application(ex, route)));
    }

    private static Route route(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (p.equals(PREFIX)) {
            return new Route(EndpointKind.LIST, null);
        }
        if (!p.startsWith(PREFIX + "/")) {
            return new Route(EndpointKind.OTHER, null);
        }
        String[] parts = p.substring(PREFIX.length() + 1).split("/");
        if (parts.length == 1) {
            return new Route(EndpointKind.GET, parts[0]);
        }
        if (parts.length == 2 && parts[1].equals("details")) {
            return new Route(EndpointKind.DETAILS, parts[0]);
        }
        return new Route(EndpointKind.OTHER, null);
    }

    /** Kong answers 429 before the request reaches the application; every response carries the window headers. */
    private boolean rateLimit(HttpExchange ex) throws IOException {
        RateLimitConfig config = sim.rateLimiter().config();
        if (!config.enabled()) {
            return true;
        }
        RateLimiter.Outcome o = sim.rateLimiter().acquire();
        Headers h = ex.getResponseHeaders();
        h.set("x-ratelimit-limit-hour", String.valueOf(config.perHour()));
        h.set("x-ratelimit-remaining-hour", String.valueOf(o.remainingHour()));
        h.set("x-ratelimit-limit-second", String.valueOf(config.perSecond()));
        h.set("x-ratelimit-remaining-second", String.valueOf(o.remainingSecond()));
        boolean hourTighter = o.remainingHour() < o.remainingSecond();
        h.set("ratelimit-limit", String.valueOf(hourTighter ? config.perHour() : config.perSecond()));
        h.set("ratelimit-remaining", String.valueOf(Math.min(o.remainingHour(), o.remainingSecond())));
        h.set("ratelimit-reset", String.valueOf(o.resetSeconds()));
        if (o.allowed()) {
            return true;
        }
        if (config.sendRetryAfter()) {
            h.set("Retry-After", String.valueOf(o.resetSeconds()));
        }
        finish(ex, rateLimited());
        return false;
    }

    private static Reply rateLimited() {
        return new Reply(429, Json.bytes(Json.object().put("message", "API rate limit exceeded")));
    }

    /** Returns false when the request was dropped (connection closed with no response). */
    private boolean holdIfTimedOut(HttpExchange ex, EndpointKind kind) throws InterruptedException {
        Optional<Faults.Timeout> timeout = sim.faults().takeTimeout(kind);
        if (timeout.isEmpty()) {
            return true;
        }
        Thread.sleep(timeout.get().hold().toMillis());
        if (timeout.get().action() == Faults.TimeoutAction.RESPOND) {
            return true;
        }
        sim.counters().status(0);
        ex.close(); // before any response header: the JDK server closes the connection
        return false;
    }

    /** Kong's gateway bodies for upstream failures; Django's DRF-style body for a plain 500. */
    private static Reply gatewayError(int status) {
        JsonNode body;
        switch (status) {
            case 502:
                body = Json.object().put("message", "An invalid response was received from the upstream server");
                break;
            case 503:
                body = Json.object().put("message", "The upstream server is currently unavailable");
                break;
            case 504:
                body = Json.object().put("message", "The upstream server is timing out");
                break;
            default:
                body = HttpIo.detail("A server error occurred.");
        }
        return new Reply(status, Json.bytes(body));
    }

    private Reply application(HttpExchange ex, Route route) {
        if (!"GET".equals(ex.getRequestMethod())) {
            String msg = "Method \"" + ex.getRequestMethod() + "\" not allowed.";
            return new Reply(405, Json.bytes(HttpIo.detail(msg)));
        }
        if (route.kind() == EndpointKind.OTHER) {
            return notFound();
        }
        TokenRegistry.Decision decision =
                sim.tokens().check(bearer(ex), route.kind().permission());
        if (decision == TokenRegistry.Decision.INVALID) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"api\"");
            return new Reply(401, Json.bytes(HttpIo.detail("Invalid token.")));
        }
        if (decision == TokenRegistry.Decision.FORBIDDEN) {
            return new Reply(403, Json.bytes(HttpIo.detail("You do not have permission to perform this action.")));
        }
        return endpoint(ex, route);
    }

    private Reply endpoint(HttpExchange ex, Route route) {
        if (route.kind() == EndpointKind.LIST) {
            return list(ex);
        }
        Optional<SimDevice> device = sim.fleet().find(route.deviceId());
        if (device.isEmpty()) {
            return notFound();
        }
        if (route.kind() == EndpointKind.GET) {
            return new Reply(200, KandjiRenderer.rowBytes(device.get()));
        }
        return new Reply(200, KandjiRenderer.detailsBytes(device.get()));
    }

    private static Reply notFound() {
        return new Reply(404, Json.bytes(HttpIo.detail("Not found.")));
    }

    private static String bearer(HttpExchange ex) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return auth.substring(7).trim();
    }

    private Reply list(HttpExchange ex) {
        Map<String, String> params = HttpIo.query(ex);
        int limit = DeviceQuery.limit(params.get("limit"));
        int offset = sim.faults().repeatFirstPage() ? 0 : DeviceQuery.offset(params.get("offset"));
        List<SimDevice> rows = DeviceQuery.ordered(sim.fleet().snapshot(), params.get("ordering"));
        if (DeviceQuery.hasFilters(params)) {
            rows = DeviceQuery.filter(rows, params);
        }
        List<SimDevice> page =
                offset >= rows.size() ? List.of() : rows.subList(offset, Math.min(rows.size(), offset + limit));
        Headers h = ex.getResponseHeaders();
        h.set("x-total-count", String.valueOf(rows.size()));
        h.set("x-total-pages", String.valueOf((rows.size() + limit - 1) / limit));
        byte[] body = page.isEmpty() ? EMPTY_ARRAY : concat(page);
        afterListPage(offset, page);
        return new Reply(200, body);
    }

    /** Joins cached row bytes into a JSON array; much cheaper than re-serializing 300 rows per page. */
    private static byte[] concat(List<SimDevice> page) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(page.size() * 900);
        out.write('[');
        for (int i = 0; i < page.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(KandjiRenderer.rowBytes(page.get(i)));
        }
        out.write(']');
        return out.toByteArray();
    }

    /** Fleet changes that happen "between pages": devices vanishing after page one, background check-ins. */
    private void afterListPage(int offset, List<SimDevice> page) {
        if (offset == 0) {
            int vanish = sim.faults().takeVanish();
            if (vanish > 0) {
                List<String> ids = new ArrayList<>();
                page.stream().limit(vanish).forEach(d -> ids.add(d.deviceId()));
                sim.fleet().remove(ids);
            }
        }
        int churn = sim.faults().checkInsPerListPage();
        if (churn > 0) {
            List<SimDevice> all = sim.fleet().devices();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < churn && !all.isEmpty(); i++) {
                ids.add(all.get(sim.fleet().randomIndex(all.size())).deviceId());
            }
            sim.fleet().checkIn(ids);
        }
    }

    /** A truncated body: cut mid-document so no JSON parser accepts it. */
    private Reply malform(EndpointKind kind, Reply reply) {
        if (reply.status() != 200 || !sim.faults().takeMalformed(kind)) {
            return reply;
        }
        byte[] body = reply.body();
        return new Reply(200, Arrays.copyOf(body, Math.max(1, body.length / 2)));
    }

    private void finish(HttpExchange ex, Reply reply) throws IOException {
        sim.counters().status(reply.status());
        ex.getResponseHeaders().set("Allow", "GET");
        ex.getResponseHeaders().set("Via", "kong/3.2.2 (simulated)");
        HttpIo.send(ex, reply.status(), reply.body());
        if (log.isDebugEnabled()) {
            log.debug("{} {} -> {}", ex.getRequestMethod(), ex.getRequestURI(), reply.status());
        }
    }
}
