package com.pult.mdm.kandji.internal.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The Kandji endpoints the provider calls, each with the name of the API token permission it needs as Kandji
 * shows it under Settings → Access.
 */
public enum KandjiEndpoint {
    DEVICE_LIST("GET /api/v1/devices", "Device list"),
    DEVICE_ID("GET /api/v1/devices/{device_id}", "Device ID"),
    DEVICE_DETAILS("GET /api/v1/devices/{device_id}/details", "Device details");

    /** Kandji's hard upper limit of device rows per listing request. */
    public static final int PAGE_SIZE = 300;

    private final String template;
    private final String permission;

    KandjiEndpoint(String template, String permission) {
        this.template = template;
        this.permission = permission;
    }

    /** The method and path template, for messages. */
    public String template() {
        return template;
    }

    /** The token permission the endpoint needs. */
    public String permission() {
        return permission;
    }

    /**
     * One listing page, ordered by device id so that offsets stay stable while the walk runs.
     *
     * @param offset the 0-based index of the first row
     * @param limit the number of rows, at most {@link #PAGE_SIZE}
     */
    public static String listPath(int offset, int limit) {
        return "/api/v1/devices?limit=" + limit + "&offset=" + offset + "&ordering=device_id";
    }

    /** The path of one device's row. */
    public static String devicePath(String deviceId) {
        return "/api/v1/devices/" + encode(deviceId);
    }

    /** The path of one device's details. */
    public static String detailsPath(String deviceId) {
        return devicePath(deviceId) + "/details";
    }

    // Device ids are UUIDs, but an id read from a response must never be able to change the path.
    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
