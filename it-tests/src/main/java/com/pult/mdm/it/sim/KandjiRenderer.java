package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Renders devices into Kandji's JSON shapes. Every body starts as a deep copy of a bundled sample response and only
 * the values are overwritten, so key order, key sets, value types, {@code null}s and empty strings stay exactly as
 * the real API returns them; a consumer that parses the samples parses the simulator.
 */
final class KandjiRenderer {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode APPLE_ROW = template("official-docs/list_devices_mac.json");
    private static final ObjectNode IRU_ROW = template("official-docs-iru-2026/get_device_windows.json");
    private static final ObjectNode MAC_DETAILS = template("official-docs/device_details_mac.json");
    private static final ObjectNode IOS_DETAILS = template("official-docs/device_details_ipad.json");
    private static final ObjectNode TV_DETAILS = template("official-docs/device_details_appletv.json");
    private static final ObjectNode WINDOWS_DETAILS = template("official-docs-iru-2026/device_details_windows.json");
    private static final ObjectNode ANDROID_DETAILS = template("official-docs-iru-2026/device_details_android.json");

    private KandjiRenderer() {}

    private static ObjectNode template(String path) {
        JsonNode node = Json.sample(path);
        return (ObjectNode) (node.isArray() ? node.get(0) : node);
    }

    /** The serialized list/get row, cached on the (immutable once published) device. */
    static byte[] rowBytes(SimDevice d) {
        byte[] cached = d.cachedRow();
        if (cached == null) {
            cached = Json.bytes(row(d));
            d.cachedRow(cached);
        }
        return cached;
    }

    /** The serialized details, cached like the row: they depend only on the device's state. */
    static byte[] detailsBytes(SimDevice d) {
        byte[] cached = d.cachedDetails();
        if (cached == null) {
            cached = Json.bytes(details(d));
            d.cachedDetails(cached);
        }
        return cached;
    }

    /** The row shape shared by {@code GET /devices} and {@code GET /devices/{id}}. */
    static ObjectNode row(SimDevice d) {
        boolean iru = !d.platform().isApple();
        ObjectNode row = (iru ? IRU_ROW : APPLE_ROW).deepCopy();
        row.put("device_id", d.deviceId());
        row.put("device_name", d.deviceName());
        row.put("model", d.model());
        row.put("serial_number", d.serialNumber());
        row.put("platform", d.platform().wireName());
        row.put("os_version", d.osVersion());
        row.put("supplemental_build_version", d.buildVersion());
        row.put("last_check_in", rowCheckIn(d));
        row.set("user", user(d, NODES.textNode("")));
        putCommonRowTail(row, d);
        if (iru) {
            putIruRowFields(row, d);
        }
        return row;
    }

    private static void putCommonRowTail(ObjectNode row, SimDevice d) {
        row.put("asset_tag", d.assetTag());
        row.put("blueprint_id", d.blueprintId());
        row.put("mdm_enabled", d.mdmEnabled());
        row.put("agent_installed", d.agentInstalled());
        row.put("is_missing", d.missing());
        row.put("is_removed", false);
        row.put("agent_version", d.agentVersion());
        row.put("first_enrollment", KandjiTime.spaced(d.firstEnrollment()));
        row.put("last_enrollment", KandjiTime.spaced(d.lastEnrollment()));
        row.put("blueprint_name", d.blueprintName());
        row.put("lost_mode_status", "");
        row.set("tags", tags(d));
    }

    /** Android and Windows rows carry the Iru-era fields, blank where they do not apply (as in the samples). */
    private static void putIruRowFields(ObjectNode row, SimDevice d) {
        boolean android = d.platform() == Platform.ANDROID;
        row.put("api_level", "");
        row.put("security_patch_level", android ? "2024-12-05" : "");
        row.put("full_software_version", android ? "" : "10.0.26100.6584");
    }

    private static String rowCheckIn(SimDevice d) {
        return d.lastCheckIn()
                .map(t -> d.offsetCheckInStyle() ? KandjiTime.isoOffset(t) : KandjiTime.isoZulu(t))
                .orElse("");
    }

    /** The embedded user object, or {@code unassigned} ({@code ""} in rows and Apple details, null on Iru). */
    static JsonNode user(SimDevice d, JsonNode unassigned) {
        if (d.user().isEmpty()) {
            return unassigned;
        }
        SimUser u = d.user().get();
        ObjectNode node = Json.object();
        node.put("email", u.email());
        node.put("name", u.name());
        if (u.legacyId() != null) {
            node.put("id", u.legacyId().intValue());
        } else {
            node.put("id", u.id());
        }
        node.put("is_archived", u.archived());
        return node;
    }

    private static ArrayNode tags(SimDevice d) {
        ArrayNode arr = NODES.arrayNode();
        d.tags().forEach(arr::add);
        return arr;
    }

