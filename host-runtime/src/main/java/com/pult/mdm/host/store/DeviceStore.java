package com.pult.mdm.host.store;

import com.pult.mdm.spi.KnownDevice;
import com.pult.mdm.spi.MdmDevice;
import com.pult.mdm.spi.SerialNumber;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device snapshots of all integrations. A complete listing is committed in one transaction; per-device
 * detail is committed as it arrives.
 */
public final class DeviceStore {

    /** Below this many active devices the removal guard does not hold: small fleets change by large shares. */
    static final int GUARD_MINIMUM_DEVICES = 10;

    private static final String COLUMNS = "integration_id, org_id, device_id, serial, wifi_mac, user_email, user_name,"
            + " other_macs, name, model, os_version, platform, last_check_in, listed_at, missing_listings, gone_since,"
            + " wifi_ip,"
            + " wifi_ip_observed_at, detail_fetched_at";

    private final Database database;

    public DeviceStore(Database database) {
        this.database = database;
    }

    /** What earlier syncs knew of each device of an integration, for the provider's fetch context. */
    public Map<String, KnownDevice> known(String integrationId) throws StoreException {
        return database.read(connection -> {
            Map<String, KnownDevice> known = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT device_id, last_check_in,"
                    + " detail_fetched_at, detail_check_in FROM device WHERE integration_id = ?")) {
                select.setString(1, integrationId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString("device_id");
                        known.put(
                                id,
                                new KnownDevice(
                                        id,
                                        Sql.optionalInstant(rows, "last_check_in"),
                                        Sql.optionalInstant(rows, "detail_fetched_at"),
                                        Sql.optionalInstant(rows, "detail_check_in")));
                    }
                }
            }
            return known;
        });
    }

    /**
     * Commits a complete listing atomically: adds and updates the accepted devices, removes the ones the listing
     * now rejects, counts the absent ones and marks those absent twice in a row as gone. When the removals would
     * exceed {@code maxRemovalShare} of the active devices and no admin confirmed, nothing is written.
     *
     * @param accepted the listing's devices that passed normalization and the host's filter
     * @param rejectedIds the listing's devices that did not (no user, archived user, MDM off, malformed)
     */
    public ListingCommit commitListing(
            String integrationId,
            String orgId,
            Collection<MdmDevice> accepted,
            Set<String> rejectedIds,
            Instant at,
            double maxRemovalShare,
            boolean removalsConfirmed)
            throws StoreException {
        return database.inTransaction(connection -> {
            ListingPlan plan = ListingPlan.of(existing(connection, integrationId), accepted, rejectedIds);
            if (!removalsConfirmed && plan.exceeds(maxRemovalShare, GUARD_MINIMUM_DEVICES)) {
                return ListingCommit.held(plan.removedCount(), plan.activeBefore(), plan.holdReason(maxRemovalShare));
            }
            insert(connection, integrationId, orgId, plan.added(), at);
            update(connection, integrationId, plan.updated(), at);
            delete(connection, integrationId, plan.rejectedExisting());
            markMissing(connection, integrationId, plan.missing(), plan.gone(), at);
            return new ListingCommit(
                    true,
                    plan.added().size(),
                    plan.updated().size(),
                    plan.missing().size(),
                    plan.removedCount(),
                    plan.activeBefore(),
                    null);
        });
    }

    private static Map<String, Existing> existing(Connection connection, String integrationId) throws SQLException {
        Map<String, Existing> existing = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT device_id, missing_listings, gone_since FROM device WHERE integration_id = ?")) {
            select.setString(1, integrationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    existing.put(rows.getString(1), new Existing(rows.getInt(2), rows.getObject(3) != null));
                }
            }
        }
        return existing;
    }

    private static void insert(
            Connection connection, String integrationId, String orgId, List<MdmDevice> devices, Instant at)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device (integration_id, org_id,"
                + " device_id, serial, wifi_mac, user_email, user_name, name, model, os_version, platform,"
                + " last_check_in, first_seen_at, listed_at, missing_listings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, 0)")) {
            for (MdmDevice device : devices) {
                insert.setString(1, integrationId);
                insert.setString(2, orgId);
                insert.setString(3, device.deviceId());
                bindListed(insert, 4, device);
                Sql.setInstant(insert, 13, at);
                Sql.setInstant(insert, 14, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void update(Connection connection, String integrationId, List<MdmDevice> devices, Instant at)
            throws SQLException {
        // The WiFi MAC and IP come from per-device detail; a listing that has no MAC must not erase them.
        try (PreparedStatement update = connection.prepareStatement("UPDATE device SET serial = ?,"
                + " wifi_mac = COALESCE(?, wifi_mac), user_email = ?, user_name = ?, name = ?, model = ?,"
                + " os_version = ?, platform = ?, last_check_in = ?, listed_at = ?, missing_listings = 0,"
                + " gone_since = NULL WHERE integration_id = ? AND device_id = ?")) {
            for (MdmDevice device : devices) {
                bindListed(update, 1, device);
                Sql.setInstant(update, 10, at);
                update.setString(11, integrationId);
                update.setString(12, device.deviceId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void bindListed(PreparedStatement statement, int first, MdmDevice device) throws SQLException {
        statement.setString(first, device.serial().map(SerialNumber::value).orElse(null));
        statement.setString(first + 1, device.wifiMac().map(Object::toString).orElse(null));
        statement.setString(first + 2, device.user().email().value());
        statement.setString(first + 3, device.user().name());
        statement.setString(first + 4, device.name());
        statement.setString(first + 5, device.model());
        statement.setString(first + 6, device.osVersion());
        statement.setString(first + 7, device.platform().name());
        Sql.setInstant(statement, first + 8, device.lastCheckIn());
    }

    private static void delete(Connection connection, String integrationId, List<String> ids) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM device WHERE integration_id = ? AND device_id = ?")) {
            for (String id : ids) {
                delete.setString(1, integrationId);
                delete.setString(2, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    private static void markMissing(
            Connection connection, String integrationId, List<String> missing, List<String> gone, Instant at)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE device SET missing_listings ="
                + " missing_listings + 1, gone_since = CASE WHEN ? THEN COALESCE(gone_since, ?) ELSE gone_since END"
                + " WHERE integration_id = ? AND device_id = ?")) {
            addMissing(update, integrationId, missing, false, at);
            addMissing(update, integrationId, gone, true, at);
            update.executeBatch();
        }
    }

    private static void addMissing(
            PreparedStatement update, String integrationId, List<String> ids, boolean gone, Instant at)
            throws SQLException {
        for (String id : ids) {
            update.setBoolean(1, gone);
            Sql.setInstant(update, 2, at);
            update.setString(3, integrationId);
            update.setString(4, id);
            update.addBatch();
        }
    }

    /** Stores per-device detail; devices no longer in the snapshot are skipped. Returns how many were stored. */
    public int applyDetails(String integrationId, List<DetailUpdate> details) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE device SET wifi_mac = ?, other_macs = ?,"
                            + " wifi_ip = ?, wifi_ip_observed_at = ?, detail_fetched_at = ?,"
                            + " detail_check_in = last_check_in"
                            + " WHERE integration_id = ? AND device_id = ?")) {
                for (DetailUpdate detail : details) {
                    update.setString(1, detail.wifiMac().orElse(null));
                    update.setString(2, detail.otherMacs().isEmpty() ? null : String.join(",", detail.otherMacs()));
                    update.setString(3, detail.wifiIp().orElse(null));
                    Sql.setInstant(update, 4, detail.wifiIpObservedAt());
                    Sql.setInstant(update, 5, detail.fetchedAt());
                    update.setString(6, integrationId);
                    update.setString(7, detail.deviceId());
                    update.addBatch();
                }
                int stored = 0;
                for (int count : update.executeBatch()) {
                    stored += Math.max(count, 0);
                }
                return stored;
            }
        });
    }

    /** Every device of an organization's integrations, gone ones included, for its match index. */
    public List<StoredDevice> devicesOfOrganization(String orgId) throws StoreException {
        return select("SELECT " + COLUMNS + " FROM device WHERE org_id = ? ORDER BY integration_id, device_id", orgId);
    }

    /** Every device of one integration, gone ones included. */
    public List<StoredDevice> devicesOfIntegration(String integrationId) throws StoreException {
        return select("SELECT " + COLUMNS + " FROM device WHERE integration_id = ? ORDER BY device_id", integrationId);
    }

    /** How many active devices an integration has. */
    public int countActive(String integrationId) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM device WHERE integration_id = ? AND gone_since IS NULL")) {
                count.setString(1, integrationId);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    private List<StoredDevice> select(String sql, String parameter) throws StoreException {
        return database.read(connection -> {
            List<StoredDevice> devices = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, parameter);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        devices.add(map(rows));
                    }
                }
            }
            return devices;
        });
    }

    private static StoredDevice map(ResultSet rows) throws SQLException {
        return new StoredDevice(
                rows.getString("integration_id"),
                rows.getString("org_id"),
                rows.getString("device_id"),
                Optional.ofNullable(rows.getString("serial")),
                Optional.ofNullable(rows.getString("wifi_mac")),
                macList(rows.getString("other_macs")),
                rows.getString("user_email"),
                rows.getString("user_name"),
                rows.getString("name"),
                rows.getString("model"),
                rows.getString("os_version"),
                rows.getString("platform"),
                Sql.optionalInstant(rows, "last_check_in"),
                Sql.instant(rows, "listed_at"),
                rows.getInt("missing_listings"),
                Sql.optionalInstant(rows, "gone_since"),
                Optional.ofNullable(rows.getString("wifi_ip")),
                Sql.optionalInstant(rows, "wifi_ip_observed_at"),
                Sql.optionalInstant(rows, "detail_fetched_at"));
    }

    private static List<String> macList(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(","));
    }

    /** A stored device's standing before a listing. */
    record Existing(int missingListings, boolean gone) {}
}
