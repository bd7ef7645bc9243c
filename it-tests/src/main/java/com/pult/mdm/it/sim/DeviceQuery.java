package com.pult.mdm.it.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The list endpoint's query semantics: DRF limit/offset paging (max 300, invalid values fall back to the defaults),
 * DRF ordering (unknown fields silently ignored, {@code -} for descending, comma-combined, device_id as the final
 * tie-break so pages are stable) and the filters a sync uses.
 */
final class DeviceQuery {
    static final int MAX_LIMIT = 300;

    private DeviceQuery() {}

    /** {@code limit}: default and cap 300; zero, negative or non-numeric values mean the default, as in DRF. */
    static int limit(String raw) {
        int value = positiveInt(raw, MAX_LIMIT);
        return value <= 0 ? MAX_LIMIT : Math.min(value, MAX_LIMIT);
    }

    /** {@code offset}: 0-based; negative or non-numeric values mean 0. */
    static int offset(String raw) {
        return Math.max(0, positiveInt(raw, 0));
    }

    private static int positiveInt(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The snapshot's devices in the requested order, cached per snapshot. */
    static List<SimDevice> ordered(Fleet.Snapshot snap, String ordering) {
        String key = ordering == null || ordering.isBlank() ? "device_id" : ordering.trim();
        if ("device_id".equals(key)) {
            return snap.byId();
        }
        return snap.ordered(key, k -> sort(snap.byId(), comparator(k)));
    }

    private static List<SimDevice> sort(List<SimDevice> devices, Comparator<SimDevice> cmp) {
        List<SimDevice> copy = new ArrayList<>(devices);
        copy.sort(cmp);
        return List.copyOf(copy);
    }

    static Comparator<SimDevice> comparator(String ordering) {
        Comparator<SimDevice> cmp = null;
        for (String part : ordering.split(",")) {
            Comparator<SimDevice> one = field(part.trim());
            if (one != null) {
                cmp = cmp == null ? one : cmp.thenComparing(one);
            }
        }
        Comparator<SimDevice> byId = Comparator.comparing(SimDevice::deviceId);
        return cmp == null ? byId : cmp.thenComparing(byId);
    }

    private static Comparator<SimDevice> field(String part) {
        boolean desc = part.startsWith("-");
        Comparator<SimDevice> c = base(desc ? part.substring(1) : part);
        return c == null || !desc ? c : c.reversed();
    }

    /** Never-checked-in devices sort last ascending and first descending, like NULLs in PostgreSQL. */
    private static Comparator<SimDevice> base(String name) {
        switch (name) {
            case "device_id":
                return Comparator.comparing(SimDevice::deviceId);
            case "serial_number":
                return Comparator.comparing(SimDevice::serialNumber);
            case "device_name":
                return Comparator.comparing(SimDevice::deviceName);
            case "platform":
                return Comparator.comparing(d -> d.platform().wireName());
            case "model":
                return Comparator.comparing(SimDevice::model);
            case "last_check_in":
                return Comparator.comparing(
                        (SimDevice d) -> d.lastCheckIn().orElse(null),
                        Comparator.nullsLast(Comparator.<Instant>naturalOrder()));
            default:
                return null;
        }
    }

    /**
     * Filters: {@code platform} exact; {@code serial_number}, {@code user_email} case-insensitive substring;
     * {@code user_email_exact} whole e-mail, case-insensitive (Note: Kandji does not document the case rule; it
     * matters only for clients that look devices up by a differently-cased e-mail); {@code device_id} exact.
     * Note: the other documented filters ({@code mac_address}, {@code user_id}, {@code tag_*}, {@code model}, ...)
     * are ignored, i.e. they return the unfiltered list; add them when a client starts sending them.
     */
    static List<SimDevice> filter(List<SimDevice> devices, Map<String, String> params) {
        Predicate<SimDevice> p = d -> true;
        String platform = params.get("platform");
        if (platform != null) {
            p = p.and(d -> d.platform().wireName().equals(platform));
        }
        String serial = lower(params.get("serial_number"));
        if (serial != null) {
            p = p.and(d -> d.serialNumber().toLowerCase(Locale.ROOT).contains(serial));
        }
        p = p.and(emailFilter(params));
        String id = params.get("device_id");
        if (id != null) {
            p = p.and(d -> d.deviceId().equals(id));
        }
        List<SimDevice> out = new ArrayList<>();
        for (SimDevice d : devices) {
            if (p.test(d)) {
                out.add(d);
            }
        }
        return out;
    }

    private static Predicate<SimDevice> emailFilter(Map<String, String> params) {
        String exact = lower(params.get("user_email_exact"));
        String contains = lower(params.get("user_email"));
        return d -> {
            String email = d.user().map(u -> u.email().toLowerCase(Locale.ROOT)).orElse(null);
            boolean okExact = exact == null || exact.equals(email);
            return okExact && (contains == null || (email != null && email.contains(contains)));
        };
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Whether any filter parameter is present (so the unfiltered hot path can skip filtering). */
    static boolean hasFilters(Map<String, String> params) {
        for (String k : List.of("platform", "serial_number", "user_email", "user_email_exact", "device_id")) {
            if (params.containsKey(k)) {
                return true;
            }
        }
        return false;
    }
}
