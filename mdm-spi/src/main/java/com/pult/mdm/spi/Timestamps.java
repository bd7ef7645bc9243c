package com.pult.mdm.spi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the timestamp forms MDM vendors really send into UTC instants: {@code 2024-07-23T14:11:37.150080Z},
 * {@code 2026-07-01T19:02:37.320664+00:00}, {@code 2024-01-26 16:15:36.087016+00:00},
 * {@code 2024-06-17 11:32:35+00:00} and {@code 2024-05-13 20:09:23 +0000}. An empty value means "never". A
 * form without a zone is an error, never a guess.
 */
public final class Timestamps {

    private static final Pattern DATE_SPACE_TIME = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:)");
    private static final Pattern SPACE_BEFORE_OFFSET = Pattern.compile(" ([+-]\\d{2}:?\\d{2}|Z)$");
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private Timestamps() {}

    /**
     * Parses one timestamp.
     *
     * @return the instant, or empty for null or a blank value (the vendor's "never")
     * @throws IllegalArgumentException naming the value (its first 40 characters) when it is not a timestamp with
     *     a zone
     */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = toIso(text.strip());
        try {
            return Optional.of(OffsetDateTime.parse(iso).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(text.strip()) + "' is not a timestamp with a time zone,"
                    + " such as 2024-07-23T14:11:37Z or 2024-01-26 16:15:36+00:00.");
        }
    }

    /** A long value is cut, so a vendor's garbage field cannot make the message as large as the field. */
    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String toIso(String text) {
        String iso = DATE_SPACE_TIME.matcher(text).replaceFirst("$1T$2");
        iso = SPACE_BEFORE_OFFSET.matcher(iso).replaceFirst("$1");
        return COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2");
    }
}
