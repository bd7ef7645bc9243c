package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults injected on demand. Counted faults ("the next N requests of an endpoint") are consumed one per request in
 * arrival order; switches (latency, storms, repeating page, churn) stay until changed. All methods are thread-safe.
 */
public final class Faults {
    private final Logger log = LoggerFactory.getLogger(Faults.class);
    private final Map<EndpointKind, Deque<Integer>> errors = new EnumMap<>(EndpointKind.class);
    private final Map<EndpointKind, Deque<Timeout>> timeouts = new EnumMap<>(EndpointKind.class);
    private final Map<EndpointKind, Integer> malformed = new EnumMap<>(EndpointKind.class);
    private long latencyMillis;
    private boolean repeatFirstPage;
    private int vanishAfterFirstPage;
    private int checkInsPerListPage;
    private List<Integer> errorStorm = List.of();
    private int errorStormNext;
    private int rateLimitStormSeconds;

    /** What a held request does once the hold is over. */
    public enum TimeoutAction {
        /** Answer normally, late: the client has usually given up by then. */
        RESPOND,
        /** Close the connection without any response. */
        DROP
    }

    /**
     * One timeout fault.
     *
     * @param hold how long the request is held (set it above the client's read timeout)
     * @param action what happens after the hold
     */
    public record Timeout(Duration hold, TimeoutAction action) {}

    /** Adds latency to every API request (0 turns it off). */
    public synchronized void latency(Duration perRequest) {
        latencyMillis = perRequest.toMillis();
        log.info("Fault: latency {} ms per request", latencyMillis);
    }

    /** The next {@code count} requests of the endpoint answer {@code status} (500, 502 or 503). */
    public synchronized void failNext(EndpointKind kind, int count, int status) {
        serverError(status);
        Deque<Integer> q = errors.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            q.add(status);
        }
        log.info("Fault: next {} {} requests answer {}", count, kind.key(), status);
    }

    /**
     * While on, every API request of any endpoint answers one of {@code statuses} (500, 502, 503 or 504), taking
     * them in turn; no statuses turns the storm off. Counted bursts ({@link #failNext}) are served first.
     */
    public synchronized void errorStorm(int... statuses) {
        List<Integer> storm = new ArrayList<>();
        for (int status : statuses) {
            storm.add(serverError(status));
        }
        errorStorm = List.copyOf(storm);
        errorStormNext = 0;
        log.info("Fault: error storm {}", storm.isEmpty() ? "off" : storm);
    }

    /**
     * While on, every API request answers {@code 429 {"message":"API rate limit exceeded"}} with
     * {@code Retry-After: retryAfterSeconds}, as Kong does when the tenant's quota is spent by another client; 0 turns
     * the storm off.
     */
    public synchronized void rateLimitStorm(int retryAfterSeconds) {
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException(
                    "Retry-After is 0 (storm off) or more seconds, not " + retryAfterSeconds);
        }
        rateLimitStormSeconds = retryAfterSeconds;
        log.info("Fault: 429 storm {}", retryAfterSeconds == 0 ? "off" : "with Retry-After " + retryAfterSeconds);
    }

    /** The next {@code count} requests of the endpoint are held for {@code hold}, then answered or dropped. */
    public synchronized void timeoutNext(EndpointKind kind, int count, Duration hold, TimeoutAction action) {
        Deque<Timeout> q = timeouts.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            q.add(new Timeout(hold, action));
        }
        log.info("Fault: next {} {} requests held {} ms then {}", count, kind.key(), hold.toMillis(), action);
    }

    /** The next {@code count} successful responses of the endpoint carry a truncated, unparseable JSON body. */
    public synchronized void malformNext(EndpointKind kind, int count) {
        malformed.merge(kind, count, Integer::sum);
        log.info("Fault: next {} {} bodies malformed", count, kind.key());
    }

    /** While on, the device list ignores {@code offset} and always returns the first page. */
    public synchronized void repeatFirstPage(boolean on) {
        repeatFirstPage = on;
        log.info("Fault: repeat first page {}", on);
    }

    /**
     * Once: after the next first list page ({@code offset=0}) is served, its first {@code count} devices are removed
     * from the fleet, so a client walking by offset skips {@code count} devices it never saw.
     */
    public synchronized void vanishAfterFirstPage(int count) {
        vanishAfterFirstPage = count;
        log.info("Fault: {} devices vanish after the first list page", count);
    }

    /** After every list page served, {@code count} random devices check in (last_check_in and IP move). */
    public synchronized void checkInsPerListPage(int count) {
        checkInsPerListPage = count;
        log.info("Fault: {} check-ins after every list page", count);
    }

    /** Removes every fault. */
    public synchronized void clear() {
        errors.clear();
        timeouts.clear();
        malformed.clear();
        latencyMillis = 0;
        repeatFirstPage = false;
        vanishAfterFirstPage = 0;
        checkInsPerListPage = 0;
        errorStorm = List.of();
        errorStormNext = 0;
        rateLimitStormSeconds = 0;
        log.info("Faults cleared");
    }

    private static int serverError(int status) {
        if (!Set.of(500, 502, 503, 504).contains(status)) {
            throw new IllegalArgumentException("server errors are 500, 502, 503 or 504, not " + status);
        }
        return status;
    }

    synchronized long latencyMillis() {
        return latencyMillis;
    }

    /** A counted burst's status first, else the storm's next one, else nothing. */
    synchronized OptionalInt takeError(EndpointKind kind) {
        Integer status = errors.getOrDefault(kind, new ArrayDeque<>()).poll();
        if (status != null) {
            return OptionalInt.of(status);
        }
        if (errorStorm.isEmpty()) {
            return OptionalInt.empty();
        }
        int stormStatus = errorStorm.get(errorStormNext % errorStorm.size());
        errorStormNext++;
        return OptionalInt.of(stormStatus);
    }

    /** The Retry-After of the 429 storm in seconds; 0 while there is none. */
    synchronized int rateLimitStormSeconds() {
        return rateLimitStormSeconds;
    }

    synchronized Optional<Timeout> takeTimeout(EndpointKind kind) {
        return Optional.ofNullable(
                timeouts.getOrDefault(kind, new ArrayDeque<>()).poll());
    }

    synchronized boolean takeMalformed(EndpointKind kind) {
        int left = malformed.getOrDefault(kind, 0);
        if (left <= 0) {
            return false;
        }
        malformed.put(kind, left - 1);
        return true;
    }

    synchronized boolean repeatFirstPage() {
        return repeatFirstPage;
    }

    /** Returns the pending vanish count and disarms it. */
    synchronized int takeVanish() {
        int k = vanishAfterFirstPage;
        vanishAfterFirstPage = 0;
        return k;
    }

    synchronized int checkInsPerListPage() {
        return checkInsPerListPage;
    }

    /** The pending faults as JSON. */
    public synchronized ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("latency_ms", latencyMillis);
        ObjectNode e = n.putObject("errors");
        errors.forEach((k, q) -> e.put(k.key(), q.size()));
        ObjectNode t = n.putObject("timeouts");
        timeouts.forEach((k, q) -> t.put(k.key(), q.size()));
        ObjectNode m = n.putObject("malformed");
        malformed.forEach((k, v) -> m.put(k.key(), v));
        n.put("repeat_first_page", repeatFirstPage);
        n.put("vanish_after_first_page", vanishAfterFirstPage);
        n.put("check_ins_per_list_page", checkInsPerListPage);
        ArrayNode storm = n.putArray("error_storm");
        errorStorm.forEach(storm::add);
        n.put("rate_limit_storm_retry_after", rateLimitStormSeconds);
        return n;
    }
}
