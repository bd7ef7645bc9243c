package com.pult.mdm.kandji.internal.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.pult.mdm.kandji.internal.api.KandjiDataException;
import com.pult.mdm.kandji.internal.api.KandjiEndpoint;
import com.pult.mdm.kandji.internal.api.KandjiJson;
import com.pult.mdm.kandji.internal.api.KandjiRequester;
import com.pult.mdm.kandji.internal.api.KandjiResponse;
import com.pult.mdm.kandji.internal.api.dto.KandjiListingPage;
import com.pult.mdm.kandji.internal.normalize.KandjiNormalizer;
import com.pult.mdm.spi.BadVendorDataException;
import com.pult.mdm.spi.FetchContext;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.MdmException;
import com.pult.mdm.spi.Normalization;
import com.pult.mdm.spi.RawRecord;
import com.pult.mdm.spi.RecordSink;
import com.pult.mdm.spi.TransientException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync of a Kandji tenant: the whole device listing, then details where they can have changed.
 *
 * <ol>
 *   <li>List {@code GET /api/v1/devices} 300 rows at a time, ordered by device id, until a short or empty
 *       page; deliver every row, deduplicated by device id.
 *   <li>Call {@link RecordSink#listingComplete()}.
 *   <li>Fetch details for the qualifying devices {@link KandjiDetailPlan} picks and deliver each.
 * </ol>
 *
 * <p>Used once; not thread-safe.
 */
public final class KandjiFetch {

    /** Details failing this many devices in a row mean Kandji is down, not that one device is broken. */
    static final int MAX_CONSECUTIVE_DETAIL_FAILURES = 3;

    // 3 million devices: far beyond any tenant, only there so a vendor bug cannot keep the loop going forever.
    private static final int MAX_PAGES = 10_000;

    private final Logger logger = LoggerFactory.getLogger(KandjiFetch.class);
    private final KandjiRequester requester;
    private final KandjiNormalizer normalizer;
    private final FetchContext context;
    private final RecordSink sink;
    private final Set<String> listed = new HashSet<>();
    private final List<MdmDevice> qualifying = new ArrayList<>();
    private int rows;
    private int duplicates;
    private int detailsDelivered;
    private int detailsGone;
    private int detailsFailed;
    private int consecutiveDetailFailures;

    public KandjiFetch(KandjiRequester requester, KandjiNormalizer normalizer, FetchContext context, RecordSink sink) {
        this.requester = requester;
        this.normalizer = normalizer;
        this.context = context;
        this.sink = sink;
    }

    /** Runs the sync; see {@link com.pult.mdm.spi.MdmProvider#fetch} for the failures. */
    public void run() throws MdmException, InterruptedException {
        Instant started = context.clock().instant();
        listAll();
        sink.listingComplete();

        KandjiDetailPlan plan = KandjiDetailPlan.of(qualifying, context);
        fetchDetails(plan.all());

        logSummary(plan, Duration.between(started, context.clock().instant()));
    }

    /** The one line per completed sync, on the integration's own logger so the host tags it. */
    private void logSummary(KandjiDetailPlan plan, Duration took) {
        context.logger()
                .log(
                        Level.INFO,
                        "Synced Kandji: {0} devices listed ({1} qualify), details for {2} ({3} new, {4} refreshed,"
                                + " {5} deferred, {6} gone, {7} failed), {8} requests in {9} s",
                        listed.size(),
                        qualifying.size(),
                        detailsDelivered,
                        plan.newDevices().size(),
                        plan.refreshes().size(),
                        plan.deferred(),
                        detailsGone,
                        detailsFailed,
                        context.budget().spent(),
                        took.toSeconds());
    }

    private void listAll() throws MdmException, InterruptedException {
        for (int page = 0; page < MAX_PAGES; page++) {
            int offset = page * KandjiEndpoint.PAGE_SIZE;
            KandjiListingPage rowsOfPage = fetchPage(offset);
            checkAdvancing(rowsOfPage, offset);
            rowsOfPage.rows().forEach(this::deliver);
            context.progress("listing", rows, -1);
            if (rowsOfPage.size() < KandjiEndpoint.PAGE_SIZE) {
                logger.debug(
                        "Listed {} Kandji devices in {} pages ({} duplicates skipped)",
                        listed.size(),
                        page + 1,
                        duplicates);
                return;
            }
        }
        throw new BadVendorDataException(
                "Kandji's device list did not end after " + MAX_PAGES + " pages; the sync stops.", null);
    }

    /** Fetches one page; a body that is not a device list is asked for once more before giving up. */
    private KandjiListingPage fetchPage(int offset) throws MdmException, InterruptedException {
        String path = KandjiEndpoint.listPath(offset, KandjiEndpoint.PAGE_SIZE);
        KandjiDataException firstFailure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            KandjiResponse response = requester.get(KandjiEndpoint.DEVICE_LIST, path);
            if (response.status() == 404) {
                throw new BadVendorDataException(
                        "Kandji answered HTTP 404 to " + KandjiEndpoint.DEVICE_LIST.template()
                                + ": the API URL does not point at a Kandji API.",
                        null);
            }
            try {
                return KandjiListingPage.parse(response.body());
            } catch (KandjiDataException e) {
                logger.debug(
                        "Failed to read the Kandji device list at offset {} (attempt {}): {}",
                        offset,
                        attempt,
                        e.getMessage());
                firstFailure = e;
            }
        }
        throw new BadVendorDataException(
                "Kandji's device list at offset " + offset + " cannot be read twice in a" + " row: "
                        + firstFailure.getMessage(),
                firstFailure);
    }

    /**
     * Stops when a page brings no device that was not listed before: offset paging that does not advance (the
     * same page again) would otherwise loop or pass duplicates off as a complete listing.
     */
    private void checkAdvancing(KandjiListingPage page, int offset) throws BadVendorDataException {
        Set<String> ids = new HashSet<>();
        page.rows().forEach(row -> KandjiListingPage.deviceId(row).ifPresent(ids::add));
        if (!ids.isEmpty() && listed.containsAll(ids)) {
            throw new BadVendorDataException(
                    "Kandji's pagination is not advancing: the page at offset " + offset
                            + " repeats devices already listed; the listing is incomplete.",
                    null);
        }
    }

    private void deliver(JsonNode row) {
        Optional<String> id = KandjiListingPage.deviceId(row);
        if (id.isPresent() && !listed.add(id.get())) {
            duplicates++;
            return;
        }
        rows++;
        // A row without an id is still delivered: normalize rejects it and the host counts it.
        RawRecord record = new RawRecord(
                RawRecord.Kind.DEVICE,
                id.orElse(""),
                KandjiJson.write(row),
                context.clock().instant());
        sink.device(record);
        if (normalizer.normalize(record) instanceof Normalization.Device device) {
            qualifying.add(device.device());
        }
    }

    private void fetchDetails(List<String> deviceIds) throws MdmException, InterruptedException {
        int done = 0;
        for (String deviceId : deviceIds) {
            fetchDetail(deviceId);
            context.progress("details", ++done, deviceIds.size());
        }
    }

    private void fetchDetail(String deviceId) throws MdmException, InterruptedException {
        KandjiResponse response;
        try {
            response = requester.get(KandjiEndpoint.DEVICE_DETAILS, KandjiEndpoint.detailsPath(deviceId));
            consecutiveDetailFailures = 0;
        } catch (TransientException | BadVendorDataException e) {
            onDetailFailure(deviceId, e);
            return;
        }
        if (response.status() == 404) {
            // Deleted between the listing and now; the next listing will not have it.
            logger.debug("Skipped details of Kandji device '{}': it no longer exists", deviceId);
            detailsGone++;
            return;
        }
        // Delivered even when it is not JSON: normalize rejects it, and the host counts it.
        sink.detail(new RawRecord(
                RawRecord.Kind.DETAIL,
                deviceId,
                response.body(),
                context.clock().instant()));
        detailsDelivered++;
    }

    /** One device's details failing is skipped; several in a row mean Kandji itself is failing. */
    private void onDetailFailure(String deviceId, MdmException failure) throws MdmException {
        detailsFailed++;
        if (++consecutiveDetailFailures >= MAX_CONSECUTIVE_DETAIL_FAILURES) {
            throw failure;
        }
        logger.warn("Skipped details of Kandji device '{}': {}", deviceId, failure.getMessage());
    }
}
