package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00:00:5E:00:53:1F",
                "00-00-5e-00-53-1f",
                "0000.5e00.531f",
                "0000-5e00-531f",
                "00005E00531F",
                " 00:00:5e:00:53:1f\n",
                "0:0:5e:0:53:1f",
                "0000:5e00:531f"
            })
    void everyCommonSpellingBecomesTheCanonicalForm(String spelling) {
        assertEquals("00:00:5e:00:53:1f", MacAddress.parse(spelling).toString());
    }

    @Test
    void upperAndLowerCaseSpellingsAreTheSameAddress() {
        MacAddress controller = MacAddress.parse("00:00:5e:00:53:0a");
        MacAddress mdm = MacAddress.parse("00:00:5E:00:53:0A");

        assertEquals(controller, mdm);
        assertEquals("00:00:5e:00:53:0a", mdm.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "00:00:5e:00:53",
                "00:00:5e:00:53:1f:22",
                "00:00:5e:00:53:1g",
                "00:00-5e:00:53:1f",
                "00005E00531",
                "000:00:5e:00:53:1f",
                "not a mac",
                "0000.5e00.531f.0000"
            })
    void malformedSpellingsAreRejectedWithTheExpectedForm(String spelling) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(spelling));

        assertTrue(error.getMessage().contains("00:00:5e:00:53:01"), error.getMessage());
    }

    @Test
    void nullIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(null));
    }

    @ParameterizedTest
    @CsvSource({
        "3a:1f:9c:44:0b:20, true, false",
        "00:00:5e:00:53:20, false, false",
        "f6:00:11:22:33:44, true, false",
        "02:00:00:00:00:00, true, false",
        "01:00:5e:00:00:fb, false, true",
        "AE-11-22-33-44-55, true, false"
    })
    void locallyAdministeredAndMulticastBitsAreRead(String text, boolean local, boolean multicast) {
        MacAddress mac = MacAddress.parse(text);

        assertEquals(local, mac.isLocallyAdministered());
        assertEquals(multicast, mac.isMulticast());
    }

    @ParameterizedTest
    @ValueSource(strings = {"00:00:00:00:00:00", "02:00:00:00:00:00", "ff:ff:ff:ff:ff:ff", "", "   "})
    void placeholdersAndBlanksAreNoMac(String text) {
        assertEquals(Optional.empty(), MacAddress.parseUsable(text));
    }

    @Test
    void aMulticastAddressIsNotAUsableDeviceMac() {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> MacAddress.parseUsable("01:00:5e:00:00:fb"));

        assertTrue(error.getMessage().contains("multicast"));
    }

    @Test
    void aRandomizedAddressIsUsableButMarked() {
        MacAddress mac = MacAddress.parseUsable("7a:4c:11:20:9e:01").orElseThrow();

        assertTrue(mac.isLocallyAdministered());
        assertFalse(mac.isPlaceholder());
    }

    @Test
    void theNumericFormRoundTrips() {
        for (String text : List.of("00:00:5e:00:53:01", "ff:ee:dd:cc:bb:aa", "00:00:00:00:00:01")) {
            MacAddress mac = MacAddress.parse(text);
            assertEquals(mac, MacAddress.fromLong(mac.toLong()));
        }
    }

    @Test
    void aLongorThan48BitsIsNotAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> MacAddress.fromLong(1L << 48));
    }
}
