package com.pult.mdm.host.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pult.mdm.host.match.HostFixture;
import com.pult.mdm.host.match.HostFixtureBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PultUsersTest extends HostFixtureBase {

    private static final String ORG = HostFixture.ORG;

    private PultUsers users;

    @BeforeEach
    void open() throws Exception {
        users = host.users;
    }

    @Test
    void aJsonImportCreatesUsersWithTheirListedAliases() throws Exception {
        users.importJson(ORG, """
                [{"email": "ana.lima@example.com", "name": "Ana Lima", "aliases": ["ana@example.com"]},
                 {"email": "bo.chen@example.com", "name": "Bo Chen"}]""");

        List<PultUser> all = users.list(ORG);
        assertEquals(2, all.size());
        assertEquals(List.of("ana@example.com"), all.get(0).aliases());
        assertEquals(List.of(), all.get(1).aliases());
    }

    @Test
    void aCsvImportReadsQuotedFieldsWithCommasAndAliasesSeparatedBySemicolons() throws Exception {
        users.importCsv(ORG, """
                email,name,aliases
                ana.lima@example.com,"Lima, Ana",ana@example.com; a.lima@example.com
                """);

        PultUser ana = users.list(ORG).get(0);
        assertEquals("Lima, Ana", ana.name());
        assertEquals(List.of("a.lima@example.com", "ana@example.com"), ana.aliases());
    }

    @Test
    void anImportUpdatesTheUserWithTheSameEmailIgnoringCase() throws Exception {
        users.importCsv(ORG, "email,name\nben@example.com,Ben\n");
        String id = users.list(ORG).get(0).id();

        PultUsers.ImportSummary summary = users.importCsv(ORG, "email,name\nBEN@Example.com,Ben Ortiz\n");

        assertEquals(new PultUsers.ImportSummary(0, 1), summary);
        assertEquals(1, users.list(ORG).size());
        assertEquals("Ben Ortiz", users.list(ORG).get(0).name());
        assertEquals(id, users.list(ORG).get(0).id());
    }

    @Test
    void aRowWithoutAnAliasFieldKeepsTheStoredAliasesAndAnEmptyOneClearsThem() throws Exception {
        users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"aliases\": [\"ana@example.com\"]}]");

        users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"name\": \"Ana\"}]");
        assertEquals(List.of("ana@example.com"), users.list(ORG).get(0).aliases());

        users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"aliases\": []}]");
        assertEquals(List.of(), users.list(ORG).get(0).aliases());
    }

    @Test
    void anAliasThatIsAnotherUsersEmailIsRejected() throws Exception {
        users.importCsv(ORG, "email,name\nbo.chen@example.com,Bo\n");

        RejectedRowsException rejected = assertThrows(
                RejectedRowsException.class,
                () -> users.importCsv(ORG, "email,name,aliases\nana.lima@example.com,Ana,BO.CHEN@example.com\n"));

        assertEquals(2, rejected.problems().get(0).line());
        assertTrue(rejected.problems().get(0).reason().contains("already an email of bo.chen@example.com"));
        assertEquals(1, users.list(ORG).size());
    }

    @Test
    void anAliasMayMoveToAnotherUserWhenTheSameBatchReleasesIt() throws Exception {
        users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"aliases\": [\"desk@example.com\"]}]");

        users.importJson(ORG, """
                [{"email": "ana.lima@example.com", "aliases": []},
                 {"email": "bo.chen@example.com", "aliases": ["desk@example.com"]}]""");

        assertEquals(
                "bo.chen@example.com",
                users.directory(ORG).byEmail("desk@example.com").orElseThrow().email());
    }

    @Test
    void aBatchWithAnyBadRowWritesNothingAndListsEveryBadRow() throws Exception {
        RejectedRowsException rejected = assertThrows(RejectedRowsException.class, () -> users.importCsv(ORG, """
                email,name
                ana.lima@example.com,Ana
                not-an-email,Broken
                bo.chen@example.com,Bo
                ,Nobody
                """));

        assertEquals(
                List.of(3, 5),
                rejected.problems().stream().map(RowProblem::line).toList());
        assertTrue(users.list(ORG).isEmpty());
    }

    @Test
    void csvLineNumbersCountLinesOfQuotedFieldsAndBlankLines() throws Exception {
        RejectedRowsException rejected = assertThrows(
                RejectedRowsException.class,
                () -> users.importCsv(ORG, "email,name\nana.lima@example.com,\"Ana\nLima\"\n\nbroken,Bo\n"));

        assertEquals(5, rejected.problems().get(0).line());
    }

    @Test
    void theSameEmailTwiceInOneBatchIsRejectedNamingTheFirstLine() throws Exception {
        RejectedRowsException rejected = assertThrows(
                RejectedRowsException.class,
                () -> users.importCsv(ORG, "email,name\nana.lima@example.com,Ana\nANA.LIMA@example.com,Ana again\n"));

        assertEquals(3, rejected.problems().get(0).line());
        assertTrue(rejected.problems().get(0).reason().contains("line 2"));
    }

    @Test
    void jsonRowsAreRejectedWithTheLineTheyStartOnAndUnknownFieldsAreNamed() throws Exception {
        RejectedRowsException rejected = assertThrows(RejectedRowsException.class, () -> users.importJson(ORG, """
                [
                  {"email": "ana.lima@example.com"},
                  {"email": "bo.chen@example.com", "alias": ["bo@example.com"]},
                  {"email": "typo"}
                ]"""));

        assertEquals(
                List.of(3, 4),
                rejected.problems().stream().map(RowProblem::line).toList());
        assertTrue(rejected.problems().get(0).reason().contains("alias"));
        assertTrue(users.list(ORG).isEmpty());
    }

    @Test
    void aCsvHeaderMustNameEmailAndName() {
        RejectedRowsException rejected = assertThrows(
                RejectedRowsException.class, () -> users.importCsv(ORG, "mail,name\nana.lima@example.com,Ana\n"));

        assertEquals(1, rejected.problems().get(0).line());
    }

    @Test
    void deletingAUserRemovesItsAliasesToo() throws Exception {
        users.importJson(ORG, "[{\"email\": \"ana.lima@example.com\", \"aliases\": [\"ana@example.com\"]}]");

        assertTrue(users.delete(ORG, "ANA.LIMA@example.com"));

        assertTrue(users.list(ORG).isEmpty());
        assertTrue(users.directory(ORG).byEmail("ana@example.com").isEmpty());
        assertFalse(users.delete(ORG, "ana.lima@example.com"));
    }

    @Test
    void usersOfOneOrganizationAreInvisibleToAnother() throws Exception {
        host.organizations.save(new com.pult.mdm.host.store.Organization(
                "globex",
                "Globex",
                java.time.ZoneId.of("UTC"),
                com.pult.mdm.host.store.Organization.AuthPolicy.PRESELECT));
        users.importCsv(ORG, "email,name\nana.lima@example.com,Ana\n");

        users.importCsv("globex", "email,name\nana.lima@example.com,Other Ana\n");

        assertEquals("Ana", users.list(ORG).get(0).name());
        assertEquals("Other Ana", users.list("globex").get(0).name());
    }

    @Test
    void case12EmailsResolveByExactCaseInsensitiveEqualityOnly() throws Exception {
        users.importCsv(ORG, "email,name\nbenjamin.ortiz@example.com,Benjamin\nben@example.com,Ben\n");
        UserDirectory directory = users.directory(ORG);
        Map<String, String> expected = Map.of(
                "ben@example.com", "ben@example.com",
                "BENJAMIN.ORTIZ@example.com", "benjamin.ortiz@example.com");

        expected.forEach(
                (owner, user) -> assertEquals(user, directory.find(owner).email(), owner));
        assertNull(directory.find("benj@example.com"));
    }

    @Test
    void case07ATypoFindsNoUserRatherThanTheClosestOne() throws Exception {
        users.importCsv(ORG, "email,name\nana.lima@example.com,Ana\n");

        assertTrue(users.directory(ORG).byEmail("ana.lmia@example.com").isEmpty());
    }

    @Test
    void aliasesAreNeverGuessedFromTheLocalPartOrDomain() throws Exception {
        users.importCsv(ORG, "email,name\nana.lima@example.com,Ana\n");

        assertTrue(users.directory(ORG).byEmail("ana.lima@example.org").isEmpty());
        assertTrue(users.directory(ORG).byEmail("ana@example.com").isEmpty());
    }

    @Test
    void importingIntoAnUnknownOrganizationIsRefusedByNameAndWritesNothing() throws Exception {
        RejectedRowsException error = assertThrows(
                RejectedRowsException.class, () -> host.users.importCsv("nope", "email,name\nana@example.com,Ana\n"));

        assertTrue(error.getMessage().contains("No organization 'nope'"), error.getMessage());
        assertTrue(host.users.list("nope").isEmpty());
    }
}
