package com.pult.mdm.host.presence;

import java.util.List;

/**
 * A poll's worth of WiFi clients from one controller.
 *
 * @param observations the clients, in the controller's order; results refer to them by index
 * @param controllerNow the controller's own clock when it answered (same forms as a seen-at), or null. When given,
 *     every seen-at is shifted by the offset between the host's clock and the controller's, so a drifting
 *     controller clock neither ages clients nor puts them in the future.
 */
public record WifiBatch(List<WifiObservation> observations, String controllerNow) {

    public WifiBatch {
        observations = List.copyOf(observations);
    }

    /** A batch without the controller's clock. */
    public static WifiBatch of(List<WifiObservation> observations) {
        return new WifiBatch(observations, null);
    }
}
