package com.pult.mdm.it.sim;

import java.util.Objects;

/**
 * A directory user assigned to devices, as embedded in device rows ({@code user}) and details
 * ({@code general.assigned_user}).
 *
 * @param id the user UUID (current API)
 * @param legacyId the pre-2024 integer id, or {@code null}; when set the wire {@code id} is this integer, as in the
 *     2022-2023 live recordings
 * @param email the e-mail, case kept as the directory has it
 * @param name the display name
 * @param archived whether the directory user is archived (the device keeps it)
 */
public record SimUser(String id, Integer legacyId, String email, String name, boolean archived) {

    /** Validates the mandatory parts. */
    public SimUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
    }

    /** The same user with the archived flag set. */
    public SimUser withArchived(boolean value) {
        return new SimUser(id, legacyId, email, name, value);
    }
}
