package com.pult.mdm.host.users;

import static com.pult.mdm.host.testsupport.SeededCases.pick;
import static com.pult.mdm.host.testsupport.SeededCases.replay;
import static com.pult.mdm.host.users.RowParserChecks.accepted;
import static com.pult.mdm.host.users.RowParserChecks.assertReadOrRejectedReadably;
import static com.pult.mdm.host.users.RowParserChecks.assertRejectedAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pult.mdm.host.testsupport.SeededCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random user imports, CSV and JSON, built from a model of users so the expected outcome is known: a clean file
 * is read exactly as the model (emails, names, aliases, the line each row starts on) whatever its quoting, line
 * breaks, BOM and blank lines; a file with one planted fault is rejected as a whole with that row's line; garbage
 * is rejected with lines inside the file; nothing throws anything else. The seed of a failing case is in the
 * failure message.
 */
class UserImportPropertiesTest {

    private static final long BASE_SEED = 0x55736572L;
    private static final int CASES = 3_000;

    @Test
    void aCleanCsvIsReadExactlyAsWrittenWithTheLineEachRowStartsOn() throws Exception {
        SeededCases.check(BASE_SEED, CASES, (seed, random) -> {
            List<Person> people = people(random);
            CsvFile file = csv(random, people, -1);

            List<UserRow> rows = accepted(UserImportParser::parseCsv, file.text(), seed, "a clean import");

            assertEquals(people.size(), rows.size(), () -> replay(seed, file.text()));
            for (int row = 0; row < rows.size(); row++) {
                assertRow(people.get(row), file.lines().get(row), rows.get(row), seed, file.text());
            }
        });
    }

    @Test
    void aCsvWithOneBadRowIsRejectedWholeNamingThatRowsLine() throws Exception {
        SeededCases.check(BASE_SEED * 7, CASES, (seed, random) -> {
            List<Person> people = people(random);
            int bad = random.nextInt(people.size());
            CsvFile file = csv(random, people, bad);

            assertRejectedAt(
                    UserImportParser::parseCsv, file.text(), file.lines().get(bad), seed, "an import with a bad row");
        });
    }

    @Test
    void garbageCsvIsReadOrRejectedWithLinesInsideTheFile() throws Exception {
        SeededCases.check(BASE_SEED * 13, CASES, (seed, random) -> {
            String text = garbled(random, csv(random, people(random), -1).text());
            assertReadOrRejectedReadably(UserImportParser::parseCsv, text, seed);
        });
    }

    @Test
    void aCleanJsonIsReadExactlyAndGarbageIsRejectedWithLines() throws Exception {
        SeededCases.check(BASE_SEED * 17, CASES, (seed, random) -> {
            List<Person> people = people(random);
            String json = json(people);

            List<UserRow> rows = accepted(UserImportParser::parseJson, json, seed, "a clean import");

            assertEquals(people.size(), rows.size(), () -> replay(seed, json));
            for (int row = 0; row < rows.size(); row++) {
                assertEquals(people.get(row).email(), rows.get(row).email().value(), () -> replay(seed, json));
                assertEquals(people.get(row).name(), rows.get(row).name(), () -> replay(seed, json));
            }
            assertReadOrRejectedReadably(UserImportParser::parseJson, garbled(random, json), seed);
        });
    }

    private static void assertRow(Person person, int line, UserRow row, long seed, String text) {
        assertEquals(line, row.line(), () -> replay(seed, text));
        assertEquals(person.email(), row.email().value(), () -> replay(seed, text));
        assertEquals(person.name(), row.name(), () -> replay(seed, text));
        assertEquals(
                person.aliases(),
                row.aliases()
                        .map(emails ->
                                emails.stream().map(email -> email.value()).toList()),
                () -> replay(seed, text));
    }

    /** A person of the model: distinct emails, a name that may need quoting, aliases or no alias field. */
    private record Person(String email, String name, Optional<List<String>> aliases) {}

