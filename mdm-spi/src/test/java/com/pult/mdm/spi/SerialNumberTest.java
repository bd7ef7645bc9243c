package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SerialNumberTest {

    @Test
    void aSerialIsTrimmedAndUpperCased() {
        assertEquals(
                "FVHHFKF7Q6L4",
                SerialNumber.parse("  fvhhfkf7q6l4 ").orElseThrow().value());
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "  ",
                "Not Available",
                "not available",
                "[REDACTED]",
                "unknown",
                "0",
                "000000",
                "N/A",
                "None",
                "null",
                "To be filled by O.E.M.",
                "Default string"
            })
    void blanksAndPlaceholdersAreNoSerial(String text) {
        assertEquals(Optional.empty(), SerialNumber.parse(text));
    }

    @Test
    void twoPlaceholderDevicesNeverShareASerial() {
        assertTrue(SerialNumber.parse("Not Available").isEmpty());
        assertNotEquals(SerialNumber.parse("FAKESN00050"), SerialNumber.parse("Not Available"));
    }

    @Test
    void serialsDifferingOnlyInCaseAreEqual() {
        assertEquals(SerialNumber.parse("fakesn00050"), SerialNumber.parse("FAKESN00050"));
    }
}
