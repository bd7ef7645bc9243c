package com.pult.mdm.kandji.internal.api.dto;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import java.util.List;

/**
 * The answer of {@code GET /api/v1/devices/{id}/details}, reduced to what the inventory needs. The shape
 * depends on the platform: Apple devices report {@code network.mac_address} and {@code network.ip_address},
 * Android {@code hardware.wifi_mac_address}, Windows {@code network.wifi_ipv4_address} and no MAC.
 *
 * @param deviceId {@code general.device_id}, or blank when absent
 * @param macAddress the WiFi MAC as sent, or blank
 * @param ipAddress the WiFi IP as sent, or blank
 * @param checkIns every check-in time the details carry, as sent (blank ones left out)
 */
public record KandjiDeviceDetails(String deviceId, String macAddress, String ipAddress, List<String> checkIns) {

    public KandjiDeviceDetails {
        checkIns = List.copyOf(checkIns);
    }

    /**
     * Reads a details body.
     *
     * @throws KandjiDataException when the body is not a JSON object or a field has the wrong type
     */
    public static KandjiDeviceDetails parse(String body) throws KandjiDataException {
        JsonNode root = KandjiJson.parse(body);
        if (!root.isObject()) {
            throw new KandjiDataException("The details are " + KandjiJson.typeOf(root) + ", expected an object.");
        }
        JsonNode network = KandjiJson.section(root, "network");
        JsonNode agent = KandjiJson.section(root, "kandji_agent");
        return new KandjiDeviceDetails(
                KandjiJson.text(KandjiJson.section(root, "general"), "device_id")
                        .strip(),
                firstNonBlank(
                        KandjiJson.text(network, "mac_address"),
                        KandjiJson.text(KandjiJson.section(root, "hardware"), "wifi_mac_address")),
                firstNonBlank(KandjiJson.text(network, "ip_address"), KandjiJson.text(network, "wifi_ipv4_address")),
                nonBlank(
                        KandjiJson.text(KandjiJson.section(root, "mdm"), "last_check_in"),
                        KandjiJson.text(agent, "last_check_in"),
                        KandjiJson.text(agent, "last_check_in_datetime")));
    }

    private static String firstNonBlank(String first, String second) {
        return first.isBlank() ? second.strip() : first.strip();
    }

    private static List<String> nonBlank(String... values) {
        return List.of(values).stream().filter(value -> !value.isBlank()).toList();
    }
}
