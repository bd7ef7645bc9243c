package com.pult.mdm.host.match;

import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.users.PultUsers;
import com.pult.mdm.host.users.UserDirectory;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers whose device is whose, per organization: serial, WiFi MAC or WiFi IP to device, device to email, email
 * to Pult user. Built on {@link MatchIndexes} (the devices) and {@link PultUsers} (the people); a new snapshot is
 * made whenever either of them changed, and reused otherwise.
 */
public final class MatchService {

    private final MatchIndexes indexes;
    private final PultUsers users;
    private final Map<String, MatchSnapshot> snapshots = new ConcurrentHashMap<>();

    public MatchService(MatchIndexes indexes, PultUsers users) {
        this.indexes = indexes;
        this.users = users;
    }

    /** The organization's current devices joined with its current users; one batch should use one snapshot. */
    public MatchSnapshot snapshot(String orgId) throws StoreException {
        MatchIndex index = indexes.of(orgId);
        UserDirectory directory = users.directory(orgId);
        MatchSnapshot current = snapshots.get(orgId);
        if (current != null && current.index() == index && current.users() == directory) {
            return current;
        }
        MatchSnapshot fresh = new MatchSnapshot(index, directory);
        snapshots.put(orgId, fresh);
        return fresh;
    }

    /** Serial number to user, with the trace. */
    public UserMatch bySerial(String orgId, String serial) throws StoreException {
        return snapshot(orgId).bySerial(serial);
    }

    /** WiFi MAC (any spelling) to user, with the trace. */
    public UserMatch byMac(String orgId, String mac) throws StoreException {
        return snapshot(orgId).byMac(mac);
    }

    /** WiFi IP to user, valid only while the MDM's binding of that IP is fresh at {@code at}. */
    public UserMatch byIp(String orgId, String ip, Instant at) throws StoreException {
        return snapshot(orgId).byIp(ip, at);
    }
}
