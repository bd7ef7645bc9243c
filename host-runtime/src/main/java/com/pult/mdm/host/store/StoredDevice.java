package com.pult.mdm.host.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A device of an integration's snapshot as the host stores it.
 *
 * @param integrationId the integration it came from
 * @param orgId the organization the integration belongs to
 * @param deviceId the vendor's id, unique within the integration
 * @param serial the normalized serial, or empty
 * @param wifiMac the canonical WiFi MAC, or empty until detail arrives or when the device has none
 * @param otherMacs the canonical MACs of its other interfaces (Ethernet), when the vendor reports them
 * @param email the assigned user's email as the vendor wrote it
 * @param userName the assigned user's display name
 * @param name the device name
 * @param model the model
 * @param osVersion the OS version
 * @param platform the platform family
 * @param lastCheckIn the last check-in the listing reported
 * @param listedAt when a complete listing last contained it
 * @param missingListings how many complete listings in a row lacked it
 * @param goneSince when it was found gone (absent from two complete listings in a row); gone devices never match
 * @param wifiIp the WiFi IP address, or empty
 * @param wifiIpObservedAt when the vendor observed that address
 * @param detailFetchedAt when its per-device detail was last fetched
 */
public record StoredDevice(
        String integrationId,
        String orgId,
        String deviceId,
        Optional<String> serial,
        Optional<String> wifiMac,
        List<String> otherMacs,
        String email,
        String userName,
        String name,
        String model,
        String osVersion,
        String platform,
        Optional<Instant> lastCheckIn,
        Instant listedAt,
        int missingListings,
        Optional<Instant> goneSince,
        Optional<String> wifiIp,
        Optional<Instant> wifiIpObservedAt,
        Optional<Instant> detailFetchedAt) {

    /** Whether the device still takes part in matching. */
    public boolean isActive() {
        return goneSince.isEmpty();
    }
}
