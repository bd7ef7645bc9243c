package com.pult.mdm.host.config;

import com.pult.mdm.host.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The host's settings once every source has been applied (defaults &lt; conf file &lt; environment &lt; command
 * line; see {@link HostConfigLoader}). Paths are absolute.
 *
 * @param home the distribution's folder; relative paths in the other sources are resolved against it
 * @param dataDir the host's own data: logs, the bundle cache in {@code cache/}, later the database and keys
 * @param deployDir the folder watched for plugin jars
 * @param coreDir the bundles the host always installs (FileInstall)
 * @param pollInterval how often {@code deployDir} is scanned
 * @param logLevel the root log level handed to the logging configuration
 * @param httpPort the port of the admin API; 0 picks a free port (the host tells which once started)
 * @param httpHost the address the admin API binds to; {@code 127.0.0.1} unless an operator opens it up
 * @param stopTimeout how long a stop waits for the framework before giving up
 * @param sync how integrations sync: intervals, pausing, removal guard, request budget
 * @param ipFreshness how long a WiFi IP binding reported by an MDM is trusted
 */
public record HostConfig(
        Path home,
        Path dataDir,
        Path deployDir,
        Path coreDir,
        Duration pollInterval,
        String logLevel,
        int httpPort,
        String httpHost,
        Duration stopTimeout,
        SyncSettings sync,
        Duration ipFreshness) {

    /** The framework's bundle cache: cleaned on every start, so nothing of the host's own may live there. */
    public Path cacheDir() {
        return dataDir.resolve("cache");
    }

    /** Where the distribution's logging configuration writes {@code host.log}. */
    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The defaults of a distribution installed in {@code home}. */
    public static HostConfig defaults(Path home) {
        Path root = home.toAbsolutePath().normalize();
        return new HostConfig(
                root,
                root.resolve("data"),
                root.resolve("deploy"),
                root.resolve("core"),
                Duration.ofMillis(500),
                "INFO",
                8080,
                "127.0.0.1",
                Duration.ofSeconds(10),
                SyncSettings.defaults(),
                Duration.ofHours(12));
    }

    /** A copy with another data directory. */
    public HostConfig withDataDir(Path dir) {
        return new HostConfig(
                home,
                dir,
                deployDir,
                coreDir,
                pollInterval,
                logLevel,
                httpPort,
                httpHost,
                stopTimeout,
                sync,
                ipFreshness);
    }

    /** A copy with another deploy directory. */
    public HostConfig withDeployDir(Path dir) {
        return new HostConfig(
                home,
                dataDir,
                dir,
                coreDir,
                pollInterval,
                logLevel,
                httpPort,
                httpHost,
                stopTimeout,
                sync,
                ipFreshness);
    }

    /** A copy with another core bundles directory. */
    public HostConfig withCoreDir(Path dir) {
        return new HostConfig(
                home,
                dataDir,
                deployDir,
                dir,
                pollInterval,
                logLevel,
                httpPort,
                httpHost,
                stopTimeout,
                sync,
                ipFreshness);
    }

    /** A copy with another poll interval. */
    public HostConfig withPollInterval(Duration interval) {
        return new HostConfig(
                home,
                dataDir,
                deployDir,
                coreDir,
                interval,
                logLevel,
                httpPort,
                httpHost,
                stopTimeout,
                sync,
                ipFreshness);
    }

    /** A copy with other sync settings. */
    public HostConfig withSync(SyncSettings settings) {
        return new HostConfig(
                home,
                dataDir,
                deployDir,
                coreDir,
                pollInterval,
                logLevel,
                httpPort,
                httpHost,
                stopTimeout,
                settings,
                ipFreshness);
    }

    /** A copy with another admin API port (0 for a free one). */
    public HostConfig withHttpPort(int port) {
        return new HostConfig(
                home,
                dataDir,
                deployDir,
                coreDir,
                pollInterval,
                logLevel,
                port,
                httpHost,
                stopTimeout,
                sync,
                ipFreshness);
    }
}
