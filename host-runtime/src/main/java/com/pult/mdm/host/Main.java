package com.pult.mdm.host;

import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.DataDirectory;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.config.HostConfigLoader;
import com.pult.mdm.host.launch.LaunchException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Command-line entry point of the distribution ({@code bin/pult-host}). Without a subcommand it runs the host.
 * Exit codes: 0 after a clean stop, 1 when the plugin framework cannot start, 2 when the configuration or the data
 * directory is unusable. {@code token create} ({@link TokenCreateCommand}) gives an organization its first API
 * token while the host is stopped.
 */
@Command(
        name = "pult-host",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        subcommands = TokenCommand.class,
        description = "Runs the Pult integration host. Flags override PULT_HOST_* variables, which override the"
                + " conf file, which overrides the defaults.")
public final class Main implements Callable<Integer> {

    static final int EXIT_LAUNCH_FAILED = 1;
    static final int EXIT_CONFIG = 2;

    @Option(names = "--config", paramLabel = "FILE", description = "Conf file (default: conf/pult-host.properties)")
    private Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Host data: logs, bundle cache (data)")
    private String dataDir;

    @Option(names = "--deploy-dir", paramLabel = "DIR", description = "Folder watched for plugin jars (deploy)")
    private String deployDir;

    @Option(names = "--core-dir", paramLabel = "DIR", description = "Bundles installed at every start (core)")
    private String coreDir;

    @Option(names = "--poll-ms", paramLabel = "MS", description = "Deploy folder scan interval (500)")
    private String pollMs;

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "Root log level (INFO)")
    private String logLevel;

    @Option(names = "--http-port", paramLabel = "PORT", description = "Admin API port, 0 for a free one (8080)")
    private String httpPort;

    @Option(names = "--http-host", paramLabel = "ADDRESS", description = "Admin API bind address (127.0.0.1)")
    private String httpHost;

    @Option(
            names = "--allow-custom-endpoints",
            paramLabel = "BOOL",
            description = "Let providers connect to URLs other than their vendor's own, such as a simulator (false)")
    private String allowCustomEndpoints;

    private final Path home;
    private final Map<String, String> environment;
    private final PrintStream out;
    private final PrintStream err;

    /** The entry point the start script uses. */
    public Main() {
        this(Path.of(System.getProperty("pult.home", ".")), System.getenv(), System.out, System.err);
    }

    Main(Path home, Map<String, String> environment, PrintStream err) {
        this(home, environment, System.out, err);
    }

    Main(Path home, Map<String, String> environment, PrintStream out, PrintStream err) {
        this.home = home;
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /** Starts the host and returns when it is stopped (SIGTERM or Ctrl-C). */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() throws InterruptedException {
        HostConfig config;
        try {
            config = loadConfig(null, Map.of());
            DataDirectory.prepare(config.dataDir());
        } catch (ConfigException e) {
            // Before logging is set up, so a person sees exactly one line and no stack trace.
            err.println("Cannot start Pult host: " + e.getMessage());
            return EXIT_CONFIG;
        }
        configureLogging(config);
        return run(new PultHost(config, environment));
    }

    /**
     * The configuration from every source, with a subcommand's own {@code --config} and flags (when given) taking
     * the place of the ones given before the subcommand's name.
     */
    HostConfig loadConfig(Path subcommandConfig, Map<String, String> subcommandFlags) throws ConfigException {
        Map<String, String> all = flags();
        all.putAll(subcommandFlags);
        return new HostConfigLoader(home, environment)
                .load(subcommandConfig != null ? subcommandConfig : configFile, all);
    }

    /** Where a subcommand writes what it has to say. */
    PrintStream out() {
        return out;
    }

    /** Where a subcommand writes its one-line errors. */
    PrintStream err() {
        return err;
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        putIfGiven(flags, HostConfigLoader.DATA_DIR, dataDir);
        putIfGiven(flags, HostConfigLoader.DEPLOY_DIR, deployDir);
        putIfGiven(flags, HostConfigLoader.CORE_DIR, coreDir);
        putIfGiven(flags, HostConfigLoader.POLL_MS, pollMs);
        putIfGiven(flags, HostConfigLoader.LOG_LEVEL, logLevel);
        putIfGiven(flags, HostConfigLoader.HTTP_PORT, httpPort);
        putIfGiven(flags, HostConfigLoader.HTTP_HOST, httpHost);
        putIfGiven(flags, HostConfigLoader.ALLOW_CUSTOM_ENDPOINTS, allowCustomEndpoints);
        return flags;
    }

    private static void putIfGiven(Map<String, String> flags, String key, String value) {
        if (value != null) {
            flags.put(key, value);
        }
    }

    /** Hands the data directory and level to conf/logback.xml, which reads them when the first logger exists. */
    static void configureLogging(HostConfig config) {
        System.setProperty("pult.data.dir", config.dataDir().toString());
        System.setProperty("pult.log.level", config.logLevel());
    }

    private int run(PultHost host) throws InterruptedException {
        // Created only now: the logging configuration reads the properties set just before.
        Logger logger = LoggerFactory.getLogger(Main.class);
        try {
            host.start();
        } catch (ConfigException e) {
            logger.error("Cannot start Pult host: {}", e.getMessage());
            return EXIT_CONFIG;
        } catch (LaunchException e) {
            logger.error("Cannot start Pult host: {}", e.getMessage());
            logger.debug("Stack trace of the start failure", e);
            return EXIT_LAUNCH_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::stop, "pult-shutdown"));
        host.awaitStop();
        return 0;
    }

    /** Prints the host version for {@code --version}. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"pult-host " + HostVersion.current()};
        }
    }
}