    private static List<Person> people(SplittableRandom random) {
        int size = 1 + random.nextInt(8);
        boolean withAliases = random.nextBoolean();
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<String> aliases = new ArrayList<>();
            int count = random.nextInt(3);
            for (int a = 0; a < count; a++) {
                aliases.add("alias" + a + ".user" + i + "@example.com");
            }
            people.add(new Person(
                    (random.nextBoolean() ? "User" : "user") + i + "." + random.nextInt(1000) + "@example.com",
                    name(random),
                    withAliases ? Optional.of(aliases) : Optional.empty()));
        }
        return people;
    }

    private static String name(SplittableRandom random) {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> "Lima, Ana";
            case 2 -> "Ana \"Nina\" Lima";
            case 3 -> "Ana\nLima";
            case 4 -> "Ana\r\nLima, \"Jr.\"";
            case 5 -> "Zoë 中文 \ud83d\ude00";
            case 6 -> "x".repeat(200);
            default -> "Ana Lima";
        };
    }

    /** The CSV text and the line each person's row starts on. */
    private record CsvFile(String text, List<Integer> lines) {}

    /**
     * Writes the people as CSV with random quoting, line ends, BOM and blank lines; the row at {@code bad} (or none
     * when negative) gets one fault: an invalid email, a missing or extra field, a duplicate email or a long name.
     */
    private static CsvFile csv(SplittableRandom random, List<Person> people, int bad) {
        boolean aliases = people.get(0).aliases().isPresent();
        String end = random.nextBoolean() ? "\n" : "\r\n";
        StringBuilder text = new StringBuilder(random.nextInt(4) == 0 ? "\uFEFF" : "");
        text.append(aliases ? (random.nextBoolean() ? "email,name,aliases" : "Aliases,EMAIL,Name") : "email,name");
        boolean aliasesFirst = aliases && text.toString().contains("Aliases,EMAIL");
        text.append(end);
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            while (random.nextInt(5) == 0) {
                text.append(end);
            }
            lines.add(lineAt(text));
            Person person = people.get(i);
            String email = person.email();
            String name = person.name();
            String aliasField = String.join(";", person.aliases().orElse(List.of()));
            int fault = i == bad ? random.nextInt(5) : -1;
            if (fault == 0) {
                email = pick(random, "ana@", "not an email", "", "a@@example.com", "ana@example");
            } else if (fault == 3) {
                // A repeated email is reported on the later row; the first row repeats nothing, so it gets a bad one.
                email = i == 0 ? "bad email" : people.get(i - 1).email().toUpperCase(Locale.ROOT);
            } else if (fault == 4) {
                name = "n".repeat(201 + random.nextInt(10_000));
            }
            List<String> fields = new ArrayList<>();
            if (aliasesFirst) {
                fields.addAll(List.of(aliasField, email, name));
            } else {
                fields.addAll(aliases ? List.of(email, name, aliasField) : List.of(email, name));
            }
            if (fault == 1) {
                fields.remove(fields.size() - 1);
            } else if (fault == 2) {
                fields.add("extra");
            }
            text.append(String.join(
                    ",", fields.stream().map(field -> quoted(random, field)).toList()));
            text.append(end);
        }
        return new CsvFile(text.toString(), lines);
    }

    private static int lineAt(StringBuilder text) {
        return (int) text.chars().filter(c -> c == '\n').count() + 1;
    }

    private static String quoted(SplittableRandom random, String field) {
        boolean needs = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return needs || random.nextInt(4) == 0 ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    private static String json(List<Person> people) {
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            json.append(i == 0 ? "" : ",\n")
                    .append("{\"email\": \"")
                    .append(person.email())
                    .append("\", \"name\": \"")
                    .append(person.name()
                            .replace("\\", "\\\\")
                            .replace("\"", "\\\"")
                            .replace("\n", "\\n")
                            .replace("\r", "\\r"))
                    .append('"');
            person.aliases()
                    .ifPresent(aliases -> json.append(", \"aliases\": [")
                            .append(String.join(
                                    ", ",
                                    aliases.stream().map(a -> "\"" + a + "\"").toList()))
                            .append(']'));
            json.append('}');
        }
        return json.append("\n]").toString();
    }

    /** Truncation, inserted quotes, commas and line breaks, random characters, or random text. */
    private static String garbled(SplittableRandom random, String text) {
        int at = random.nextInt(text.length());
        return switch (random.nextInt(6)) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + "\"" + text.substring(at);
            case 2 ->
                text.substring(0, at) + pick(random, ",", "\n", "\r", ",,,", "\n\n\"", "\u0000") + text.substring(at);
            case 3 -> text.substring(0, at) + (char) random.nextInt(0, 0xD800) + text.substring(at);
            case 4 -> "\uFEFF" + text.replace("\n", random.nextBoolean() ? "\r" : "\n \n");
            default -> {
                StringBuilder noise = new StringBuilder();
                int length = random.nextInt(200);
                for (int i = 0; i < length; i++) {
                    noise.append(pick(random, "\"", ",", "\n", "\r\n", "a", "@", ";", " ", "é", "x@example.com"));
                }
                yield noise.toString();
            }
        };
    }
}
