package com.pult.mdm.host.match;

import com.pult.mdm.host.presence.PresenceSettings;
import com.pult.mdm.host.presence.PresenceStore;
import com.pult.mdm.host.presence.WifiBatch;
import com.pult.mdm.host.presence.WifiObservation;
import com.pult.mdm.host.presence.WifiPresence;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoredDevice;
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
import java.util.Random;

/**
 * A micro benchmark, run by hand (not by surefire): {@code java -cp … com.pult.mdm.host.match.MatchBenchmark}.
 * Builds an index of 100,000 devices and prints single-thread lookups per second by MAC and by serial (the hot path
 * and the traced API), bytes per indexed device, and WiFi observations attributed per second in batches of 1,000,
 * without and with the database write.
 */
public final class MatchBenchmark {

    private static final int DEVICES = 100_000;
    private static final int USERS = 20_000;
    private static final int LOOKUPS = 10_000_000;
    private static final Instant NOW = Instant.parse("2024-07-08T15:00:00Z");
    private static long sink;

    private MatchBenchmark() {}

    public static void main(String[] args) throws Exception {
        long empty = usedHeap();
        List<StoredDevice> devices = devices();
        long before = usedHeap();
        MatchIndex index = MatchIndex.build("bench", devices, Duration.ofHours(12));
        long after = usedHeap();
        List<StoredDevice> copy = devices;
        System.out.printf(
                "index of %,d devices: %.0f bytes/device for the lookup tables (heap), %d by table"
                        + " sizes; %.0f bytes/device for the StoredDevice records themselves%n",
                index.activeDevices(),
                (after - before) / (double) DEVICES,
                index.tableBytes() / DEVICES,
                (before - empty) / (double) DEVICES);
        String[] macs = new String[DEVICES];
        String[] serials = new String[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            macs[i] = copy.get(i).wifiMac().orElseThrow();
            serials[i] = copy.get(i).serial().orElseThrow();
        }
        measure("MAC, hot path (parse + index)", LOOKUPS, () -> macHotPath(index, macs));
        measure("MAC, traced MatchIndex.byMac", LOOKUPS / 10, () -> macTraced(index, macs));
        measure("serial, hot path (parse + index)", LOOKUPS, () -> serialHotPath(index, serials));
        measure("serial, traced MatchIndex.bySerial", LOOKUPS / 10, () -> serialTraced(index, serials));
        attribution(copy);
    }

    private static List<StoredDevice> devices() {
        List<StoredDevice> devices = new ArrayList<>(DEVICES);
        for (int i = 0; i < DEVICES; i++) {
            String mac = MacAddress.fromLong(0x00005e000000L + i).toString();
            devices.add(new StoredDevice(
                    "i1",
                    "bench",
                    "d" + i,
                    Optional.of(String.format("FAKESN%07d", i)),
                    Optional.of(mac),
                    List.of(),
                    "user" + (i % USERS) + "@example.com",
                    "",
                    "Device " + i,
                    "MacBook",
                    "14.5",
                    "MAC",
                    Optional.of(NOW),
                    NOW,
                    0,
                    Optional.empty(),
                    Optional.of(ip(i)),
                    Optional.of(NOW.minus(Duration.ofHours(1))),
                    Optional.empty()));
        }
        return devices;
    }

