package com.pult.mdm.spi;

import java.lang.System.Logger;
import java.time.Clock;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the host offers a provider during one {@link MdmProvider#fetch}. Implemented by the host; every method
 * is safe to call from the fetching thread and returns quickly, except {@link RequestBudget#acquire()}.
 */
@ProviderType
public interface FetchContext {

    /**
     * What the previous syncs knew of a device, so the provider asks for per-device detail only where it can
     * have changed. Survives host restarts.
     *
     * @param deviceId the vendor's device id
     * @return empty for a device the host has never seen
     */
    Optional<KnownDevice> known(String deviceId);

    /**
     * How many known devices may have their detail refreshed in this run, on top of new devices, which are
     * always fetched. The host derives it from the request budget and the sync interval.
     */
    int detailRefreshLimit();

    /** The pacer every request to the vendor goes through, and the count of what was spent. */
    RequestBudget budget();

    /** Whether the host asked this run to stop; a provider checks it between requests. */
    boolean isCancelled();

    /**
     * Reports progress for the admin's live view. Cheap; call it as often as once per request.
     *
     * @param phase a short word such as {@code listing} or {@code details}
     * @param done units done in this phase
     * @param total units planned in this phase, or -1 when unknown
     */
    void progress(String phase, int done, int total);

    /** The clock to use for waiting and for timestamps, replaceable in tests. */
    Clock clock();

    /** The logger of this integration's sync; its lines land in the host's log, tagged with the integration. */
    Logger logger();
}
