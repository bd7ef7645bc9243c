package com.pult.mdm.host.presence;

/**
 * One client a WiFi controller reported, as it reported it. Only the MAC and the time are required.
 *
 * @param mac the client's MAC in any common spelling
 * @param ip its IP address, or null; an invalid one is treated as absent
 * @param ssid the network, or null (a client listed without SSID or access point shows no sign of WiFi)
 * @param accessPoint the access point's name, or null
 * @param seenAt when the controller last saw it: ISO-8601 with a zone ({@code 2024-06-03T09:00:00Z},
 *     {@code 2024-06-03 09:00:00+02:00}…) or Unix epoch seconds ({@code 1717400400}); a time without a zone is
 *     rejected, never guessed
 * @param username the 802.1X identity, or null; stored, never used to guess a user
 */
public record WifiObservation(String mac, String ip, String ssid, String accessPoint, String seenAt, String username) {

    /** Whether the controller gave any sign the client is on WiFi (an SSID or an access point). */
    public boolean onWifi() {
        return (ssid != null && !ssid.isBlank()) || (accessPoint != null && !accessPoint.isBlank());
    }
}
