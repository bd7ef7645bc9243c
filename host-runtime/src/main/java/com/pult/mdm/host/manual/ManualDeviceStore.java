package com.pult.mdm.host.manual;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.store.StoredDevice;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The manual device lists of all organizations; a save replaces an organization's list in one transaction. */
public final class ManualDeviceStore {

    private final Database database;

    public ManualDeviceStore(Database database) {
        this.database = database;
    }

    /** Whether the organization exists. */
    boolean organizationExists(String orgId) throws StoreException {
        return database.read(connection -> OrganizationStore.exists(connection, orgId));
    }

    /** Replaces the organization's whole list atomically. */
    void replace(String orgId, List<ManualListParser.Entry> entries, Instant at) throws StoreException {
        database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM manual_device WHERE org_id = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO manual_device (org_id, mac,"
                            + " email, line_no, saved_at) VALUES (?, ?, ?, ?, ?)")) {
                delete.setString(1, orgId);
                delete.executeUpdate();
                for (ManualListParser.Entry entry : entries) {
                    insert.setString(1, orgId);
                    insert.setString(2, entry.mac().toString());
                    insert.setString(3, entry.email().value());
                    insert.setInt(4, entry.line());
                    insert.setObject(5, at.atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The organization's list, in line order. */
    public List<ManualDevice> list(String orgId) throws StoreException {
        return database.read(connection -> {
            List<ManualDevice> devices = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT email, mac, line_no, saved_at" + " FROM manual_device WHERE org_id = ? ORDER BY line_no")) {
                select.setString(1, orgId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        devices.add(map(orgId, rows));
                    }
                }
            }
            return devices;
        });
    }

    private static ManualDevice map(String orgId, ResultSet rows) throws SQLException {
        return new ManualDevice(
                orgId,
                rows.getString("email"),
                rows.getString("mac"),
                rows.getInt("line_no"),
                rows.getObject("saved_at", OffsetDateTime.class).toInstant());
    }

    /** The list as devices for the match index (see {@code MatchIndexes}' second source). */
    public List<StoredDevice> storedDevices(String orgId) throws StoreException {
        return list(orgId).stream().map(ManualDevice::toStoredDevice).toList();
    }
}
