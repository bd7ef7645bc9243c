package com.pult.mdm.spi;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device's WiFi IP address as its MDM observed it. DHCP reassigns addresses, so a binding is only as good as
 * its {@link #observedAt()}.
 *
 * @param address the address in canonical text form (IPv4 dotted quad or compressed IPv6)
 * @param observedAt when the vendor observed the device at this address
 */
public record WifiIpBinding(String address, Instant observedAt) {

    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    public WifiIpBinding {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(observedAt, "observedAt");
    }

    /**
     * Parses an IP address literal without ever resolving a name.
     *
     * @return the canonical address, or empty for a blank value, {@code 0.0.0.0} or a value that is not an IP
     *     address literal
     */
    public static Optional<String> canonicalAddress(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.trim();
        if (IPV4.matcher(trimmed).matches()) {
            return "0.0.0.0".equals(trimmed) ? Optional.empty() : Optional.of(trimmed);
        }
        if (!trimmed.contains(":") || !trimmed.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            // A literal containing ':' is parsed, never looked up.
            return Optional.of(InetAddress.getByName(trimmed).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
