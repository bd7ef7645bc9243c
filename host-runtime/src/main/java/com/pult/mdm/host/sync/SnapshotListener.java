package com.pult.mdm.host.sync;

/** Told when an organization's stored devices changed, so its match index can be rebuilt. */
@FunctionalInterface
public interface SnapshotListener {

    /** Called after a commit, on the syncing thread; must return quickly. */
    void snapshotChanged(String orgId);
}
