package com.pult.mdm.host.store;

import java.time.Instant;
import java.util.Map;

/**
 * The record one sync run leaves.
 *
 * @param id assigned by the store
 * @param integrationId the integration synced
 * @param startedAt when it started
 * @param endedAt when it ended, or null while it runs
 * @param outcome how it ended
 * @param devicesSeen devices in the listing
 * @param accepted devices kept
 * @param rejected devices not kept, by reason code
 * @param removed devices that left the snapshot
 * @param detailsFetched per-device details stored
 * @param requests requests spent at the vendor
 * @param rateLimited 429 answers received
 * @param message what went wrong, or a summary
 */
public record SyncRun(
        long id,
        String integrationId,
        Instant startedAt,
        Instant endedAt,
        Outcome outcome,
        int devicesSeen,
        int accepted,
        Map<String, Integer> rejected,
        int removed,
        int detailsFetched,
        int requests,
        int rateLimited,
        String message) {

    public SyncRun {
        rejected = Map.copyOf(rejected);
    }

    /** How a run ended. */
    public enum Outcome {
        RUNNING,
        SUCCEEDED,
        /** Removals exceeded the allowed share; nothing was committed. */
        HELD,
        AUTH_FAILED,
        RATE_LIMITED,
        TRANSIENT_FAILURE,
        BAD_VENDOR_DATA,
        CANCELLED,
        /** The host itself failed (database, plugin code threw). */
        HOST_ERROR,
        /** The host stopped during the run (crash or kill); found at the next start. */
        INTERRUPTED
    }
}
