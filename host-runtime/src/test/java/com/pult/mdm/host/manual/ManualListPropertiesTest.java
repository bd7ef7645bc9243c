package com.pult.mdm.host.manual;

import static com.pult.mdm.host.testsupport.SeededCases.pick;
import static com.pult.mdm.host.testsupport.SeededCases.replay;
import static com.pult.mdm.host.users.RowParserChecks.accepted;
import static com.pult.mdm.host.users.RowParserChecks.assertReadOrRejectedReadably;
import static com.pult.mdm.host.users.RowParserChecks.assertRejectedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pult.mdm.host.testsupport.SeededCases;
import com.pult.mdm.spi.MacAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random manual device lists built from a model, so the expected outcome is known: a clean list (any MAC spelling,
 * either field order, blank lines, comments, a header, CRLF) is read exactly with each entry's line; a list with one
 * planted fault is rejected whole naming that line; garbage is rejected with lines inside the text; nothing throws
 * anything else. The seed of a failing case is in the failure message.
 */
class ManualListPropertiesTest {

    private static final long BASE_SEED = 0x4D616E75L;
    private static final int CASES = 3_000;

    @Test
    void aCleanListIsReadExactlyWithTheLineOfEachEntry() throws Exception {
        SeededCases.check(BASE_SEED, CASES, (seed, random) -> {
            List<Device> devices = devices(random);
            Listing listing = listing(random, devices, -1);

            List<ManualListParser.Entry> entries =
                    accepted(ManualListParser::parse, listing.text(), seed, "a clean list");

            assertEquals(devices.size(), entries.size(), () -> replay(seed, listing.text()));
            for (int d = 0; d < devices.size(); d++) {
                ManualListParser.Entry entry = entries.get(d);
                assertEquals(listing.lines().get(d), entry.line(), () -> replay(seed, listing.text()));
                assertEquals(devices.get(d).email(), entry.email().value(), () -> replay(seed, listing.text()));
                assertEquals(devices.get(d).mac(), entry.mac(), () -> replay(seed, listing.text()));
            }
        });
    }

    @Test
    void aListWithOneBadLineIsRejectedWholeNamingThatLine() throws Exception {
        SeededCases.check(BASE_SEED * 7, CASES, (seed, random) -> {
            List<Device> devices = devices(random);
            int bad = random.nextInt(devices.size());
            Listing listing = listing(random, devices, bad);

            assertRejectedAt(
                    ManualListParser::parse, listing.text(), listing.lines().get(bad), seed, "a list with a bad line");
        });
    }

    @Test
    void garbageIsReadOrRejectedWithLinesInsideTheText() throws Exception {
        SeededCases.check(BASE_SEED * 13, CASES, (seed, random) -> {
            String text = garbled(random, listing(random, devices(random), -1).text());
            assertReadOrRejectedReadably(ManualListParser::parse, text, seed);
        });
    }

    /** One line of the model: an email and a unicast MAC, every MAC distinct. */
    private record Device(String email, MacAddress mac) {}

    private static List<Device> devices(SplittableRandom random) {
        int size = 1 + random.nextInt(10);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            // Unicast and never a placeholder: the first octet is even and the rest counts up from 1.
            long bits = ((long) (random.nextInt(128) * 2) << 40) | (i + 1L) << 8 | random.nextInt(256);
            devices.add(new Device("user" + random.nextInt(5) + "@example.com", MacAddress.fromLong(bits)));
        }
        return devices;
    }

    /** The text and the line of each entry. */
    private record Listing(String text, List<Integer> lines) {}

    /**
     * Writes the devices one per line with random spelling, order and decoration; the line at {@code bad} (or none
     * when negative) gets one fault: two emails, no email, a bad, multicast or placeholder MAC, an extra field, or a
     * MAC repeated from an earlier line.
     */
    private static Listing listing(SplittableRandom random, List<Device> devices, int bad) {
        String end = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder();
        int line = 1;
        if (random.nextBoolean()) {
            text.append(random.nextBoolean() ? "email, mac_address" : "EMAIL,MAC_ADDRESS")
                    .append(end);
            line++;
        }
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            while (random.nextInt(5) == 0) {
                text.append(random.nextBoolean() ? "   " : "# a comment, with a comma @ here")
                        .append(end);
                line++;
            }
            Device device = devices.get(i);
            String email = pad(random, device.email());
            String mac = pad(random, spell(random, device.mac()));
            if (i == bad) {
                switch (random.nextInt(7)) {
                    case 0 -> mac = "second@example.com";
                    case 1 -> email = "no-email-here";
                    case 2 ->
                        mac = pick(random, "zz:00:5e:00:53:01", "00:00:5e:00:53", "", "\u0660\u0660:00:5e:00:53:01");
                    case 3 -> mac = pick(random, "01:00:5e:00:00:fb", "00:00:00:00:00:00", "ff:ff:ff:ff:ff:ff");
                    case 4 -> mac = mac + ", extra";
                    case 5 -> email = pick(random, "ana@", "@example.com", "a b@example.com", "x@" + "y".repeat(300));
                    default -> {
                        if (i > 0) {
                            mac = spell(random, devices.get(i - 1).mac());
                        } else {
                            mac = "not a mac";
                        }
                    }
                }
            }
            text.append(random.nextBoolean() ? email + "," + mac : mac + "," + email)
                    .append(end);
            lines.add(line++);
        }
        return new Listing(text.toString(), lines);
    }

    private static String spell(SplittableRandom random, MacAddress mac) {
        String canonical = mac.toString();
        String hex = canonical.replace(":", "");
        String spelled = switch (random.nextInt(5)) {
            case 0 -> canonical;
            case 1 -> canonical.replace(':', '-');
            case 2 -> hex.substring(0, 4) + "." + hex.substring(4, 8) + "." + hex.substring(8);
            case 3 -> hex;
            default -> HexFormat.ofDelimiter(":").formatHex(HexFormat.of().parseHex(hex));
        };
        return random.nextBoolean() ? spelled.toUpperCase(Locale.ROOT) : spelled;
    }

    private static String pad(SplittableRandom random, String field) {
        return random.nextInt(3) == 0 ? " " + field + "\t" : field;
    }

    private static String garbled(SplittableRandom random, String text) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(5)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + pick(random, ",", "\n", "\r", "@", "#", "\u0000") + text.substring(at);
            case 2 -> text.substring(0, at) + (char) random.nextInt(0, 0xD800) + text.substring(at);
            case 3 -> text.substring(0, at) + "x".repeat(random.nextInt(10_000)) + text.substring(at);
            default -> {
                StringBuilder noise = new StringBuilder();
                int length = random.nextInt(200);
                for (int i = 0; i < length; i++) {
                    noise.append(pick(random, ",", "\n", "\r\n", "a", "@", "#", " ", "é", "0", ":", "x@example.com"));
                }
                yield noise.toString();
            }
        };
    }
}
