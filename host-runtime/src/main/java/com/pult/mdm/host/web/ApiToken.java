package com.pult.mdm.host.web;

import java.time.Instant;
import java.util.Optional;

/**
 * An admin API token as the host keeps it: never the token itself, only who it belongs to.
 *
 * @param id a stable identifier, shown in the audit log
 * @param orgId the one organization the token may read and change
 * @param name the admin's name for it, such as {@code ci} or {@code dashboard}
 * @param hostAdmin whether it may also change what affects every organization (enable or disable a provider,
 *     read the metrics)
 * @param createdAt when it was created
 * @param rotatedAt when its secret was last replaced, if ever
 * @param lastUsedAt when it last authenticated a request, if ever
 */
public record ApiToken(
        String id,
        String orgId,
        String name,
        boolean hostAdmin,
        Instant createdAt,
        Optional<Instant> rotatedAt,
        Optional<Instant> lastUsedAt) {}
