package com.pult.mdm.host.presence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A poll's worth of WiFi clients from one controller.
 *
 * @param observations the clients, in the controller's order; results refer to them by index. A null entry is kept
 *     and rejected at its index.
 * @param controllerNow the controller's own clock when it answered (same forms as a seen-at), or null. When given,
 *     every seen-at is shifted by the offset between the host's clock and the controller's, so a drifting
 *     controller clock neither ages clients nor puts them in the future.
 */
public record WifiBatch(List<WifiObservation> observations, String controllerNow) {

    /**
     * @throws IllegalArgumentException when the list of observations is missing
     */
    public WifiBatch {
        if (observations == null) {
            throw new IllegalArgumentException(
                    "The batch has no 'observations' list; send an empty list when the controller sees no client.");
        }
        observations = Collections.unmodifiableList(new ArrayList<>(observations));
    }

    /** A batch without the controller's clock. */
    public static WifiBatch of(List<WifiObservation> observations) {
        return new WifiBatch(observations, null);
    }
}
