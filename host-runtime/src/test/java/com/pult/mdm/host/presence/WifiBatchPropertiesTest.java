package com.pult.mdm.host.presence;

import static com.pult.mdm.host.match.HostFixture.NOW;
import static com.pult.mdm.host.match.HostFixture.ORG;
import static com.pult.mdm.host.testsupport.SeededCases.pick;
import static com.pult.mdm.host.testsupport.SeededCases.replay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pult.mdm.host.match.HostFixtureBase;
import com.pult.mdm.host.testsupport.SeededCases;
import com.pult.mdm.spi.MacAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Random WiFi batches (bad MACs and IPs, IPv6, missing fields, null entries, times far in the past or future, a bad
 * controller clock): every observation is accepted or rejected by its index with a reason, a bad batch-level value is
 * an {@link IllegalArgumentException} that names it, and nothing else is thrown. The seed of a failing case is in
 * the failure message.
 */
class WifiBatchPropertiesTest extends HostFixtureBase {

    private static final long BASE_SEED = 0x57694669L;
    private static final int BATCHES = 1_500;

    @BeforeEach
    void open() throws Exception {
        host.users("ana.lima@example.com");
        host.device("d1")
                .wifiMac("00:00:5e:00:53:30")
                .email("ana.lima@example.com")
                .ip("192.0.2.30", NOW.minus(Duration.ofMinutes(5)))
                .save();
        host.device("d2")
                .wifiMac("00:00:5e:00:53:31")
                .email("nobody@example.com")
                .save();
    }

