package com.pult.mdm.host.web;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The audit log of admin actions, stored in the database per organization. */
public final class AuditLog {

    private final Database database;
    private final Clock clock;

    public AuditLog(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Records one action now; the texts are cut to the columns' lengths rather than refused. */
    public void record(ApiToken token, String action, String target, int status, String remoteAddress)
            throws StoreException {
        database.inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_entry (org_id, token_id,"
                    + " token_name, action, target, status, remote_address, acted_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, token.orgId());
                insert.setString(2, token.id());
                insert.setString(3, token.name());
                insert.setString(4, cut(action, 200));
                insert.setString(5, cut(target, 300));
                insert.setInt(6, status);
                insert.setString(7, cut(remoteAddress, 64));
                insert.setObject(8, clock.instant().atOffset(ZoneOffset.UTC));
                return insert.executeUpdate();
            }
        });
    }

    /** The organization's newest entries, newest first. */
    public List<AuditEntry> newest(String orgId, int limit) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM audit_entry WHERE org_id = ? ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                select.setString(1, orgId);
                select.setInt(2, limit);
                return readAll(select);
            }
        });
    }

    private static List<AuditEntry> readAll(PreparedStatement select) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new AuditEntry(
                        rows.getLong("id"),
                        rows.getString("org_id"),
                        rows.getString("token_id"),
                        rows.getString("token_name"),
                        rows.getString("action"),
                        rows.getString("target"),
                        rows.getInt("status"),
                        rows.getString("remote_address"),
                        rows.getObject("acted_at", OffsetDateTime.class).toInstant()));
            }
        }
        return entries;
    }

    private static String cut(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max);
    }
}
