package com.pult.mdm.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the host remembers of a device from earlier syncs.
 *
 * @param deviceId the vendor's device id
 * @param lastCheckIn the last check-in the listing reported, if any
 * @param detailFetchedAt when its detail was last fetched, or empty if never
 * @param detailCheckIn the check-in the listing reported when that detail was fetched; detail fetched for the
 *     same check-in cannot have changed
 */
public record KnownDevice(
        String deviceId,
        Optional<Instant> lastCheckIn,
        Optional<Instant> detailFetchedAt,
        Optional<Instant> detailCheckIn) {

    public KnownDevice {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(lastCheckIn, "lastCheckIn");
        Objects.requireNonNull(detailFetchedAt, "detailFetchedAt");
        Objects.requireNonNull(detailCheckIn, "detailCheckIn");
    }
}
