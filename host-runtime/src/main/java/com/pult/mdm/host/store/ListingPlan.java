package com.pult.mdm.host.store;

import com.pult.mdm.spi.MdmDevice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a complete listing does to a stored snapshot, decided before anything is written so the removal guard can
 * hold the whole listing.
 */
record ListingPlan(
        List<MdmDevice> added,
        List<MdmDevice> updated,
        List<String> rejectedExisting,
        List<String> missing,
        List<String> gone,
        int activeBefore,
        int rejectedActive) {

    /** A device absent from this many complete listings in a row is gone. */
    static final int LISTINGS_UNTIL_GONE = 2;

    static ListingPlan of(
            Map<String, DeviceStore.Existing> existing, Collection<MdmDevice> accepted, Set<String> rejectedIds) {
        List<MdmDevice> added = new ArrayList<>();
        List<MdmDevice> updated = new ArrayList<>();
        Set<String> acceptedIds = new HashSet<>();
        for (MdmDevice device : accepted) {
            acceptedIds.add(device.deviceId());
            (existing.containsKey(device.deviceId()) ? updated : added).add(device);
        }
        List<String> rejectedExisting = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        int activeBefore = 0;
        int rejectedActive = 0;
        for (Map.Entry<String, DeviceStore.Existing> entry : existing.entrySet()) {
            String id = entry.getKey();
            DeviceStore.Existing state = entry.getValue();
            activeBefore += state.gone() ? 0 : 1;
            if (acceptedIds.contains(id)) {
                continue;
            }
            if (rejectedIds.contains(id)) {
                rejectedExisting.add(id);
                rejectedActive += state.gone() ? 0 : 1;
            } else if (!state.gone()) {
                (state.missingListings() + 1 >= LISTINGS_UNTIL_GONE ? gone : missing).add(id);
            }
        }
        return new ListingPlan(added, updated, rejectedExisting, missing, gone, activeBefore, rejectedActive);
    }

    /** Active devices this listing takes out of matching. */
    int removedCount() {
        return rejectedActive + gone.size();
    }

    boolean exceeds(double maxShare, int minimumDevices) {
        return activeBefore >= minimumDevices && removedCount() > maxShare * activeBefore;
    }

    String holdReason(double maxShare) {
        return String.format(
                java.util.Locale.ROOT,
                "The last sync would remove %d of %d devices (more than %.0f%%). Nothing was changed; confirm the"
                        + " removals if the MDM really lost these devices, or check the MDM account.",
                removedCount(),
                activeBefore,
                maxShare * 100);
    }
}
