package com.pult.mdm.host.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads and writes organizations. */
public final class OrganizationStore {

    private final Database database;

    public OrganizationStore(Database database) {
        this.database = database;
    }

    /** Creates the organization, or updates its name, zone and policy when it exists. */
    public void save(Organization organization) throws StoreException {
        database.inTransaction(connection -> {
            if (find(connection, organization.id()).isPresent()) {
                update(connection, organization);
            } else {
                insert(connection, organization);
            }
            return null;
        });
    }

    private static void insert(Connection connection, Organization organization) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO organization (id, name, time_zone, auth_policy, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, organization.id());
            insert.setString(2, organization.name());
            insert.setString(3, organization.timeZone().getId());
            insert.setString(4, organization.authPolicy().name());
            Sql.setInstant(insert, 5, Instant.now());
            insert.executeUpdate();
        }
    }

    private static void update(Connection connection, Organization organization) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE organization SET name = ?, time_zone = ?, auth_policy = ? WHERE id = ?")) {
            update.setString(1, organization.name());
            update.setString(2, organization.timeZone().getId());
            update.setString(3, organization.authPolicy().name());
            update.setString(4, organization.id());
            update.executeUpdate();
        }
    }

    /** Whether the organization exists, read inside a caller's transaction. */
    public static boolean exists(Connection connection, String id) throws SQLException {
        return find(connection, id).isPresent();
    }

    /** The organization with this id, if any. */
    public Optional<Organization> find(String id) throws StoreException {
        return database.read(connection -> find(connection, id));
    }

    /** Every organization, by id. */
    public List<Organization> list() throws StoreException {
        return database.read(connection -> {
            List<Organization> all = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT * FROM organization ORDER BY id");
                    ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(map(rows));
                }
            }
            return all;
        });
    }

    private static Optional<Organization> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT * FROM organization WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        }
    }

    private static Organization map(ResultSet rows) throws SQLException {
        return new Organization(
                rows.getString("id"),
                rows.getString("name"),
                ZoneId.of(rows.getString("time_zone")),
                Organization.AuthPolicy.valueOf(rows.getString("auth_policy")));
    }
}
