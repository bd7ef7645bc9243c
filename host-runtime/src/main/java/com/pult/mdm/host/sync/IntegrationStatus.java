package com.pult.mdm.host.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What an admin sees of one integration. Secrets are never part of it: {@code fields} shows secret fields as a
 * mask.
 *
 * @param id the integration id
 * @param orgId the organization
 * @param providerId the provider
 * @param name the admin's name for it
 * @param fields non-secret values as stored, secret ones masked
 * @param state the one state it is in
 * @param reason why, for a person
 * @param authFailures authentication failures in a row
 * @param interval how often it syncs
 * @param devices active devices in its snapshot
 * @param lastSyncAt when the last run ended
 * @param lastSuccessAt when the last complete run ended
 * @param nextSyncAt when it syncs next
 * @param progress the running sync's progress, if one runs
 */
public record IntegrationStatus(
        String id,
        String orgId,
        String providerId,
        String name,
        Map<String, String> fields,
        IntegrationState state,
        String reason,
        int authFailures,
        Duration interval,
        int devices,
        Optional<Instant> lastSyncAt,
        Optional<Instant> lastSuccessAt,
        Optional<Instant> nextSyncAt,
        Optional<SyncProgress> progress) {

    /** What a secret field's value shows as. */
    public static final String MASK = "••••••••";
}