    private static String ip(int i) {
        return "10." + (i >> 16) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void measure(String what, int operations, Runnable round) {
        for (int i = 0; i < 3; i++) {
            round.run();
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            round.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("lookups by %s: %,.0f per second%n", what, operations / (best / 1e9));
    }

    private static void macHotPath(MatchIndex index, String[] macs) {
        long found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            found += index.macPosition(MacText.toLong(macs[i % macs.length]));
        }
        sink += found;
    }

    private static void macTraced(MatchIndex index, String[] macs) {
        long found = 0;
        for (int i = 0; i < LOOKUPS / 10; i++) {
            found += index.byMac(macs[i % macs.length]).explanation().length();
        }
        sink += found;
    }

    private static void serialHotPath(MatchIndex index, String[] serials) {
        long found = 0;
        for (int i = 0; i < LOOKUPS; i++) {
            found += index.serialPosition(SerialNumber.parse(serials[i % serials.length])
                    .orElseThrow()
                    .value());
        }
        sink += found;
    }

    private static void serialTraced(MatchIndex index, String[] serials) {
        long found = 0;
        for (int i = 0; i < LOOKUPS / 10; i++) {
            found += index.bySerial(serials[i % serials.length]).explanation().length();
        }
        sink += found;
    }

    private static void attribution(List<StoredDevice> devices) throws Exception {
        Path dir = Files.createTempDirectory("pult-bench");
        try (Database database = Database.openInDirectory(dir)) {
            OrganizationStore organizations = new OrganizationStore(database);
            organizations.save(new Organization(
                    "bench", "Bench", ZoneId.of("America/Chicago"), Organization.AuthPolicy.AUTO_APPROVE));
            Clock clock = Clock.fixed(NOW, ZoneId.of("UTC"));
            PultUsers users = new PultUsers(new UserStore(database), clock);
            StringBuilder csv = new StringBuilder("email,name\n");
            for (int i = 0; i < USERS; i++) {
                csv.append("user")
                        .append(i)
                        .append("@example.com,User ")
                        .append(i)
                        .append('\n');
            }
            users.importCsv("bench", csv.toString());
            MatchIndexes indexes = new MatchIndexes(orgId -> devices, orgId -> List.of(), Duration.ofHours(12));
            WifiPresence presence = new WifiPresence(
                    new MatchService(indexes, users),
                    organizations,
                    new PresenceStore(database),
                    PresenceSettings.defaults(),
                    clock);
            List<WifiBatch> batches = batches(200);
            runBatches("in process, no database", batches, 20, batch -> presence.preview("bench", batch));
            runBatches("with the database write", batches.subList(0, 30), 1, batch -> presence.record("bench", batch));
        }
    }

    private static List<WifiBatch> batches(int count) {
        Random random = new Random(7);
        List<WifiBatch> batches = new ArrayList<>(count);
        for (int b = 0; b < count; b++) {
            List<WifiObservation> observations = new ArrayList<>(1000);
            for (int i = 0; i < 1000; i++) {
                observations.add(observation(random));
            }
            batches.add(WifiBatch.of(observations));
        }
        return batches;
    }

    /** 70% known hardware MACs, 20% private MACs (half with a fresh IP binding), 10% unknown. */
    private static WifiObservation observation(Random random) {
        int device = random.nextInt(DEVICES);
        int kind = random.nextInt(10);
        long mac = kind < 7
                ? 0x00005e000000L + device
                : kind < 9 ? 0x3a0000000000L | random.nextInt(1 << 24) : 0x00005f000000L + random.nextInt(1 << 24);
        String ip = kind == 8 ? ip(device) : null;
        String seenAt = NOW.minusSeconds(random.nextInt(3600)).toString();
        return new WifiObservation(
                MacAddress.fromLong(mac).toString(), ip, "Office", "AP-" + (device % 40), seenAt, null);
    }

    private static void runBatches(String what, List<WifiBatch> batches, int rounds, BatchRun run) throws Exception {
        for (WifiBatch batch : batches.subList(0, Math.min(batches.size(), 20))) {
            sink += run.run(batch).accepted();
        }
        long start = System.nanoTime();
        long observations = 0;
        long attributed = 0;
        for (int round = 0; round < rounds; round++) {
            for (WifiBatch batch : batches) {
                com.pult.mdm.host.presence.BatchResult result = run.run(batch);
                observations += result.accepted() + result.rejected().size();
                attributed += result.attributed();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "observations attributed per second, batches of 1,000, %s: %,.0f (%.0f%% attributed)%n",
                what, observations / seconds, 100.0 * attributed / observations);
    }

    @FunctionalInterface
    private interface BatchRun {
        com.pult.mdm.host.presence.BatchResult run(WifiBatch batch) throws Exception;
    }
}
