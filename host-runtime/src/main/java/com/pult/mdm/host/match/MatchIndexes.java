package com.pult.mdm.host.match;

import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.sync.SnapshotListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The current match index of every organization, rebuilt from the stored snapshot after every commit. Lookups
 * read an immutable index and never wait for a sync; after a restart the first lookup builds the index from the
 * database, so lookups answer before the first new sync.
 */
public final class MatchIndexes implements SnapshotListener {

    private final Logger logger = LoggerFactory.getLogger(MatchIndexes.class);
    private final DeviceStore devices;
    private final Duration ipFreshness;
    private final Map<String, MatchIndex> indexes = new ConcurrentHashMap<>();

    /**
     * @param ipFreshness how long a WiFi IP binding is trusted after the vendor observed it
     */
    public MatchIndexes(DeviceStore devices, Duration ipFreshness) {
        this.devices = devices;
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
        MatchIndex index = MatchIndex.build(orgId, devices.devicesOfOrganization(orgId), ipFreshness);
        indexes.put(orgId, index);
        return index;
    }
}
