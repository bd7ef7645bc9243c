package com.pult.mdm.host.match;

import com.pult.mdm.host.manual.ManualDeviceStore;
import com.pult.mdm.host.manual.ManualDevices;
import com.pult.mdm.host.presence.PresenceSettings;
import com.pult.mdm.host.presence.PresenceStore;
import com.pult.mdm.host.presence.WifiInspector;
import com.pult.mdm.host.presence.WifiPresence;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.DeviceStore;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.host.users.PultUsers;
import com.pult.mdm.host.users.UserStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/**
 * The matching layer wired as the host wires it, on a real H2 database in a temporary directory. MDM devices are
 * written with plain SQL into the tables the sync fills, so the real {@link DeviceStore} reads them back.
 */
public final class HostFixture implements AutoCloseable {

    public static final String ORG = "acme";
    public static final Instant NOW = Instant.parse("2024-07-08T15:00:00Z");

    public final MutableClock clock = new MutableClock(NOW);
    public final Database database;
    public final OrganizationStore organizations;
    public final PultUsers users;
    public final ManualDevices manual;
    public final MatchIndexes indexes;
    public final MatchService matches;
    public final DeviceAuthentication authentication;
    public final PresenceStore presenceStore;
    public final WifiPresence presence;
    public final WifiInspector inspector;
    private final Set<String> integrations = new HashSet<>();

    public HostFixture(Path dir) throws Exception {
        this(dir, MatchIndexes.DEFAULT_IP_FRESHNESS, PresenceSettings.defaults());
    }

    public HostFixture(Path dir, Duration ipFreshness, PresenceSettings settings) throws Exception {
        database = Database.openInDirectory(dir);
        organizations = new OrganizationStore(database);
        organization(ZoneId.of("America/Chicago"), Organization.AuthPolicy.AUTO_APPROVE);
        users = new PultUsers(new UserStore(database), clock);
        ManualDeviceStore manualStore = new ManualDeviceStore(database);
        indexes = new MatchIndexes(
                new DeviceStore(database)::devicesOfOrganization, manualStore::storedDevices, ipFreshness);
        manual = new ManualDevices(manualStore, indexes, clock);
        matches = new MatchService(indexes, users);
        authentication = new DeviceAuthentication(matches, organizations, clock);
        presenceStore = new PresenceStore(database);
        presence = new WifiPresence(matches, organizations, presenceStore, settings, clock);
        inspector = new WifiInspector(matches, presenceStore, settings, clock);
    }

    /** Sets the zone and policy of the test organization. */
    public void organization(ZoneId zone, Organization.AuthPolicy policy) throws Exception {
        organizations.save(new Organization(ORG, "Acme", zone, policy));
    }

    /** Imports users as CSV lines {@code email,name}. */
    public void users(String... emails) throws Exception {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (String email : emails) {
            csv.append(email).append(",").append(email, 0, email.indexOf('@')).append('\n');
        }
        users.importCsv(ORG, csv.toString());
    }

    public PultUser user(String email) throws Exception {
        return users.directory(ORG).byEmail(email).orElseThrow();
    }

    /** A device as a sync stores it, then the index rebuilt as after a commit. */
    public MdmRow device(String deviceId) {
        return new MdmRow(deviceId);
    }

    @Override
    public void close() {
        database.close();
    }

    /** Builds one stored MDM device. */
    public final class MdmRow {
        private final String deviceId;
        private String integration = "kandji-1";
        private String serial;
        private String wifiMac;
        private String otherMacs;
        private String email = "";
        private String ip;
        private Instant ipSeen;
        private Instant gone;

        MdmRow(String deviceId) {
            this.deviceId = deviceId;
        }

        public MdmRow integration(String value) {
            integration = value;
            return this;
        }

        public MdmRow serial(String value) {
            serial = value;
            return this;
        }

        public MdmRow wifiMac(String value) {
            wifiMac = value;
            return this;
        }

        public MdmRow otherMacs(String value) {
            otherMacs = value;
            return this;
        }

        public MdmRow email(String value) {
            email = value;
            return this;
        }

        public MdmRow ip(String value, Instant seen) {
            ip = value;
            ipSeen = seen;
            return this;
        }

        public MdmRow gone(Instant value) {
            gone = value;
            return this;
        }

        /** Inserts or replaces the device and rebuilds the index. */
        public void save() throws Exception {
            database.inTransaction(connection -> {
                ensureIntegration(connection);
                try (PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM device WHERE integration_id = ? AND device_id = ?")) {
                    delete.setString(1, integration);
                    delete.setString(2, deviceId);
                    delete.executeUpdate();
                }
                insert(connection);
                return null;
            });
            indexes.snapshotChanged(ORG);
        }

        private void insert(Connection connection) throws java.sql.SQLException {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO device (integration_id,"
                    + " device_id, org_id, serial, wifi_mac, other_macs, user_email, user_name, name, model,"
                    + " os_version, platform, first_seen_at, listed_at, missing_listings, gone_since, wifi_ip,"
                    + " wifi_ip_observed_at, detail_fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, 'MacBook Air',"
                    + " '14.5', 'MAC', ?, ?, 0, ?, ?, ?, ?)")) {
                insert.setString(1, integration);
                insert.setString(2, deviceId);
                insert.setString(3, ORG);
                insert.setString(4, serial);
                insert.setString(5, wifiMac);
                insert.setString(6, otherMacs);
                insert.setString(7, email);
                insert.setString(8, "Laptop " + deviceId);
                insert.setObject(9, NOW.minus(Duration.ofDays(30)).atOffset(ZoneOffset.UTC));
                insert.setObject(10, NOW.minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC));
                insert.setObject(11, gone == null ? null : gone.atOffset(ZoneOffset.UTC));
                insert.setString(12, ip);
                insert.setObject(13, ipSeen == null ? null : ipSeen.atOffset(ZoneOffset.UTC));
                insert.setObject(14, NOW.minus(Duration.ofMinutes(30)).atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }

        private void ensureIntegration(Connection connection) throws java.sql.SQLException {
            if (!integrations.add(integration)) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO integration (id, org_id,"
                    + " provider_id, name, settings, secrets, enabled, auth_failures, transient_failures,"
                    + " removals_confirmed, interval_seconds, created_at, updated_at) VALUES (?, ?, 'kandji',"
                    + " 'Kandji', '{}', '', TRUE, 0, 0, FALSE, 3600, ?, ?)")) {
                insert.setString(1, integration);
                insert.setString(2, ORG);
                insert.setObject(3, NOW.atOffset(ZoneOffset.UTC));
                insert.setObject(4, NOW.atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        }
    }

    /** A clock the tests move. */
    public static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        public void set(Instant value) {
            now = value;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
