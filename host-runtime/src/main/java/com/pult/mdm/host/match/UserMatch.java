package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.users.PultUser;
import java.util.Optional;

/**
 * The trace of one lookup, key to device to email to user, for a person to read: what was looked up, which device
 * of which integration matched (or none), its email, the user it resolved to, and otherwise why not. The sentence
 * is built on demand by {@link #explanation()}, so lookups that nobody reads cost no strings.
 *
 * @param kind what the input was, or for a WiFi match, which key found the device
 * @param input the key as given
 * @param normalized the key as compared, or empty when invalid
 * @param reason {@link MatchReason#MATCHED} when a user was found, otherwise the first step that failed
 * @param device the device that matched, also when its email is no user's (or the gone or stale one)
 * @param user the Pult user, when resolved
 * @param indexNote the index's sentence for a miss before a device was found, or null
 */
public record UserMatch(
        LookupKind kind,
        String input,
        Optional<String> normalized,
        MatchReason reason,
        Optional<StoredDevice> device,
        Optional<PultUser> user,
        String indexNote) {

    /** Whether the lookup ended at a Pult user. */
    public boolean resolved() {
        return user.isPresent();
    }

    /** The matched device's email as its MDM wrote it, when there is one. */
    public Optional<String> email() {
        return device.map(StoredDevice::email).filter(email -> !email.isBlank());
    }

    /** The integration the device came from ({@code manual} for the admin's list). */
    public Optional<String> integrationId() {
        return device.map(StoredDevice::integrationId);
    }

    /** A sentence for a person: the path that was followed and where it ended. */
    public String explanation() {
        String key = kind.name().toLowerCase(java.util.Locale.ROOT) + " " + normalized.orElse(input);
        return switch (reason) {
            case MATCHED ->
                key + " → " + describe(device.orElseThrow()) + " → " + email().orElse("") + " → Pult user "
                        + user.orElseThrow().email() + ".";
            case NO_ASSIGNED_USER ->
                key + " → " + describe(device.orElseThrow())
                        + ", which has no assigned user in its MDM; it belongs to nobody.";
            case EMAIL_NOT_A_USER ->
                key + " → " + describe(device.orElseThrow()) + " → " + email().orElse("")
                        + ", which is not the email or alias of any Pult user (emails must be equal, case aside).";
            case RANDOMIZED_MAC ->
                indexNote != null
                        ? indexNote
                        : key + " is a private (randomized) address that "
                                + describe(device.orElseThrow())
                                + " reported; private addresses change per network and only"
                                + " match when an admin lists them for a user.";
            default -> indexNote != null ? indexNote : key + ": " + reason + ".";
        };
    }

    private static String describe(StoredDevice device) {
        return "device '" + device.name() + "' (" + device.deviceId() + " of integration " + device.integrationId()
                + ")";
    }
}
