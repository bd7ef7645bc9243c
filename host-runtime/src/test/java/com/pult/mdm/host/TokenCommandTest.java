package com.pult.mdm.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.store.Database;
import com.pult.mdm.host.store.Organization;
import com.pult.mdm.host.store.OrganizationStore;
import com.pult.mdm.host.web.ApiToken;
import com.pult.mdm.host.web.ApiTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code pult-host token create}: the first API token of an organization, made while the host is stopped. */
class TokenCommandTest {

    @TempDir
    Path home;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void createsTheOrganizationAndATokenThatAuthenticates() throws Exception {
        int exit = run("token", "create", "--org", "acme", "--org-name", "Acme Corp", "--time-zone", "Europe/Berlin");

        assertEquals(0, exit, errors());
        List<String> lines = output().lines().toList();
        assertEquals("Created organization 'acme' (name: Acme Corp, time zone: Europe/Berlin).", lines.get(0));
        assertTrue(lines.get(1).startsWith("Created API token 'admin' (id "), lines.get(1));
        String secret = lines.get(2);
        assertTrue(secret.startsWith(ApiTokens.PREFIX), secret);
        assertTrue(lines.get(3).contains("shown only once"), lines.get(3));
        assertTrue(lines.get(3).contains("http://127.0.0.1:8080/"), lines.get(3));
        assertTrue(lines.get(3).contains("'Authorization: Bearer <token>'"), lines.get(3));
        assertEquals(4, lines.size(), output());
        assertEquals(1, output().split(secret, -1).length - 1, "the secret is printed once");
        assertEquals("", errors());
        try (Database database = Database.openInDirectory(home.resolve("data"))) {
            Organization acme = new OrganizationStore(database).find("acme").orElseThrow();
            assertEquals("Acme Corp", acme.name());
            assertEquals(ZoneId.of("Europe/Berlin"), acme.timeZone());
            ApiToken token = tokens(database).authenticate(secret).orElseThrow();
            assertEquals("acme", token.orgId());
            assertEquals("admin", token.name());
            assertFalse(token.hostAdmin());
        }
    }

    @Test
    void aSecondRunAddsASecondTokenAndKeepsTheOrganization() throws Exception {
        assertEquals(0, run("token", "create", "--org", "acme", "--org-name", "Acme Corp", "--time-zone", "UTC"));
        String first = secret();
        out.reset();

        int exit = run("token", "create", "--org", "acme", "--org-name", "Other", "--name", "ops", "--host-admin");

        assertEquals(0, exit, errors());
        String second = secret();
        assertTrue(output().startsWith("Kept the existing organization 'acme' (name: Acme Corp, time zone: UTC)."));
        assertTrue(output().contains("Created host-admin API token 'ops'"), output());
        try (Database database = Database.openInDirectory(home.resolve("data"))) {
            assertEquals(
                    "Acme Corp",
                    new OrganizationStore(database).find("acme").orElseThrow().name());
            ApiTokens tokens = tokens(database);
            assertEquals(2, tokens.list("acme").size());
            assertEquals("admin", tokens.authenticate(first).orElseThrow().name());
            assertTrue(tokens.authenticate(second).orElseThrow().hostAdmin());
        }
    }

    @Test
    void aNewOrganizationIsNamedByItsIdInThisMachinesZone() throws Exception {
        assertEquals(0, run("token", "create", "--org", "globex-eu"));

        try (Database database = Database.openInDirectory(home.resolve("data"))) {
            Organization globex =
                    new OrganizationStore(database).find("globex-eu").orElseThrow();
            assertEquals("globex-eu", globex.name());
            assertEquals(ZoneId.systemDefault(), globex.timeZone());
        }
    }

    @Test
    void anUnknownZoneGivesOneLineAndExitCodeTwoAndWritesNothing() {
        int exit = run("token", "create", "--org", "acme", "--time-zone", "Mars/Olympus");

        assertEquals(2, exit);
        assertEquals(
                "Cannot create the token: 'Mars/Olympus' is not a time zone: use a region such as Europe/Berlin or"
                        + " America/New_York, or UTC",
                errors().strip());
        assertEquals("", output());
        assertFalse(Files.exists(home.resolve("data")), "nothing is written");
    }

