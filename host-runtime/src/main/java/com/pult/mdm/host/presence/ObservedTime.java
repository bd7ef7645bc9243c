package com.pult.mdm.host.presence;

import com.pult.mdm.spi.Timestamps;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads a controller's seen-at: Unix epoch seconds, or a timestamp with a zone. The common
 * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z} form is read by hand, since a batch holds thousands; every other form
 * goes to {@link Timestamps#parse}, which rejects a time without a zone.
 */
final class ObservedTime {

    private static final int[] SCALE = {0, 100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private ObservedTime() {}

    /**
     * @throws IllegalArgumentException naming the value when it is missing, not a time, or has no zone
     */
    static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("The seen-at time is missing.");
        }
        if (isDigits(text)) {
            return epochSeconds(text);
        }
        Instant fast = isoUtc(text);
        return fast != null ? fast : Timestamps.parse(text).orElseThrow();
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Instant epochSeconds(String text) {
        if (text.length() > 11) {
            throw new IllegalArgumentException("'" + text + "' is not Unix epoch seconds.");
        }
        return Instant.ofEpochSecond(Long.parseLong(text));
    }

    /** {@code 2024-06-03T09:00:00Z} or with a fraction; null for any other form. */
    private static Instant isoUtc(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int nanos = length == 20 ? 0 : fraction(text, 19, length - 1);
        int[] parts = {
            number(text, 0, 4),
            number(text, 5, 7),
            number(text, 8, 10),
            number(text, 11, 13),
            number(text, 14, 16),
            number(text, 17, 19)
        };
        for (int part : parts) {
            if (part < 0) {
                return null;
            }
        }
        if (nanos < 0 || parts[3] > 23 || parts[4] > 59 || parts[5] > 59) {
            return null;
        }
        try {
            long day = LocalDate.of(parts[0], parts[1], parts[2]).toEpochDay();
            return Instant.ofEpochSecond(day * 86_400 + parts[3] * 3_600L + parts[4] * 60L + parts[5], nanos);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Nanoseconds of {@code .ddd…} between from (the dot) and to; -1 when malformed. */
    private static int fraction(String text, int from, int to) {
        int digits = to - from - 1;
        if (text.charAt(from) != '.' || digits < 1 || digits > 9) {
            return -1;
        }
        int value = number(text, from + 1, to);
        return value < 0 ? -1 : value * SCALE[digits];
    }
}
