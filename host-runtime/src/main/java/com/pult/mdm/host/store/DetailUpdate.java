package com.pult.mdm.host.store;

import java.time.Instant;
import java.util.Optional;

/**
 * Per-device detail to store.
 *
 * @param deviceId the vendor's device id
 * @param wifiMac the canonical WiFi MAC, or empty when the device reports none
 * @param otherMacs the canonical MACs of the device's other interfaces
 * @param wifiIp the WiFi IP, or empty
 * @param wifiIpObservedAt when the vendor observed the IP
 * @param fetchedAt when the detail was fetched
 */
public record DetailUpdate(
        String deviceId,
        Optional<String> wifiMac,
        java.util.List<String> otherMacs,
        Optional<String> wifiIp,
        Optional<Instant> wifiIpObservedAt,
        Instant fetchedAt) {}
