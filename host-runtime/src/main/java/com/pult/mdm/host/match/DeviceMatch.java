package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoredDevice;
import java.util.Objects;
import java.util.Optional;

/**
 * What the match index says about one key: the device it matched, or why none.
 *
 * @param input the key as given
 * @param normalized the key as compared (canonical MAC, upper-case serial), or empty when invalid
 * @param reason why it matched or did not
 * @param device the matched device, or for {@link MatchReason#DEVICE_GONE} the gone one
 * @param explanation a sentence for a person
 */
public record DeviceMatch(
        String input,
        Optional<String> normalized,
        MatchReason reason,
        Optional<StoredDevice> device,
        String explanation) {

    public DeviceMatch {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether a device matched. */
    public boolean matched() {
        return reason == MatchReason.MATCHED;
    }
}
