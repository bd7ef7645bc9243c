package com.pult.mdm.kandji.internal.config;

import com.pult.mdm.spi.ConfigurationException;
import com.pult.mdm.spi.ProviderConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kandji integration's connection settings, checked once when the provider is created.
 *
 * <p>Holds the API token: {@link #toString()} never shows it.
 */
public final class KandjiConfig {

    /** The credential field holding the API token. */
    public static final String TOKEN_FIELD = "api_token";
    /** Optional, not a credential field: seconds to wait for a TCP and TLS connection. */
    public static final String CONNECT_TIMEOUT_FIELD = "connect_timeout_seconds";
    /** Optional, not a credential field: seconds to wait for a response. */
    public static final String READ_TIMEOUT_FIELD = "read_timeout_seconds";

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_TIMEOUT_SECONDS = 300;

    private final URI baseUri;
    private final String token;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    /**
     * @param baseUri the normalized API base, see {@link KandjiApiUrl}
     * @param token the API token, non-blank
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for a response
     */
    public KandjiConfig(URI baseUri, String token, Duration connectTimeout, Duration readTimeout) {
        this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        this.token = Objects.requireNonNull(token, "token");
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /**
     * Reads and checks an integration's configuration.
     *
     * @throws ConfigurationException naming the field at fault; the message never contains the token
     */
    public static KandjiConfig from(ProviderConfig config) throws ConfigurationException {
        URI baseUri =
                KandjiApiUrl.normalize(config.value(KandjiApiUrl.FIELD).orElse(""), config.allowCustomEndpoints());
        String token = token(config.value(TOKEN_FIELD));
        Duration connect = seconds(config, CONNECT_TIMEOUT_FIELD, DEFAULT_CONNECT_TIMEOUT);
        Duration read = seconds(config, READ_TIMEOUT_FIELD, DEFAULT_READ_TIMEOUT);
        return new KandjiConfig(baseUri, token, connect, read);
    }

    private static String token(Optional<String> value) throws ConfigurationException {
        if (value.isEmpty()) {
            throw new ConfigurationException(
                    TOKEN_FIELD, "The API token is required. Create one in Kandji under Settings → Access.");
        }
        // Kandji tokens look like UUIDs, but the format is not documented as fixed: only reject what cannot be
        // sent in a header.
        if (value.get().chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigurationException(
                    TOKEN_FIELD, "The API token must not contain spaces or line breaks. Paste the token alone.");
        }
        return value.get();
    }

    private static Duration seconds(ProviderConfig config, String field, Duration fallback)
            throws ConfigurationException {
        Optional<String> value = config.value(field);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int seconds = Integer.parseInt(value.get());
            if (seconds >= 1 && seconds <= MAX_TIMEOUT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // Reported below with the valid range.
        }
        throw new ConfigurationException(
                field, "'" + field + "' must be a whole number of seconds from 1 to " + MAX_TIMEOUT_SECONDS + ".");
    }

    /** The normalized API base, without a trailing slash. */
    public URI baseUri() {
        return baseUri;
    }

    /** The API token. Never log it. */
    public String token() {
        return token;
    }

    /** How long to wait for a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** How long to wait for a response. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "KandjiConfig[" + baseUri + ", connect " + connectTimeout + ", read " + readTimeout + "]";
    }
}
