package com.pult.mdm.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device as every vendor's listing is normalized into. Only devices with an assigned, non-archived user and
 * MDM enabled reach the host as a {@code MdmDevice}; the rest are {@link Normalization.Rejected}.
 *
 * @param deviceId the vendor's id, unique within one account (not across accounts)
 * @param serial the serial number, or empty when the vendor reports none or a placeholder; such a device
 *     still matches by MAC and IP, never by serial
 * @param wifiMac the WiFi MAC when the listing carries it; vendors that need per-device detail leave it empty
 *     here and deliver it in {@link DeviceDetail}
 * @param user the assigned user
 * @param mdmEnabled whether the device is MDM-managed
 * @param name the device's name exactly as the vendor spells it
 * @param model the model's marketing name, or blank
 * @param osVersion the OS version, or blank
 * @param platform the platform family
 * @param lastCheckIn the last time the device checked in, or empty if never
 */
public record MdmDevice(
        String deviceId,
        Optional<SerialNumber> serial,
        Optional<MacAddress> wifiMac,
        AssignedUser user,
        boolean mdmEnabled,
        String name,
        String model,
        String osVersion,
        Platform platform,
        Optional<Instant> lastCheckIn) {

    public MdmDevice {
        if (deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException("deviceId is required");
        }
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(wifiMac, "wifiMac");
        Objects.requireNonNull(user, "user");
        name = name == null ? "" : name;
        model = model == null ? "" : model;
        osVersion = osVersion == null ? "" : osVersion;
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
    }
}
