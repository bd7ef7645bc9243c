package com.pult.mdm.kandji.internal.api;

import com.pult.mdm.kandji.internal.config.KandjiConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends single GET requests to one Kandji tenant: no retries, no pacing (see {@link KandjiRequester}).
 *
 * <p>TLS uses the JVM's default trust store and host name verification. Redirects are not followed, so the
 * bearer token is only ever sent to the configured host.
 *
 * <p>Note: httpclient5 logs every request header, the Authorization header included, at DEBUG on the logger
 * {@code org.apache.hc.client5.http.headers} (and the raw wire on {@code org.apache.hc.client5.http.wire}). The
 * plugin cannot prevent that; the host's log configuration must keep {@code org.apache.hc} at INFO or above.
 * It matters as soon as someone turns on DEBUG for everything to chase a problem.
 */
public final class KandjiClient implements AutoCloseable {

    /** What the plugin calls itself in the User-Agent header. */
    public static final String USER_AGENT = "pult-kandji-plugin/" + version();

    private static final int MAX_CONNECTIONS = 4;

    private final Logger logger = LoggerFactory.getLogger(KandjiClient.class);
    private final URI baseUri;
    private final String authorization;
    private final CloseableHttpClient http;

    /** Builds the connection pool; does no I/O. */
    public KandjiClient(KandjiConfig config) {
        this.baseUri = config.baseUri();
        this.authorization = "Bearer " + config.token();
        this.http = HttpClients.custom()
                .setConnectionManager(connectionManager(config))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(config.readTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(config.connectTimeout()))
                        .build())
                .setDefaultHeaders(List.of(new BasicHeader(HttpHeaders.ACCEPT, "application/json")))
                .setUserAgent(USER_AGENT)
                // Retrying and redirects are decided by the provider: retries go through the host's budget,
                // and a redirect would carry the token to another host.
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .build();
    }

    private static PoolingHttpClientConnectionManager connectionManager(KandjiConfig config) {
        return PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(config.connectTimeout()))
                        .setSocketTimeout(Timeout.of(config.readTimeout()))
                        .build())
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                .build();
    }

    /** The host requests go to, for messages. */
    public String host() {
        return baseUri.getHost();
    }

    /**
     * Sends one GET request and reads the whole answer, whatever its status.
     *
     * @param pathAndQuery the path below the API base, starting with {@code /api/v1/}
     * @throws IOException when no answer arrived: DNS, connection, TLS, timeout
     */
    public KandjiResponse get(String pathAndQuery) throws IOException {
        HttpGet request = new HttpGet(URI.create(baseUri + pathAndQuery));
        request.setHeader(HttpHeaders.AUTHORIZATION, authorization);
        KandjiResponse response = http.execute(request, KandjiClient::read);
        logger.debug(
                "Received HTTP {} for GET '{}' ({} chars)",
                response.status(),
                pathAndQuery,
                response.body().length());
        if (logger.isTraceEnabled()) {
            logger.trace("Body of GET '{}': {}", pathAndQuery, response.body());
        }
        return response;
    }

    private static KandjiResponse read(ClassicHttpResponse response) throws IOException, ParseException {
        String body =
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        return new KandjiResponse(response.getCode(), body, retryAfter == null ? "" : retryAfter.getValue());
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = KandjiClient.class.getResourceAsStream("kandji-plugin.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    /** Closes the connection pool at once; the provider is not used afterwards. */
    @Override
    public void close() {
        http.close(CloseMode.IMMEDIATE);
    }

    /** Leaves the token out. */
    @Override
    public String toString() {
        return "KandjiClient[" + baseUri + "]";
    }
}
