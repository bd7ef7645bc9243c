package com.pult.mdm.host.manual;

import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.sync.SnapshotListener;
import com.pult.mdm.host.users.RejectedRowsException;
import com.pult.mdm.host.users.RowProblem;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in provider for organizations without an MDM, and for private WiFi addresses an admin vouches for: a
 * pasted list of {@code email, mac_address} lines. Saving validates every line, replaces the organization's whole
 * list atomically and rebuilds its match index, so the next WiFi batch sees the new list.
 */
public final class ManualDevices {

    private final Logger logger = LoggerFactory.getLogger(ManualDevices.class);
    private final ManualDeviceStore store;
    private final SnapshotListener indexes;
    private final Clock clock;

    /**
     * @param indexes told after every save; pass the {@code MatchIndexes} whose second source is this store
     */
    public ManualDevices(ManualDeviceStore store, SnapshotListener indexes, Clock clock) {
        this.store = store;
        this.indexes = indexes;
        this.clock = clock;
    }

    /**
     * Replaces the organization's list with the pasted text.
     *
     * @return how many devices the list now holds
     * @throws RejectedRowsException listing every bad line (two emails, no MAC, a duplicate MAC…); nothing was saved
     * @throws StoreException when the database failed; nothing was saved
     */
    public int save(String orgId, String text) throws RejectedRowsException, StoreException {
        List<ManualListParser.Entry> entries = ManualListParser.parse(text);
        if (!store.organizationExists(orgId)) {
            throw new RejectedRowsException(List.of(new RowProblem(
                    1, "No organization '" + orgId + "': create the organization before saving its devices.")));
        }
        store.replace(orgId, entries, clock.instant());
        indexes.snapshotChanged(orgId);
        logger.info("Saved the manual device list of '{}': {} devices", orgId, entries.size());
        return entries.size();
    }

    /** The organization's current list, in line order. */
    public List<ManualDevice> list(String orgId) throws StoreException {
        return store.list(orgId);
    }
}
