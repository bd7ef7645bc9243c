package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.SerialNumber;
import com.pult.mdm.spi.WifiIpBinding;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One organization's devices indexed by serial, WiFi MAC and WiFi IP, immutable and rebuilt on every commit. Exact
 * and explainable: normalized keys only, every lookup says why it matched or did not.
 *
 * <ul>
 *   <li>Re-enrolled devices sharing a serial: the latest check-in wins; the others are reported as conflicts.
 *   <li>One MAC on several devices: ambiguous, never matched, reported.
 *   <li>An IP on several devices: the newest binding wins; a binding older than the freshness window never
 *       matches, since DHCP reassigns addresses.
 * </ul>
 */
public final class MatchIndex {

    private static final int AMBIGUOUS = -2;

    private final String orgId;
    private final StoredDevice[] devices;
    private final Map<String, Integer> bySerial;
    private final Map<String, Integer> goneBySerial;
    private final LongIntMap byMac;
    private final LongIntMap goneByMac;
    private final Map<String, Integer> byIp;
    private final Duration ipFreshness;
    private final List<Conflict> conflicts;
    private final int active;

    private MatchIndex(Builder builder, Duration ipFreshness) {
        this.orgId = builder.orgId;
        this.devices = builder.devices.toArray(StoredDevice[]::new);
        this.bySerial = builder.bySerial;
        this.goneBySerial = builder.goneBySerial;
        this.byMac = builder.byMac;
        this.goneByMac = builder.goneByMac;
        this.byIp = builder.byIp;
        this.ipFreshness = ipFreshness;
        this.conflicts = List.copyOf(builder.conflicts());
        this.active = builder.active;
    }

    /** An index of no devices. */
    public static MatchIndex empty(String orgId) {
        return build(orgId, List.of(), Duration.ofHours(12));
    }

    /**
     * Builds the index of one organization.
     *
     * @param devices its stored devices, gone ones included (they explain misses)
     * @param ipFreshness how long a WiFi IP binding is trusted after the vendor observed it
     */
    public static MatchIndex build(String orgId, List<StoredDevice> devices, Duration ipFreshness) {
        Builder builder = new Builder(orgId, devices.size());
        List<StoredDevice> ordered = new ArrayList<>(devices);
        // Latest check-in first, so the first device to claim a serial is the one that wins.
        ordered.sort(Comparator.comparing(
                        (StoredDevice device) -> device.lastCheckIn().orElse(Instant.MIN))
                .reversed()
                .thenComparing(StoredDevice::integrationId)
                .thenComparing(StoredDevice::deviceId));
        ordered.forEach(builder::add);
        return new MatchIndex(builder, ipFreshness);
    }

    /** Looks a device up by serial number. */
    public DeviceMatch bySerial(String input) {
        Optional<SerialNumber> serial = SerialNumber.parse(input);
        if (serial.isEmpty()) {
            return miss(
                    input,
                    null,
                    MatchReason.INVALID_INPUT,
                    null,
                    "'" + shown(input) + "' is empty or a placeholder, not a serial number.");
        }
        String key = serial.get().value();
        Integer found = bySerial.get(key);
        if (found != null) {
            return hit(input, key, devices[found], "Serial " + key + " belongs to this device.");
        }
        Integer gone = goneBySerial.get(key);
        if (gone != null) {
            return miss(
                    input,
                    key,
                    MatchReason.DEVICE_GONE,
                    devices[gone],
                    "The device with serial " + key + " is gone from its MDM since "
                            + devices[gone].goneSince().orElse(null) + ".");
        }
        return miss(input, key, MatchReason.UNKNOWN_SERIAL, null, "No MDM device has serial " + key + ".");
    }

