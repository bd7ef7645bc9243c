package com.pult.mdm.kandji.testing;

import java.util.List;
import java.util.stream.Collectors;

/** Device rows and listing bodies in Kandji's shape, for scripted servers. */
public final class KandjiRows {

    private KandjiRows() {}

    /** A row that qualifies: assigned, non-archived user, MDM on. */
    public static String assigned(String deviceId, String lastCheckIn) {
        return "{\"device_id\":\"" + deviceId + "\",\"device_name\":\"Device " + deviceId + "\",\"model\":\"MacBook"
                + " Air (M1, 2020)\",\"serial_number\":\"SN"
                + deviceId.toUpperCase().replace("-", "") + "\","
                + "\"platform\":\"Mac\",\"os_version\":\"14.4.1\",\"last_check_in\":\"" + lastCheckIn + "\","
                + "\"user\":{\"email\":\"user." + deviceId + "@example.com\",\"name\":\"User\",\"id\":\"u-" + deviceId
                + "\",\"is_archived\":false},\"mdm_enabled\":true,\"agent_installed\":true}";
    }

    /** A row that qualifies, checked in at a fixed time. */
    public static String assigned(String deviceId) {
        return assigned(deviceId, "2026-02-28T10:00:00.000000Z");
    }

    /** A row with nobody assigned ({@code "user": ""}). */
    public static String unassigned(String deviceId) {
        return "{\"device_id\":\"" + deviceId + "\",\"serial_number\":\"FAKE" + deviceId + "\",\"platform\":\"iPad\","
                + "\"last_check_in\":\"2026-02-28T10:00:00Z\",\"user\":\"\",\"mdm_enabled\":true}";
    }

    /** A JSON array of rows. */
    public static String page(List<String> rows) {
        return rows.stream().collect(Collectors.joining(",", "[", "]"));
    }

    /** Qualifying rows {@code dev-0000 …} for ids {@code from} (inclusive) to {@code to} (exclusive). */
    public static List<String> assignedRange(int from, int to) {
        return java.util.stream.IntStream.range(from, to)
                .mapToObj(i -> assigned(String.format("dev-%04d", i)))
                .toList();
    }

    /** A minimal details body of an Apple device. */
    public static String details(String deviceId, String mac, String ip) {
        return "{\"general\":{\"device_id\":\"" + deviceId + "\"},\"mdm\":{\"mdm_enabled\":\"True\","
                + "\"last_check_in\":\"2026-02-28 10:00:00.000000+00:00\"},\"network\":{\"mac_address\":\"" + mac
                + "\",\"ip_address\":\"" + ip + "\"}}";
    }
}
