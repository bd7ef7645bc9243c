package com.pult.mdm.host.presence;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.spi.WifiIpBinding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Raw WiFi observations (kept for the retention window) and per-user, per-day presence (kept). A batch is written
 * in one transaction with JDBC batches: the observations, then one upsert per user and day that only widens the
 * stored window.
 */
public final class PresenceStore {

    private static final String UPSERT = "MERGE INTO presence_day p USING (VALUES (CAST(? AS VARCHAR(64)),"
            + " CAST(? AS VARCHAR(36)), CAST(? AS DATE), CAST(? AS TIMESTAMP WITH TIME ZONE),"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS INTEGER), CAST(? AS VARCHAR(200)),"
            + " CAST(? AS VARCHAR(64)))) AS s (org_id, user_id, local_day, first_seen_at, last_seen_at, sightings,"
            + " access_point, ssid) ON p.org_id = s.org_id AND p.user_id = s.user_id AND p.local_day = s.local_day"
            + " WHEN MATCHED THEN UPDATE SET"
            + " first_seen_at = CASE WHEN s.first_seen_at < p.first_seen_at THEN s.first_seen_at"
            + " ELSE p.first_seen_at END,"
            + " last_seen_at = CASE WHEN s.last_seen_at > p.last_seen_at THEN s.last_seen_at ELSE p.last_seen_at END,"
            + " sightings = p.sightings + s.sightings,"
            + " last_access_point = CASE WHEN s.last_seen_at >= p.last_seen_at THEN s.access_point"
            + " ELSE p.last_access_point END,"
            + " last_ssid = CASE WHEN s.last_seen_at >= p.last_seen_at THEN s.ssid ELSE p.last_ssid END"
            + " WHEN NOT MATCHED THEN INSERT (org_id, user_id, local_day, first_seen_at, last_seen_at, sightings,"
            + " last_access_point, last_ssid) VALUES (s.org_id, s.user_id, s.local_day, s.first_seen_at,"
            + " s.last_seen_at, s.sightings, s.access_point, s.ssid)";

    private final Database database;

    public PresenceStore(Database database) {
        this.database = database;
    }

    /** Writes a batch's accepted sightings and widens the presence of their users' days in {@code zone}. */
    void write(String orgId, ZoneId zone, List<Sighting> sightings, Instant receivedAt) throws StoreException {
        Map<DayKey, Window> days = days(zone, sightings);
        database.inTransaction(connection -> {
            insertObservations(connection, orgId, sightings, receivedAt);
            upsertDays(connection, orgId, days);
            return null;
        });
    }

    private static Map<DayKey, Window> days(ZoneId zone, List<Sighting> sightings) {
        Map<DayKey, Window> days = new LinkedHashMap<>();
        for (Sighting sighting : sightings) {
            if (sighting.user() == null) {
                continue;
            }
            DayKey key = new DayKey(
                    sighting.user().id(), sighting.seenAt().atZone(zone).toLocalDate());
            Window window = days.get(key);
            days.put(key, window == null ? new Window(sighting) : window.widen(sighting));
        }
        return days;
    }

    private static void insertObservations(
            Connection connection, String orgId, List<Sighting> sightings, Instant receivedAt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO wifi_observation (org_id, mac, ip,"
                + " ssid, access_point, username, seen_at, received_at, match_reason, matched_via, user_id,"
                + " integration_id, device_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime received = receivedAt.atOffset(ZoneOffset.UTC);
            for (Sighting sighting : sightings) {
                bindObservation(insert, orgId, sighting);
                insert.setObject(8, received);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindObservation(PreparedStatement insert, String orgId, Sighting sighting) throws SQLException {
        WifiObservation observation = sighting.observation();
        Attribution attribution = sighting.attribution();
        insert.setString(1, orgId);
        insert.setString(2, sighting.mac());
        insert.setString(3, WifiIpBinding.canonicalAddress(observation.ip()).orElse(null));
        insert.setString(4, clip(observation.ssid(), 64));
        insert.setString(5, clip(observation.accessPoint(), 200));
        insert.setString(6, clip(observation.username(), 254));
        insert.setObject(7, sighting.seenAt().atOffset(ZoneOffset.UTC));
        insert.setString(9, attribution.reason().name());
        insert.setString(
                10, attribution.via() == null ? null : attribution.via().name());
        insert.setString(11, attribution.userId());
        String device = attribution.deviceId();
        int slash = device == null ? -1 : device.indexOf('/');
        insert.setString(12, slash < 0 ? null : device.substring(0, slash));
        insert.setString(13, slash < 0 ? null : device.substring(slash + 1));
    }

    private static String clip(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }

    private static void upsertDays(Connection connection, String orgId, Map<DayKey, Window> days) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Map.Entry<DayKey, Window> day : days.entrySet()) {
                Window window = day.getValue();
                upsert.setString(1, orgId);
                upsert.setString(2, day.getKey().userId());
                upsert.setObject(3, day.getKey().day());
                upsert.setObject(4, window.first.atOffset(ZoneOffset.UTC));
                upsert.setObject(5, window.last.atOffset(ZoneOffset.UTC));
                upsert.setInt(6, window.count);
                upsert.setString(7, clip(window.accessPoint, 200));
                upsert.setString(8, clip(window.ssid, 64));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** A user's presence from {@code from} to {@code to}, both included, by day. */
    public List<PresenceDay> days(String orgId, String userId, LocalDate from, LocalDate to, ZoneId zone)
            throws StoreException {
        return database.read(connection -> {
            List<PresenceDay> days = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM presence_day WHERE org_id = ?"
                    + " AND user_id = ? AND local_day BETWEEN ? AND ? ORDER BY local_day")) {
                select.setString(1, orgId);
                select.setString(2, userId);
                select.setObject(3, from);
                select.setObject(4, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(map(rows, zone));
                    }
                }
            }
            return days;
        });
    }

    private static PresenceDay map(ResultSet rows, ZoneId zone) throws SQLException {
        return new PresenceDay(
                rows.getString("org_id"),
                rows.getString("user_id"),
                rows.getObject("local_day", LocalDate.class),
                rows.getObject("first_seen_at", OffsetDateTime.class).toInstant(),
                rows.getObject("last_seen_at", OffsetDateTime.class).toInstant(),
                rows.getInt("sightings"),
                rows.getString("last_access_point"),
                rows.getString("last_ssid"),
                zone);
    }

    /** Deletes raw observations seen before {@code cutoff}, in every organization; returns how many. */
    public int pruneObservations(Instant cutoff) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM wifi_observation WHERE seen_at < ?")) {
                delete.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
                return delete.executeUpdate();
            }
        });
    }

    /** How many raw observations an organization holds. */
    public int countObservations(String orgId) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement count =
                    connection.prepareStatement("SELECT COUNT(*) FROM wifi_observation WHERE org_id = ?")) {
                count.setString(1, orgId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /**
     * Distinct client MACs seen since {@code since}, and how many of them were attributed to a user at least once
     * in that time.
     */
    public ClientCounts recentClients(String orgId, Instant since) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(DISTINCT mac),"
                    + " COUNT(DISTINCT CASE WHEN user_id IS NOT NULL THEN mac END) FROM wifi_observation"
                    + " WHERE org_id = ? AND seen_at >= ?")) {
                count.setString(1, orgId);
                count.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return new ClientCounts(rows.getInt(1), rows.getInt(2));
                }
            }
        });
    }

    /** The canonical MACs seen since {@code since}. */
    public Set<String> recentMacs(String orgId, Instant since) throws StoreException {
        return database.read(connection -> {
            Set<String> macs = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT mac FROM wifi_observation WHERE org_id = ? AND seen_at >= ?")) {
                select.setString(1, orgId);
                select.setObject(2, since.atOffset(ZoneOffset.UTC));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        macs.add(rows.getString(1));
                    }
                }
            }
            return macs;
        });
    }

    /**
     * @param clients distinct MACs seen
     * @param matched of those, the ones attributed to a user
     */
    public record ClientCounts(int clients, int matched) {}

    private record DayKey(String userId, LocalDate day) {}

    /** One user's sightings of one day within a batch. */
    private static final class Window {
        Instant first;
        Instant last;
        int count;
        String accessPoint;
        String ssid;

        Window(Sighting sighting) {
            first = sighting.seenAt();
            last = sighting.seenAt();
            count = 1;
            accessPoint = sighting.observation().accessPoint();
            ssid = sighting.observation().ssid();
        }

        Window widen(Sighting sighting) {
            Instant seen = sighting.seenAt();
            first = seen.isBefore(first) ? seen : first;
            if (!seen.isBefore(last)) {
                last = seen;
                accessPoint = sighting.observation().accessPoint();
                ssid = sighting.observation().ssid();
            }
            count++;
            return this;
        }
    }
}
