package com.pult.mdm.host.presence;

import java.time.Instant;
import java.util.List;

/**
 * One row of the Inspector's device table.
 *
 * @param integrationId the integration, or {@code manual}
 * @param deviceId the vendor's id
 * @param email the assigned user's email as the MDM wrote it, possibly empty
 * @param serial the serial, or null
 * @param wifiMac the WiFi MAC, or null
 * @param otherMacs further MACs (Ethernet)
 * @param lastUpdated when the host last had data for it (listing or detail)
 * @param userEmail the Pult user its email resolves to, or null when none
 * @param seenOnWifi whether any of its MACs was seen within the Inspector's recent window
 */
public record DeviceRow(
        String integrationId,
        String deviceId,
        String email,
        String serial,
        String wifiMac,
        List<String> otherMacs,
        Instant lastUpdated,
        String userEmail,
        boolean seenOnWifi) {

    /** Whether the email resolves to a Pult user. */
    public boolean resolvesToUser() {
        return userEmail != null;
    }
}
