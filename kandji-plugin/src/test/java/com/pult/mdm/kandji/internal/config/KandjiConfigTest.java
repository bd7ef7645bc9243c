package com.pult.mdm.kandji.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.pult.mdm.kandji.KandjiProviderFactory;
import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.CredentialField;
import com.pult.mdm.spi.MdmProvider;
import com.pult.mdm.spi.MdmProviderFactory;
import com.pult.mdm.spi.ProviderConfig;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KandjiConfigTest {

    private static final String TOKEN = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    private static ProviderConfig config(String url, String token, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put("api_url", url);
        values.put("api_token", token);
        return new ProviderConfig(values, false);
    }

    @Test
    void defaultsAreTenSecondsToConnectAndThirtyToRead() throws ConfigurationException {
        KandjiConfig config = KandjiConfig.from(config("https://acme.api.kandji.io/api/v1/", TOKEN, Map.of()));

        assertEquals("https://acme.api.kandji.io", config.baseUri().toString());
        assertEquals(Duration.ofSeconds(10), config.connectTimeout());
        assertEquals(Duration.ofSeconds(30), config.readTimeout());
    }

    @Test
    void timeoutsCanBeConfigured() throws ConfigurationException {
        KandjiConfig config = KandjiConfig.from(config(
                "https://acme.api.kandji.io",
                TOKEN,
                Map.of("connect_timeout_seconds", "5", "read_timeout_seconds", "60")));

        assertEquals(Duration.ofSeconds(5), config.connectTimeout());
        assertEquals(Duration.ofSeconds(60), config.readTimeout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "301", "ten", "1.5"})
    void invalidTimeoutsAreRejectedNamingTheField(String seconds) {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> KandjiConfig.from(
                        config("https://acme.api.kandji.io", TOKEN, Map.of("read_timeout_seconds", seconds))));

        assertEquals("read_timeout_seconds", e.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {TOKEN, "abc123", "not-a-uuid-but-fine"})
    void anyNonBlankTokenWithoutWhitespaceIsAccepted(String token) throws ConfigurationException {
        assertEquals(
                token,
                KandjiConfig.from(config("https://acme.api.kandji.io", token, Map.of()))
                        .token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc def", "abc\ndef", "abc\tdef"})
    void blankTokensAndTokensWithWhitespaceAreRejectedWithoutEchoingThem(String token) {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> KandjiConfig.from(config("https://acme.api.kandji.io", token, Map.of())));

        assertEquals("api_token", e.field());
        assertFalse(!token.isBlank() && e.getMessage().contains(token.strip()), e.getMessage());
    }

    @Test
    void toStringNeverShowsTheToken() throws ConfigurationException {
        KandjiConfig config = KandjiConfig.from(config("https://acme.api.kandji.io", TOKEN, Map.of()));
        try (MdmProvider provider =
                new KandjiProviderFactory().create(config("https://acme.api.kandji.io", TOKEN, Map.of()))) {
            assertFalse(config.toString().contains(TOKEN));
            assertFalse(provider.toString().contains(TOKEN));
        }
    }

    @Test
    void factoryRejectsACustomEndpointUnlessTheHostAllowsIt() throws ConfigurationException {
        KandjiProviderFactory factory = new KandjiProviderFactory();
        Map<String, String> values = Map.of("api_url", "http://127.0.0.1:8080", "api_token", TOKEN);

        assertEquals(
                "api_url",
                assertThrows(ConfigurationException.class, () -> factory.create(new ProviderConfig(values, false)))
                        .field());
        factory.create(new ProviderConfig(values, true)).close();
    }

    @Test
    void factoryDeclaresTheUrlAndASecretToken() {
        List<CredentialField> fields = new KandjiProviderFactory().credentialFields();

        assertEquals(
                List.of("api_url", "api_token"),
                fields.stream().map(CredentialField::name).toList());
        assertFalse(fields.get(0).secret());
        assertEquals(true, fields.get(1).secret());
    }

    @Test
    void factoryIsFoundThroughServiceLoader() {
        List<String> ids = ServiceLoader.load(MdmProviderFactory.class).stream()
                .map(provider -> provider.get().id())
                .toList();

        assertEquals(List.of("kandji"), ids);
    }
}
