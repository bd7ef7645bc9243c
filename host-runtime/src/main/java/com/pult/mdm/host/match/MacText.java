package com.pult.mdm.host.match;

import com.pult.mdm.spi.MacAddress;

/**
 * Parses the common spellings of a MAC straight into its 48-bit number without regular expressions or garbage:
 * the WiFi hot path reads thousands per batch. Anything unusual (white space, one-digit octets, garbage) goes to
 * {@link MacAddress#parse}, which accepts the same set and explains a rejection.
 */
public final class MacText {

    /** What {@link #toLong} returns for text that is not a MAC. */
    public static final long INVALID = -1L;

    private MacText() {}

    /** The MAC as a 48-bit number, or {@link #INVALID}. */
    public static long toLong(String text) {
        long fast = fast(text);
        if (fast != INVALID || text == null) {
            return fast;
        }
        try {
            return MacAddress.parse(text).toLong();
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
    }

    private static long fast(String text) {
        if (text == null) {
            return INVALID;
        }
        return switch (text.length()) {
            case 12 -> bare(text);
            case 14 -> grouped(text, 4);
            case 17 -> grouped(text, 2);
            default -> INVALID;
        };
    }

    private static long bare(String text) {
        long bits = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                return INVALID;
            }
            bits = (bits << 4) | digit;
        }
        return bits;
    }

    /** Groups of {@code width} hex digits joined by one separator, the same everywhere (':', '-' or '.'). */
    private static long grouped(String text, int width) {
        char separator = text.charAt(width);
        if (separator != ':' && separator != '-' && !(separator == '.' && width == 4)) {
            return INVALID;
        }
        long bits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((i + 1) % (width + 1) == 0) {
                if (c != separator) {
                    return INVALID;
                }
                continue;
            }
            int digit = hexDigit(c);
            if (digit < 0) {
                return INVALID;
            }
            bits = (bits << 4) | digit;
        }
        return bits;
    }

    /** The value of an ASCII hex digit, or -1 (also for the digits of other scripts, unlike Character.digit). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    /** Whether a 48-bit MAC is locally administered (a private, randomized address). */
    public static boolean isLocallyAdministered(long mac) {
        return ((mac >>> 40) & 0x02) != 0;
    }

    /** Whether a 48-bit MAC is a group (multicast) address, which no client has. */
    public static boolean isMulticast(long mac) {
        return ((mac >>> 40) & 0x01) != 0;
    }
}
