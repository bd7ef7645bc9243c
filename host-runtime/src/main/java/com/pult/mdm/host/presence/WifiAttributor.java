package com.pult.mdm.host.presence;

import com.pult.mdm.host.match.LookupKind;
import com.pult.mdm.host.match.MacText;
import com.pult.mdm.host.match.MatchIndex;
import com.pult.mdm.host.match.MatchReason;
import com.pult.mdm.host.match.MatchSnapshot;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.WifiIpBinding;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates and attributes a batch against one match snapshot, in memory and without building trace sentences.
 *
 * <ul>
 *   <li>A bad MAC (unparseable, multicast, placeholder) or a bad time (missing, no zone, more than the allowed skew
 *       in the future, before 1970 once corrected by the controller's clock) rejects that observation alone, and so
 *       does a null entry.
 *   <li>A hardware MAC is matched by MAC. A private (locally administered) MAC is matched by MAC only when an admin
 *       listed it (a manual device); otherwise only through a fresh WiFi IP binding of an MDM device at the
 *       observation's own time; otherwise it stays unassigned.
 * </ul>
 */
final class WifiAttributor {

    private final MatchSnapshot snapshot;
    private final MatchIndex index;
    private final Instant now;
    private final Duration futureSkew;

    WifiAttributor(MatchSnapshot snapshot, Instant now, Duration futureSkew) {
        this.snapshot = snapshot;
        this.index = snapshot.index();
        this.now = now;
        this.futureSkew = futureSkew;
    }

    /** The accepted sightings and the rejections of a batch. */
    Attributed attribute(WifiBatch batch) {
        Duration offset = clockOffset(batch.controllerNow());
        List<WifiObservation> observations = batch.observations();
        List<Sighting> sightings = new ArrayList<>(observations.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            if (observations.get(i) == null) {
                rejections.add(new Rejection(i, "The observation is missing (null)."));
                continue;
            }
            try {
                sightings.add(sighting(i, observations.get(i), offset));
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection(i, e.getMessage()));
            }
        }
        return new Attributed(sightings, rejections);
    }

    private Duration clockOffset(String controllerNow) {
        if (controllerNow == null || controllerNow.isBlank()) {
            return Duration.ZERO;
        }
        try {
            return Duration.between(ObservedTime.parse(controllerNow), now);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'controllerNow' is not the controller's clock: " + e.getMessage(), e);
        }
    }

    private Sighting sighting(int index, WifiObservation observation, Duration offset) {
        long mac = mac(observation.mac());
        Instant seenAt = corrected(ObservedTime.parse(observation.seenAt()), offset);
        if (seenAt.isAfter(now.plus(futureSkew))) {
            throw new IllegalArgumentException("The seen-at time " + seenAt + " is more than " + futureSkew
                    + " ahead of the host's clock; check the controller's clock.");
        }
        String canonical = MacAddress.fromLong(mac).toString();
        return attribute(index, canonical, mac, observation.ip(), seenAt, observation);
    }

    /**
     * The seen-at on the host's clock. A time before 1970 is no controller's reading (and near the ends of the
     * calendar the correction itself cannot be computed).
     */
    private static Instant corrected(Instant reported, Duration offset) {
        Instant seenAt;
        try {
            seenAt = reported.plus(offset);
        } catch (DateTimeException | ArithmeticException e) {
            seenAt = offset.isNegative() ? Instant.MIN : Instant.MAX;
        }
        if (seenAt.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("The seen-at time " + reported + " is before 1970"
                    + (offset.isZero() ? "" : " once corrected by the controller's clock")
                    + "; check the controller's clock.");
        }
        return seenAt;
    }

    private static long mac(String text) {
        long mac = MacText.toLong(text);
        if (mac == MacText.INVALID) {
            // parseUsable explains a rejection; it is only reached for bad input.
            MacAddress.parseUsable(text).orElseThrow(() -> new IllegalArgumentException("The MAC address is missing."));
        }
        if (MacText.isMulticast(mac)) {
            throw new IllegalArgumentException(
                    "'" + MacAddress.fromLong(mac) + "' is a multicast address, which no" + " client has.");
        }
        if (MacAddress.fromLong(mac).isPlaceholder()) {
            throw new IllegalArgumentException(
                    "'" + MacAddress.fromLong(mac) + "' is a placeholder, not a client's" + " MAC address.");
        }
        return mac;
    }

    private Sighting attribute(
            int index, String canonical, long mac, String ip, Instant seenAt, WifiObservation observation) {
        int position = this.index.macPosition(mac);
        boolean randomized = MacText.isLocallyAdministered(mac);
        if (position >= 0) {
            StoredDevice device = this.index.deviceAt(position);
            boolean manual = MatchSnapshot.isManual(device);
            if (!randomized || manual) {
                return resolved(
                        index, canonical, position, manual ? LookupKind.ALIAS : LookupKind.MAC, seenAt, observation);
            }
        }
        if (randomized) {
            int byIp = ip == null
                    ? -1
                    : snapshot.freshIpPosition(
                            WifiIpBinding.canonicalAddress(ip).orElse(null), seenAt);
            if (byIp >= 0) {
                return resolved(index, canonical, byIp, LookupKind.IP, seenAt, observation);
            }
        }
        MatchReason reason = position == -2
                ? MatchReason.AMBIGUOUS_MAC
                : randomized ? MatchReason.RANDOMIZED_MAC : MatchReason.UNKNOWN_MAC;
        return new Sighting(
                observation, canonical, seenAt, new Attribution(index, canonical, reason, null, null, null), null);
    }

    private Sighting resolved(
            int index, String canonical, int position, LookupKind via, Instant seenAt, WifiObservation observation) {
        StoredDevice device = this.index.deviceAt(position);
        PultUser user = snapshot.ownerAt(position);
        MatchReason reason = user != null
                ? MatchReason.MATCHED
                : device.email().isBlank() ? MatchReason.NO_ASSIGNED_USER : MatchReason.EMAIL_NOT_A_USER;
        String deviceId = device.integrationId() + "/" + device.deviceId();
        Attribution attribution =
                new Attribution(index, canonical, reason, via, user == null ? null : user.id(), deviceId);
        return new Sighting(observation, canonical, seenAt, attribution, user);
    }

    /** The outcome of the in-memory step. */
    record Attributed(List<Sighting> sightings, List<Rejection> rejections) {}
}
