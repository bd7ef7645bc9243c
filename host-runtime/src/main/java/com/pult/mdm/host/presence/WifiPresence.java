package com.pult.mdm.host.presence;

import com.pult.mdm.host.match.MatchService;
import com.pult.mdm.host.match.MatchSnapshot;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns WiFi controllers' client lists into presence: each batch is validated and attributed against one match
 * snapshot, then written in one transaction (raw observations plus per-user, per-day first and last sighting in the
 * organization's time zone).
 *
 * <p>Presence is what the batch says and nothing more: a user's day ends at the latest seen-at a controller
 * reported, never at the time the batch arrived. A client listed with no sign of WiFi (no SSID, no access point,
 * as UniFi does for a departed client it shows as wired) is still stored with its own seen-at, so it cannot keep
 * anyone "present" once that seen-at is older than the present window.
 */
public final class WifiPresence {

    private final Logger logger = LoggerFactory.getLogger(WifiPresence.class);
    private final MatchService matches;
    private final OrganizationStore organizations;
    private final PresenceStore store;
    private final PresenceSettings settings;
    private final Clock clock;
    // Two racing batches could both insert one user's new day; batches of one organization are written in turn.
    private final Map<String, Object> orgLocks = new ConcurrentHashMap<>();

    public WifiPresence(
            MatchService matches,
            OrganizationStore organizations,
            PresenceStore store,
            PresenceSettings settings,
            Clock clock) {
        this.matches = matches;
        this.organizations = organizations;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Records a batch. Bad observations are rejected one by one with their index and reason; the rest are kept.
     *
     * @throws IllegalArgumentException when the organization does not exist or the batch's controller clock is not
     *     a time
     * @throws StoreException when the database failed; nothing of the batch was written
     */
    public BatchResult record(String orgId, WifiBatch batch) throws StoreException {
        Organization organization = organization(orgId);
        Instant now = clock.instant();
        WifiAttributor.Attributed result = attributor(orgId, now).attribute(batch);
        synchronized (orgLocks.computeIfAbsent(orgId, id -> new Object())) {
            store.write(orgId, organization.timeZone(), result.sightings(), now);
        }
        BatchResult summary = summarize(result);
        logger.debug(
                "Recorded a WiFi batch of '{}': {} accepted, {} attributed, {} rejected",
                orgId,
                summary.accepted(),
                summary.attributed(),
                summary.rejected().size());
        return summary;
    }

    /** Attributes a batch without storing anything: what {@link #record} would answer. */
    public BatchResult preview(String orgId, WifiBatch batch) throws StoreException {
        return summarize(attributor(orgId, clock.instant()).attribute(batch));
    }

    private WifiAttributor attributor(String orgId, Instant now) throws StoreException {
        MatchSnapshot snapshot = matches.snapshot(orgId);
        return new WifiAttributor(snapshot, now, settings.futureSkew());
    }

    private static BatchResult summarize(WifiAttributor.Attributed result) {
        List<Attribution> attributions = new ArrayList<>(result.sightings().size());
        int attributed = 0;
        for (Sighting sighting : result.sightings()) {
            attributions.add(sighting.attribution());
            attributed += sighting.user() != null ? 1 : 0;
        }
        return new BatchResult(attributions.size(), attributed, result.rejections(), attributions);
    }

    /** A user's presence days from {@code from} to {@code to} (local days, both included). */
    public List<PresenceDay> presence(String orgId, String userId, LocalDate from, LocalDate to) throws StoreException {
        return store.days(orgId, userId, from, to, organization(orgId).timeZone());
    }

    /**
     * Whether the user counts as present at {@code now}: a sighting no older than the present window. "Not present"
     * can also mean "unknown", as for a phone on a private address nobody listed.
     */
    public boolean isPresent(String orgId, String userId, Instant now) throws StoreException {
        LocalDate today = now.atZone(organization(orgId).timeZone()).toLocalDate();
        // The window may reach back over midnight.
        for (PresenceDay day : presence(orgId, userId, today.minusDays(1), today)) {
            if (day.presentAt(now, settings.presentWindow())) {
                return true;
            }
        }
        return false;
    }

    /** Deletes raw observations older than the retention; per-day presence is kept. Returns how many. */
    public int pruneObservations() throws StoreException {
        int pruned = store.pruneObservations(clock.instant().minus(settings.retention()));
        logger.debug("Pruned {} WiFi observations older than {}", pruned, settings.retention());
        return pruned;
    }

    private Organization organization(String orgId) throws StoreException {
        return organizations
                .find(orgId)
                .orElseThrow(() -> new IllegalArgumentException("No organization '" + orgId + "'."));
    }
}
