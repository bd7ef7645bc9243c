package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.host.users.UserDirectory;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.SerialNumber;
import com.pult.mdm.spi.WifiIpBinding;
import java.time.Instant;
import java.util.Optional;

/**
 * One organization's match index joined with its user directory: every device's owner is resolved once, when the
 * snapshot is made, so a lookup is a table read. Immutable; a batch uses one snapshot from start to end.
 */
public final class MatchSnapshot {

    /** The integration id of manual devices, the admin's explicit MAC list. */
    public static final String MANUAL = "manual";

    private final MatchIndex index;
    private final UserDirectory users;
    private final PultUser[] owners;

    MatchSnapshot(MatchIndex index, UserDirectory users) {
        this.index = index;
        this.users = users;
        this.owners = new PultUser[index.size()];
        for (int position = 0; position < owners.length; position++) {
            StoredDevice device = index.deviceAt(position);
            owners[position] = device.isActive() ? users.find(device.email()) : null;
        }
    }

    /** Looks a user up by device serial. */
    public UserMatch bySerial(String input) {
        Optional<SerialNumber> serial = SerialNumber.parse(input);
        int position = serial.map(found -> index.serialPosition(found.value())).orElse(-1);
        if (position < 0) {
            return fromIndex(LookupKind.SERIAL, index.bySerial(input));
        }
        return resolve(LookupKind.SERIAL, input, serial.get().value(), position);
    }

    /**
     * Looks a user up by a MAC in any spelling. A private (locally administered) MAC matches only a manual device,
     * that is an alias an admin listed; an MDM device reporting one is not trusted, since the address changes per
     * network.
     */
    public UserMatch byMac(String input) {
        long mac = MacText.toLong(input);
        int position = mac == MacText.INVALID ? -1 : index.macPosition(mac);
        if (position < 0) {
            return fromIndex(LookupKind.MAC, index.byMac(input));
        }
        StoredDevice device = index.deviceAt(position);
        String key = canonicalText(device, mac);
        boolean manual = isManual(device);
        if (MacText.isLocallyAdministered(mac) && !manual) {
            return new UserMatch(
                    LookupKind.MAC,
                    input,
                    Optional.of(key),
                    MatchReason.RANDOMIZED_MAC,
                    Optional.of(device),
                    Optional.empty(),
                    null);
        }
        return resolve(manual ? LookupKind.ALIAS : LookupKind.MAC, input, key, position);
    }

    /** The canonical text of {@code mac}: the device's stored WiFi MAC is already canonical, so it is reused. */
    private static String canonicalText(StoredDevice device, long mac) {
        String stored = device.wifiMac().orElse(null);
        return stored != null && MacText.toLong(stored) == mac
                ? stored
                : MacAddress.fromLong(mac).toString();
    }

    /** Looks a user up by the WiFi IP a device had at {@code at}; only a binding within the freshness window counts. */
    public UserMatch byIp(String input, Instant at) {
        int position = freshIpPosition(WifiIpBinding.canonicalAddress(input).orElse(null), at);
        if (position < 0) {
            return fromIndex(LookupKind.IP, index.byIp(input, at));
        }
        return resolve(
                LookupKind.IP, input, WifiIpBinding.canonicalAddress(input).orElseThrow(), position);
    }

    /** The position of the device freshly bound to this canonical IP at {@code at}, or -1; builds no trace. */
    public int freshIpPosition(String canonicalIp, Instant at) {
        int position = canonicalIp == null ? -1 : index.ipPosition(canonicalIp);
        if (position < 0) {
            return -1;
        }
        Instant observed = index.deviceAt(position).wifiIpObservedAt().orElse(Instant.MIN);
        return observed.isBefore(at.minus(index.ipFreshness())) ? -1 : position;
    }

    private UserMatch resolve(LookupKind kind, String input, String key, int position) {
        StoredDevice device = index.deviceAt(position);
        PultUser owner = owners[position];
        MatchReason reason = owner != null
                ? MatchReason.MATCHED
                : device.email() == null || device.email().isBlank()
                        ? MatchReason.NO_ASSIGNED_USER
                        : MatchReason.EMAIL_NOT_A_USER;
        return new UserMatch(
                kind, input, Optional.of(key), reason, Optional.of(device), Optional.ofNullable(owner), null);
    }

    private static UserMatch fromIndex(LookupKind kind, DeviceMatch miss) {
        return new UserMatch(
                kind,
                miss.input(),
                miss.normalized(),
                miss.reason(),
                miss.device(),
                Optional.empty(),
                miss.explanation());
    }

    /** Whether a device is from the admin's manual list. */
    public static boolean isManual(StoredDevice device) {
        return MANUAL.equals(device.integrationId());
    }

    /** The user owning the device at a position, or null; the hot path's resolution. */
    public PultUser ownerAt(int position) {
        return owners[position];
    }

    public MatchIndex index() {
        return index;
    }

    public UserDirectory users() {
        return users;
    }
}
