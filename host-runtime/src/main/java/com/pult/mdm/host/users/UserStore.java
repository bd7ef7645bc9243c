package com.pult.mdm.host.users;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.spi.Email;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Pult users of every organization. An email (primary or alias) belongs to at most one user of an
 * organization, ignoring case; the primary key of {@code pult_user_email} holds that even against a racing writer.
 */
public final class UserStore {

    private final Database database;

    public UserStore(Database database) {
        this.database = database;
    }

    /**
     * Creates or updates users keyed by their primary email, all or nothing.
     *
     * @return the counts, or the problems (conflicts with stored users) when nothing was written
     */
    Upsert upsert(String orgId, List<UserRow> rows, Instant at) throws StoreException {
        return database.inTransaction(connection -> {
            if (!OrganizationStore.exists(connection, orgId)) {
                return new Upsert(
                        0,
                        0,
                        List.of(new RowProblem(
                                1,
                                "No organization '" + orgId
                                        + "': create the organization before importing its users.")));
            }
            Map<String, Owner> owners = owners(connection, orgId);
            UpsertPlan plan = new UpsertPlan(owners, rows);
            if (!plan.problems.isEmpty()) {
                return new Upsert(0, 0, plan.problems);
            }
            write(connection, orgId, plan, at);
            return new Upsert(plan.created.size(), plan.updated.size(), List.of());
        });
    }