    @Test
    void everyObservationIsAcceptedOrRejectedByIndexWithAReason() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();
        SeededCases.check(BASE_SEED, BATCHES, (seed, random) -> {
            List<WifiObservation> observations = observations(random);
            String controllerNow = random.nextInt(4) == 0 ? time(random) : null;
            WifiBatch batch = new WifiBatch(observations, controllerNow);

            BatchResult result;
            try {
                // Every tenth batch is written, so the database takes the odd values too.
                result = (seed - BASE_SEED) % 10 == 0
                        ? host.presence.record(ORG, batch)
                        : host.presence.preview(ORG, batch);
            } catch (IllegalArgumentException e) {
                assertTrue(e.getMessage().contains("controllerNow"), () -> e.getMessage() + "; " + replay(seed));
                return;
            } catch (RuntimeException e) {
                fail("Threw " + e + "; " + replay(seed), e);
                return;
            }

            assertEveryIndexAnsweredOnce(observations, result, seed);
            for (Rejection rejection : result.rejected()) {
                assertFalse(rejection.reason().isBlank(), () -> replay(seed));
                assertTrue(rejection.reason().length() < 300, () -> rejection.reason() + "; " + replay(seed));
            }
            for (Attribution attribution : result.attributions()) {
                String mac = observations.get(attribution.index()).mac();
                assertEquals(canonical(mac), attribution.mac(), () -> mac + "; " + replay(seed));
            }
            accepted.addAndGet(result.accepted());
            rejected.addAndGet(result.rejected().size());
        });
        assertTrue(
                accepted.get() > BATCHES && rejected.get() > BATCHES,
                accepted + " accepted, " + rejected + " rejected");
    }

    @Test
    void aControllerClockThatIsNotATimeIsRefusedByName() {
        WifiBatch batch = new WifiBatch(List.of(), "yesterday");

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> host.presence.record(ORG, batch));

        assertEquals(
                "'controllerNow' is not the controller's clock: 'yesterday' is not a timestamp with a time zone, such"
                        + " as 2024-07-23T14:11:37Z or 2024-01-26 16:15:36+00:00.",
                error.getMessage());
    }

    @Test
    void aBatchWithoutItsListIsRefusedAndANullObservationIsRejectedByIndex() throws Exception {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new WifiBatch(null, null));
        assertTrue(error.getMessage().contains("observations"), error.getMessage());

        WifiObservation good = new WifiObservation("00:00:5e:00:53:30", null, "Office", null, NOW.toString(), null);
        BatchResult result = host.presence.record(ORG, WifiBatch.of(Arrays.asList(null, good)));

        assertEquals(List.of(new Rejection(0, "The observation is missing (null).")), result.rejected());
        assertEquals(1, result.accepted());
        assertEquals(1, result.attributions().get(0).index());
    }

    @Test
    void timesAtTheEndsOfTheCalendarAreRejectedAloneWithOrWithoutTheControllersClock() throws Exception {
        WifiObservation farFuture =
                new WifiObservation("00:00:5e:00:53:30", "192.0.2.30", null, null, "+999999999-12-31T23:59:59Z", null);
        WifiObservation farPast =
                new WifiObservation("02:00:5e:00:53:30", "192.0.2.30", null, null, "-999999999-01-01T00:00:00Z", null);
        WifiObservation good = new WifiObservation("00:00:5e:00:53:30", null, null, null, "2024-07-08T14:00:00Z", null);

        BatchResult plain = host.presence.record(ORG, WifiBatch.of(List.of(farFuture, farPast, good)));
        // A controller clock at the start of the calendar moves every time by a billion years.
        BatchResult shifted =
                host.presence.record(ORG, new WifiBatch(List.of(farFuture, good), "-999999999-01-01T00:00:00Z"));

        assertEquals(
                List.of(0, 1), plain.rejected().stream().map(Rejection::index).toList());
        assertTrue(
                plain.rejected().get(0).reason().contains("ahead"),
                plain.rejected().get(0).reason());
        assertTrue(
                plain.rejected().get(1).reason().contains("before 1970"),
                plain.rejected().get(1).reason());
        assertEquals(2, plain.attributions().get(0).index());
        assertEquals(
                List.of(0, 1), shifted.rejected().stream().map(Rejection::index).toList());
        assertTrue(
                shifted.rejected().get(1).reason().contains("ahead"),
                shifted.rejected().get(1).reason());
    }

    /** The MAC as the SPI reads it, so the WiFi path accepts exactly the spellings every other path does. */
    private static String canonical(String mac) {
        try {
            return MacAddress.parse(mac).toString();
        } catch (IllegalArgumentException e) {
            return "not a MAC address: " + mac;
        }
    }

    private static void assertEveryIndexAnsweredOnce(
            List<WifiObservation> observations, BatchResult result, long seed) {
        assertEquals(result.accepted(), result.attributions().size(), () -> replay(seed));
        assertEquals(observations.size(), result.accepted() + result.rejected().size(), () -> replay(seed));
        TreeSet<Integer> indexes = new TreeSet<>();
        result.attributions().forEach(attribution -> indexes.add(attribution.index()));
        result.rejected().forEach(rejection -> indexes.add(rejection.index()));
        assertEquals(observations.size(), indexes.size(), () -> "an index answered twice; " + replay(seed));
        if (!indexes.isEmpty()) {
            assertEquals(0, indexes.first(), () -> replay(seed));
            assertEquals(observations.size() - 1, indexes.last(), () -> replay(seed));
        }
    }

    private static List<WifiObservation> observations(SplittableRandom random) {
        int size = random.nextInt(12);
        List<WifiObservation> observations = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            observations.add(
                    random.nextInt(30) == 0
                            ? null
                            : new WifiObservation(
                                    mac(random),
                                    ip(random),
                                    random.nextBoolean() ? "Office" : null,
                                    random.nextBoolean() ? "AP-1" : null,
                                    time(random),
                                    random.nextInt(4) == 0 ? "ana" : null));
        }
        return observations;
    }

    private static String mac(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "";
            case 2 ->
                pick(
                        random,
                        "zz:00:5e:00:53:30",
                        "00:00:5e:00:53",
                        "01:00:5e:00:00:fb",
                        "00:00:00:00:00:00",
                        "ff:ff:ff:ff:ff:ff",
                        "0000.5e00.5330",
                        "00-00-5E-00-53-31",
                        " 00:00:5e:00:53:30 ");
            // Digits of other scripts are digits to Java, but not hex digits of a MAC address.
            case 3 ->
                pick(
                        random,
                        "\u0660\u0660:00:5e:00:53:30",
                        "\uff10\uff10:00:5e:00:53:30",
                        "00:00:5e:00:53:3\u0660",
                        "00005e00533\u0660",
                        "\uff10\uff10\uff10\uff105e00533a");
            case 4 -> "00:00:5e:00:53:3" + (char) random.nextInt(0x20, 0x3000);
            case 5 -> MacAddress.fromLong(random.nextLong(1L << 48)).toString();
            case 6 -> "02:00:5e:00:53:" + Integer.toHexString(0x10 + random.nextInt(0xef));
            default -> random.nextBoolean() ? "00:00:5e:00:53:30" : "00:00:5E:00:53:31";
        };
    }

    private static String ip(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0, 1 -> null;
            case 2 -> "192.0.2.30";
            case 3 ->
                pick(random, "2001:db8::30", "::1", "fe80::1%en0", "::ffff:192.0.2.30", ":::", "1:2:3:4:5:6:7:8:9");
            case 4 -> pick(random, "999.1.1.1", "192.0.2", "0.0.0.0", "localhost", "example.com", " ", "192.0.2.30 ");
            default -> random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(300) + ".1";
        };
    }

    private static String time(SplittableRandom random) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 ->
                pick(
                        random,
                        "",
                        " ",
                        "yesterday",
                        "2024-07-08 14:00:00",
                        "2024-13-45T99:99:99Z",
                        "12345678901234",
                        "2024-07-08T14:00:00.1234567890Z",
                        "2024-07-08T14:00:00+25:00");
            case 2 ->
                pick(
                        random,
                        "+999999999-12-31T23:59:59Z",
                        "-999999999-01-01T00:00:00Z",
                        "0",
                        "99999999999",
                        "1969-12-31T23:59:59Z",
                        "0001-01-01T00:00:00Z",
                        "9999-12-31T23:59:59Z");
            case 3 -> String.valueOf(NOW.getEpochSecond() - random.nextLong(1, 10_000_000));
            default -> NOW.minusSeconds(random.nextLong(-600, 86_400 * 30)).toString();
        };
    }
}
