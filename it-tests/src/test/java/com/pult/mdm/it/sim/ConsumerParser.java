package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A lenient consumer of Kandji bodies, written the way a sync plugin must read them (user object / "" / null,
 * "True"/"False" strings, four timestamp forms, per-platform MAC and serial paths). The tests run it on the bundled
 * samples and on the simulator's bodies: both must parse the same way.
 */
final class ConsumerParser {
    private ConsumerParser() {}

    /** What a sync needs from a list/get row. */
    record Row(
            String deviceId,
            String name,
            String serial,
            String platform,
            String userEmail,
            Boolean userArchived,
            boolean mdmEnabled,
            Instant lastCheckIn,
            Instant firstEnrollment) {}

    /** What a sync needs from details. */
    record Details(String deviceId, String serial, String mac, String ip, String assignedEmail, Boolean mdmEnabled) {}

    static Row row(JsonNode n) {
        JsonNode user = n.path("user");
        return new Row(
                text(n, "device_id"),
                text(n, "device_name"),
                text(n, "serial_number"),
                text(n, "platform"),
                user.isObject() ? text(user, "email") : null,
                user.isObject() ? user.path("is_archived").asBoolean() : null,
                requireBoolean(n.path("mdm_enabled")),
                time(n.path("last_check_in").asText("")),
                time(n.path("first_enrollment").asText("")));
    }

    static Details details(JsonNode n) {
        JsonNode g = n.path("general");
        JsonNode user = g.path("assigned_user");
        String serial = first(
                n.path("hardware_overview").path("serial_number"),
                n.path("hardware_overview").path("smbios_serial_number"),
                g.path("serial_number"));
        String mac =
                first(n.path("network").path("mac_address"), n.path("hardware").path("wifi_mac_address"));
        String ip =
                first(n.path("network").path("ip_address"), n.path("network").path("wifi_ipv4_address"));
        JsonNode mdm = n.path("mdm").path("mdm_enabled");
        return new Details(
                text(g, "device_id"),
                serial,
                mac,
                ip,
                user.isObject() ? text(user, "email") : null,
                mdm.isMissingNode() ? null : pyBool(mdm.asText()));
    }

    /** The four spellings: {@code T..Z}, {@code T..+00:00}, {@code space..+00:00}, {@code space.. +0000}. */
    static Instant time(String s) {
        if (s.isEmpty()) {
            return null;
        }
        String iso = s.replaceFirst(" ", "T").replace(" +0000", "+00:00");
        return OffsetDateTime.parse(iso).toInstant();
    }

    static boolean pyBool(String s) {
        if ("True".equals(s)) {
            return true;
        }
        if ("False".equals(s)) {
            return false;
        }
        throw new IllegalArgumentException("not a Python boolean string: " + s);
    }

    private static boolean requireBoolean(JsonNode n) {
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("row mdm_enabled must be a JSON boolean: " + n);
        }
        return n.booleanValue();
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException(key + " must be a string in " + n);
        }
        return v.asText();
    }

    private static String first(JsonNode... candidates) {
        for (JsonNode c : candidates) {
            if (c.isTextual() && !c.asText().isEmpty()) {
                return c.asText();
            }
        }
        return null;
    }
}
