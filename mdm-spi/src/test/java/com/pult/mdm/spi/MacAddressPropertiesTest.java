package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Round trips over many generated addresses and spellings, from a fixed seed so a failure can be replayed. */
class MacAddressPropertiesTest {

    private static final int SAMPLES = 20_000;

    @Test
    void everySpellingOfAnAddressParsesToTheSameValue() {
        SplittableRandom random = new SplittableRandom(20261203L);
        for (int i = 0; i < SAMPLES; i++) {
            long bits = random.nextLong(1L << 48);
            String spelling = spell(bits, random.nextInt(5));

            assertEquals(MacAddress.fromLong(bits), MacAddress.parse(spelling), spelling);
        }
    }

    @Test
    void theCanonicalFormParsesBackToItself() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < SAMPLES; i++) {
            MacAddress mac = MacAddress.fromLong(random.nextLong(1L << 48));

            assertEquals(mac, MacAddress.parse(mac.toString()));
            assertEquals(
                    mac.toString(),
                    MacAddress.parse(mac.toString().toUpperCase(Locale.ROOT)).toString());
        }
    }

    private static String spell(long bits, int style) {
        String hex = HexFormat.of().toHexDigits(bits).substring(4);
        return switch (style) {
            case 0 -> hex.toUpperCase(Locale.ROOT);
            case 1 -> groups(hex, 2, "-");
            case 2 -> groups(hex, 4, ".");
            case 3 -> " " + groups(hex, 2, ":").toUpperCase(Locale.ROOT) + "\t";
            default -> groups(hex, 4, "-");
        };
    }

    private static String groups(String hex, int size, String separator) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hex.length(); i += size) {
            text.append(i == 0 ? "" : separator).append(hex, i, i + size);
        }
        return text.toString();
    }
}
