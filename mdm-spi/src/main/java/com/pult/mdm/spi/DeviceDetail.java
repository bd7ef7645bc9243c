package com.pult.mdm.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-device detail that some vendors deliver only one request per device, after the listing.
 *
 * @param deviceId the vendor's device id
 * @param wifiMac the WiFi MAC, or empty when the device reports none (Windows, Apple TV) or a placeholder
 * @param otherMacs the device's other interfaces' MACs (Ethernet, a second adapter), for vendors that report
 *     them; a client seen with any of them is this device
 * @param lastCheckIn the most recent check-in the detail reports, or empty
 */
public record DeviceDetail(
        String deviceId, Optional<MacAddress> wifiMac, List<MacAddress> otherMacs, Optional<Instant> lastCheckIn) {

    public DeviceDetail {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required");
        }
        Objects.requireNonNull(wifiMac, "wifiMac");
        otherMacs = List.copyOf(otherMacs);
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
    }

    /** Detail of a device that reports only its WiFi MAC. */
    public DeviceDetail(String deviceId, Optional<MacAddress> wifiMac, Optional<Instant> lastCheckIn) {
        this(deviceId, wifiMac, List.of(), lastCheckIn);
    }
}
