package com.pult.mdm.host.sync;

import com.pult.mdm.host.store.DetailUpdate;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.IntegrationRow;
import com.pult.mdm.host.store.ListingCommit;
import com.pult.mdm.host.store.SyncRun;
import com.pult.mdm.host.store.SyncRun.Outcome;
import com.pult.mdm.spi.AuthenticationException;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.RateLimitedException;
import com.pult.mdm.spi.SyncCancelledException;
import com.pult.mdm.spi.TransientException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one sync of one integration: fetch through the provider, normalize and filter every record, commit the
 * complete listing atomically, commit detail as it arrives, and classify how it ended. Every outcome is a
 * {@link SyncRun}; nothing escapes as an exception.
 */
final class SyncRunner {

    private final Logger logger = LoggerFactory.getLogger(SyncRunner.class);
    private final DeviceStore devices;
    private final SnapshotListener snapshots;
    private final Clock clock;
    private final double maxRemovalShare;

    SyncRunner(DeviceStore devices, SnapshotListener snapshots, Clock clock, double maxRemovalShare) {
        this.devices = devices;
        this.snapshots = snapshots;
        this.clock = clock;
        this.maxRemovalShare = maxRemovalShare;
    }

    /** One run's inputs: the integration, its provider, its context and the cancellation flag. */
    record Job(
            IntegrationRow integration,
            MdmProvider provider,
            boolean wifiIpCapable,
            SyncContext context,
            RunBudget budget,
            AtomicBoolean cancelled,
            long runId,
            Instant startedAt) {}

    SyncRun run(Job job) {
        ListingCollector collector = new ListingCollector(
                job.provider(), job.wifiIpCapable(), committer(job.integration()), job.cancelled());
        Outcome outcome;
        String message;
        try {
            job.provider().fetch(job.context(), collector);
            collector.flushDetails();
            outcome = completedOutcome(collector);
            message = completedMessage(collector);
        } catch (MdmException e) {
            collector.flushDetails();
            outcome = classify(e, collector);
            message = collector.failure() != null ? collector.failure() : heldOr(collector, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = Outcome.CANCELLED;
            message = "The sync was interrupted; nothing of an uncommitted listing was kept.";
        } catch (RuntimeException | LinkageError e) {
            logger.debug("Provider '{}' failed during a sync", job.integration().providerId(), e);
            boolean stopped = job.cancelled().get()
                    || Thread.currentThread().isInterrupted()
                    || e instanceof java.util.concurrent.CancellationException;
            outcome = stopped ? Outcome.CANCELLED : Outcome.HOST_ERROR;
            message = stopped
                    ? "The sync was stopped: its plugin was removed or the host is stopping."
                    : "The provider failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return record(job, collector, outcome, message);
    }

    private ListingCollector.Committer committer(IntegrationRow integration) {
        return new ListingCollector.Committer() {
            @Override
            public ListingCommit commitListing(Collection<MdmDevice> accepted, Set<String> rejectedIds)
                    throws Exception {
                ListingCommit commit = devices.commitListing(
                        integration.id(),
                        integration.orgId(),
                        accepted,
                        rejectedIds,
                        clock.instant(),
                        maxRemovalShare,
                        integration.removalsConfirmed());
                if (commit.committed()) {
                    snapshots.snapshotChanged(integration.orgId());
                }
                return commit;
            }

            @Override
            public int commitDetails(List<DetailUpdate> details) throws Exception {
                int stored = devices.applyDetails(integration.id(), details);
                snapshots.snapshotChanged(integration.orgId());
                return stored;
            }
        };
    }

    private static Outcome completedOutcome(ListingCollector collector) {
        if (collector.failure() != null) {
            return Outcome.HOST_ERROR;
        }
        if (collector.listing() == null) {
            return Outcome.BAD_VENDOR_DATA;
        }
        return collector.listing().committed() ? Outcome.SUCCEEDED : Outcome.HELD;
    }

    private static String completedMessage(ListingCollector collector) {
        if (collector.failure() != null) {
            return collector.failure();
        }
        if (collector.listing() == null) {
            return "The provider finished without a complete listing; nothing was changed.";
        }
        return heldOr(collector, null);
    }

    private static String heldOr(ListingCollector collector, String otherwise) {
        ListingCommit listing = collector.listing();
        return listing != null && !listing.committed() ? listing.holdReason() : otherwise;
    }

    private static Outcome classify(MdmException e, ListingCollector collector) {
        if (collector.failure() != null) {
            return Outcome.HOST_ERROR;
        }
        if (collector.listing() != null && !collector.listing().committed()) {
            return Outcome.HELD;
        }
        if (e instanceof AuthenticationException) {
            return Outcome.AUTH_FAILED;
        }
        if (e instanceof RateLimitedException) {
            return Outcome.RATE_LIMITED;
        }
        if (e instanceof TransientException) {
            return Outcome.TRANSIENT_FAILURE;
        }
        if (e instanceof BadVendorDataException) {
            return Outcome.BAD_VENDOR_DATA;
        }
        return e instanceof SyncCancelledException ? Outcome.CANCELLED : Outcome.HOST_ERROR;
    }

    private SyncRun record(Job job, ListingCollector collector, Outcome outcome, String message) {
        ListingCommit listing = collector.listing();
        int removed = listing != null && listing.committed() ? listing.removed() : 0;
        return new SyncRun(
                job.runId(),
                job.integration().id(),
                job.startedAt(),
                clock.instant(),
                outcome,
                collector.seen(),
                collector.acceptedCount(),
                collector.rejectedCounts(),
                removed,
                collector.detailsStored(),
                job.budget().spent(),
                job.budget().rateLimitedCount(),
                message);
    }
}
