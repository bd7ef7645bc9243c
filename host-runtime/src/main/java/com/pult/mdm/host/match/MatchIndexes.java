package com.pult.mdm.host.match;

import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.sync.SnapshotListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current match index of every organization, rebuilt from the stored snapshot after every commit. Lookups
 * read an immutable index and never wait for a sync; after a restart the first lookup builds the index from the
 * database, so lookups answer before the first new sync.
 *
 * <p>An index is built from the MDM snapshot plus an extra source, the organization's manual devices (integration
 * id {@code manual}). A manual line that repeats the MAC of an active MDM device of the same email adds nothing and
 * is left out, so it does not make that MAC ambiguous; for another email the MAC is ambiguous and reported.
 */
public final class MatchIndexes implements SnapshotListener {

    private final Logger logger = LoggerFactory.getLogger(MatchIndexes.class);
    /** How long a WiFi IP binding is trusted unless configured otherwise. */
    public static final Duration DEFAULT_IP_FRESHNESS = Duration.ofHours(12);

    private final DeviceSource mdm;
    private final DeviceSource extra;
    private final Duration ipFreshness;
    private final Map<String, MatchIndex> indexes = new ConcurrentHashMap<>();

    /**
     * @param ipFreshness how long a WiFi IP binding is trusted after the vendor observed it
     */
    public MatchIndexes(DeviceStore devices, Duration ipFreshness) {
        this(devices::devicesOfOrganization, orgId -> List.of(), ipFreshness);
    }

    /**
     * @param mdm the synced MDM devices
     * @param extra further devices, such as the manual list; call {@link #snapshotChanged} when they change
     * @param ipFreshness how long a WiFi IP binding is trusted after the vendor observed it
     */
    public MatchIndexes(DeviceSource mdm, DeviceSource extra, Duration ipFreshness) {
        this.mdm = mdm;
        this.extra = extra;
        this.ipFreshness = ipFreshness;
    }

    /** The organization's current index, built from the database on first use. */
    public MatchIndex of(String orgId) throws StoreException {
        MatchIndex index = indexes.get(orgId);
        return index != null ? index : rebuild(orgId);
    }

    @Override
    public void snapshotChanged(String orgId) {
        try {
            rebuild(orgId);
        } catch (StoreException e) {
            // The old index keeps answering; the next commit or lookup rebuilds it.
            indexes.remove(orgId);
            logger.warn("Failed to rebuild the match index of '{}': {}", orgId, e.getMessage());
        }
    }

    private synchronized MatchIndex rebuild(String orgId) throws StoreException {
        MatchIndex index = MatchIndex.build(orgId, merge(mdm.devicesOf(orgId), extra.devicesOf(orgId)), ipFreshness);
        indexes.put(orgId, index);
        return index;
    }

    private static List<StoredDevice> merge(List<StoredDevice> mdmDevices, List<StoredDevice> extraDevices) {
        if (extraDevices.isEmpty()) {
            return mdmDevices;
        }
        Map<String, String> emailByMac = new HashMap<>();
        for (StoredDevice device : mdmDevices) {
            if (device.isActive()) {
                device.wifiMac().ifPresent(mac -> emailByMac.put(mac, emailKey(device)));
                device.otherMacs().forEach(mac -> emailByMac.put(mac, emailKey(device)));
            }
        }
        List<StoredDevice> all = new ArrayList<>(mdmDevices);
        for (StoredDevice device : extraDevices) {
            String mac = device.wifiMac().orElse("");
            if (!emailKey(device).equals(emailByMac.get(mac))) {
                all.add(device);
            }
        }
        return all;
    }

    private static String emailKey(StoredDevice device) {
        return device.email() == null ? "" : device.email().strip().toLowerCase(Locale.ROOT);
    }
}
