package com.pult.mdm.host.config;

import com.pult.mdm.host.sync.SyncSettings;
import com.pult.mdm.spi.ApiLimits;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds the {@link HostConfig} from four layers, each overriding the one before: built-in defaults, the conf
 * file ({@code conf/pult-host.properties} or the one given with {@code --config}), the environment
 * ({@code PULT_HOST_} plus the key in upper case with dots as underscores, such as {@code PULT_HOST_DATA_DIR}),
 * and command-line flags. Relative paths are resolved against the distribution's home.
 */
public final class HostConfigLoader {

    /** The host's own data; the bundle cache is its {@code cache/} subfolder. */
    public static final String DATA_DIR = "data.dir";

    /** The folder watched for plugin jars. */
    public static final String DEPLOY_DIR = "deploy.dir";

    /** The bundles installed at every start (FileInstall). */
    public static final String CORE_DIR = "core.dir";

    /** How often the deploy folder is scanned, in milliseconds. */
    public static final String POLL_MS = "deploy.poll.ms";

    /** The root log level. */
    public static final String LOG_LEVEL = "log.level";

    /** The admin API's port. */
    public static final String HTTP_PORT = "http.port";

    /** The address the admin API binds to. */
    public static final String HTTP_HOST = "http.host";

    /** How long a stop waits for the plugin framework, in milliseconds. */
    public static final String STOP_TIMEOUT_MS = "stop.timeout.ms";

    /** How often an integration syncs unless it says otherwise, in minutes. */
    public static final String SYNC_INTERVAL_MINUTES = "sync.interval.minutes";

    /** Authentication failures in a row that pause an integration. */
    public static final String SYNC_AUTH_FAILURES = "sync.auth.failures.to.pause";

    /** The share of an integration's devices one sync may remove before it holds for an admin, in percent. */
    public static final String SYNC_MAX_REMOVAL_PERCENT = "sync.max.removal.percent";

    /** The share of a vendor's published request limits this host uses, in percent. */
    public static final String SYNC_BUDGET_PERCENT = "sync.budget.percent";

    /** Syncs that may run at once. */
    public static final String SYNC_MAX_CONCURRENT = "sync.max.concurrent";

    /** How long sync records are kept, in days. */
    public static final String SYNC_HISTORY_DAYS = "sync.history.days";

    /** Whether providers may connect to URLs other than their vendor's own (a simulator or a proxy). */
    public static final String ALLOW_CUSTOM_ENDPOINTS = "mdm.allow.custom.endpoints";

    /** How long a WiFi IP binding reported by an MDM is trusted, in minutes. */
    public static final String IP_FRESHNESS_MINUTES = "match.ip.freshness.minutes";

    /** Prefix of per-provider limit overrides: {@code sync.limits.kandji.per.hour} and {@code .per.second}. */
    public static final String LIMITS_PREFIX = "sync.limits.";

    /** The environment variable naming the conf file, when no {@code --config} flag is given. */
    public static final String CONFIG_ENV = "PULT_HOST_CONFIG";

    private static final String[] KEYS = {
        DATA_DIR,
        DEPLOY_DIR,
        CORE_DIR,
        POLL_MS,
        LOG_LEVEL,
        HTTP_PORT,
        HTTP_HOST,
        STOP_TIMEOUT_MS,
        SYNC_INTERVAL_MINUTES,
        SYNC_AUTH_FAILURES,
        SYNC_MAX_REMOVAL_PERCENT,
        SYNC_BUDGET_PERCENT,
        SYNC_MAX_CONCURRENT,
        SYNC_HISTORY_DAYS,
        ALLOW_CUSTOM_ENDPOINTS,
        IP_FRESHNESS_MINUTES
    };

    private final Path home;
    private final Map<String, String> environment;

