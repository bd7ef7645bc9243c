package com.pult.mdm.kandji.internal.config;

import com.pult.mdm.spi.ConfigurationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the API URL an admin copies from Kandji into the base every request path is appended to.
 *
 * <p>Kandji shows {@code https://<tenant>.api.kandji.io} (US), {@code https://<tenant>.api.eu.kandji.io} (EU)
 * and, for tenants moved to the Iru brand, {@code https://<tenant>.api.iru.com}. Admins paste it with or
 * without a trailing slash, {@code /api} or {@code /api/v1}; all of these mean the same base.
 */
public final class KandjiApiUrl {

    /** The credential field this class reads. */
    public static final String FIELD = "api_url";

    // A DNS label for the tenant, then one of the vendor's API domains. api.eu.iru.com is accepted too: Kandji's
    // own packaging tool names it for EU tenants, and it is the vendor's domain either way.
    private static final Pattern VENDOR_HOST =
            Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.api\\.(eu\\.)?(kandji\\.io|iru\\.com)");
    private static final Pattern API_PATH = Pattern.compile("(/api(/v1)?)?/?");
    private static final String VALID_FORMS = "Copy the API URL from Kandji under Settings → Access; it looks like"
            + " https://your-tenant.api.kandji.io, https://your-tenant.api.eu.kandji.io or"
            + " https://your-tenant.api.iru.com.";

    private KandjiApiUrl() {}

    /**
     * Normalizes an API URL to {@code scheme://host[:port][/prefix]} without a trailing slash.
     *
     * @param text the URL as the admin entered it
     * @param allowCustomEndpoints whether the host allows other endpoints (a simulator or a proxy)
     * @throws ConfigurationException for field {@code api_url} saying what a valid URL looks like
     */
    public static URI normalize(String text, boolean allowCustomEndpoints) throws ConfigurationException {
        URI uri = parse(text);
        rejectExtras(uri);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (isVendorUrl(uri, host)) {
            return URI.create("https://" + host);
        }
        if (allowCustomEndpoints) {
            return custom(uri, host);
        }
        throw invalid(reasonForVendorMismatch(uri, host));
    }

    private static URI parse(String text) throws ConfigurationException {
        if (text == null || text.isBlank()) {
            throw invalid("The API URL is required.");
        }
        String trimmed = text.strip();
        // Admins sometimes copy the host alone; it can only mean https.
        String withScheme = trimmed.contains("://") ? trimmed : "https://" + trimmed;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null || uri.getScheme() == null) {
                throw invalid("The API URL has no host name.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid("The API URL is not a valid URL.");
        }
    }

    private static void rejectExtras(URI uri) throws ConfigurationException {
        // The input is never echoed: user info or a query may hold a secret.
        if (uri.getRawUserInfo() != null) {
            throw invalid("The API URL must not contain a user name or password.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("The API URL must not contain a query (?…) or a fragment (#…).");
        }
    }

    private static boolean isVendorUrl(URI uri, String host) {
        return "https".equalsIgnoreCase(uri.getScheme())
                && uri.getPort() == -1
                && VENDOR_HOST.matcher(host).matches()
                && API_PATH.matcher(pathOf(uri)).matches();
    }

    private static String reasonForVendorMismatch(URI uri, String host) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "The API URL must start with https://.";
        }
        if (uri.getPort() != -1) {
            return "The API URL must not contain a port.";
        }
        if (!VENDOR_HOST.matcher(host).matches()) {
            return "'" + host + "' is not a Kandji API host.";
        }
        return "The API URL must end at the host name, /api or /api/v1.";
    }

    private static URI custom(URI uri, String host) throws ConfigurationException {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw invalid("The API URL must start with https:// or http://.");
        }
        String prefix = stripApiSuffix(pathOf(uri));
        String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create(scheme + "://" + authority + port + prefix);
    }

    private static String stripApiSuffix(String path) {
        String trimmed = path.replaceAll("/+$", "");
        for (String suffix : new String[] {"/api/v1", "/api"}) {
            if (trimmed.endsWith(suffix)) {
                return trimmed.substring(0, trimmed.length() - suffix.length());
            }
        }
        return trimmed;
    }

    private static String pathOf(URI uri) {
        return uri.getRawPath() == null ? "" : uri.getRawPath();
    }

    private static ConfigurationException invalid(String reason) {
        return new ConfigurationException(FIELD, reason + " " + VALID_FORMS);
    }
}
