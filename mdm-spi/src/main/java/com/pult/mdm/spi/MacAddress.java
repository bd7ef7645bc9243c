package com.pult.mdm.spi;

import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A 48-bit MAC address in one canonical form: lower-case hex octets joined by colons, such as
 * {@code 00:00:5e:00:53:01}.
 *
 * <p>{@link #parse} accepts every common spelling: colons or dashes between six octets (an octet may miss its
 * leading zero), Cisco's dotted groups of four digits, dashes between groups of four, twelve bare hex digits,
 * any case, surrounding white space. Anything else is rejected with a message that says what was expected.
 */
public final class MacAddress implements Comparable<MacAddress> {

    private static final Pattern SIX_GROUPS = Pattern.compile("[0-9a-f]{1,2}([:-])[0-9a-f]{1,2}(\\1[0-9a-f]{1,2}){4}");
    private static final Pattern THREE_GROUPS = Pattern.compile("[0-9a-f]{4}([.:-])[0-9a-f]{4}\\1[0-9a-f]{4}");
    private static final Pattern BARE = Pattern.compile("[0-9a-f]{12}");
    private static final HexFormat HEX = HexFormat.of();

    private final long bits;

    private MacAddress(long bits) {
        this.bits = bits;
    }

    /**
     * Parses any common spelling of a MAC address.
     *
     * @throws IllegalArgumentException naming the input and the expected form when it is not a MAC address
     */
    public static MacAddress parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("A MAC address is required, such as 00:00:5e:00:53:01.");
        }
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        String digits = hexDigits(lower);
        if (digits == null) {
            throw new IllegalArgumentException("'" + abbreviate(text.strip())
                    + "' is not a MAC address: expected 12 hex digits such as 00:00:5e:00:53:01,"
                    + " 00-00-5E-00-53-01, 0000.5e00.5301 or 00005E005301.");
        }
        return new MacAddress(HexFormat.fromHexDigitsToLong(digits));
    }

    /**
     * Parses the MAC of a device or of a network client: blank values and placeholders ({@link #isPlaceholder})
     * mean "no MAC".
     *
     * @return the address, or empty for a blank value or a placeholder
     * @throws IllegalArgumentException when the text is not a MAC address, or is a multicast address, which no
     *     device interface has
     */
    public static Optional<MacAddress> parseUsable(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        MacAddress mac = parse(text);
        if (mac.isPlaceholder()) {
            return Optional.empty();
        }
        if (mac.isMulticast()) {
            throw new IllegalArgumentException(
                    "'" + mac + "' is a multicast address; a device's interface has a unicast MAC address.");
        }
        return Optional.of(mac);
    }

    private static String hexDigits(String lower) {
        if (BARE.matcher(lower).matches()) {
            return lower;
        }
        if (THREE_GROUPS.matcher(lower).matches()) {
            return lower.replaceAll("[.:-]", "");
        }
        if (!SIX_GROUPS.matcher(lower).matches()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(12);
        for (String octet : lower.split("[:-]")) {
            digits.append(octet.length() == 1 ? "0" : "").append(octet);
        }
        return digits.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /**
     * Whether the address is locally administered (the second-lowest bit of the first octet is set): randomized
     * "private WiFi addresses" are, so it cannot identify a device across networks.
     */
    public boolean isLocallyAdministered() {
        return (firstOctet() & 0x02) != 0;
    }

    /** Whether the address is a group address (lowest bit of the first octet), which no client has. */
    public boolean isMulticast() {
        return (firstOctet() & 0x01) != 0;
    }

    /**
     * Whether the address is a value vendors send in place of a real one: all zeros, {@code 02:00:00:00:00:00}
     * (what Android and iOS report to apps) or the broadcast address.
     */
    public boolean isPlaceholder() {
        return bits == 0L || bits == 0x0200_0000_0000L || bits == 0xffff_ffff_ffffL;
    }

    private int firstOctet() {
        return (int) (bits >>> 40) & 0xff;
    }

    /** The address as a 48-bit number, for compact indexes. */
    public long toLong() {
        return bits;
    }

    /** The address from a 48-bit number made by {@link #toLong()}. */
    public static MacAddress fromLong(long bits) {
        if ((bits & ~0xffff_ffff_ffffL) != 0) {
            throw new IllegalArgumentException("A MAC address has 48 bits");
        }
        return new MacAddress(bits);
    }

    @Override
    public int compareTo(MacAddress other) {
        return Long.compare(bits, other.bits);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MacAddress mac && mac.bits == bits;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bits);
    }

    /** The canonical form, such as {@code 00:00:5e:00:53:01}. */
    @Override
    public String toString() {
        String hex = HEX.toHexDigits(bits).substring(4);
        StringBuilder text = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            text.append(i == 0 ? "" : ":").append(hex, i, i + 2);
        }
        return text.toString();
    }
}
