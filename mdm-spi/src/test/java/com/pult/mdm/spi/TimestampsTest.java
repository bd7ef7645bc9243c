package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-07-23T14:11:37.150080Z|2024-07-23T14:11:37.150080Z",
                "2026-07-01T19:02:37.320664+00:00|2026-07-01T19:02:37.320664Z",
                "2024-01-26 16:15:36.087016+00:00|2024-01-26T16:15:36.087016Z",
                "2024-06-17 11:32:35+00:00|2024-06-17T11:32:35Z",
                "2024-05-13 20:09:23 +0000|2024-05-13T20:09:23Z",
                "2024-05-13T22:09:23+0200|2024-05-13T20:09:23Z",
                "2024-07-08T07:30:00-05:00|2024-07-08T12:30:00Z"
            })
    void everyVendorFormBecomesAUtcInstant(String text, String expected) {
        assertEquals(Optional.of(Instant.parse(expected)), Timestamps.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void anEmptyValueMeansNever(String text) {
        assertEquals(Optional.empty(), Timestamps.parse(text));
        assertEquals(Optional.empty(), Timestamps.parse(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-07-23T14:11:37", "2024-07-23 14:11:37.150080", "yesterday", "2024-13-01T00:00:00Z"})
    void aFormWithoutAZoneOrNotATimeIsAnError(String text) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(text));

        assertTrue(error.getMessage().contains(text));
    }

    @Test
    void aLongValueIsNamedByItsStartOnly() {
        String garbage = "2024-07-23" + "x".repeat(100_000);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Timestamps.parse(garbage));

        assertTrue(error.getMessage().startsWith("'" + garbage.substring(0, 40) + "…' is not a timestamp"));
        assertTrue(error.getMessage().length() < 200, error.getMessage());
    }

    @Test
    void utcTimesShowInTheOrganizationsZone() {
        ZoneId chicago = ZoneId.of("America/Chicago");

        assertEquals(
                "2024-07-08T07:30-05:00",
                Timestamps.parse("2024-07-08T12:30:00Z")
                        .orElseThrow()
                        .atZone(chicago)
                        .toOffsetDateTime()
                        .toString());
        assertEquals(
                "2024-07-08T16:00-05:00",
                Timestamps.parse("2024-07-08T21:00:00Z")
                        .orElseThrow()
                        .atZone(chicago)
                        .toOffsetDateTime()
                        .toString());
    }
}
