package com.pult.mdm.host.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Defaults &lt; conf file &lt; environment &lt; command line. */
class HostConfigLoaderTest {

    @TempDir
    Path home;

    @Test
    void defaultsAreTheDistributionFolders() throws Exception {
        HostConfig config = new HostConfigLoader(home, Map.of()).load(null, Map.of());

        assertEquals(home.resolve("data"), config.dataDir());
        assertEquals(home.resolve("deploy"), config.deployDir());
        assertEquals(home.resolve("core"), config.coreDir());
        assertEquals(home.resolve("data/cache"), config.cacheDir());
        assertEquals(Duration.ofMillis(500), config.pollInterval());
        assertEquals("INFO", config.logLevel());
        assertEquals(8080, config.httpPort());
    }

    @Test
    void confFileOverridesDefaults() throws Exception {
        writeConf("deploy.poll.ms=250\ndata.dir=/var/lib/pult\n");

        HostConfig config = new HostConfigLoader(home, Map.of()).load(null, Map.of());

        assertEquals(Duration.ofMillis(250), config.pollInterval());
        assertEquals(Path.of("/var/lib/pult"), config.dataDir());
    }

    @Test
    void environmentOverridesConfFile() throws Exception {
        writeConf("deploy.poll.ms=250\n");
        Map<String, String> env = Map.of("PULT_HOST_DEPLOY_POLL_MS", "750", "PULT_HOST_DEPLOY_DIR", "plugins");

        HostConfig config = new HostConfigLoader(home, env).load(null, Map.of());

        assertEquals(Duration.ofMillis(750), config.pollInterval());
        assertEquals(home.resolve("plugins"), config.deployDir());
    }

    @Test
    void commandLineOverridesEnvironment() throws Exception {
        Map<String, String> env = Map.of("PULT_HOST_DATA_DIR", "from-env");

        HostConfig config = new HostConfigLoader(home, env).load(null, Map.of(HostConfigLoader.DATA_DIR, "from-flag"));

        assertEquals(home.resolve("from-flag"), config.dataDir());
    }

    @Test
    void explicitConfFileReplacesTheStandardOne() throws Exception {
        writeConf("log.level=warn\n");
        Path other = Files.writeString(home.resolve("other.properties"), "log.level=debug\n");

        HostConfig config = new HostConfigLoader(home, Map.of()).load(other, Map.of());

        assertEquals("DEBUG", config.logLevel());
    }

    @Test
    void malformedNumberIsRejectedWithTheKeyAndValue() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> new HostConfigLoader(home, Map.of()).load(null, Map.of(HostConfigLoader.HTTP_PORT, "80a")));

        assertEquals("'http.port' must be a whole number of at least 0, not '80a'", e.getMessage());
    }

    @Test
    void environmentNameIsDerivedFromTheKey() {
        assertEquals("PULT_HOST_DATA_DIR", HostConfigLoader.environmentName(HostConfigLoader.DATA_DIR));
    }

    private void writeConf(String content) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/pult-host.properties"), content);
    }

    @Test
    void anUnknownLogLevelIsRejectedWithTheLevelsThatExist() {
        ConfigException error = assertThrows(
                ConfigException.class,
                () -> new HostConfigLoader(home, Map.of()).load(null, Map.of(HostConfigLoader.LOG_LEVEL, "FOO")));

        assertTrue(error.getMessage().contains("ERROR, WARN, INFO, DEBUG or TRACE"), error.getMessage());
    }

    @Test
    void aPortAbove65535IsRejected() {
        ConfigException error = assertThrows(
                ConfigException.class,
                () -> new HostConfigLoader(home, Map.of()).load(null, Map.of(HostConfigLoader.HTTP_PORT, "99999")));

        assertTrue(error.getMessage().contains("0 to 65535"), error.getMessage());
    }

    @Test
    void syncSettingsComeFromTheConfFileWithLimitOverrides() throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(
                home.resolve("conf/pult-host.properties"),
                "sync.budget.percent=80\n" + "sync.limits.kandji.per.hour=20000\nsync.limits.kandji.per.second=100\n");

        HostConfig config = new HostConfigLoader(home, Map.of()).load(null, Map.of());

        assertEquals(0.8, config.sync().budgetShare());
        assertEquals(
                new com.pult.mdm.spi.ApiLimits(20_000, 100),
                config.sync().limitsOf("kandji", new com.pult.mdm.spi.ApiLimits(10_000, 50)));
    }
}
