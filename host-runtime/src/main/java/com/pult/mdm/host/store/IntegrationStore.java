package com.pult.mdm.host.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Reads and writes integrations. Deleting one removes its devices and history in the same transaction. */
public final class IntegrationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, org_id, provider_id, name, settings, secrets, enabled, paused_reason,"
            + " auth_failures, transient_failures, last_error, hold_reason, removals_confirmed, interval_seconds,"
            + " next_sync_at, last_sync_at, last_success_at, created_at, updated_at";

    private final Database database;

    public IntegrationStore(Database database) {
        this.database = database;
    }

    /** Stores a new integration. */
    public void insert(IntegrationRow row) throws StoreException {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO integration (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," + " ?, ?, ?)")) {
                bind(insert, row);
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Replaces every column of an existing integration. */
    public void update(IntegrationRow row) throws StoreException {
        database.inTransaction(connection -> {
            update(connection, row);
            return null;
        });
    }

    /**
     * Changes an integration from its current stored state, with the row locked from read to write: a sync ending
     * and an admin's edit made at the same moment both take effect, neither overwrites the other with what it read
     * earlier.
     *
     * @return the row as written, or empty when the integration no longer exists
     */
    public Optional<IntegrationRow> modify(String id, UnaryOperator<IntegrationRow> change) throws StoreException {
        return database.inTransaction(connection -> {
            IntegrationRow current;
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT " + COLUMNS + " FROM integration WHERE id = ? FOR UPDATE")) {
                select.setString(1, id);
                List<IntegrationRow> rows = map(select);
                if (rows.isEmpty()) {
                    return Optional.empty();
                }
                current = rows.get(0);
            }
            IntegrationRow changed = change.apply(current);
            update(connection, changed);
            return Optional.of(changed);
        });
    }

    /** Replaces every column of an existing integration inside a caller's transaction. */
    public static void update(Connection connection, IntegrationRow row) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE integration SET id = ?, org_id = ?,"
                + " provider_id = ?, name = ?, settings = ?, secrets = ?, enabled = ?, paused_reason = ?,"
                + " auth_failures = ?, transient_failures = ?, last_error = ?, hold_reason = ?,"
                + " removals_confirmed = ?, interval_seconds = ?, next_sync_at = ?, last_sync_at = ?,"
                + " last_success_at = ?, created_at = ?, updated_at = ? WHERE id = ?")) {
            bind(update, row);
            update.setString(20, row.id());
            update.executeUpdate();
        }
    }

    /** Deletes an integration with its secrets, devices and sync history, in one transaction. */
    public boolean delete(String id) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM integration WHERE id = ?")) {
                delete.setString(1, id);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /** The integration with this id, if any. */
    public Optional<IntegrationRow> find(String id) throws StoreException {
        List<IntegrationRow> rows = query("SELECT " + COLUMNS + " FROM integration WHERE id = ?", id);
        return rows.stream().findFirst();
    }

    /** The integrations of one organization, oldest first. */
    public List<IntegrationRow> listByOrganization(String orgId) throws StoreException {
        return query("SELECT " + COLUMNS + " FROM integration WHERE org_id = ? ORDER BY created_at, id", orgId);
    }

    /** Every integration, oldest first. */
    public List<IntegrationRow> listAll() throws StoreException {
        return query("SELECT " + COLUMNS + " FROM integration ORDER BY created_at, id", null);
    }

    private List<IntegrationRow> query(String sql, String parameter) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                if (parameter != null) {
                    select.setString(1, parameter);
                }
                return map(select);
            }
        });
    }

    private static List<IntegrationRow> map(PreparedStatement select) throws SQLException {
        List<IntegrationRow> all = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(map(rows));
            }
        }
        return all;
    }

    private static IntegrationRow map(ResultSet rows) throws SQLException {
        return new IntegrationRow(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("provider_id"),
                rows.getString("name"),
                readSettings(rows.getString("settings")),
                rows.getString("secrets"),
                rows.getBoolean("enabled"),
                rows.getString("paused_reason"),
                rows.getInt("auth_failures"),
                rows.getInt("transient_failures"),
                rows.getString("last_error"),
                rows.getString("hold_reason"),
                rows.getBoolean("removals_confirmed"),
                Duration.ofSeconds(rows.getInt("interval_seconds")),
                Sql.instant(rows, "next_sync_at"),
                Sql.instant(rows, "last_sync_at"),
                Sql.instant(rows, "last_success_at"),
                Sql.instant(rows, "created_at"),
                Sql.instant(rows, "updated_at"));
    }

    private static void bind(PreparedStatement statement, IntegrationRow row) throws SQLException {
        statement.setString(1, row.id());
        statement.setString(2, row.orgId());
        statement.setString(3, row.providerId());
        statement.setString(4, row.name());
        statement.setString(5, writeSettings(row.settings()));
        statement.setString(6, row.sealedSecrets());
        statement.setBoolean(7, row.enabled());
        statement.setString(8, row.pausedReason());
        statement.setInt(9, row.authFailures());
        statement.setInt(10, row.transientFailures());
        statement.setString(11, row.lastError());
        statement.setString(12, row.holdReason());
        statement.setBoolean(13, row.removalsConfirmed());
        statement.setInt(14, (int) row.interval().toSeconds());
        Sql.setInstant(statement, 15, row.nextSyncAt());
        Sql.setInstant(statement, 16, row.lastSyncAt());
        Sql.setInstant(statement, 17, row.lastSuccessAt());
        Sql.setInstant(statement, 18, row.createdAt());
        Sql.setInstant(statement, 19, row.updatedAt());
    }

    private static String writeSettings(Map<String, String> settings) throws SQLException {
        try {
            return JSON.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new SQLException("Cannot store integration settings", e);
        }
    }

    private static Map<String, String> readSettings(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("Stored integration settings are unreadable", e);
        }
    }
}
