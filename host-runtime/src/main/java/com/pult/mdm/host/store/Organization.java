package com.pult.mdm.host.store;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A Pult customer. Everything the host holds (integrations, inventory, users, matches) is scoped by it.
 *
 * @param id a stable identifier such as {@code acme}
 * @param name the display name
 * @param timeZone the zone its times are shown in; stored times are UTC
 * @param authPolicy what a device-authentication match does
 */
public record Organization(String id, String name, ZoneId timeZone, AuthPolicy authPolicy) {

    public Organization {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(authPolicy, "authPolicy");
    }

    /** What happens when a desktop agent's enrolment matches a user. */
    public enum AuthPolicy {
        /** The matched user is approved without an admin. */
        AUTO_APPROVE,
        /** The matched user is pre-selected and an admin confirms. */
        PRESELECT
    }
}