    /** The platform-specific {@code /details} object. */
    static ObjectNode details(SimDevice d) {
        switch (d.platform()) {
            case MAC:
                return macDetails(d);
            case IPHONE:
            case IPAD:
                return iosDetails(d);
            case APPLE_TV:
                return tvDetails(d);
            case WINDOWS:
                return windowsDetails(d);
            default:
                return androidDetails(d);
        }
    }

    private static ObjectNode macDetails(SimDevice d) {
        ObjectNode root = MAC_DETAILS.deepCopy();
        ObjectNode general = appleGeneral(root, d);
        general.put("system_version", d.osVersion() + " (" + d.buildVersion() + ")");
        general.put("last_user", d.localUser());
        appleMdm(root, d).set("mdm_enabled_user", NODES.arrayNode().add(d.localUser()));
        appleAgent(root, d);
        ObjectNode hw = (ObjectNode) root.get("hardware_overview");
        hw.put("model_name", marketingFamily(d.model()));
        hw.put("model_identifier", d.modelIdentifier());
        hw.put("udid", d.hardwareId());
        hw.put("serial_number", d.serialNumber());
        if (d.erased()) {
            hw.put("processor_name", "");
            hw.put("memory", "");
        }
        appleNetwork(root, d, hostname(d));
        macUsersAndProfiles(root, d);
        root.set("tags", tags(d));
        return root;
    }

    private static void macUsersAndProfiles(ObjectNode root, SimDevice d) {
        ObjectNode regular =
                (ObjectNode) root.path("users").path("regular_users").get(0);
        regular.put("username", d.localUser());
        regular.put("path", "/Users/" + d.localUser());
        ArrayNode profiles = (ArrayNode) root.get("installed_profiles");
        for (int i = 0; i < profiles.size(); i++) {
            Instant at = d.lastEnrollment().plus(Duration.ofMinutes(7L * i)).minusSeconds(4);
            ((ObjectNode) profiles.get(i)).put("install_date", KandjiTime.profileDate(at));
        }
    }

    private static ObjectNode iosDetails(SimDevice d) {
        ObjectNode root = IOS_DETAILS.deepCopy();
        appleGeneral(root, d);
        appleMdm(root, d);
        appleAgent(root, d);
        ObjectNode hw = (ObjectNode) root.get("hardware_overview");
        hw.put("uuid", d.hardwareId());
        hw.put("serial_number", d.serialNumber());
        hw.put("model_identifier", d.modelIdentifier());
        appleNetwork(root, d, "");
        ObjectNode abm = (ObjectNode) root.get("apple_business_manager");
        abm.put("model", d.model());
        abm.put("description", d.model().toUpperCase(Locale.ROOT));
        abm.put("serial_number", d.serialNumber());
        abm.put("device_family", d.platform().wireName());
        abm.put("os", d.platform() == Platform.IPHONE ? "iOS" : "iPadOS");
        root.set("tags", tags(d));
        return root;
    }

    private static ObjectNode tvDetails(SimDevice d) {
        ObjectNode root = TV_DETAILS.deepCopy();
        appleGeneral(root, d);
        appleMdm(root, d);
        appleAgent(root, d);
        ObjectNode hw = (ObjectNode) root.get("hardware_overview");
        hw.put("uuid", d.hardwareId());
        hw.put("serial_number", d.serialNumber());
        hw.put("model_identifier", d.modelIdentifier());
        root.set("tags", tags(d));
        return root;
    }

    private static ObjectNode appleGeneral(ObjectNode root, SimDevice d) {
        ObjectNode g = (ObjectNode) root.get("general");
        g.put("device_id", d.deviceId());
        g.put("device_name", d.deviceName());
        g.put("last_enrollment", KandjiTime.spaced(d.lastEnrollment()));
        g.put("first_enrollment", KandjiTime.spaced(d.firstEnrollment()));
        g.put("model", d.model());
        g.put("platform", d.platform().wireName());
        g.put("os_version", d.osVersion());
        g.put("supplemental_build_version", d.buildVersion());
        g.put("asset_tag", d.assetTag());
        g.set("assigned_user", user(d, NODES.textNode("")));
        g.put("blueprint_name", d.blueprintName());
        g.put("blueprint_uuid", d.blueprintId());
        return g;
    }

    private static ObjectNode appleMdm(ObjectNode root, SimDevice d) {
        ObjectNode mdm = (ObjectNode) root.get("mdm");
        mdm.put("mdm_enabled", pyBool(d.mdmEnabled()));
        mdm.put("install_date", KandjiTime.spaced(d.lastEnrollment().minusMillis(161)));
        mdm.put("last_check_in", d.lastCheckIn().map(KandjiTime::spaced).orElse(""));
        return mdm;
    }