    private static void write(Connection connection, String orgId, UpsertPlan plan, Instant at) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pult_user (org_id, id, email, name,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE pult_user SET email = ?, name = ?, updated_at = ? WHERE org_id = ? AND id = ?")) {
            for (Map.Entry<UserRow, String> entry : plan.created.entrySet()) {
                bind(insert, orgId, entry.getValue(), entry.getKey(), at);
                insert.setObject(6, at.atOffset(ZoneOffset.UTC));
                insert.addBatch();
            }
            for (Map.Entry<UserRow, String> entry : plan.updated.entrySet()) {
                update.setString(1, entry.getKey().email().value());
                update.setString(2, entry.getKey().name());
                update.setObject(3, at.atOffset(ZoneOffset.UTC));
                update.setString(4, orgId);
                update.setString(5, entry.getValue());
                update.addBatch();
            }
            insert.executeBatch();
            update.executeBatch();
        }
        writeEmails(connection, orgId, plan);
    }

    private static void bind(PreparedStatement insert, String orgId, String id, UserRow row, Instant at)
            throws SQLException {
        insert.setString(1, orgId);
        insert.setString(2, id);
        insert.setString(3, row.email().value());
        insert.setString(4, row.name());
        insert.setObject(5, at.atOffset(ZoneOffset.UTC));
    }

    private static void writeEmails(Connection connection, String orgId, UpsertPlan plan) throws SQLException {
        // Released aliases go first, so an address may move from one user to another within one batch.
        try (PreparedStatement release =
                        connection.prepareStatement("DELETE FROM pult_user_email WHERE org_id = ? AND email_key = ?");
                PreparedStatement claim = connection.prepareStatement("INSERT INTO pult_user_email (org_id,"
                        + " email_key, user_id, email, is_primary) VALUES (?, ?, ?, ?, ?)")) {
            for (String key : plan.released) {
                release.setString(1, orgId);
                release.setString(2, key);
                release.addBatch();
            }
            release.executeBatch();
            for (Claim wanted : plan.claims) {
                claim.setString(1, orgId);
                claim.setString(2, wanted.email().key());
                claim.setString(3, wanted.userId());
                claim.setString(4, wanted.email().value());
                claim.setBoolean(5, wanted.primary());
                claim.addBatch();
            }
            claim.executeBatch();
        }
    }

    private static Map<String, Owner> owners(Connection connection, String orgId) throws SQLException {
        Map<String, Owner> owners = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT e.email_key, e.user_id, e.is_primary,"
                + " u.email FROM pult_user_email e JOIN pult_user u ON u.org_id = e.org_id AND u.id = e.user_id"
                + " WHERE e.org_id = ?")) {
            select.setString(1, orgId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    owners.put(rows.getString(1), new Owner(rows.getString(2), rows.getBoolean(3), rows.getString(4)));
                }
            }
        }
        return owners;
    }

    /** Every user of the organization, by primary email. */
    public List<PultUser> list(String orgId) throws StoreException {
        return database.read(connection -> {
            Map<String, UserBuilder> users = new LinkedHashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT u.id, u.email, u.name, e.email AS"
                    + " alias FROM pult_user u LEFT JOIN pult_user_email e ON e.org_id = u.org_id AND e.user_id = u.id"
                    + " AND e.is_primary = FALSE WHERE u.org_id = ? ORDER BY LOWER(u.email), u.id, e.email_key")) {
                select.setString(1, orgId);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String id = rows.getString(1);
                        UserBuilder user = users.get(id);
                        if (user == null) {
                            user = new UserBuilder(id, rows.getString(2), rows.getString(3));
                            users.put(id, user);
                        }
                        user.alias(rows.getString(4));
                    }
                }
            }
            return users.values().stream().map(builder -> builder.build(orgId)).toList();
        });
    }

    /**
     * Deletes the user whose primary email this is (any case), with its aliases and its presence history.
     *
     * @return whether a user was deleted
     */
    public boolean delete(String orgId, String email) throws StoreException {
        String key = Email.parse(email).key();
        return database.inTransaction(connection -> {
            Optional<String> id = primaryOwner(connection, orgId, key);
            if (id.isEmpty()) {
                return false;
            }
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM pult_user WHERE org_id = ? AND id = ?")) {
                delete.setString(1, orgId);
                delete.setString(2, id.get());
                return delete.executeUpdate() > 0;
            }
        });
    }

    private static Optional<String> primaryOwner(Connection connection, String orgId, String key) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT user_id FROM pult_user_email" + " WHERE org_id = ? AND email_key = ? AND is_primary = TRUE")) {
            select.setString(1, orgId);
            select.setString(2, key);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    /** The outcome of an upsert: counts when written, problems when not. */
    record Upsert(int created, int updated, List<RowProblem> problems) {}

    /** Who holds an email key now. */
    private record Owner(String userId, boolean primary, String userEmail) {}

    private record Claim(String userId, Email email, boolean primary) {}

    /** What an upsert would write, or why it cannot. */
    private static final class UpsertPlan {
        final Map<UserRow, String> created = new LinkedHashMap<>();
        final Map<UserRow, String> updated = new LinkedHashMap<>();
        final Set<String> released = new HashSet<>();
        final List<Claim> claims = new ArrayList<>();
        final List<RowProblem> problems = new ArrayList<>();

        UpsertPlan(Map<String, Owner> owners, List<UserRow> rows) {
            for (UserRow row : rows) {
                assign(owners, row);
            }
            for (UserRow row : rows) {
                claim(owners, row, created.containsKey(row) ? created.get(row) : updated.get(row));
            }
        }

        private void assign(Map<String, Owner> owners, UserRow row) {
            Owner owner = owners.get(row.email().key());
            if (owner == null || !owner.primary()) {
                created.put(row, UUID.randomUUID().toString());
                return;
            }
            updated.put(row, owner.userId());
            // The primary's spelling may change case, so it is rewritten; listed aliases replace the stored ones.
            released.add(row.email().key());
            if (row.aliases().isPresent()) {
                owners.forEach((key, held) -> {
                    if (held.userId().equals(owner.userId()) && !held.primary()) {
                        released.add(key);
                    }
                });
            }
        }

        private void claim(Map<String, Owner> owners, UserRow row, String userId) {
            claims.add(new Claim(userId, row.email(), true));
            List<Email> emails = new ArrayList<>(List.of(row.email()));
            row.aliases()
                    .ifPresent(aliases -> aliases.forEach(alias -> {
                        claims.add(new Claim(userId, alias, false));
                        emails.add(alias);
                    }));
            for (Email email : emails) {
                Owner owner = owners.get(email.key());
                if (owner != null && !released.contains(email.key())) {
                    problems.add(new RowProblem(
                            row.line(),
                            "'" + email.value() + "' is already an email of " + owner.userEmail()
                                    + "; an email belongs to one user."));
                }
            }
        }
    }

    /** Collects one user's rows of the list query. */
    private static final class UserBuilder {
        private final String id;
        private final String email;
        private final String name;
        private final List<String> aliases = new ArrayList<>();

        UserBuilder(String id, String email, String name) {
            this.id = id;
            this.email = email;
            this.name = name;
        }

        UserBuilder alias(String alias) {
            if (alias != null) {
                aliases.add(alias);
            }
            return this;
        }

        PultUser build(String orgId) {
            return new PultUser(orgId, id, email, name, aliases);
        }
    }
}
