package com.pult.mdm.it.bench;

import com.pult.mdm.host.match.MacText;
import com.pult.mdm.host.match.MatchIndexes;
import com.pult.mdm.host.match.MatchService;
import com.pult.mdm.host.match.MatchSnapshot;
import com.pult.mdm.host.match.UserMatch;
import com.pult.mdm.host.presence.BatchResult;
import com.pult.mdm.host.presence.PresenceSettings;
import com.pult.mdm.host.presence.PresenceStore;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import com.pult.mdm.host.presence.WifiPresence;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoredDevice;
import com.pult.mdm.host.users.PultUser;
import com.pult.mdm.host.users.PultUsers;
import com.pult.mdm.host.users.UserStore;
import com.pult.mdm.spi.MacAddress;
import com.pult.mdm.spi.SerialNumber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Lookups on one organization's index of 100,000 MDM devices and 20,000 Pult users, on one thread: by MAC and by
 * serial through the whole path (key parsed, device found, owner resolved, trace object made; the trace's sentence
 * is built only when read), and WiFi observations attributed in batches of 1,000 without the database write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MatchBenchmark {

    static final int DEVICES = 100_000;
    static final int USERS = 20_000;
    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final String ORG = "bench";

    private Path dir;
    private Database database;
    private MatchSnapshot snapshot;
    private WifiPresence presence;
    private String[] macs;
    private String[] serials;
    private WifiBatch batch;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("pult-bench");
        database = Database.openInDirectory(dir);
        OrganizationStore organizations = new OrganizationStore(database);
        organizations.save(new Organization(ORG, "Bench", ZoneId.of("UTC"), Organization.AuthPolicy.AUTO_APPROVE));
        Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
        PultUsers users = new PultUsers(new UserStore(database), clock);
        users.importCsv(ORG, usersCsv());
        List<StoredDevice> devices = devices();
        MatchIndexes indexes = new MatchIndexes(org -> devices, org -> List.of(), Duration.ofHours(12));
        MatchService matches = new MatchService(indexes, users);
        snapshot = matches.snapshot(ORG);
        presence = new WifiPresence(
                matches, organizations, new PresenceStore(database), PresenceSettings.defaults(), clock);
        macs = devices.stream().map(device -> device.wifiMac().orElseThrow()).toArray(String[]::new);
        serials = devices.stream().map(device -> device.serial().orElseThrow()).toArray(String[]::new);
        batch = batch(devices);
    }

    static List<StoredDevice> devices() {
        List<StoredDevice> devices = new ArrayList<>(DEVICES);
        for (int i = 0; i < DEVICES; i++) {
            devices.add(new StoredDevice(
                    "kandji-1",
                    ORG,
                    "d" + i,
                    Optional.of(String.format("FAKESN%07d", i)),
                    Optional.of(MacAddress.fromLong(0x00005e000000L + i).toString()),
                    List.of(),
                    "user" + (i % USERS) + "@example.com",
                    "",
                    "Device " + i,
                    "MacBook Air",
                    "15.1",
                    "MAC",
                    Optional.of(NOW),
                    NOW,
                    0,
                    Optional.empty(),
                    Optional.of(ip(i)),
                    Optional.of(NOW.minus(Duration.ofHours(1))),
                    Optional.of(NOW)));
        }
        return devices;
    }

    private static String usersCsv() {
        StringBuilder csv = new StringBuilder("email,name\n");
        for (int i = 0; i < USERS; i++) {
            csv.append("User").append(i).append("@Example.com,User ").append(i).append('\n');
        }
        return csv.toString();
    }

    private static String ip(int i) {
        return "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    private static WifiBatch batch(List<StoredDevice> devices) {
        List<WifiObservation> observations = new ArrayList<>(1000);
        for (int i = 0; i < 1000; i++) {
            String mac = devices.get(i * 97).wifiMac().orElseThrow().toUpperCase(java.util.Locale.ROOT);
            observations.add(new WifiObservation(mac, ip(i * 97), "Office", "ap-1", NOW.toString(), null));
        }
        return WifiBatch.of(observations);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        database.close();
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    private int nextIndex() {
        next = next + 1 == DEVICES ? 0 : next + 1;
        return next;
    }

    /** One traced lookup by WiFi MAC: the controller's text to the Pult user, with the trace a person reads. */
    @Benchmark
    public UserMatch lookupByMac() {
        return snapshot.byMac(macs[nextIndex()]);
    }

    /** One traced lookup by serial: the agent's text to the Pult user, with the trace a person reads. */
    @Benchmark
    public UserMatch lookupBySerial() {
        return snapshot.bySerial(serials[nextIndex()]);
    }

    /** The path WiFi attribution takes for each client: MAC text to the Pult user, no trace. */
    @Benchmark
    public PultUser resolveMac() {
        int position = snapshot.index().macPosition(MacText.toLong(macs[nextIndex()]));
        return position < 0 ? null : snapshot.ownerAt(position);
    }

    /** The serial path without the trace: serial text to the Pult user. */
    @Benchmark
    public PultUser resolveSerial() {
        String serial = SerialNumber.parse(serials[nextIndex()])
                .map(SerialNumber::value)
                .orElse("");
        int position = snapshot.index().serialPosition(serial);
        return position < 0 ? null : snapshot.ownerAt(position);
    }

    /** One batch of 1,000 observations attributed to users; the score times 1,000 is observations a second. */
    @Benchmark
    @OperationsPerInvocation(1000)
    public BatchResult attributeObservations() throws Exception {
        return presence.preview(ORG, batch);
    }
}
