package com.pult.mdm.it.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated tenant's devices: thread-safe and mutable.
 *
 * <p>Reads are lock-free: they see an immutable snapshot (devices sorted by id plus an index). Mutations are
 * serialized, copy the affected devices, and publish a new snapshot, so a list page being rendered never sees a
 * half-applied change, while the next request sees it at once, as with the real API between requests.
 */
public final class Fleet {
    private final Logger log = LoggerFactory.getLogger(Fleet.class);
    private final Object writeLock = new Object();
    private final Clock clock;
    private final FleetGenerator generator;
    private volatile Snapshot snapshot;

    /** One consistent view of the fleet; {@code orderings} caches sorted lists for this version only. */
    record Snapshot(
            long version, List<SimDevice> byId, Map<String, SimDevice> index, Map<String, List<SimDevice>> sorted) {
        List<SimDevice> ordered(String key, Function<String, List<SimDevice>> sorter) {
            return sorted.computeIfAbsent(key, sorter);
        }
    }

    private Fleet(List<SimDevice> devices, long seed, Clock clock) {
        this.clock = clock;
        this.generator = new FleetGenerator(seed ^ 0x5DEECE66DL);
        devices.forEach(generator::reserve);
        publish(devices, 0);
    }

    /** A generated fleet; the same size and seed give the same devices. */
    public static Fleet generated(int size, long seed, Clock clock) {
        return new Fleet(new FleetGenerator(seed).generate(size), seed, clock);
    }

    /** A generated fleet on the system clock. */
    public static Fleet generated(int size, long seed) {
        return generated(size, seed, Clock.systemUTC());
    }

    /** A fleet of the given devices (from {@link FleetFixtures}); {@code seed} drives devices added later. */
    public static Fleet of(List<SimDevice> devices, long seed, Clock clock) {
        return new Fleet(devices, seed, clock);
    }

