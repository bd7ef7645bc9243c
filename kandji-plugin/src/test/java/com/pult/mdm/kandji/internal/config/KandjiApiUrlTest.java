package com.pult.mdm.kandji.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.spi.ConfigurationException;
import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KandjiApiUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://acme.api.kandji.io, https://acme.api.kandji.io",
        "https://acme.api.kandji.io/, https://acme.api.kandji.io",
        "https://acme.api.kandji.io/api, https://acme.api.kandji.io",
        "https://acme.api.kandji.io/api/, https://acme.api.kandji.io",
        "https://acme.api.kandji.io/api/v1, https://acme.api.kandji.io",
        "https://acme.api.kandji.io/api/v1/, https://acme.api.kandji.io",
        "'  https://acme.api.kandji.io  ', https://acme.api.kandji.io",
        "HTTPS://ACME.API.KANDJI.IO/api/v1, https://acme.api.kandji.io",
        "https://acme-demo.api.eu.kandji.io, https://acme-demo.api.eu.kandji.io",
        "https://acme.api.eu.kandji.io/api/v1/, https://acme.api.eu.kandji.io",
        "https://acme.api.iru.com, https://acme.api.iru.com",
        "https://acme.api.iru.com/api/v1, https://acme.api.iru.com",
        "https://acme.api.eu.iru.com, https://acme.api.eu.iru.com",
        "acme.api.kandji.io, https://acme.api.kandji.io",
    })
    void vendorUrlsAreNormalized(String input, String expected) throws ConfigurationException {
        assertEquals(URI.create(expected), KandjiApiUrl.normalize(input, false));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "http://acme.api.kandji.io",
                "https://acme.kandji.io",
                "https://acme.iru.com",
                "https://acme.clients.us-1.kandji.io",
                "https://api.kandji.io",
                "https://acme.api.kandji.io.evil.example",
                "https://evil.example/acme.api.kandji.io",
                "https://admin:secret@acme.api.kandji.io",
                "https://acme.api.kandji.io:443",
                "https://acme.api.kandji.io:8443/api/v1",
                "https://acme.api.kandji.io/api/v1?token=secret",
                "https://acme.api.kandji.io/#fragment",
                "https://acme.api.kandji.io/api/v1/devices",
                "https://acme.api.kandji.io/other",
                "ftp://acme.api.kandji.io",
                "http://127.0.0.1:8080",
                "",
                "   ",
                "https://",
                "https://acme api.kandji.io",
            })
    void otherUrlsAreRejectedNamingTheFieldAndTheValidForm(String input) {
        ConfigurationException e =
                assertThrows(ConfigurationException.class, () -> KandjiApiUrl.normalize(input, false));

        assertEquals("api_url", e.field());
        assertTrue(e.getMessage().contains("https://your-tenant.api.kandji.io"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), "never echoes user info or a query: " + e.getMessage());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "http://127.0.0.1:8080, http://127.0.0.1:8080",
        "http://127.0.0.1:8080/, http://127.0.0.1:8080",
        "http://127.0.0.1:8080/api/v1/, http://127.0.0.1:8080",
        "http://localhost:9000/kandji/api, http://localhost:9000/kandji",
        "https://proxy.example.com, https://proxy.example.com",
        "https://acme.api.kandji.io/api/v1, https://acme.api.kandji.io",
    })
    void customEndpointsAreAcceptedOnlyWhenAllowed(String input, String expected) throws ConfigurationException {
        assertEquals(URI.create(expected), KandjiApiUrl.normalize(input, true));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://user:pw@127.0.0.1:8080", "http://127.0.0.1:8080/?x=1", "ftp://127.0.0.1"})
    void customEndpointsStillRejectUserInfoQueriesAndOtherSchemes(String input) {
        assertEquals(
                "api_url",
                assertThrows(ConfigurationException.class, () -> KandjiApiUrl.normalize(input, true))
                        .field());
    }
}
