package com.pult.mdm.host.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The history of sync runs, kept for a configurable age. */
public final class SyncRunStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;

    public SyncRunStore(Database database) {
        this.database = database;
    }

    /** Records that a run started; returns its id. */
    public long start(String integrationId, Instant startedAt) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO sync_run (integration_id,"
                            + " started_at, outcome, devices_seen, accepted, rejected, removed, details_fetched,"
                            + " requests,"
                            + " rate_limited) VALUES (?, ?, 'RUNNING', 0, 0, '{}', 0, 0, 0, 0)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, integrationId);
                Sql.setInstant(insert, 2, startedAt);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Records how a run ended. */
    public void finish(SyncRun run) throws StoreException {
        database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_run SET ended_at = ?,"
                    + " outcome = ?, devices_seen = ?, accepted = ?, rejected = ?, removed = ?, details_fetched = ?,"
                    + " requests = ?, rate_limited = ?, message = ? WHERE id = ?")) {
                Sql.setInstant(update, 1, run.endedAt());
                update.setString(2, run.outcome().name());
                update.setInt(3, run.devicesSeen());
                update.setInt(4, run.accepted());
                update.setString(5, write(run.rejected()));
                update.setInt(6, run.removed());
                update.setInt(7, run.detailsFetched());
                update.setInt(8, run.requests());
                update.setInt(9, run.rateLimited());
                update.setString(10, truncate(run.message()));
                update.setLong(11, run.id());
                update.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Marks runs left RUNNING by a host that stopped without finishing them (a crash or a kill).
     *
     * @return how many were marked
     */
    public int markInterrupted(Instant at) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE sync_run SET outcome = 'INTERRUPTED',"
                    + " ended_at = ?, message = 'The host stopped during this run; nothing of its listing was"
                    + " committed.' WHERE outcome = 'RUNNING'")) {
                Sql.setInstant(update, 1, at);
                return update.executeUpdate();
            }
        });
    }

    /** The newest runs of an integration, newest first. */
    public List<SyncRun> history(String integrationId, int limit) throws StoreException {
        return database.read(connection -> {
            List<SyncRun> runs = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM sync_run WHERE integration_id = ? ORDER BY started_at DESC, id DESC"
                            + " FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, integrationId);
                select.setInt(2, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        runs.add(map(rows));
                    }
                }
            }
            return runs;
        });
    }

    /** Deletes runs that ended before {@code cutoff}; returns how many. */
    public int pruneEndedBefore(Instant cutoff) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM sync_run WHERE ended_at IS NOT NULL AND ended_at < ?")) {
                Sql.setInstant(delete, 1, cutoff);
                return delete.executeUpdate();
            }
        });
    }

    private static SyncRun map(ResultSet rows) throws SQLException {
        return new SyncRun(
                rows.getLong("id"),
                rows.getString("integration_id"),
                Sql.instant(rows, "started_at"),
                Sql.instant(rows, "ended_at"),
                SyncRun.Outcome.valueOf(rows.getString("outcome")),
                rows.getInt("devices_seen"),
                rows.getInt("accepted"),
                read(rows.getString("rejected")),
                rows.getInt("removed"),
                rows.getInt("details_fetched"),
                rows.getInt("requests"),
                rows.getInt("rate_limited"),
                rows.getString("message"));
    }

    private static String truncate(String message) {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
    }

    private static String write(Map<String, Integer> counts) throws SQLException {
        try {
            return JSON.writeValueAsString(counts);
        } catch (JsonProcessingException e) {
            throw new SQLException("Cannot store rejection counts", e);
        }
    }

    private static Map<String, Integer> read(String json) throws SQLException {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Integer>>() {});
        } catch (JsonProcessingException e) {
            throw new SQLException("Stored rejection counts are unreadable", e);
        }
    }
}