    /** An empty tenant. */
    public static Fleet empty(Clock clock) {
        return new Fleet(List.of(), 0, clock);
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** All devices sorted by device_id (an immutable list). */
    public List<SimDevice> devices() {
        return snapshot.byId();
    }

    /** The number of devices. */
    public int size() {
        return snapshot.byId().size();
    }

    /** The device with this id, if present. */
    public Optional<SimDevice> find(String deviceId) {
        return Optional.ofNullable(snapshot.index().get(deviceId));
    }

    /** Increases with each mutation. */
    public long version() {
        return snapshot.version();
    }

    /** The expected counts tests compare a sync result against. */
    public FleetSummary summary() {
        return FleetSummary.of(devices());
    }

    // --- mutations -------------------------------------------------------------------------------------------

    /** Enrolls {@code count} new healthy devices (random platforms) that checked in just now. */
    public List<SimDevice> addDevices(int count) {
        synchronized (writeLock) {
            List<SimDevice> all = new ArrayList<>(devices());
            List<SimDevice> added = new ArrayList<>();
            Instant now = now();
            for (int i = 0; i < count; i++) {
                SimDevice d = generator.normal(randomPlatform(), now);
                d.lastCheckIn(now).enrollments(now.minusSeconds(3600), now.minusSeconds(3600));
                added.add(d);
            }
            all.addAll(added);
            publish(all, version() + 1);
            log.info("Added {} devices; fleet now {}", count, all.size());
            return added;
        }
    }

    /** Adds the given devices as they are (fixture-style); returns how many were new ids. */
    public int addAll(Collection<SimDevice> devices) {
        synchronized (writeLock) {
            Map<String, SimDevice> all = new HashMap<>(snapshot.index());
            int before = all.size();
            devices.forEach(d -> all.put(d.deviceId(), d.copy()));
            devices.forEach(generator::reserve);
            publish(new ArrayList<>(all.values()), version() + 1);
            return all.size() - before;
        }
    }

    /** Removes devices by id; unknown ids are ignored. Returns how many were removed. */
    public int remove(Collection<String> deviceIds) {
        synchronized (writeLock) {
            List<SimDevice> kept = new ArrayList<>();
            for (SimDevice d : devices()) {
                if (!deviceIds.contains(d.deviceId())) {
                    kept.add(d);
                }
            }
            int removed = size() - kept.size();
            publish(kept, version() + 1);
            log.info("Removed {} devices; fleet now {}", removed, kept.size());
            return removed;
        }
    }

    /**
     * Check-ins: {@code last_check_in} moves to now (strictly later than before) and the Wi-Fi IP changes, as when a
     * laptop wakes on another network. Returns how many devices changed.
     */
    public int checkIn(Collection<String> deviceIds) {
        return update(
                deviceIds,
                d -> d.lastCheckIn(laterThan(d.lastCheckIn().orElse(null))).ipAddress(generator.ip()));
    }

    /** Checks in roughly {@code percent}% of the devices, chosen by the fleet's seeded source; returns their ids. */
    public List<String> checkInPercent(double percent) {
        List<String> ids = new ArrayList<>();
        for (SimDevice d : devices()) {
            if (generator.nextInt(10_000) < percent * 100) {
                ids.add(d.deviceId());
            }
        }
        checkIn(ids);
        return ids;
    }

    /** Assigns a (new or existing) user by e-mail; {@code email == null} unassigns (the row shows {@code ""}). */
    public boolean changeUser(String deviceId, String email, String name) {
        SimUser user = email == null ? null : userFor(email, name);
        return update(List.of(deviceId), d -> d.user(user)) == 1;
    }

    private SimUser userFor(String email, String name) {
        for (SimDevice d : devices()) {
            Optional<SimUser> u = d.user().filter(x -> x.email().equalsIgnoreCase(email));
            if (u.isPresent()) {
                return u.get();
            }
        }
        String display =
                name != null ? name : email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@'));
        return new SimUser(generator.uuid(), null, email, display, false);
    }

    /** Archives (or un-archives) the directory user with this e-mail on every device; returns devices changed. */
    public int setUserArchived(String email, boolean archived) {
        List<String> ids = new ArrayList<>();
        for (SimDevice d : devices()) {
            if (d.user().filter(u -> u.email().equalsIgnoreCase(email)).isPresent()) {
                ids.add(d.deviceId());
            }
        }
        return update(
                ids, d -> d.user(d.user().map(u -> u.withArchived(archived)).orElse(null)));
    }

    /** Enables or disables MDM on the devices; returns devices changed. */
    public int setMdmEnabled(Collection<String> deviceIds, boolean enabled) {
        return update(deviceIds, d -> d.mdmEnabled(enabled));
    }

    /** Applies an arbitrary change to copies of the devices and publishes them; returns devices changed. */
    int update(Collection<String> deviceIds, UnaryOperator<SimDevice> change) {
        synchronized (writeLock) {
            Map<String, SimDevice> all = new HashMap<>(snapshot.index());
            int changed = 0;
            for (String id : deviceIds) {
                SimDevice current = all.get(id);
                if (current != null) {
                    all.put(id, change.apply(current.copy()));
                    changed++;
                }
            }
            publish(new ArrayList<>(all.values()), version() + 1);
            return changed;
        }
    }

    /** A seeded random index, for faults that pick devices. */
    int randomIndex(int bound) {
        return generator.nextInt(bound);
    }

    private Instant laterThan(Instant previous) {
        Instant now = now();
        if (previous != null && !now.isAfter(previous)) {
            now = previous.plusMillis(1);
        }
        return now;
    }

    private Instant now() {
        return KandjiTime.micros(clock.instant());
    }

    private Platform randomPlatform() {
        int r = generator.nextInt(100);
        if (r < 62) {
            return Platform.MAC;
        }
        return r < 77 ? Platform.IPHONE : r < 87 ? Platform.IPAD : r < 94 ? Platform.WINDOWS : Platform.ANDROID;
    }

    private void publish(List<SimDevice> devices, long version) {
        List<SimDevice> sorted = new ArrayList<>(devices);
        sorted.sort(Comparator.comparing(SimDevice::deviceId));
        Map<String, SimDevice> index = new HashMap<>();
        sorted.forEach(d -> index.put(d.deviceId(), d));
        snapshot = new Snapshot(version, List.copyOf(sorted), Map.copyOf(index), new ConcurrentHashMap<>());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "Fleet[%d devices, version %d]", size(), version());
    }
}
