package com.pult.mdm.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One integration's connection to an MDM account, created by {@link MdmProviderFactory#create}.
 *
 * <p>The host never calls {@link #validate()} and {@link #fetch} of one provider at the same time, and never
 * runs two fetches of one provider at once. {@link #normalize} may be called from any thread at any time,
 * also while a fetch runs.
 */
@ConsumerType
public interface MdmProvider extends AutoCloseable {

    /**
     * Checks the credentials against the vendor with the cheapest real request for each permission a sync
     * needs. Called when an admin saves or resets the integration, on a host worker thread; blocks on the
     * network for at most a few timeouts.
     *
     * <p>Expected failures (an invalid URL, an unreachable host, a rejected token, a missing permission) are
     * reported in the result, never thrown.
     *
     * @return every problem found; {@link ValidationResult#ok()} when a sync can run
     */
    ValidationResult validate();

    /**
     * Fetches the account's device inventory into {@code sink}. Called by the host's scheduler on a worker
     * thread that belongs to this plugin; blocks on the network for as long as the inventory takes, pacing
     * every request through {@link FetchContext#budget()}.
     *
     * <p>The provider first delivers every device of the listing through {@link RecordSink#device} and then
     * calls {@link RecordSink#listingComplete()} once the listing is known to be complete; only then may the
     * host act on the listing (including treating absent devices as gone). Per-device detail, where the
     * vendor needs separate requests for it, follows through {@link RecordSink#detail}: the host commits it
     * as it arrives.
     *
     * <p>When this method throws, the host treats the listing as incomplete and changes nothing it has not
     * already committed.
     *
     * @param context what the previous sync knew, the request budget, cancellation, progress, clock, logger
     * @param sink where raw records go; the host normalizes them with {@link #normalize}
     * @throws AuthenticationException when the vendor rejects the credentials or a permission is missing;
     *     the host counts it toward pausing the integration and does not retry
     * @throws RateLimitedException when the vendor kept refusing for rate limits past the provider's own
     *     bounded waiting; the host retries the sync later
     * @throws TransientException when the network, a timeout or a vendor 5xx outlasted the provider's retries
     * @throws BadVendorDataException when the vendor's answers cannot be trusted as a whole (a page that
     *     repeats, an unreadable listing); a single bad record is delivered and rejected by normalize instead
     * @throws SyncCancelledException when {@link FetchContext#isCancelled()} became true
     * @throws InterruptedException when the host interrupts the worker thread
     */
    void fetch(FetchContext context, RecordSink sink) throws MdmException, InterruptedException;

    /**
     * Turns one raw record delivered by {@link #fetch} into vendor-neutral data, or into a rejection with its
     * reason. Pure: no I/O, no clock, no state, so it can be tested with fixture files alone. Never throws:
     * a malformed record is a {@link Normalization.Rejected} with {@link RejectReason#MALFORMED}.
     */
    Normalization normalize(RawRecord record);

    /** Releases connections and threads. Called once; the provider is not used afterwards. */
    @Override
    void close();
}
