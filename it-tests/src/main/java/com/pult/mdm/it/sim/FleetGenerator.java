package com.pult.mdm.it.sim;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Builds realistic, deterministic fleets: the same seed and size always give the same devices, because every value
 * (ids included) comes from one seeded {@link Random} and generation never reads the wall clock.
 *
 * <p>The mix follows what a consumer meets in real tenants: mostly Macs, unassigned devices with {@code user: ""},
 * archived users, MDM disabled, erased devices with blank hardware fields, re-enrolled duplicates sharing a serial and
 * MAC, devices without MAC, names with U+2019 and accents, mixed-case e-mails and a few legacy integer user ids.
 */
final class FleetGenerator {
    /** Generated check-ins fall in the 30 days before this instant. */
    static final Instant EPOCH = Instant.parse("2025-06-02T09:00:00Z");

    private static final String SERIAL_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    private final Random rnd;
    private final Set<String> macs = new HashSet<>();
    private final Set<String> serials = new HashSet<>();
    private final Set<String> ips = new HashSet<>();
    private final Set<String> emails = new HashSet<>();
    private final List<SimUser> users = new ArrayList<>();

    FleetGenerator(long seed) {
        this.rnd = new Random(seed);
    }

    /** Registers identifiers of devices that came from elsewhere (fixtures) so new ones never collide. */
    void reserve(SimDevice d) {
        d.macAddress().ifPresent(macs::add);
        serials.add(d.serialNumber());
        ips.add(d.ipAddress());
        d.user().ifPresent(u -> emails.add(u.email().toLowerCase(Locale.ROOT)));
    }

    /** A fleet of {@code size} devices with the realistic mix described on the class. */
    List<SimDevice> generate(int size) {
        int duplicates = quota(size, 0.01);
        List<SimDevice> out = new ArrayList<>();
        for (Platform p : platformMix(size - duplicates)) {
            out.add(normal(p, EPOCH));
        }
        applySpecials(out, size);
        addReenrolled(out, duplicates);
        return out;
    }

    private static int quota(int size, double share) {
        return (int) Math.round(size * share);
    }

    private List<Platform> platformMix(int size) {
        List<Platform> list = new ArrayList<>();
        addTimes(list, Platform.IPHONE, quota(size, 0.15));
        addTimes(list, Platform.IPAD, quota(size, 0.10));
        addTimes(list, Platform.APPLE_TV, quota(size, 0.02));
        addTimes(list, Platform.WINDOWS, quota(size, 0.07));
        addTimes(list, Platform.ANDROID, quota(size, 0.04));
        addTimes(list, Platform.MAC, Math.max(0, size - list.size()));
        Collections.shuffle(list, rnd);
        return list;
    }

    private static void addTimes(List<Platform> list, Platform p, int times) {
        for (int i = 0; i < times; i++) {
            list.add(p);
        }
    }

