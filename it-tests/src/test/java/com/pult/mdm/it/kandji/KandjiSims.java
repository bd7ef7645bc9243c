package com.pult.mdm.it.kandji;

import com.pult.mdm.it.sim.Fleet;
import com.pult.mdm.it.sim.KandjiSimulator;
import com.pult.mdm.it.sim.Permission;
import com.pult.mdm.it.sim.RateLimitConfig;
import com.pult.mdm.it.sim.SimDevice;
import com.pult.mdm.it.sim.SimulatorConfig;
import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Simulator set-ups and expectations the Kandji tests share. */
final class KandjiSims {

    /** A token with every permission. */
    static final String TOKEN = "11111111-2222-4333-8444-555555555555";
    /** A token with Device list and Device ID, without Device details. */
    static final String NO_DETAILS_TOKEN = "22222222-3333-4444-8555-666666666666";
    /** A token with Device list only. */
    static final String LIST_ONLY_TOKEN = "33333333-4444-4555-8666-777777777777";

    private KandjiSims() {}

    /** A simulator of the fleet with the three tokens and no rate limits. */
    static KandjiSimulator start(Fleet fleet) {
        return start(SimulatorConfig.builder().fleet(fleet).rateLimit(RateLimitConfig.off()));
    }

    /** A simulator from a builder, with the three tokens added. */
    static KandjiSimulator start(SimulatorConfig.Builder builder) {
        return KandjiSimulator.start(builder.token(TOKEN)
                .token(NO_DETAILS_TOKEN, Permission.DEVICE_LIST, Permission.DEVICE_ID)
                .token(LIST_ONLY_TOKEN, Permission.DEVICE_LIST)
                .build());
    }

    /** Whether a device qualifies for the inventory: an assigned, non-archived user and MDM enabled. */
    static boolean qualifies(SimDevice device) {
        return device.mdmEnabled()
                && device.user().filter(user -> !user.archived()).isPresent();
    }

    /** The ids of the qualifying devices, the ones whose details a first sync fetches. */
    static Set<String> qualifyingIds(List<SimDevice> devices) {
        Set<String> ids = new LinkedHashSet<>();
        devices.stream().filter(KandjiSims::qualifies).forEach(device -> ids.add(device.deviceId()));
        return ids;
    }

    /**
     * What a host knows after a sync that fetched the details of every device the provider accepted: the detail
     * was fetched at the check-in the listing reported.
     */
    static Map<String, KnownDevice> knownAfter(MdmProvider provider, List<RawRecord> listed) {
        Map<String, KnownDevice> known = new HashMap<>();
        Instant fetchedAt = Instant.now();
        for (RawRecord record : listed) {
            if (provider.normalize(record) instanceof Normalization.Device device) {
                Optional<Instant> checkIn = device.device().lastCheckIn();
                known.put(
                        record.deviceId(),
                        new KnownDevice(record.deviceId(), checkIn, Optional.of(fetchedAt), checkIn));
            }
        }
        return known;
    }
}
