package com.pult.mdm.host.presence;

import java.time.Duration;

/**
 * Tunables of WiFi presence.
 *
 * @param futureSkew how far ahead of the host's clock a seen-at may be before the observation is rejected
 * @param retention how long raw observations (MACs, IPs) are kept; per-day presence is kept regardless
 * @param presentWindow how long after its last sighting a user still counts as present; at least two minutes,
 *     since controllers themselves drop clients a minute or two late and a shorter window makes people flap
 * @param recentClients what "current WiFi activity" means for the inspector
 */
public record PresenceSettings(
        Duration futureSkew, Duration retention, Duration presentWindow, Duration recentClients) {

    private static final Duration MIN_PRESENT_WINDOW = Duration.ofMinutes(2);

    public PresenceSettings {
        if (presentWindow.compareTo(MIN_PRESENT_WINDOW) < 0) {
            throw new IllegalArgumentException(
                    "The present window must be at least " + MIN_PRESENT_WINDOW + "; it is " + presentWindow + ".");
        }
    }

    /**
     * Five minutes of skew, seven days of raw observations, a five-minute present window, and fifteen minutes of
     * recent activity: three missed polls of a controller polled every five minutes still count as current.
     */
    public static PresenceSettings defaults() {
        return new PresenceSettings(
                Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofMinutes(5), Duration.ofMinutes(15));
    }
}
