package com.pult.mdm.spi;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The host's pacer for one integration: keeps requests under a share of the vendor's {@link ApiLimits} and
 * counts what a sync spent, so the admin sees it.
 */
@ProviderType
public interface RequestBudget {

    /**
     * Blocks until one more request may be sent, and counts it as spent. Call it before every request,
     * retries included.
     *
     * @throws SyncCancelledException when the run is cancelled while waiting
     * @throws InterruptedException when the thread is interrupted
     */
    void acquire() throws SyncCancelledException, InterruptedException;

    /** Requests the pacer will let through within the current hour before it starts making callers wait. */
    int remaining();

    /**
     * Reports that the vendor refused a request for rate limits, so the host counts it and holds every
     * further request of this integration back for {@code retryAfter}.
     */
    void rateLimited(Duration retryAfter);

    /** Requests spent in this run so far. */
    int spent();
}
