package com.pult.mdm.host.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The host's database: an embedded H2 file in the data directory by default, reached through plain JDBC, its
 * schema managed by Flyway migrations in standard SQL so PostgreSQL can take its place.
 *
 * <p>Every commit is written before it returns ({@code WRITE_DELAY=0}), so a killed process loses nothing it
 * committed. H2 holds its file lock through the operating system, which releases it when the process dies: no
 * stale lock is left after a crash.
 */
public final class Database implements AutoCloseable {

    /** H2's error code when another process holds the database file's lock. */
    private static final int DATABASE_ALREADY_OPEN = 90020;

    private final JdbcConnectionPool pool;

    private Database(JdbcConnectionPool pool) {
        this.pool = pool;
    }

    /**
     * Opens (creating if needed) the database in {@code dataDir/db} and brings its schema up to date.
     *
     * @throws DatabaseInUseException when another process (a running host) holds the database
     * @throws StoreException with a message an operator can act on when the file cannot be read or the schema
     *     cannot be migrated; the file is never deleted or replaced
     */
    public static Database openInDirectory(Path dataDir) throws StoreException {
        Path dir = dataDir.resolve("db");
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the database directory '" + dir + "': " + e.getMessage(), e);
        }
        // The async file system is not closed by Thread.interrupt(): a sync cancelled while it writes (a plugin
        // removed, a host stopping) must not take the database down with it.
        String url = "jdbc:h2:async:" + dir.resolve("pult").toAbsolutePath() + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        return open(url, "pult", "");
    }

    /** Opens a database at a JDBC URL and migrates it; used for other engines and for tests. */
    public static Database open(String url, String user, String password) throws StoreException {
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, user, password);
        pool.setMaxConnections(16);
        try (Connection probe = pool.getConnection()) {
            probe.isValid(5);
        } catch (SQLException e) {
            pool.dispose();
            throw openFailure(url, e);
        }
        migrate(pool);
        return new Database(pool);
    }

    private static void migrate(JdbcConnectionPool pool) throws StoreException {
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (FlywayException e) {
            pool.dispose();
            throw new StoreException("Cannot bring the database schema up to date: " + e.getMessage(), e);
        }
    }

    private static StoreException openFailure(String url, SQLException e) {
        String where = url.replaceFirst(";.*", "");
        if (e.getErrorCode() == DATABASE_ALREADY_OPEN) {
            return new DatabaseInUseException(
                    "The database '" + where + "' is in use by another running host."
                            + " Stop that host, or give this one its own --data-dir.",
                    e);
        }
        return new StoreException(
                "Cannot open the database '" + where + "': " + e.getMessage()
                        + ". The file was left untouched; restore it from a backup or recover it with H2's Recover"
                        + " tool,"
                        + " or start with an empty --data-dir and let the next sync rebuild the inventory.",
                e);
    }

    /** The pooled data source every store uses. */
    public DataSource dataSource() {
        return pool;
    }

    /** Runs {@code work} in one transaction: it commits when work returns and rolls back when it throws. */
    public <T> T inTransaction(Work<T> work) throws StoreException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Failed to write to the database: " + e.getMessage(), e);
        }
    }

    /** Runs a read on one connection. */
    public <T> T read(Work<T> work) throws StoreException {
        try (Connection connection = pool.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Failed to read from the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        // SHUTDOWN closes the database at once, even while another thread still holds a connection (its work fails
        // instead of writing after the host has stopped); disposing the pool then closes the idle connections.
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            // Already closed, or every connection busy: disposing the pool closes it once the last one returns.
        }
        pool.dispose();
    }

    /** A unit of database work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