    @Test
    void aBadOrganizationIdOrTokenNameGivesOneLineAndExitCodeTwo() {
        for (String[] args : List.of(
                new String[] {"--org", "Acme Corp"},
                new String[] {"--org", "-acme"},
                new String[] {"--org", "a".repeat(65)},
                new String[] {"--org", "acme", "--name", " "},
                new String[] {"--org", "acme", "--org-name", ""})) {
            err.reset();

            int exit = run(concat(new String[] {"token", "create"}, args));

            assertEquals(2, exit, String.join(" ", args));
            assertEquals(1, errors().lines().count(), errors());
            assertTrue(errors().startsWith("Cannot create the token: "), errors());
        }
        assertFalse(Files.exists(home.resolve("data")), "nothing is written");
    }

    @Test
    void aDataDirectoryThatCannotBeWrittenGivesOneLineAndExitCodeTwo() throws Exception {
        Path blocker = Files.writeString(home.resolve("not-a-folder"), "x");

        int exit = run(
                "token",
                "create",
                "--org",
                "acme",
                "--data-dir",
                blocker.resolve("data").toString());

        assertEquals(2, exit);
        assertEquals(1, errors().lines().count(), errors());
        assertTrue(errors().startsWith("Cannot create the token: data directory '"), errors());
        assertTrue(errors().contains("is not writable"), errors());
    }

    @Test
    void honoursTheConfFileAndTheDataDirGivenBeforeOrAfterTheSubcommand() throws Exception {
        Path conf = Files.writeString(
                home.resolve("other.properties"), "data.dir=conf-data\nhttp.host=10.1.2.3\nhttp.port=9090\n");

        assertEquals(0, run("token", "create", "--org", "acme", "--config", conf.toString()));
        assertTrue(output().contains("http://10.1.2.3:9090/"), output());
        assertEquals(0, run("--config", conf.toString(), "token", "create", "--org", "before"));
        assertEquals(0, run("--data-dir", "flag-data", "token", "create", "--org", "flag-before"));
        assertEquals(0, run("token", "create", "--org", "flag-after", "--data-dir", "flag-data"));

        assertEquals(List.of("acme", "before"), organizations(home.resolve("conf-data")));
        assertEquals(List.of("flag-after", "flag-before"), organizations(home.resolve("flag-data")));
        assertFalse(Files.exists(home.resolve("data")), "the default data directory is untouched");
    }

    @Test
    void aDatabaseInUseByARunningHostGivesStopTheHostFirstAndExitCodeTwo() throws Exception {
        try (HostInOtherProcess running = HostInOtherProcess.start(home)) {
            int exit = run("token", "create", "--org", "acme");

            assertEquals(2, exit);
            assertEquals(
                    "Cannot create the token: the database in '"
                            + home.resolve("data").toAbsolutePath().normalize()
                            + "' is in use by a running host. Stop the host first, or create the token with"
                            + " POST /api/v1/tokens and an existing token.",
                    errors().strip());
            assertEquals("", output());
            assertTrue(running.isAlive(), "the running host is left alone");
        }
        assertEquals(List.of(), organizations(home.resolve("data")), "nothing was written");
    }

    @Test
    void tokenWithoutASubcommandShowsTheUsageAndExitCodeTwo() {
        ByteArrayOutputStream usage = new ByteArrayOutputStream();
        CommandLine command = command();
        command.setErr(new PrintWriter(usage, true, StandardCharsets.UTF_8));

        int exit = command.execute("token");

        assertEquals(2, exit);
        assertTrue(usage.toString(StandardCharsets.UTF_8).contains("create"), usage.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpOfTheHostNamesTheTokenCommand() {
        assertTrue(command().getUsageMessage().contains("token"));
        String usage = command()
                .getSubcommands()
                .get("token")
                .getSubcommands()
                .get("create")
                .getUsageMessage();
        for (String flag : new String[] {"--org", "--org-name", "--time-zone", "--name", "--host-admin", "--config"}) {
            assertTrue(usage.contains(flag), usage);
        }
    }

    private int run(String... args) {
        return command().execute(args);
    }

    private CommandLine command() {
        return new CommandLine(new Main(
                home,
                Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String secret() {
        Optional<String> secret = output().lines()
                .filter(line -> line.startsWith(ApiTokens.PREFIX))
                .findFirst();
        return secret.orElseThrow(() -> new AssertionError("no secret in: " + output()));
    }

    private static ApiTokens tokens(Database database) {
        return new ApiTokens(database, new OrganizationStore(database), Clock.systemUTC());
    }

    private static List<String> organizations(Path dataDir) throws Exception {
        try (Database database = Database.openInDirectory(dataDir)) {
            return new OrganizationStore(database)
                    .list().stream().map(Organization::id).toList();
        }
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
