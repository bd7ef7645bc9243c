package com.pult.mdm.host.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A job that runs once a day at a local time in a time zone, such as the nightly pruning at 03:30.
 *
 * <p>The next run is computed from the local time each time, with the zone's rules, then turned into an instant:
 * a time that a spring-forward change skips runs at the first instant after the gap (02:00 becomes 03:00), a time
 * that a fall-back change repeats runs once, at its first occurrence, and a job at 06:00 stays at 06:00 local
 * across the change. The next run is always strictly after the last, so the schedule cannot loop.
 *
 * @param at the local time of day
 * @param zone the zone that local time is in
 */
public record DailySchedule(LocalTime at, ZoneId zone) {

    public DailySchedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** The first run strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate();
        while (true) {
            // ZonedDateTime.of moves a time inside a gap forward by the gap's length and takes the earlier
            // offset for a time inside an overlap: exactly the rules above.
            Instant candidate = ZonedDateTime.of(day, at, zone).toInstant();
            if (candidate.isAfter(after)) {
                return candidate;
            }
            day = day.plusDays(1);
        }
    }
}
