package com.pult.mdm.spi;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A device's hardware serial number, trimmed and upper-cased. Placeholders vendors send instead of a serial
 * ({@code Not Available}, {@code [REDACTED]}, {@code unknown}, {@code 0} and the like) are not serial numbers:
 * two devices that both say "Not Available" are not the same device.
 */
public final class SerialNumber implements Comparable<SerialNumber> {

    private static final Set<String> PLACEHOLDERS = Set.of(
            "NOT AVAILABLE",
            "NOTAVAILABLE",
            "N/A",
            "NA",
            "NONE",
            "NULL",
            "NIL",
            "UNKNOWN",
            "UNDEFINED",
            "[REDACTED]",
            "REDACTED",
            "-",
            "--",
            "DEFAULT STRING",
            "TO BE FILLED BY O.E.M.",
            "SYSTEM SERIAL NUMBER",
            "CHASSIS SERIAL NUMBER",
            "0123456789",
            "123456789",
            "INVALID");

    private final String value;

    private SerialNumber(String value) {
        this.value = value;
    }

    /**
     * Normalizes a serial number as a vendor reports it.
     *
     * @return the serial, or empty for a blank value or a placeholder
     */
    public static Optional<SerialNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normalized = text.strip().toUpperCase(Locale.ROOT);
        if (normalized.isEmpty() || isPlaceholder(normalized)) {
            return Optional.empty();
        }
        return Optional.of(new SerialNumber(normalized));
    }

    private static boolean isPlaceholder(String normalized) {
        return PLACEHOLDERS.contains(normalized) || normalized.chars().allMatch(c -> c == '0');
    }

    /** The normalized serial. */
    public String value() {
        return value;
    }

    @Override
    public int compareTo(SerialNumber other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SerialNumber serial && serial.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
