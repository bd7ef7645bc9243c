package com.pult.mdm.host.sync;

import com.pult.mdm.spi.ApiLimits;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How the host runs syncs, the same for every vendor.
 *
 * @param defaultInterval how often an integration syncs unless it says otherwise (15 minutes)
 * @param authFailuresToPause authentication failures in a row that pause an integration (3)
 * @param maxRemovalShare the share of an integration's devices one sync may remove before it holds for an admin
 *     (0.3)
 * @param budgetShare the share of the vendor's published request limits this host uses (0.5, leaving the rest to
 *     the tenant's other API clients)
 * @param maxConcurrentSyncs syncs that may run at once across all integrations (4)
 * @param historyRetention how long sync records are kept (30 days)
 * @param detailRefreshShare the share of the hourly budget one run may spend refreshing known devices' detail
 *     (0.5)
 * @param allowCustomEndpoints whether providers may connect to URLs other than the vendor's own (a simulator)
 * @param limitOverrides request limits that replace a provider's published ones, by provider id: for an account
 *     whose vendor granted a higher limit, or a simulator; empty by default
 */
public record SyncSettings(
        Duration defaultInterval,
        int authFailuresToPause,
        double maxRemovalShare,
        double budgetShare,
        int maxConcurrentSyncs,
        Duration historyRetention,
        double detailRefreshShare,
        boolean allowCustomEndpoints,
        Map<String, ApiLimits> limitOverrides) {

    public SyncSettings {
        if (authFailuresToPause < 1) {
            throw new IllegalArgumentException("auth failures to pause must be at least 1");
        }
        if (maxRemovalShare < 0 || maxRemovalShare > 1) {
            throw new IllegalArgumentException("the removal share must be between 0 and 1");
        }
        if (budgetShare <= 0 || budgetShare > 1) {
            throw new IllegalArgumentException("the budget share must be above 0 and at most 1");
        }
        if (maxConcurrentSyncs < 1) {
            throw new IllegalArgumentException("at least one sync must be allowed to run");
        }
        limitOverrides = Map.copyOf(limitOverrides);
    }

    /** The defaults documented in the README. */
    public static SyncSettings defaults() {
        return new SyncSettings(Duration.ofMinutes(15), 3, 0.3, 0.5, 4, Duration.ofDays(30), 0.5, false, Map.of());
    }

    /** A copy that allows custom endpoints (for the simulator). */
    public SyncSettings withCustomEndpoints(boolean allowed) {
        return new SyncSettings(
                defaultInterval,
                authFailuresToPause,
                maxRemovalShare,
                budgetShare,
                maxConcurrentSyncs,
                historyRetention,
                detailRefreshShare,
                allowed,
                limitOverrides);
    }

    /** A copy that uses another share of the vendors' limits. */
    public SyncSettings withBudgetShare(double share) {
        return new SyncSettings(
                defaultInterval,
                authFailuresToPause,
                maxRemovalShare,
                share,
                maxConcurrentSyncs,
                historyRetention,
                detailRefreshShare,
                allowCustomEndpoints,
                limitOverrides);
    }

    /** A copy in which {@code providerId}'s requests are paced under {@code limits} instead of its own. */
    public SyncSettings withLimits(String providerId, ApiLimits limits) {
        Map<String, ApiLimits> overrides = new HashMap<>(limitOverrides);
        overrides.put(providerId, limits);
        return new SyncSettings(
                defaultInterval,
                authFailuresToPause,
                maxRemovalShare,
                budgetShare,
                maxConcurrentSyncs,
                historyRetention,
                detailRefreshShare,
                allowCustomEndpoints,
                overrides);
    }

    /** The limits to pace a provider under: an override when configured, else the vendor's published ones. */
    public ApiLimits limitsOf(String providerId, ApiLimits published) {
        return limitOverrides.getOrDefault(providerId, published);
    }
}
