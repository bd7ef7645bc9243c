package com.pult.mdm.kandji.internal.sync;

import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.MdmDevice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which devices get a details request in this sync. Details cost one request per device out of a budget of
 * 10,000 an hour for the whole tenant, so they are fetched only where they can have changed.
 *
 * @param newDevices devices never detailed before: always fetched, in listing order
 * @param refreshes known devices that checked in since their details were fetched, most recent check-in first,
 *     at most {@link FetchContext#detailRefreshLimit()}
 * @param deferred changed devices left for a later sync because the limit was reached
 */
public record KandjiDetailPlan(List<String> newDevices, List<String> refreshes, int deferred) {

    private static final Comparator<MdmDevice> MOST_RECENT_FIRST = Comparator.comparing(
            (MdmDevice device) -> device.lastCheckIn().orElse(Instant.MIN), Comparator.reverseOrder());

    public KandjiDetailPlan {
        newDevices = List.copyOf(newDevices);
        refreshes = List.copyOf(refreshes);
    }

    /**
     * Plans the details of the devices that qualify for the inventory (assigned, non-archived user; MDM on).
     *
     * @param qualifying the qualifying devices of a complete listing
     * @param context what earlier syncs knew and how many refreshes this one may spend
     */
    public static KandjiDetailPlan of(List<MdmDevice> qualifying, FetchContext context) {
        List<String> fresh = new ArrayList<>();
        List<MdmDevice> changed = new ArrayList<>();
        for (MdmDevice device : qualifying) {
            Optional<KnownDevice> known = context.known(device.deviceId());
            if (known.isEmpty() || known.get().detailFetchedAt().isEmpty()) {
                fresh.add(device.deviceId());
            } else if (!known.get().detailCheckIn().equals(device.lastCheckIn())) {
                changed.add(device);
            }
        }
        changed.sort(MOST_RECENT_FIRST);
        int allowed = Math.min(changed.size(), Math.max(0, context.detailRefreshLimit()));
        List<String> refreshes =
                changed.subList(0, allowed).stream().map(MdmDevice::deviceId).toList();
        return new KandjiDetailPlan(fresh, refreshes, changed.size() - allowed);
    }

    /** Every device to fetch, new devices first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(newDevices);
        all.addAll(refreshes);
        return all;
    }
}
