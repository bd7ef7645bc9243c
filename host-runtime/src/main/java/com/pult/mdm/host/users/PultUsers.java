package com.pult.mdm.host.users;

import com.pult.mdm.host.store.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Pult users of each organization: imports (JSON or CSV, all or nothing), listing, deletion, and the
 * {@link UserDirectory} the matcher resolves emails against. The directory is cached per organization and replaced
 * after every change, so a lookup never waits for the database.
 */
public final class PultUsers {

    private final Logger logger = LoggerFactory.getLogger(PultUsers.class);
    private final UserStore store;
    private final Clock clock;
    private final Map<String, UserDirectory> directories = new ConcurrentHashMap<>();

    public PultUsers(UserStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Imports a JSON array of {@code {email, name, aliases[]}}.
     *
     * @throws RejectedRowsException listing every bad row (line and reason); nothing was written
     * @throws StoreException when the database failed; nothing was written
     */
    public ImportSummary importJson(String orgId, String json) throws RejectedRowsException, StoreException {
        return upsert(orgId, UserImportParser.parseJson(json));
    }

    /**
     * Imports CSV with a header {@code email,name[,aliases]}, aliases separated by {@code ;}.
     *
     * @throws RejectedRowsException listing every bad row (line and reason); nothing was written
     * @throws StoreException when the database failed; nothing was written
     */
    public ImportSummary importCsv(String orgId, String csv) throws RejectedRowsException, StoreException {
        return upsert(orgId, UserImportParser.parseCsv(csv));
    }

    private ImportSummary upsert(String orgId, List<UserRow> rows) throws RejectedRowsException, StoreException {
        UserStore.Upsert result = store.upsert(orgId, rows, clock.instant());
        if (!result.problems().isEmpty()) {
            throw new RejectedRowsException(result.problems());
        }
        directories.remove(orgId);
        logger.info("Imported users of '{}': {} created, {} updated", orgId, result.created(), result.updated());
        return new ImportSummary(result.created(), result.updated());
    }

    /** Every user of the organization, by primary email. */
    public List<PultUser> list(String orgId) throws StoreException {
        return directory(orgId).users();
    }

    /**
     * Deletes the user with this primary email, its aliases and its presence history.
     *
     * @return whether there was such a user
     * @throws IllegalArgumentException when {@code email} is not an email address
     */
    public boolean delete(String orgId, String email) throws StoreException {
        boolean deleted = store.delete(orgId, email);
        directories.remove(orgId);
        return deleted;
    }

    /** The organization's current directory, loaded on first use and after each change. */
    public UserDirectory directory(String orgId) throws StoreException {
        UserDirectory directory = directories.get(orgId);
        if (directory != null) {
            return directory;
        }
        directory = new UserDirectory(orgId, store.list(orgId));
        directories.put(orgId, directory);
        return directory;
    }

    /**
     * What an import wrote.
     *
     * @param created users that did not exist
     * @param updated users whose primary email existed (any case)
     */
    public record ImportSummary(int created, int updated) {}
}
