package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes fleet fixtures.
 *
 * <p>A fixture is a JSON array of device rows exactly as {@code GET /api/v1/devices} returns them (a captured list
 * response works as is), or an object {@code {"devices": [...]}}. Because rows carry no MAC or IP, each row may add a
 * simulator-only {@code "_sim"} object: {@code mac_address} (null for none), {@code ip_address},
 * {@code model_identifier}, {@code hardware_id}, {@code local_user}, {@code erased}. Without it, a MAC and IP are
 * generated (seeded by the row's device_id) for platforms whose details carry one.
 */
public final class FleetFixtures {
    private static final String SIM = "_sim";

    private FleetFixtures() {}

    /** Reads a fixture file. */
    public static List<SimDevice> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(Json.MAPPER.readTree(in));
        }
    }

    /** Reads a fixture from the classpath, e.g. {@code kandji-samples/official-docs/list_devices_mac.json}. */
    public static List<SimDevice> readResource(String resource) throws IOException {
        try (InputStream in = FleetFixtures.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no such resource " + resource);
            }
            return read(Json.MAPPER.readTree(in));
        }
    }

    /** Reads a parsed fixture. */
    public static List<SimDevice> read(JsonNode root) {
        JsonNode rows = root.isArray() ? root : root.path("devices");
        if (!rows.isArray()) {
            throw new IllegalArgumentException("a fixture is an array of device rows or {\"devices\": [...]}");
        }
        List<SimDevice> out = new ArrayList<>();
        rows.forEach(row -> out.add(device(row)));
        return out;
    }

    private static SimDevice device(JsonNode row) {
        String id = row.path("device_id").asText("");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("fixture row without device_id: " + row);
        }
        Platform platform = Platform.fromWire(row.path("platform").asText("Mac"));
        Instant seen = time(row.path("last_check_in").asText(""));
        Instant first = orElse(time(row.path("first_enrollment").asText("")), seen);
        SimDevice d = new SimDevice(id)
                .platform(platform)
                .deviceName(row.path("device_name").asText(""))
                .model(row.path("model").asText(""))
                .serialNumber(row.path("serial_number").asText(""))
                .osVersion(row.path("os_version").asText(""))
                .buildVersion(row.path("supplemental_build_version").asText(""))
                .lastCheckIn(seen)
                .offsetCheckInStyle(row.path("last_check_in").asText("").endsWith("+00:00"))
                .user(user(row.path("user")))
                .assetTag(row.path("asset_tag").asText(""))
                .blueprint(
                        row.path("blueprint_id").asText(""),
                        row.path("blueprint_name").asText(""))
                .mdmEnabled(row.path("mdm_enabled").asBoolean(true))
                .agent(
                        row.path("agent_installed").asBoolean(false),
                        row.path("agent_version").asText(""))
                .missing(row.path("is_missing").asBoolean(false))
                .enrollments(first, orElse(time(row.path("last_enrollment").asText("")), first))
                .tags(tags(row.path("tags")));
        applySim(d, row.path(SIM));
        return d;
    }

    private static void applySim(SimDevice d, JsonNode sim) {
        FleetGenerator seeded = new FleetGenerator(d.deviceId().hashCode());
        boolean hasNetwork = d.platform() != Platform.WINDOWS && d.platform() != Platform.APPLE_TV;
        JsonNode mac = sim.get("mac_address");
        d.macAddress(mac == null ? (hasNetwork ? seeded.mac() : null) : mac.isNull() ? null : mac.asText());
        d.ipAddress(sim.has("ip_address") ? sim.path("ip_address").asText("") : seeded.ip());
        d.modelIdentifier(sim.path("model_identifier").asText(""));
        d.hardwareId(sim.path("hardware_id").asText(seeded.uuid().toUpperCase(Locale.ROOT)));
        d.localUser(sim.path("local_user").asText(""));
        d.erased(sim.path("erased").asBoolean(false));
    }

    private static SimUser user(JsonNode u) {
        if (!u.isObject()) {
            return null; // "" or null: unassigned
        }
        JsonNode id = u.path("id");
        Integer legacy = id.isIntegralNumber() ? id.intValue() : null;
        return new SimUser(
                id.asText(""),
                legacy,
                u.path("email").asText(""),
                u.path("name").asText(""),
                u.path("is_archived").asBoolean(false));
    }

    private static List<String> tags(JsonNode tags) {
        List<String> out = new ArrayList<>();
        tags.forEach(t -> out.add(t.asText()));
        return out;
    }

    /** Parses any of the API's timestamp spellings; {@code ""} is "never". */
    static Instant time(String text) {
        if (text.isBlank()) {
            return null;
        }
        String iso = text.trim().replace(' ', 'T').replace("T+", "+").replaceAll("\\+0000$", "+00:00");
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static Instant orElse(Instant value, Instant fallback) {
        if (value != null) {
            return value;
        }
        return fallback != null ? fallback : FleetGenerator.EPOCH;
    }

    /** The fleet as a fixture: each row as the API renders it plus the {@code _sim} extras, so it round-trips. */
    public static ArrayNode write(List<SimDevice> devices) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (SimDevice d : devices) {
            ObjectNode row = KandjiRenderer.row(d);
            ObjectNode sim = row.putObject(SIM);
            sim.put("mac_address", d.macAddress().orElse(null));
            sim.put("ip_address", d.ipAddress());
            sim.put("model_identifier", d.modelIdentifier());
            sim.put("hardware_id", d.hardwareId());
            sim.put("local_user", d.localUser());
            sim.put("erased", d.erased());
            out.add(row);
        }
        return out;
    }
}
