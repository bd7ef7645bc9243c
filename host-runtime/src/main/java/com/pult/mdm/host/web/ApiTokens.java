package com.pult.mdm.host.web;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Admin API tokens: each belongs to one organization and is stored as its SHA-256 only. An unsalted hash is
 * enough here because the tokens are 256 random bits, not passwords: nobody can guess one to match a hash. The
 * secret is returned once, by {@link #create} or {@link #rotate}.
 */
public final class ApiTokens {

    /** Every token starts with this, so a leaked one is easy to recognise in logs and secret scanners. */
    public static final String PREFIX = "pult_";

    /** The longest name a token may have. */
    public static final int NAME_MAX = 100;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Database database;
    private final OrganizationStore organizations;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(Database database, OrganizationStore organizations, Clock clock) {
        this.database = database;
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Creates a token for one organization.
     *
     * @param hostAdmin whether it may also enable or disable providers (for every organization) and read metrics
     * @return the token with its secret, which the host does not keep
     * @throws IllegalArgumentException when the organization does not exist or the name is blank or too long
     */
    public IssuedToken create(String orgId, String name, boolean hostAdmin) throws StoreException {
        requireName(name);
        if (organizations.find(orgId).isEmpty()) {
            throw new IllegalArgumentException("No organization '" + orgId + "'.");
        }
        String secret = newSecret();
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(),
                orgId,
                name.strip(),
                hostAdmin,
                clock.instant(),
                Optional.empty(),
                Optional.empty());
        database.inTransaction(connection -> insert(connection, token, hash(secret)));
        return new IssuedToken(token, secret);
    }

    /**
     * Replaces a token's secret; the old one stops working at once.
     *
     * @return the new secret, or empty when the organization has no such token
     */
    public Optional<IssuedToken> rotate(String orgId, String tokenId) throws StoreException {
        Optional<ApiToken> existing = find(orgId, tokenId);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        String secret = newSecret();
        Instant now = clock.instant();
        database.inTransaction(connection -> update(
                connection,
                "UPDATE api_token SET token_hash = ?, rotated_at = ? WHERE id = ?",
                hash(secret),
                now,
                tokenId));
        ApiToken token = existing.get();
        ApiToken rotated = new ApiToken(
                token.id(),
                orgId,
                token.name(),
                token.hostAdmin(),
                token.createdAt(),
                Optional.of(now),
                token.lastUsedAt());
        return Optional.of(new IssuedToken(rotated, secret));
    }

    /** Deletes a token; returns whether the organization had it. */
    public boolean delete(String orgId, String tokenId) throws StoreException {
        return database.inTransaction(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM api_token WHERE org_id = ? AND id = ?")) {
                delete.setString(1, orgId);
                delete.setString(2, tokenId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    /** The organization's tokens, oldest first; never their secrets. */
    public List<ApiToken> list(String orgId) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM api_token WHERE org_id = ? ORDER BY created_at, id")) {
                select.setString(1, orgId);
                return readAll(select);
            }
        });
    }

    /** One token of the organization. */
    public Optional<ApiToken> find(String orgId, String tokenId) throws StoreException {
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM api_token WHERE org_id = ? AND id = ?")) {
                select.setString(1, orgId);
                select.setString(2, tokenId);
                return readAll(select).stream().findFirst();
            }
        });
    }

    /**
     * The token a request presented, if it is one the host issued. The lookup is by hash, and the stored hash is
     * compared again in constant time, so the answer takes the same time whichever byte differs.
     */
    public Optional<ApiToken> authenticate(String secret) throws StoreException {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String presented = hash(secret);
        return database.read(connection -> {
            try (PreparedStatement select =
                    connection.prepareStatement("SELECT * FROM api_token WHERE token_hash = ?")) {
                select.setString(1, presented);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next() || !sameHash(rows.getString("token_hash"), presented)) {
                        return Optional.empty();
                    }
                    return Optional.of(map(rows));
                }
            }
        });
    }

    /** Records that a token was used; at most once a minute per token, so requests do not all write. */
    void touch(ApiToken token) throws StoreException {
        Instant now = clock.instant();
        if (token.lastUsedAt()
                .filter(last -> last.isAfter(now.minusSeconds(60)))
                .isPresent()) {
            return;
        }
        database.inTransaction(connection ->
                update(connection, "UPDATE api_token SET last_used_at = ? WHERE id = ?", null, now, token.id()));
    }

    /** The SHA-256 of a secret as lower-case hex, the form the database holds. */
    static String hash(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static boolean sameHash(String stored, String presented) {
        return MessageDigest.isEqual(
                stored.getBytes(StandardCharsets.US_ASCII), presented.getBytes(StandardCharsets.US_ASCII));
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + ENCODER.encodeToString(bytes);
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A token needs a name, such as 'ci' or 'dashboard'.");
        }
        if (name.strip().length() > NAME_MAX) {
            throw new IllegalArgumentException("A token's name has at most " + NAME_MAX + " characters.");
        }
    }

    private static Void insert(Connection connection, ApiToken token, String hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO api_token"
                + " (id, org_id, name, token_hash, host_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, token.id());
            insert.setString(2, token.orgId());
            insert.setString(3, token.name());
            insert.setString(4, hash);
            insert.setBoolean(5, token.hostAdmin());
            insert.setObject(6, token.createdAt().atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
        }
        return null;
    }

    private static Void update(Connection connection, String sql, String hash, Instant at, String id)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int index = 1;
            if (hash != null) {
                update.setString(index++, hash);
            }
            update.setObject(index++, at.atOffset(ZoneOffset.UTC));
            update.setString(index, id);
            update.executeUpdate();
        }
        return null;
    }

    private static List<ApiToken> readAll(PreparedStatement select) throws SQLException {
        List<ApiToken> tokens = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tokens.add(map(rows));
            }
        }
        return tokens;
    }

    private static ApiToken map(ResultSet rows) throws SQLException {
        return new ApiToken(
                rows.getString("id"),
                rows.getString("org_id"),
                rows.getString("name"),
                rows.getBoolean("host_admin"),
                instant(rows, "created_at"),
                Optional.ofNullable(instant(rows, "rotated_at")),
                Optional.ofNullable(instant(rows, "last_used_at")));
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
