package com.pult.mdm.host.sync;

import com.pult.mdm.host.store.DetailUpdate;
import com.pult.mdm.host.store.ListingCommit;
import com.pult.mdm.spi.DeviceDetail;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import com.pult.mdm.spi.RejectReason;
import com.pult.mdm.spi.WifiIpBinding;
import com.pult.mdm.spi.WifiIpExtension;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's {@link RecordSink}: normalizes every record as it arrives, applies the host's filter, holds the
 * listing until the provider says it is complete, then commits it in one transaction; commits detail in batches.
 * A bad record is rejected and counted, never fatal.
 */
final class ListingCollector implements RecordSink {

    static final int DETAIL_BATCH = 200;

    private final Logger logger = LoggerFactory.getLogger(ListingCollector.class);
    private final MdmProvider provider;
    private final Optional<WifiIpExtension> wifiIp;
    private final Committer committer;
    private final AtomicBoolean cancelled;
    private final Map<String, MdmDevice> accepted = new LinkedHashMap<>();
    private final Set<String> rejectedIds = new HashSet<>();
    private final Map<String, Integer> rejected = new TreeMap<>();
    private final List<DetailUpdate> pendingDetails = new ArrayList<>();
    private int seen;
    private int detailsStored;
    private ListingCommit listing;
    private String failure;

    ListingCollector(MdmProvider provider, boolean wifiIpCapable, Committer committer, AtomicBoolean cancelled) {
        this.provider = provider;
        this.wifiIp = wifiIpCapable && provider instanceof WifiIpExtension extension
                ? Optional.of(extension)
                : Optional.empty();
        this.committer = committer;
        this.cancelled = cancelled;
    }

    @Override
    public void device(RawRecord record) {
        if (listing != null || failure != null) {
            return;
        }
        seen++;
        Normalization normalized = normalize(record);
        if (normalized instanceof Normalization.Device device) {
            admit(device.device());
        } else if (normalized instanceof Normalization.Rejected rejection) {
            reject(rejection.deviceId(), rejection.reason());
        } else {
            reject(record.deviceId(), RejectReason.MALFORMED);
        }
    }

    private void admit(MdmDevice device) {
        // The host's filter, the same for every vendor, also for providers that do not reject these themselves.
        if (device.user().archived()) {
            reject(device.deviceId(), RejectReason.USER_ARCHIVED);
        } else if (!device.mdmEnabled()) {
            reject(device.deviceId(), RejectReason.MDM_DISABLED);
        } else {
            accepted.put(device.deviceId(), device);
            rejectedIds.remove(device.deviceId());
        }
    }

    private void reject(String deviceId, RejectReason reason) {
        rejected.merge(reason.name(), 1, Integer::sum);
        if (deviceId != null && !deviceId.isBlank() && !accepted.containsKey(deviceId)) {
            rejectedIds.add(deviceId);
        }
    }

    private Normalization normalize(RawRecord record) {
        try {
            return provider.normalize(record);
        } catch (RuntimeException | LinkageError e) {
            logger.debug("Failed to normalize record '{}'", record.deviceId(), e);
            return new Normalization.Rejected(
                    record.deviceId(),
                    RejectReason.MALFORMED,
                    "The provider failed to read the record: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public void listingComplete() {
        if (listing != null || failure != null) {
            return;
        }
        try {
            listing = committer.commitListing(accepted.values(), rejectedIds);
        } catch (Exception e) {
            failure = "Failed to commit the listing: " + e.getMessage();
            logger.debug("Failed to commit the listing", e);
        }
        if (failure != null || !listing.committed()) {
            // Stop the provider: details of a listing that was not committed have nowhere to go.
            cancelled.set(true);
        }
    }

    @Override
    public void detail(RawRecord record) {
        if (listing == null || !listing.committed() || failure != null) {
            return;
        }
        Normalization normalized = normalize(record);
        if (normalized instanceof Normalization.Detail detail && accepted.containsKey(detail.deviceId())) {
            pendingDetails.add(toUpdate(detail.detail(), record));
        } else if (normalized instanceof Normalization.Rejected rejection) {
            rejected.merge("DETAIL_" + rejection.reason().name(), 1, Integer::sum);
        }
        if (pendingDetails.size() >= DETAIL_BATCH) {
            flushDetails();
        }
    }

    private DetailUpdate toUpdate(DeviceDetail detail, RawRecord record) {
        Optional<WifiIpBinding> binding = wifiIp.flatMap(extension -> readIp(extension, record));
        List<String> otherMacs =
                detail.otherMacs().stream().map(Object::toString).toList();
        return new DetailUpdate(
                detail.deviceId(),
                detail.wifiMac().map(Object::toString),
                otherMacs,
                binding.map(WifiIpBinding::address),
                binding.map(WifiIpBinding::observedAt),
                record.fetchedAt());
    }

    private Optional<WifiIpBinding> readIp(WifiIpExtension extension, RawRecord record) {
        try {
            return extension.wifiIp(record);
        } catch (RuntimeException | LinkageError e) {
            logger.debug("Failed to read the WiFi IP of '{}'", record.deviceId(), e);
            return Optional.empty();
        }
    }

    /** Commits the details received so far. */
    void flushDetails() {
        if (pendingDetails.isEmpty() || failure != null) {
            return;
        }
        try {
            detailsStored += committer.commitDetails(List.copyOf(pendingDetails));
            pendingDetails.clear();
        } catch (Exception e) {
            failure = "Failed to store device details: " + e.getMessage();
            cancelled.set(true);
        }
    }

    int seen() {
        return seen;
    }

    int acceptedCount() {
        return accepted.size();
    }

    Map<String, Integer> rejectedCounts() {
        return Map.copyOf(rejected);
    }

    int detailsStored() {
        return detailsStored;
    }

    /** The listing's commit, or null when the provider never completed the listing. */
    ListingCommit listing() {
        return listing;
    }

    /** Why the host itself failed, or null. */
    String failure() {
        return failure;
    }

    /** Writes what the collector decided. */
    interface Committer {
        ListingCommit commitListing(Collection<MdmDevice> accepted, Set<String> rejectedIds) throws Exception;

        int commitDetails(List<DetailUpdate> details) throws Exception;
    }
}
