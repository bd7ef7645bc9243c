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

    /** A copy with another configuration, as an admin's update leaves it. */
    public IntegrationRow withConfiguration(
            String newName, Map<String, String> newSettings, String newSecrets, Duration newInterval, Instant at) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                newName,
                newSettings,
                newSecrets,
                enabled,
                pausedReason,
                authFailures,
                transientFailures,
                lastError,
                holdReason,
                removalsConfirmed,
                newInterval,
                nextSyncAt,
                lastSyncAt,
                lastSuccessAt,
                createdAt,
                at);
    }

    /** A copy with secrets sealed anew (a key rotation); nothing else changes. */
    public IntegrationRow withSecrets(String newSecrets) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                name,
                settings,
                newSecrets,
                enabled,
                pausedReason,
                authFailures,
                transientFailures,
                lastError,
                holdReason,
                removalsConfirmed,
                interval,
                nextSyncAt,
                lastSyncAt,
                lastSuccessAt,
                createdAt,
                updatedAt);
    }

    /** A copy enabled or disabled by an admin. */
    public IntegrationRow withEnabled(boolean newEnabled, Instant newNextSyncAt, Instant at) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                name,
                settings,
                sealedSecrets,
                newEnabled,
                pausedReason,
                authFailures,
                transientFailures,
                lastError,
                holdReason,
                removalsConfirmed,
                interval,
                newNextSyncAt,
                lastSyncAt,
                lastSuccessAt,
                createdAt,
                at);
    }

    /** A copy whose next sync may remove what it finds gone: an admin confirmed. */
    public IntegrationRow withRemovalsConfirmed(Instant at) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                name,
                settings,
                sealedSecrets,
                enabled,
                pausedReason,
                authFailures,
                transientFailures,
                lastError,
                holdReason,
                true,
                interval,
                nextSyncAt,
                lastSyncAt,
                lastSuccessAt,
                createdAt,
                at);
    }

    /** A copy paused for {@code reason}, which is also its last error. */
    public IntegrationRow paused(String reason) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                name,
                settings,
                sealedSecrets,
                enabled,
                reason,
                authFailures,
                transientFailures,
                reason,
                holdReason,
                removalsConfirmed,
                interval,
                nextSyncAt,
                lastSyncAt,
                lastSuccessAt,
                createdAt,
                updatedAt);
    }

    /** A copy with the state the syncs keep: failure counts, pause, hold and schedule. */
    public IntegrationRow withSyncState(
            String newPausedReason,
            int newAuthFailures,
            int newTransientFailures,
            String newLastError,
            String newHoldReason,
            boolean newRemovalsConfirmed,
            Instant newNextSyncAt,
            Instant newLastSyncAt,
            Instant newLastSuccessAt) {
        return new IntegrationRow(
                id,
                orgId,
                providerId,
                name,
                settings,
                sealedSecrets,
                enabled,
                newPausedReason,
                newAuthFailures,
                newTransientFailures,
                newLastError,
                newHoldReason,
                newRemovalsConfirmed,
                interval,
                newNextSyncAt,
                newLastSyncAt,
                newLastSuccessAt,
                createdAt,
                updatedAt);
    }

    /** Leaves the sealed secrets out. */
    @Override
    public String toString() {
        return "Integration[" + id + " " + providerId + " of '" + orgId + "']";
    }
}
