package com.pult.mdm.host.presence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A user's presence on one day of the organization's calendar: the first and last time a WiFi client attributed
 * to them was seen. Stored in UTC, shown in the organization's zone.
 *
 * @param orgId the organization
 * @param userId the Pult user
 * @param day the local day in {@code zone}
 * @param firstSeen the earliest seen-at of the day
 * @param lastSeen the latest seen-at of the day, never a receipt time: presence is not extended past what a
 *     controller reported
 * @param sightings how many attributed observations the day holds
 * @param lastAccessPoint the access point of the latest sighting received, or null
 * @param lastSsid the SSID of the latest sighting received, or null
 * @param zone the organization's zone
 */
public record PresenceDay(
        String orgId,
        String userId,
        LocalDate day,
        Instant firstSeen,
        Instant lastSeen,
        int sightings,
        String lastAccessPoint,
        String lastSsid,
        ZoneId zone) {

    /** The first sighting in the organization's local time. */
    public OffsetDateTime firstSeenLocal() {
        return firstSeen.atZone(zone).toOffsetDateTime();
    }

    /** The last sighting in the organization's local time. */
    public OffsetDateTime lastSeenLocal() {
        return lastSeen.atZone(zone).toOffsetDateTime();
    }

    /** Whether the user counts as present at {@code now}: last seen no longer than {@code window} before it. */
    public boolean presentAt(Instant now, Duration window) {
        return !lastSeen.isBefore(now.minus(window)) && !firstSeen.isAfter(now);
    }
}
