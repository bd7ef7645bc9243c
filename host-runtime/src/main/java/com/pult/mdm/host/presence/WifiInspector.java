package com.pult.mdm.host.presence;

import com.pult.mdm.host.match.MacText;
import com.pult.mdm.host.match.MatchIndex;
import com.pult.mdm.host.match.MatchService;
import com.pult.mdm.host.match.MatchSnapshot;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.spi.MacAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the WiFi Inspector shows: the three figures, and the device table (active MDM and manual devices, gone
 * ones left out) searchable by email, serial or MAC, paged. "Recent" is {@link PresenceSettings#recentClients()},
 * fifteen minutes by default.
 */
public final class WifiInspector {

    private static final int MAX_PAGE_SIZE = 500;

    private final MatchService matches;
    private final PresenceStore store;
    private final PresenceSettings settings;
    private final Clock clock;

    public WifiInspector(MatchService matches, PresenceStore store, PresenceSettings settings, Clock clock) {
        this.matches = matches;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The three figures. */
    public InspectorSummary summary(String orgId) throws StoreException {
        int manual = 0;
        List<StoredDevice> devices = matches.snapshot(orgId).index().devices();
        for (StoredDevice device : devices) {
            manual += MatchSnapshot.isManual(device) ? 1 : 0;
        }
        PresenceStore.ClientCounts clients = store.recentClients(orgId, since());
        return new InspectorSummary(
                devices.size() - manual, manual, clients.clients(), clients.matched(), settings.recentClients());
    }

    /**
     * One page of the device table, ordered by email then serial.
     *
     * @param query empty for all; otherwise part of an email or serial (any case), or a MAC in any spelling, or
     *     part of one (hex digits)
     * @param page 0-based
     * @param size 1 to 500
     */
    public Page<DeviceRow> devices(String orgId, String query, int page, int size) throws StoreException {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page is 0 or more and holds 1 to " + MAX_PAGE_SIZE + " rows.");
        }
        MatchSnapshot snapshot = matches.snapshot(orgId);
        Set<String> seen = store.recentMacs(orgId, since());
        Search search = new Search(query);
        List<DeviceRow> rows = new ArrayList<>();
        MatchIndex index = snapshot.index();
        for (int position = 0; position < index.size(); position++) {
            StoredDevice device = index.deviceAt(position);
            if (device.isActive() && search.matches(device)) {
                rows.add(row(device, snapshot.ownerAt(position), seen));
            }
        }
        rows.sort(Comparator.comparing((DeviceRow row) -> row.email().toLowerCase(Locale.ROOT))
                .thenComparing(row -> row.serial() == null ? "" : row.serial()));
        int from = Math.min(rows.size(), page * size);
        return new Page<>(List.copyOf(rows.subList(from, Math.min(rows.size(), from + size))), page, size, rows.size());
    }

    private static DeviceRow row(StoredDevice device, PultUser owner, Set<String> seen) {
        boolean onWifi = device.wifiMac().filter(seen::contains).isPresent()
                || device.otherMacs().stream().anyMatch(seen::contains);
        Instant listed = device.listedAt();
        Instant updated =
                device.detailFetchedAt().filter(at -> at.isAfter(listed)).orElse(listed);
        return new DeviceRow(
                device.integrationId(),
                device.deviceId(),
                device.email(),
                device.serial().orElse(null),
                device.wifiMac().orElse(null),
                device.otherMacs(),
                updated,
                owner == null ? null : owner.email(),
                onWifi);
    }

    private Instant since() {
        return clock.instant().minus(settings.recentClients());
    }

    /** A search term, read once. */
    private static final class Search {
        private final String lower;
        private final String upper;
        private final String mac;
        private final String hexDigits;

        Search(String query) {
            String text = query == null ? "" : query.strip();
            lower = text.toLowerCase(Locale.ROOT);
            upper = text.toUpperCase(Locale.ROOT);
            long parsed = text.isEmpty() ? MacText.INVALID : MacText.toLong(text);
            mac = parsed == MacText.INVALID ? null : MacAddress.fromLong(parsed).toString();
            String digits = lower.replaceAll("[.:\\-]", "");
            hexDigits = digits.length() >= 4 && digits.matches("[0-9a-f]+") ? digits : null;
        }

        boolean matches(StoredDevice device) {
            if (lower.isEmpty()) {
                return true;
            }
            if (device.email().toLowerCase(Locale.ROOT).contains(lower)
                    || device.serial().filter(serial -> serial.contains(upper)).isPresent()) {
                return true;
            }
            List<String> macs = new ArrayList<>(device.otherMacs());
            device.wifiMac().ifPresent(macs::add);
            for (String candidate : macs) {
                if (candidate.equals(mac)
                        || (hexDigits != null && candidate.replace(":", "").contains(hexDigits))) {
                    return true;
                }
            }
            return false;
        }
    }
}
