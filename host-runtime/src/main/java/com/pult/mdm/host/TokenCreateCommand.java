package com.pult.mdm.host;

import com.pult.mdm.host.config.ConfigException;
import com.pult.mdm.host.config.DataDirectory;
import com.pult.mdm.host.config.HostConfig;
import com.pult.mdm.host.config.HostConfigLoader;
import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.DatabaseInUseException;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.store.StoreException;
import com.pult.mdm.host.web.ApiTokens;
import com.pult.mdm.host.web.IssuedToken;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pult-host token create}: opens the host's database the way the host does, creates the organization when
 * it does not exist, creates an admin API token for it and prints the secret once. This is how the first admin of an
 * organization gets the token that every admin API route and the dashboard ask for. It needs the host stopped,
 * because a running host holds the database; exit code 2 (one line, no stack trace) when it is not, or when a value
 * is wrong.
 */
@Command(
        name = "create",
        mixinStandardHelpOptions = true,
        versionProvider = Main.VersionProvider.class,
        description = {
            "Creates an admin API token for an organization, creating the organization if it does not exist,"
                    + " and prints the token once.",
            "Run it while the host is stopped. With a running host, create tokens through POST /api/v1/tokens."
        })
final class TokenCreateCommand implements Callable<Integer> {

    private static final String FAILED = "Cannot create the token: ";

    @ParentCommand
    private TokenCommand parent;

    @Option(
            names = "--org",
            required = true,
            paramLabel = "ID",
            description = "Organization id: lower-case letters, digits and hyphens, such as acme")
    private String orgId;

    @Option(
            names = "--org-name",
            paramLabel = "NAME",
            description = "Name of the organization when it is created (its id); an existing one is kept")
    private String orgName;

    @Option(
            names = "--time-zone",
            paramLabel = "ZONE",
            description = "Time zone of the organization when it is created, such as Europe/Berlin"
                    + " (this machine's zone)")
    private String timeZone;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            defaultValue = "admin",
            description = "The token's name (${DEFAULT-VALUE})")
    private String tokenName;

    @Option(
            names = "--host-admin",
            description = "Let the token also enable or disable providers for every organization and read metrics")
    private boolean hostAdmin;

    @Option(names = "--config", paramLabel = "FILE", description = "Conf file (default: conf/pult-host.properties)")
    private Path configFile;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Host data holding the database (data)")
    private String dataDir;

    @Override
    public Integer call() {
        Main main = parent.main();
        PrintStream err = main.err();
        TokenRequest request;
        HostConfig config;
        try {
            request = TokenRequest.of(orgId, orgName, timeZone, ZoneId.systemDefault(), tokenName, hostAdmin);
            config = main.loadConfig(configFile, flags());
            DataDirectory.prepare(config.dataDir());
        } catch (IllegalArgumentException | ConfigException e) {
            err.println(FAILED + e.getMessage());
            return Main.EXIT_CONFIG;
        }
        Main.configureLogging(config);
        try (Database database = Database.openInDirectory(config.dataDir())) {
            issue(database, request, config, main.out());
            return 0;
        } catch (DatabaseInUseException e) {
            err.println(FAILED + "the database in '" + config.dataDir() + "' is in use by a running host."
                    + " Stop the host first, or create the token with POST /api/v1/tokens and an existing token.");
            return Main.EXIT_CONFIG;
        } catch (StoreException e) {
            err.println(FAILED + e.getMessage());
            return Main.EXIT_CONFIG;
        }
    }

    private Map<String, String> flags() {
        Map<String, String> flags = new HashMap<>();
        if (dataDir != null) {
            flags.put(HostConfigLoader.DATA_DIR, dataDir);
        }
        return flags;
    }

    private static void issue(Database database, TokenRequest request, HostConfig config, PrintStream out)
            throws StoreException {
        OrganizationStore organizations = new OrganizationStore(database);
        Optional<Organization> existing = organizations.find(request.orgId());
        Organization organization = existing.orElse(request.organization());
        if (existing.isEmpty()) {
            organizations.save(organization);
        }
        IssuedToken issued = new ApiTokens(database, organizations, Clock.systemUTC())
                .create(request.orgId(), request.tokenName(), request.hostAdmin());
        out.printf(
                "%s organization '%s' (name: %s, time zone: %s).%n",
                existing.isPresent() ? "Kept the existing" : "Created",
                organization.id(),
                organization.name(),
                organization.timeZone().getId());
        out.printf(
                "Created %sAPI token '%s' (id %s).%n",
                issued.token().hostAdmin() ? "host-admin " : "",
                issued.token().name(),
                issued.token().id());
        out.println(issued.secret());
        out.println("This token is shown only once: store it now. Start the host, then sign in to the dashboard at "
                + dashboard(config) + " with it, or send it to the admin API as 'Authorization: Bearer <token>'.");
    }

    /** The address the host serves its dashboard at, as a browser on this machine reaches it. */
    static String dashboard(HostConfig config) {
        String host = config.httpHost();
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        } else if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        String port = config.httpPort() == 0 ? "<port in its start line>" : String.valueOf(config.httpPort());
        return "http://" + host + ":" + port + "/";
    }
}
