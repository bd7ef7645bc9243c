package com.pult.mdm.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One record as the vendor sent it, before normalization.
 *
 * @param kind a device of the listing, or per-device detail
 * @param deviceId the vendor's id of the device, as far as the provider could read it (may be blank for a
 *     malformed record)
 * @param body the vendor's payload, typically JSON text
 * @param fetchedAt when the host received it
 */
public record RawRecord(Kind kind, String deviceId, String body, Instant fetchedAt) {

    public RawRecord {
        Objects.requireNonNull(kind, "kind");
        deviceId = deviceId == null ? "" : deviceId;
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** What a raw record holds. */
    public enum Kind {
        /** A device as the listing gives it: identity, serial, assigned user, MDM state. */
        DEVICE,
        /** Per-device detail: WiFi MAC and, with {@link Capability#WIFI_IP}, the WiFi IP. */
        DETAIL
    }

    /** Leaves the body out: it may be large. */
    @Override
    public String toString() {
        return "RawRecord[" + kind + " " + deviceId + "]";
    }
}
