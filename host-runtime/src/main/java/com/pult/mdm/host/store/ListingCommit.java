package com.pult.mdm.host.store;

/**
 * What committing a complete listing did, or why it held.
 *
 * @param committed false when the removals exceeded the allowed share and nothing was written
 * @param added devices new to the snapshot
 * @param updated devices already known
 * @param missing devices absent from this listing for the first time (kept, still matching)
 * @param removed devices that left the snapshot: now rejected (user unassigned or archived, MDM off) or absent
 *     from two complete listings in a row
 * @param activeBefore active devices before this listing
 * @param holdReason why nothing was committed, or null
 */
public record ListingCommit(
        boolean committed, int added, int updated, int missing, int removed, int activeBefore, String holdReason) {

    static ListingCommit held(int removed, int activeBefore, String reason) {
        return new ListingCommit(false, 0, 0, 0, removed, activeBefore, reason);
    }
}