    /** Looks a device up by WiFi MAC, in any common spelling. */
    public DeviceMatch byMac(String input) {
        MacAddress mac;
        try {
            mac = MacAddress.parse(input);
        } catch (IllegalArgumentException e) {
            return miss(input, null, MatchReason.INVALID_INPUT, null, e.getMessage());
        }
        String key = mac.toString();
        int found = byMac.get(mac.toLong());
        if (found >= 0) {
            StoredDevice device = devices[found];
            String which = device.wifiMac().filter(key::equals).isPresent() ? "WiFi MAC " : "MAC ";
            return hit(input, key, device, which + key + " belongs to this device.");
        }
        if (found == AMBIGUOUS) {
            return miss(
                    input,
                    key,
                    MatchReason.AMBIGUOUS_MAC,
                    null,
                    "Several devices report WiFi MAC " + key + "; none is chosen.");
        }
        if (mac.isLocallyAdministered()) {
            return miss(
                    input,
                    key,
                    MatchReason.RANDOMIZED_MAC,
                    null,
                    key + " is a private (randomized) WiFi"
                            + " address; it cannot identify a device. Turn off private addresses for the office"
                            + " network.");
        }
        int gone = goneByMac.get(mac.toLong());
        if (gone >= 0) {
            return miss(
                    input,
                    key,
                    MatchReason.DEVICE_GONE,
                    devices[gone],
                    "The device with WiFi MAC " + key + " is gone from its MDM.");
        }
        return miss(input, key, MatchReason.UNKNOWN_MAC, null, "No MDM device has WiFi MAC " + key + ".");
    }

    /** Looks a device up by the WiFi IP it had at {@code at}. */
    public DeviceMatch byIp(String input, Instant at) {
        Optional<String> address = WifiIpBinding.canonicalAddress(input);
        if (address.isEmpty()) {
            return miss(input, null, MatchReason.INVALID_INPUT, null, "'" + shown(input) + "' is not an IP address.");
        }
        Integer found = byIp.get(address.get());
        if (found == null) {
            return miss(
                    input,
                    address.get(),
                    MatchReason.UNKNOWN_IP,
                    null,
                    "No MDM device reported WiFi IP " + address.get() + ".");
        }
        StoredDevice device = devices[found];
        Instant observed = device.wifiIpObservedAt().orElse(Instant.MIN);
        if (observed.isBefore(at.minus(ipFreshness))) {
            return miss(
                    input,
                    address.get(),
                    MatchReason.IP_BINDING_STALE,
                    device,
                    "The MDM last saw "
                            + address.get() + " on this device at " + observed + ", longer ago than " + ipFreshness
                            + "; the address may belong to someone else now.");
        }
        return hit(
                input, address.get(), device, "The MDM saw this device at " + address.get() + " at " + observed + ".");
    }

    /**
     * The hot-path MAC lookup, which builds no trace: the position of the active device with this MAC (see
     * {@link MacAddress#toLong()}), {@code -1} when no active device has it, {@code -2} when several do. Unlike
     * {@link #byMac} it does not judge randomized addresses; the caller decides what a private address may match.
     */
    public int macPosition(long mac) {
        return byMac.get(mac);
    }

    /** The position of the active device with this normalized serial, or {@code -1}; builds no trace. */
    public int serialPosition(String normalizedSerial) {
        Integer found = bySerial.get(normalizedSerial);
        return found == null ? -1 : found;
    }

    /**
     * The position of the active device with the newest binding to this canonical IP, or {@code -1}; the caller
     * checks the binding against {@link #ipFreshness()}.
     */
    public int ipPosition(String canonicalIp) {
        Integer found = byIp.get(canonicalIp);
        return found == null ? -1 : found;
    }

    /** The device at a position a {@code …Position} method returned. */
    public StoredDevice deviceAt(int position) {
        return devices[position];
    }

    /** How many devices the index holds, gone ones included; positions run from 0 to this, exclusive. */
    public int size() {
        return devices.length;
    }

    /** How long a WiFi IP binding is trusted after the vendor observed it. */
    public Duration ipFreshness() {
        return ipFreshness;
    }

    private static DeviceMatch hit(String input, String key, StoredDevice device, String explanation) {
        return new DeviceMatch(input, Optional.of(key), MatchReason.MATCHED, Optional.of(device), explanation);
    }

    private static DeviceMatch miss(
            String input, String key, MatchReason reason, StoredDevice device, String explanation) {
        return new DeviceMatch(input, Optional.ofNullable(key), reason, Optional.ofNullable(device), explanation);
    }