    private static void appleAgent(ObjectNode root, SimDevice d) {
        ObjectNode agent = (ObjectNode) root.get("kandji_agent");
        agent.put("agent_installed", pyBool(d.agentInstalled()));
        Instant installed = d.lastEnrollment().plus(Duration.ofHours(26));
        agent.put("install_date", d.agentInstalled() ? KandjiTime.spacedSeconds(installed) : "");
        agent.put("last_check_in", d.lastCheckIn().map(KandjiTime::isoZulu).orElse(""));
        agent.put("agent_version", d.agentVersion());
    }

    /** {@code network} is {@code {}} when the device reports no MAC (lost mode, erased, tvOS). */
    private static void appleNetwork(ObjectNode root, SimDevice d, String hostname) {
        if (d.macAddress().isEmpty()) {
            root.set("network", Json.object());
            return;
        }
        ObjectNode net = (ObjectNode) root.get("network");
        net.put("local_hostname", hostname);
        net.put("mac_address", d.macAddress().get());
        net.put("ip_address", d.ipAddress());
        net.put("public_ip", "");
    }

    private static ObjectNode windowsDetails(SimDevice d) {
        ObjectNode root = WINDOWS_DETAILS.deepCopy();
        ObjectNode g = iruGeneral(root, d);
        g.put("manufacturer", manufacturer(d.model()));
        g.put("device_model", d.model());
        g.put("device_type", d.model());
        ((ObjectNode) root.get("mdm")).put("windows_device_id", d.hardwareId());
        ((ObjectNode) root.get("hardware_overview")).put("smbios_serial_number", d.serialNumber());
        ObjectNode net = (ObjectNode) root.get("network");
        net.put("dns_computer_name", d.deviceName());
        net.put("wifi_ipv4_address", d.ipAddress());
        ObjectNode agent = (ObjectNode) root.get("kandji_agent");
        agent.put("is_agent_installed", d.agentInstalled());
        agent.put("install_date", KandjiTime.isoZulu(d.lastEnrollment().plus(Duration.ofHours(2))));
        agent.put(
                "last_check_in_datetime",
                d.lastCheckIn().map(KandjiTime::isoZulu).orElse(""));
        agent.put("version", d.agentVersion());
        root.set("tags", tags(d));
        return root;
    }

    private static ObjectNode androidDetails(SimDevice d) {
        ObjectNode root = ANDROID_DETAILS.deepCopy();
        ObjectNode g = iruGeneral(root, d);
        g.put("manufacturer", manufacturer(d.model()));
        g.put("model_name", d.model());
        g.put("serial_number", d.serialNumber());
        g.put("os_version", d.osVersion());
        g.put("enterprise_device_id", d.hardwareId());
        ((ObjectNode) root.get("hardware"))
                .put("wifi_mac_address", d.macAddress().orElse(""));
        root.set("tags", tags(d));
        return root;
    }

    /**
     * Windows and Android general sections. Note: the Android sample shows {@code assigned_user: null} although its
     * row has a user; the simulator reproduces that, so Android ownership must come from the row. Windows with no
     * user is not documented; null is assumed (Iru-era serializer).
     */
    private static ObjectNode iruGeneral(ObjectNode root, SimDevice d) {
        ObjectNode g = (ObjectNode) root.get("general");
        g.put("device_id", d.deviceId());
        g.put("device_name", d.deviceName());
        g.put("first_enrollment", KandjiTime.spaced(d.firstEnrollment()));
        g.put("last_enrollment", KandjiTime.spaced(d.lastEnrollment()));
        boolean android = d.platform() == Platform.ANDROID;
        g.set("assigned_user", android ? NODES.nullNode() : user(d, NODES.nullNode()));
        g.put("blueprint_name", d.blueprintName());
        g.put("blueprint_uuid", d.blueprintId());
        g.put("asset_tag", d.assetTag());
        return g;
    }

    private static String manufacturer(String model) {
        if (model.startsWith("Pixel")) {
            return "Google";
        }
        if (model.startsWith("Galaxy")) {
            return "samsung";
        }
        if (model.startsWith("Latitude")) {
            return "Dell Inc.";
        }
        return model.startsWith("ThinkPad") ? "LENOVO" : "Microsoft Corporation";
    }

    private static String pyBool(boolean value) {
        return value ? "True" : "False";
    }

    private static String marketingFamily(String model) {
        int paren = model.indexOf(" (");
        return paren < 0 ? model : model.substring(0, paren);
    }

    private static String hostname(SimDevice d) {
        String ascii = d.deviceName().replace("’", "").replaceAll("[^A-Za-z0-9]+", "-");
        return ascii.replaceAll("(^-+|-+$)", "");
    }
}
