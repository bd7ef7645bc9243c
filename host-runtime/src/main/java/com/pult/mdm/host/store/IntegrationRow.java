package com.pult.mdm.host.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One organization's connection to one MDM account, as stored.
 *
 * @param id a UUID
 * @param orgId the owning organization
 * @param providerId the {@code MdmProviderFactory} id, such as {@code kandji}
 * @param name the admin's name for it
 * @param settings the non-secret field values
 * @param sealedSecrets the secret field values, encrypted (see {@code SecretBox}); never shown
 * @param enabled false when an admin disabled it
 * @param pausedReason why it is paused, or null when it is not
 * @param authFailures authentication failures in a row
 * @param transientFailures failed syncs in a row for reasons that may pass
 * @param lastError the last failure's message, or null
 * @param holdReason why the last sync's removals wait for an admin, or null
 * @param removalsConfirmed whether an admin allowed the next sync to remove what it finds gone
 * @param interval how often it syncs
 * @param nextSyncAt when it syncs next, or null when not scheduled
 * @param lastSyncAt when the last sync ended, or null
 * @param lastSuccessAt when the last complete sync ended, or null
 * @param createdAt when it was created
 * @param updatedAt when its configuration last changed
 */
public record IntegrationRow(
        String id,
        String orgId,
        String providerId,
        String name,
        Map<String, String> settings,
        String sealedSecrets,
        boolean enabled,
        String pausedReason,
        int authFailures,
        int transientFailures,
        String lastError,
        String holdReason,
        boolean removalsConfirmed,
        Duration interval,
        Instant nextSyncAt,
        Instant lastSyncAt,
        Instant lastSuccessAt,
        Instant createdAt,
        Instant updatedAt) {

    public IntegrationRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(providerId, "providerId");
        settings = Map.copyOf(settings);
        Objects.requireNonNull(sealedSecrets, "sealedSecrets");
        Objects.requireNonNull(interval, "interval");
    }

    /** Leaves the sealed secrets out. */
    @Override
    public String toString() {
        return "Integration[" + id + " " + providerId + " of '" + orgId + "']";
    }
}
