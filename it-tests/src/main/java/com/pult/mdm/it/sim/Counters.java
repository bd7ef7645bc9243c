package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Request counters of the API endpoints (the control endpoint is not counted). Thread-safe. */
public final class Counters {
    private final Map<EndpointKind, LongAdder> byKind = new EnumMap<>(EndpointKind.class);
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final LongAdder rateLimited = new LongAdder();

    Counters() {
        for (EndpointKind k : EndpointKind.values()) {
            byKind.put(k, new LongAdder());
        }
    }

    void request(EndpointKind kind) {
        byKind.get(kind).increment();
    }

    void status(int status) {
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 429) {
            rateLimited.increment();
        }
    }

    /** Requests received for the endpoint kind. */
    public long requests(EndpointKind kind) {
        return byKind.get(kind).sum();
    }

    /** All API requests received. */
    public long totalRequests() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Responses sent with the status (dropped connections count as status 0). */
    public long responses(int status) {
        LongAdder a = byStatus.get(status);
        return a == null ? 0 : a.sum();
    }

    /** 429 responses sent. */
    public long rateLimited() {
        return rateLimited.sum();
    }

    /** Sets every counter to zero. */
    public void reset() {
        byKind.values().forEach(LongAdder::reset);
        byStatus.clear();
        rateLimited.reset();
    }

    /** The counters as JSON. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        ObjectNode r = n.putObject("requests");
        byKind.forEach((k, v) -> r.put(k.key(), v.sum()));
        n.put("total", totalRequests());
        ObjectNode s = n.putObject("statuses");
        new TreeMap<>(byStatus).forEach((k, v) -> s.put(String.valueOf(k), v.sum()));
        n.put("rate_limited", rateLimited());
        return n;
    }
}
