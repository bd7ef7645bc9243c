package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WifiIpBindingTest {

    @ParameterizedTest
    @CsvSource({"192.168.1.76, 192.168.1.76", " 10.0.0.1 , 10.0.0.1", "fe80::1, fe80:0:0:0:0:0:0:1"})
    void addressLiteralsAreCanonical(String text, String expected) {
        assertEquals(Optional.of(expected), WifiIpBinding.canonicalAddress(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0.0.0.0", "256.1.1.1", "example.com", "10.0.0", "1.2.3.4.5", "::g"})
    void blanksPlaceholdersAndNamesAreNoAddress(String text) {
        assertEquals(Optional.empty(), WifiIpBinding.canonicalAddress(text));
    }
}
