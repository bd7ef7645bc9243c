package com.pult.mdm.host.sync;

/** The one state an integration is in; each comes with a reason a person can act on. */
public enum IntegrationState {
    /** Syncing on schedule; the last run succeeded or none ran yet. */
    ACTIVE,
    /** A run is in progress. */
    SYNCING,
    /** Recent runs failed for reasons that may pass (network, vendor errors, rate limits); retrying with backoff. */
    DEGRADED,
    /** The last run would have removed too many devices; nothing changed until an admin confirms. */
    AWAITING_CONFIRMATION,
    /** Repeated authentication failures, or unreadable stored credentials: no requests until an admin resets it. */
    PAUSED,
    /** An admin disabled it or its provider: no requests. */
    DISABLED,
    /** The plugin that provides it is not deployed: no requests; the last inventory still answers lookups. */
    PROVIDER_MISSING
}