    /**
     * @param home the distribution's folder
     * @param environment the process environment, usually {@link System#getenv()}
     */
    public HostConfigLoader(Path home, Map<String, String> environment) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
    }

    /**
     * Applies the layers.
     *
     * @param configFile the file named on the command line, or {@code null}
     * @param flags command-line values by key; absent keys were not given
     * @throws ConfigException when a named conf file is missing or a value is malformed
     */
    public HostConfig load(Path configFile, Map<String, String> flags) throws ConfigException {
        Map<String, String> values = new HashMap<>(readConfFile(configFile));
        values.putAll(fromEnvironment());
        values.putAll(flags);
        return toConfig(values);
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return "PULT_HOST_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private Map<String, String> readConfFile(Path explicit) throws ConfigException {
        Path named = explicit != null ? explicit : pathFromEnvironment();
        if (named == null) {
            Path standard = home.resolve("conf").resolve("pult-host.properties");
            return Files.isRegularFile(standard) ? read(standard) : Map.of();
        }
        Path file = home.resolve(named);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file '" + file + "' does not exist");
        }
        return read(file);
    }

    private Path pathFromEnvironment() {
        String value = environment.get(CONFIG_ENV);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Map<String, String> read(Path file) throws ConfigException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("config file '" + file + "' cannot be read: " + e.getMessage());
        }
        Map<String, String> values = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    private Map<String, String> fromEnvironment() {
        Map<String, String> values = new HashMap<>();
        for (String key : KEYS) {
            String value = environment.get(environmentName(key));
            if (value != null && !value.isBlank()) {
                values.put(key, value.trim());
            }
        }
        return values;
    }

    private HostConfig toConfig(Map<String, String> values) throws ConfigException {
        HostConfig defaults = HostConfig.defaults(home);
        return new HostConfig(
                home,
                path(values, DATA_DIR, defaults.dataDir()),
                path(values, DEPLOY_DIR, defaults.deployDir()),
                path(values, CORE_DIR, defaults.coreDir()),
                Duration.ofMillis(
                        number(values, POLL_MS, defaults.pollInterval().toMillis(), 50)),
                logLevel(values, defaults.logLevel()),
                port(values, defaults.httpPort()),
                values.getOrDefault(HTTP_HOST, defaults.httpHost()),
                Duration.ofMillis(
                        number(values, STOP_TIMEOUT_MS, defaults.stopTimeout().toMillis(), 0)),
                sync(values, defaults.sync()),
                Duration.ofMinutes(number(
                        values, IP_FRESHNESS_MINUTES, defaults.ipFreshness().toMinutes(), 1)));
    }

    private static SyncSettings sync(Map<String, String> values, SyncSettings defaults) throws ConfigException {
        return new SyncSettings(
                Duration.ofMinutes(number(
                        values,
                        SYNC_INTERVAL_MINUTES,
                        defaults.defaultInterval().toMinutes(),
                        1)),
                (int) number(values, SYNC_AUTH_FAILURES, defaults.authFailuresToPause(), 1),
                percent(values, SYNC_MAX_REMOVAL_PERCENT, defaults.maxRemovalShare(), 0),
                percent(values, SYNC_BUDGET_PERCENT, defaults.budgetShare(), 1),
                (int) number(values, SYNC_MAX_CONCURRENT, defaults.maxConcurrentSyncs(), 1),
                Duration.ofDays(number(
                        values, SYNC_HISTORY_DAYS, defaults.historyRetention().toDays(), 1)),
                defaults.detailRefreshShare(),
                bool(values, ALLOW_CUSTOM_ENDPOINTS, defaults.allowCustomEndpoints()),
                limitOverrides(values));
    }

    /** Reads {@code sync.limits.<provider>.per.hour} and {@code .per.second}; both must be given for a provider. */
    private static Map<String, ApiLimits> limitOverrides(Map<String, String> values) throws ConfigException {
        Map<String, ApiLimits> limits = new HashMap<>();
        for (String key : values.keySet()) {
            if (!key.startsWith(LIMITS_PREFIX) || !key.endsWith(".per.hour")) {
                continue;
            }
            String provider = key.substring(LIMITS_PREFIX.length(), key.length() - ".per.hour".length());
            String perSecondKey = LIMITS_PREFIX + provider + ".per.second";
            if (!values.containsKey(perSecondKey)) {
                throw new ConfigException("'" + key + "' needs '" + perSecondKey + "' too");
            }
            limits.put(
                    provider, new ApiLimits((int) number(values, key, 1, 1), (int) number(values, perSecondKey, 1, 1)));
        }
        return limits;
    }

    private static double percent(Map<String, String> values, String key, double fallback, long minimum)
            throws ConfigException {
        long value = number(values, key, Math.round(fallback * 100), minimum);
        if (value > 100) {
            throw new ConfigException("'" + key + "' is a percentage, at most 100, not '" + value + "'");
        }
        return value / 100.0;
    }

    private static boolean bool(Map<String, String> values, String key, boolean fallback) throws ConfigException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException("'" + key + "' must be true or false, not '" + value + "'");
    }

    private static String logLevel(Map<String, String> values, String fallback) throws ConfigException {
        String level = values.getOrDefault(LOG_LEVEL, fallback).toUpperCase(Locale.ROOT);
        if (!java.util.List.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE").contains(level)) {
            throw new ConfigException("'" + LOG_LEVEL + "' must be ERROR, WARN, INFO, DEBUG or TRACE, not '"
                    + values.get(LOG_LEVEL) + "'");
        }
        return level;
    }

    private static int port(Map<String, String> values, int fallback) throws ConfigException {
        long port = number(values, HTTP_PORT, fallback, 0);
        if (port > 65_535) {
            throw new ConfigException("'" + HTTP_PORT + "' must be a port from 0 to 65535, not '" + port + "'");
        }
        return (int) port;
    }

    private Path path(Map<String, String> values, String key, Path fallback) {
        String value = values.get(key);
        return value == null ? fallback : home.resolve(value).normalize();
    }

    private static long number(Map<String, String> values, String key, long fallback, long minimum)
            throws ConfigException {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed >= minimum) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same message as a number out of range.
        }
        throw new ConfigException(
                "'" + key + "' must be a whole number of at least " + minimum + ", not '" + value + "'");
    }
}