    /**
     * The special cases take disjoint devices so the shares are exact. AppleTVs are shared room devices and never
     * have a user; they count toward the ~5% unassigned.
     */
    private void applySpecials(List<SimDevice> out, int size) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, rnd);
        Set<Integer> used = new HashSet<>();
        long tvs = out.stream().filter(d -> d.platform() == Platform.APPLE_TV).count();
        Predicate<SimDevice> notTv = d -> d.platform() != Platform.APPLE_TV;
        int unassigned = (int) Math.max(0, quota(size, 0.05) - tvs);
        take(out, order, used, unassigned, notTv).forEach(d -> d.user(null));
        take(out, order, used, quota(size, 0.03), notTv).forEach(d -> d.user(newUser(true)));
        take(out, order, used, quota(size, 0.03), d -> true).forEach(d -> d.mdmEnabled(false));
        take(out, order, used, quota(size, 0.01), d -> true).forEach(this::erase);
        Predicate<SimDevice> hasNetwork = d -> d.platform() == Platform.MAC || isIos(d.platform());
        take(out, order, used, quota(size, 0.03), hasNetwork).forEach(d -> d.macAddress(null));
        take(out, order, used, quota(size, 0.005), d -> true).forEach(d -> d.lastCheckIn(null));
        take(out, order, used, quota(size, 0.05), d -> true).forEach(d -> d.offsetCheckInStyle(true));
    }

    private static List<SimDevice> take(
            List<SimDevice> out, List<Integer> order, Set<Integer> used, int count, Predicate<SimDevice> ok) {
        List<SimDevice> picked = new ArrayList<>();
        for (int i = 0; i < order.size() && picked.size() < count; i++) {
            int idx = order.get(i);
            if (!used.contains(idx) && ok.test(out.get(idx))) {
                used.add(idx);
                picked.add(out.get(idx));
            }
        }
        return picked;
    }

    private static boolean isIos(Platform p) {
        return p == Platform.IPHONE || p == Platform.IPAD;
    }

    /** Erased devices keep their record but lose hardware info; half show a blank serial, half a placeholder. */
    private void erase(SimDevice d) {
        d.erased(true).model("").modelIdentifier("").macAddress(null).ipAddress("");
        d.serialNumber(rnd.nextBoolean() ? "" : "Not Available");
    }

    /**
     * Re-enrolled hardware: a second, stale record for the same physical device (same serial and MAC, new
     * device_id, older check-in, flagged missing).
     */
    private void addReenrolled(List<SimDevice> out, int count) {
        List<SimDevice> sources = new ArrayList<>();
        for (SimDevice d : out) {
            if (!d.erased() && d.macAddress().isPresent() && d.platform() == Platform.MAC) {
                sources.add(d);
            }
        }
        Collections.shuffle(sources, rnd);
        for (int i = 0; i < count && i < sources.size(); i++) {
            out.add(staleTwin(sources.get(i)));
        }
    }

    private SimDevice staleTwin(SimDevice src) {
        Instant seen = src.lastCheckIn().orElse(EPOCH).minus(Duration.ofDays(20 + rnd.nextInt(70)));
        Instant enrolled = src.firstEnrollment().minus(Duration.ofDays(200 + rnd.nextInt(200)));
        SimDevice twin = src.copy();
        twin.offsetCheckInStyle(false);
        return reId(twin)
                .lastCheckIn(micros(seen))
                .missing(true)
                .enrollments(enrolled, enrolled)
                .ipAddress(ip());
    }

    private SimDevice reId(SimDevice d) {
        SimDevice fresh = new SimDevice(uuid());
        SimDevice copy = d.copy();
        return fresh.deviceName(copy.deviceName())
                .platform(copy.platform())
                .model(copy.model())
                .modelIdentifier(copy.modelIdentifier())
                .serialNumber(copy.serialNumber())
                .osVersion(copy.osVersion())
                .buildVersion(copy.buildVersion())
                .user(copy.user().orElse(null))
                .assetTag(copy.assetTag())
                .blueprint(copy.blueprintId(), copy.blueprintName())
                .agent(copy.agentInstalled(), copy.agentVersion())
                .tags(copy.tags())
                .macAddress(copy.macAddress().orElse(null))
                .hardwareId(copy.hardwareId())
                .localUser(copy.localUser());
    }

    /** One ordinary, healthy device of the platform whose last check-in is within 30 days before {@code now}. */
    SimDevice normal(Platform p, Instant now) {
        SimUser owner = pickUser();
        Instant seen = micros(now.minusSeconds(rnd.nextInt(30 * 86_400)).minusNanos(rnd.nextInt(1_000_000) * 1000L));
        Instant first = micros(seen.minus(Duration.ofDays(30 + rnd.nextInt(700)))
                .minusSeconds(rnd.nextInt(86_400))
                .minusNanos(rnd.nextInt(1_000_000) * 1000L));
        Instant last = rnd.nextInt(5) == 0 ? micros(first.plus(Duration.ofDays(1 + rnd.nextInt(25)))) : first;
        SimDevice d = new SimDevice(uuid())
                .platform(p)
                .user(owner)
                .localUser(fold(owner.name().split(" ")[0]).toLowerCase(Locale.ROOT))
                .lastCheckIn(seen)
                .enrollments(first, last)
                .assetTag(rnd.nextInt(5) == 0 ? String.format("ASSET-%05d", rnd.nextInt(100_000)) : "")
                .tags(rnd.nextInt(3) == 0 ? List.of("accuhive_02") : List.of())
                .ipAddress(ip());
        PlatformCatalog.fill(d, owner, rnd);
        d.serialNumber(serial(p.isApple() ? 12 : 14));
        if (p != Platform.WINDOWS && p != Platform.APPLE_TV) {
            d.macAddress(mac());
        }
        return d;
    }

    /** Most people own one device; about a quarter of new devices go to someone who already has one. */
    private SimUser pickUser() {
        if (!users.isEmpty() && rnd.nextInt(4) == 0) {
            SimUser u = users.get(rnd.nextInt(users.size()));
            if (!u.archived()) {
                return u;
            }
        }
        return newUser(false);
    }

    /** A new directory user; about 1% carry a legacy integer id, about 10% a mixed-case e-mail. */
    SimUser newUser(boolean archived) {
        String first = Names.FIRST.get(rnd.nextInt(Names.FIRST.size()));
        String last = Names.LAST.get(rnd.nextInt(Names.LAST.size()));
        String local = fold(first) + "." + fold(last);
        String email = uniqueEmail(local.toLowerCase(Locale.ROOT));
        if (rnd.nextInt(10) == 0) {
            email = Character.toUpperCase(email.charAt(0)) + email.substring(1, email.indexOf('@')) + "@Example.com";
        }
        Integer legacy = rnd.nextInt(100) == 0 ? 1000 + rnd.nextInt(90_000) : null;
        SimUser user = new SimUser(uuid(), legacy, email, first + " " + last, archived);
        users.add(user);
        return user;
    }

    private String uniqueEmail(String local) {
        String candidate = local + "@example.com";
        for (int n = 2; !emails.add(candidate); n++) {
            candidate = local + n + "@example.com";
        }
        return candidate;
    }

    /** ASCII spelling of a name for e-mails and account names: José → Jose, Łukasz → Lukasz, O’Brien → OBrien. */
    static String fold(String name) {
        String s = name.replace("’", "").replace("'", "").replace("ł", "l").replace("Ł", "L");
        s = s.replace("ø", "o").replace("Ø", "O").replace("ß", "ss");
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /** A random version-4 UUID from the seeded source. */
    String uuid() {
        long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (rnd.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** A unique, globally administered unicast MAC: bit 0 (multicast) and bit 1 (local) of the first octet clear. */
    String mac() {
        String mac;
        do {
            StringBuilder sb = new StringBuilder(String.format("%02x", rnd.nextInt(256) & 0xFC));
            for (int i = 0; i < 5; i++) {
                sb.append(':').append(String.format("%02x", rnd.nextInt(256)));
            }
            mac = sb.toString();
        } while (!macs.add(mac));
        return mac;
    }

    /** A unique Wi-Fi address in 10.0.0.0/8. */
    String ip() {
        String ip;
        do {
            ip = "10." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + (1 + rnd.nextInt(254));
        } while (!ips.add(ip));
        return ip;
    }

    private String serial(int length) {
        String serial;
        do {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < length; i++) {
                sb.append(SERIAL_CHARS.charAt(rnd.nextInt(SERIAL_CHARS.length())));
            }
            serial = sb.toString();
        } while (!serials.add(serial));
        return serial;
    }

    /** Picks a value of the seeded source, for callers that need a decision (check-in percentages). */
    int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    static Instant micros(Instant instant) {
        return KandjiTime.micros(instant);
    }
}
