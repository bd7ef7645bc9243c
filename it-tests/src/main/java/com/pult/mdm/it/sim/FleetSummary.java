package com.pult.mdm.it.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected counts for a fleet, computed from the devices themselves so they stay right after mutations.
 *
 * @param total all devices
 * @param byPlatform devices per platform
 * @param assigned devices with a user object
 * @param unassigned devices whose row shows {@code user: ""}
 * @param archivedUser devices whose user is archived
 * @param mdmDisabled devices with {@code mdm_enabled: false}
 * @param eligible devices with an assigned, non-archived user and MDM enabled (what an ownership sync keeps)
 * @param erased erased devices (blank model; blank or placeholder serial)
 * @param sharedSerialDevices devices whose non-blank serial also belongs to another device (re-enrollments)
 * @param distinctSerials distinct non-blank serials
 * @param withMac devices whose details expose a MAC ({@code network.mac_address} or Android
 *     {@code hardware.wifi_mac_address})
 * @param withoutMac the other devices (network {}, AppleTV, Windows, erased)
 * @param neverCheckedIn devices with {@code last_check_in: ""}
 * @param legacyUserIds devices whose user carries an integer id
 * @param nonAsciiNames devices whose name contains a non-ASCII character
 */
public record FleetSummary(
        int total,
        Map<Platform, Integer> byPlatform,
        int assigned,
        int unassigned,
        int archivedUser,
        int mdmDisabled,
        int eligible,
        int erased,
        int sharedSerialDevices,
        int distinctSerials,
        int withMac,
        int withoutMac,
        int neverCheckedIn,
        int legacyUserIds,
        int nonAsciiNames) {

    /** Counts the devices. */
    public static FleetSummary of(List<SimDevice> devices) {
        Map<Platform, Integer> platforms = new EnumMap<>(Platform.class);
        Map<String, Integer> serials = new HashMap<>();
        int[] c = new int[10];
        for (SimDevice d : devices) {
            platforms.merge(d.platform(), 1, Integer::sum);
            if (!isBlankSerial(d.serialNumber())) {
                serials.merge(d.serialNumber(), 1, Integer::sum);
            }
            count(d, c);
        }
        int shared = serials.values().stream()
                .filter(n -> n > 1)
                .mapToInt(Integer::intValue)
                .sum();
        int total = devices.size();
        return new FleetSummary(
                total,
                Map.copyOf(platforms),
                c[0],
                total - c[0],
                c[1],
                c[2],
                c[3],
                c[4],
                shared,
                serials.size(),
                c[5],
                total - c[5],
                c[6],
                c[7],
                c[8]);
    }

    private static void count(SimDevice d, int[] c) {
        boolean assigned = d.user().isPresent();
        boolean archived = d.user().map(SimUser::archived).orElse(false);
        c[0] += assigned ? 1 : 0;
        c[1] += archived ? 1 : 0;
        c[2] += d.mdmEnabled() ? 0 : 1;
        c[3] += assigned && !archived && d.mdmEnabled() ? 1 : 0;
        c[4] += d.erased() ? 1 : 0;
        c[5] += d.macAddress().isPresent() ? 1 : 0;
        c[6] += d.lastCheckIn().isEmpty() ? 1 : 0;
        c[7] += d.user().map(u -> u.legacyId() != null).orElse(false) ? 1 : 0;
        c[8] += d.deviceName().chars().anyMatch(ch -> ch > 127) ? 1 : 0;
    }

    /** Blank or the erased-device placeholder. */
    public static boolean isBlankSerial(String serial) {
        return serial.isBlank() || "Not Available".equals(serial);
    }

    /** The counts as JSON for the control endpoint. */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("total", total);
        ObjectNode p = n.putObject("by_platform");
        byPlatform.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> p.put(e.getKey().wireName(), e.getValue()));
        n.put("assigned", assigned).put("unassigned", unassigned).put("archived_user", archivedUser);
        n.put("mdm_disabled", mdmDisabled).put("eligible", eligible).put("erased", erased);
        n.put("shared_serial_devices", sharedSerialDevices).put("distinct_serials", distinctSerials);
        n.put("with_mac", withMac).put("without_mac", withoutMac).put("never_checked_in", neverCheckedIn);
        n.put("legacy_user_ids", legacyUserIds).put("non_ascii_names", nonAsciiNames);
        return n;
    }
}
