package com.pult.mdm.kandji.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 §10.2.3). */
public final class KandjiRetryAfter {

    private KandjiRetryAfter() {}

    /**
     * @param header the header value, or blank
     * @param now the current time, to turn a date into a delay
     * @return the delay, never negative, or empty when the header is absent or unreadable
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            return Optional.of(seconds(value));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            Duration delay = Duration.between(now, at);
            return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration seconds(String digits) {
        // A value too long for a long is absurd; the policy caps it anyway.
        return digits.length() > 12
                ? Duration.ofSeconds(Long.MAX_VALUE / 2)
                : Duration.ofSeconds(Long.parseLong(digits));
    }
}
