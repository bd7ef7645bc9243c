package com.pult.mdm.host.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A person of an organization in Pult, the end of every match: a device's email resolves to a user when it equals
 * the user's email or one of the aliases an admin listed, ignoring case.
 *
 * @param orgId the organization
 * @param id a stable identifier, kept when the user is updated
 * @param email the primary email as imported
 * @param name the display name, possibly empty
 * @param aliases further emails of the same person, only those an admin listed explicitly
 */
public record PultUser(String orgId, String id, String email, String name, List<String> aliases) {

    public PultUser {
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases);
    }

    /** The primary email followed by the aliases. */
    public List<String> emails() {
        List<String> all = new ArrayList<>(aliases.size() + 1);
        all.add(email);
        all.addAll(aliases);
        return all;
    }
}
