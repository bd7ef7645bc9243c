package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void addressesAreComparedIgnoringCaseAndKeptAsWritten() {
        Email written = Email.parse("  BENJAMIN.Ortiz@Example.com ");

        assertEquals(Email.parse("benjamin.ortiz@example.com"), written);
        assertEquals("BENJAMIN.Ortiz@Example.com", written.value());
        assertEquals("benjamin.ortiz@example.com", written.key());
    }

    @Test
    void aPrefixOrSubstringIsNeverTheSameAddress() {
        assertNotEquals(Email.parse("ben@example.com"), Email.parse("benjamin.ortiz@example.com"));
        assertNotEquals(Email.parse("benj@example.com"), Email.parse("benjamin.ortiz@example.com"));
        assertNotEquals(Email.parse("ana.lmia@example.com"), Email.parse("ana.lima@example.com"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                " ",
                "null",
                "None",
                "ana",
                "ana@",
                "@example.com",
                "ana@example",
                "a b@example.com",
                "ana@@example.com",
                "ana@example.com, bo@example.com"
            })
    void malformedAddressesAreRejected(String text) {
        assertThrows(IllegalArgumentException.class, () -> Email.parse(text));
    }
}