    private static String shown(String input) {
        String text = input == null ? "" : input.strip();
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    public String orgId() {
        return orgId;
    }

    /** Active devices in the index. */
    public int activeDevices() {
        return active;
    }

    /** Every active device, in index order. */
    public List<StoredDevice> devices() {
        List<StoredDevice> all = new ArrayList<>(active);
        for (StoredDevice device : devices) {
            if (device.isActive()) {
                all.add(device);
            }
        }
        return all;
    }

    /** Serials shared by several devices and MACs reported by several devices. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** Approximate bytes the lookup tables take beyond the devices themselves. */
    public long tableBytes() {
        return byMac.footprintBytes() + goneByMac.footprintBytes() + (bySerial.size() + byIp.size()) * 64L;
    }

    /**
     * A key several devices claim.
     *
     * @param kind {@code serial} or {@code mac}
     * @param key the normalized key
     * @param winner the device that matches, or empty when none does (an ambiguous MAC)
     * @param others the devices that do not
     */
    public record Conflict(String kind, String key, Optional<StoredDevice> winner, List<StoredDevice> others) {}

    private static final class Builder {
        private final String orgId;
        private final List<StoredDevice> devices;
        private final Map<String, Integer> bySerial;
        private final Map<String, Integer> goneBySerial = new HashMap<>();
        private final LongIntMap byMac;
        private final LongIntMap goneByMac;
        private final Map<String, Integer> byIp;
        private final Map<String, List<StoredDevice>> serialLosers = new HashMap<>();
        private final Map<Long, List<StoredDevice>> macClaims = new HashMap<>();
        private final List<Conflict> conflicts = new ArrayList<>();
        private int active;

        Builder(String orgId, int expected) {
            this.orgId = orgId;
            this.devices = new ArrayList<>(expected);
            this.bySerial = new HashMap<>(expected * 2);
            this.byMac = new LongIntMap(expected);
            this.goneByMac = new LongIntMap(16);
            this.byIp = new HashMap<>(expected * 2);
        }

        void add(StoredDevice device) {
            int position = devices.size();
            devices.add(device);
            if (!device.isActive()) {
                device.serial().ifPresent(serial -> goneBySerial.putIfAbsent(serial, position));
                macsOf(device)
                        .forEach(mac -> goneByMac.put(MacAddress.parse(mac).toLong(), position));
                return;
            }
            active++;
            device.serial().ifPresent(serial -> addSerial(serial, position, device));
            macsOf(device).forEach(mac -> addMac(MacAddress.parse(mac).toLong(), position, device));
            device.wifiIp().ifPresent(ip -> addIp(ip, position, device));
        }

        private static List<String> macsOf(StoredDevice device) {
            java.util.Set<String> macs = new java.util.LinkedHashSet<>();
            device.wifiMac().ifPresent(macs::add);
            macs.addAll(device.otherMacs());
            return List.copyOf(macs);
        }

        private void addSerial(String serial, int position, StoredDevice device) {
            if (bySerial.putIfAbsent(serial, position) != null) {
                serialLosers.computeIfAbsent(serial, key -> new ArrayList<>()).add(device);
            }
        }

        private void addMac(long mac, int position, StoredDevice device) {
            List<StoredDevice> claims = macClaims.computeIfAbsent(mac, key -> new ArrayList<>(1));
            claims.add(device);
            byMac.put(mac, claims.size() == 1 ? position : AMBIGUOUS);
        }

        private void addIp(String ip, int position, StoredDevice device) {
            Integer current = byIp.get(ip);
            Instant observed = device.wifiIpObservedAt().orElse(Instant.MIN);
            if (current == null
                    || observed.isAfter(devices.get(current).wifiIpObservedAt().orElse(Instant.MIN))) {
                byIp.put(ip, position);
            }
        }

        List<Conflict> conflicts() {
            serialLosers.forEach((serial, losers) -> conflicts.add(new Conflict(
                    "serial", serial, Optional.of(devices.get(bySerial.get(serial))), List.copyOf(losers))));
            macClaims.forEach((mac, claims) -> {
                if (claims.size() > 1) {
                    conflicts.add(new Conflict(
                            "mac", MacAddress.fromLong(mac).toString(), Optional.empty(), List.copyOf(claims)));
                }
            });
            return conflicts;
        }
    }
}
