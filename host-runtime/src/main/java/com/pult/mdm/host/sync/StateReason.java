package com.pult.mdm.host.sync;

import com.pult.mdm.host.store.IntegrationRow;
import java.util.Optional;

/** Decides the one state an integration shows, and the reason a person can act on. */
record StateReason(IntegrationState state, String reason) {

    static StateReason of(
            IntegrationRow row,
            boolean providerPresent,
            boolean providerDisabled,
            Optional<SyncProgress> progress,
            boolean running,
            int authFailuresToPause) {
        if (!row.enabled()) {
            return new StateReason(IntegrationState.DISABLED, "Disabled by an admin; enable it to resume syncing.");
        }
        if (providerDisabled) {
            return new StateReason(
                    IntegrationState.DISABLED,
                    "The provider '" + row.providerId()
                            + "' is disabled by an admin; enable the provider to resume syncing.");
        }
        if (row.pausedReason() != null) {
            return new StateReason(IntegrationState.PAUSED, row.pausedReason());
        }
        if (!providerPresent) {
            return new StateReason(
                    IntegrationState.PROVIDER_MISSING,
                    "The plugin for '" + row.providerId()
                            + "' is not deployed. Devices from the last sync still answer lookups; deploy the plugin to"
                            + " resume syncing.");
        }
        if (running) {
            return new StateReason(
                    IntegrationState.SYNCING,
                    progress.map(StateReason::describe).orElse("Starting."));
        }
        return settled(row, authFailuresToPause);
    }

    private static StateReason settled(IntegrationRow row, int authFailuresToPause) {
        if (row.holdReason() != null) {
            return new StateReason(IntegrationState.AWAITING_CONFIRMATION, row.holdReason());
        }
        if (row.authFailures() > 0) {
            return new StateReason(
                    IntegrationState.DEGRADED,
                    "Authentication failed " + row.authFailures() + " of " + authFailuresToPause
                            + " times before pausing: " + row.lastError());
        }
        if (row.transientFailures() > 0) {
            return new StateReason(
                    IntegrationState.DEGRADED,
                    row.transientFailures() + " failed syncs in a row;" + " retrying at " + row.nextSyncAt()
                            + ". Last error: " + row.lastError());
        }
        if (row.lastSuccessAt() == null) {
            return new StateReason(IntegrationState.ACTIVE, "Waiting for the first sync.");
        }
        return new StateReason(IntegrationState.ACTIVE, "Last synced at " + row.lastSuccessAt() + ".");
    }

    private static String describe(SyncProgress progress) {
        String total = progress.total() < 0 ? "" : " of " + progress.total();
        return "Syncing since " + progress.startedAt() + ": " + progress.phase() + " " + progress.done() + total + ", "
                + progress.requests() + " requests.";
    }
}
