package com.pult.mdm.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    @Test
    void aBlankValueIsMissing() {
        ProviderConfig config = new ProviderConfig(Map.of("api_url", "  "), false);

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> config.require("api_url"));

        assertEquals("api_url", error.field());
    }

    @Test
    void theTextFormNeverShowsValues() {
        ProviderConfig config = new ProviderConfig(Map.of("api_token", "s3cret-token"), false);

        assertFalse(config.toString().contains("s3cret"));
    }
}
