package com.pult.mdm.it.sim;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The timestamp spellings Kandji mixes in one tenant. They come from Python: {@code isoformat()} and
 * {@code str(datetime)} drop the fraction when the microseconds are zero, so the simulator does the same.
 */
public final class KandjiTime {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private KandjiTime() {}

    /** {@code 2024-07-23T14:11:37.150080Z}: row {@code last_check_in}, agent check-ins. */
    public static String isoZulu(Instant instant) {
        return DATE_TIME.format(utc(instant)) + fraction(instant) + "Z";
    }

    /** {@code 2026-07-01T19:02:37.320664+00:00}: the offset form seen live for {@code last_check_in}. */
    public static String isoOffset(Instant instant) {
        return DATE_TIME.format(utc(instant)) + fraction(instant) + "+00:00";
    }

    /** {@code 2024-01-26 16:15:36.087016+00:00}: enrollments and {@code mdm.last_check_in}. */
    public static String spaced(Instant instant) {
        return SPACED.format(utc(instant)) + fraction(instant) + "+00:00";
    }

    /** {@code 2024-06-17 11:32:35+00:00}: agent {@code install_date}, whole seconds. */
    public static String spacedSeconds(Instant instant) {
        return SPACED.format(utc(instant)) + "+00:00";
    }

    /** {@code 2024-05-13 20:09:23 +0000}: installed profile dates. */
    public static String profileDate(Instant instant) {
        return SPACED.format(utc(instant)) + " +0000";
    }

    /** Truncates to the microsecond precision the API carries. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String fraction(Instant instant) {
        int micros = instant.getNano() / 1000;
        return micros == 0 ? "" : String.format(".%06d", micros);
    }
}
