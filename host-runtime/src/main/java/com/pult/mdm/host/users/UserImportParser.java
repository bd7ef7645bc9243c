package com.pult.mdm.host.users;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.pult.mdm.spi.Email;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a user import, JSON or CSV, into valid rows or the complete list of problems. Nothing here touches the
 * database; conflicts with stored users are checked by {@link UserStore}.
 *
 * <ul>
 *   <li>JSON: an array of {@code {"email": …, "name": …, "aliases": [ … ]}}; unknown fields are rejected, since
 *       a misspelt {@code "alias"} would otherwise be dropped silently.
 *   <li>CSV: a header {@code email,name} or {@code email,name,aliases} (any order, any case), aliases separated
 *       by {@code ;}. Quoted fields may hold commas and line breaks.
 * </ul>
 *
 * <p>A row without an alias field keeps the user's stored aliases; a row with one (even empty) replaces them.
 */
final class UserImportParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("email", "name", "aliases");
    private static final int MAX_NAME = 200;

    private final List<UserRow> rows = new ArrayList<>();
    private final List<RowProblem> problems = new ArrayList<>();

    private UserImportParser() {}

    /** The rows of a JSON import. */
    static List<UserRow> parseJson(String json) throws RejectedRowsException {
        UserImportParser parser = new UserImportParser();
        parser.readJson(json == null ? "" : json);
        return parser.finish();
    }

    /** The rows of a CSV import. */
    static List<UserRow> parseCsv(String csv) throws RejectedRowsException {
        UserImportParser parser = new UserImportParser();
        parser.readCsv(csv == null ? "" : stripBom(csv));
        return parser.finish();
    }

    private List<UserRow> finish() throws RejectedRowsException {
        checkDuplicates();
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new RejectedRowsException(problems);
        }
        return List.copyOf(rows);
    }

    private void readJson(String json) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                problems.add(new RowProblem(
                        1,
                        "Expected a JSON array of users such as"
                                + " [{\"email\": \"ana.lima@example.com\", \"name\": \"Ana Lima\","
                                + " \"aliases\": []}]."));
                return;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                readJsonElement(parser, token);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            problems.add(new RowProblem(line, "Not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readJsonElement(JsonParser parser, JsonToken token) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            problems.add(new RowProblem(line, "Expected an object with an email, found " + token.asString() + "."));
            return;
        }
        JsonNode node = parser.readValueAsTree();
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            problems.add(new RowProblem(line, "Unknown field(s) " + unknown + "; expected email, name, aliases."));
            return;
        }
        row(line, text(node.get("email")), text(node.get("name")), jsonAliases(line, node.get("aliases")));
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private List<String> jsonAliases(int line, JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> aliases = new ArrayList<>();
        if (!node.isArray()) {
            problems.add(new RowProblem(line, "'aliases' must be an array of emails."));
            return aliases;
        }
        node.forEach(alias -> aliases.add(alias.isTextual() ? alias.asText() : alias.toString()));
        return aliases;
    }

    private void readCsv(String csv) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        LineIndex lines = new LineIndex(csv);
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                problems.add(new RowProblem(1, "The CSV is empty; expected a header email,name[,aliases]."));
                return;
            }
            Map<String, Integer> columns = header(records.next());
            while (columns != null && records.hasNext()) {
                CSVRecord record = records.next();
                csvRow(lines.lineOf(record.getCharacterPosition()), record, columns);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv reports an unterminated quote this way; the rows read so far are still checked.
            problems.add(new RowProblem(
                    lines.lastLine(),
                    "The CSV cannot be read from this line on: a quoted field is not closed, or the text"
                            + " is not CSV. Close every quote (\"...\") and try again."));
        }
    }

    private Map<String, Integer> header(CSVRecord record) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < record.size(); i++) {
            columns.put(record.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        boolean known = FIELDS.containsAll(columns.keySet()) && columns.size() == record.size();
        if (!known || !columns.containsKey("email") || !columns.containsKey("name")) {
            problems.add(new RowProblem(
                    1,
                    "The header must be email,name or email,name,aliases; it is '" + String.join(",", record) + "'."));
            return null;
        }
        return columns;
    }

    private void csvRow(int line, CSVRecord record, Map<String, Integer> columns) {
        if (record.size() != columns.size()) {
            problems.add(new RowProblem(
                    line,
                    "The row has " + record.size() + " field(s), the header " + columns.size()
                            + "; quote a name that contains a comma."));
            return;
        }
        Integer aliasColumn = columns.get("aliases");
        List<String> aliases = aliasColumn == null ? null : splitAliases(record.get(aliasColumn));
        row(line, record.get(columns.get("email")), record.get(columns.get("name")), aliases);
    }

    private static List<String> splitAliases(String field) {
        return Arrays.stream(field.split(";"))
                .map(String::strip)
                .filter(alias -> !alias.isEmpty())
                .toList();
    }

    private void row(int line, String emailText, String name, List<String> aliasTexts) {
        List<String> reasons = new ArrayList<>();
        Email email = email(emailText, "email", reasons);
        String shownName = name == null ? "" : name.strip();
        if (shownName.length() > MAX_NAME) {
            reasons.add("The name is longer than " + MAX_NAME + " characters.");
        }
        Optional<List<Email>> aliases =
                aliasTexts == null ? Optional.empty() : Optional.of(aliases(aliasTexts, email, reasons));
        if (!reasons.isEmpty()) {
            problems.add(new RowProblem(line, String.join(" ", reasons)));
            return;
        }
        rows.add(new UserRow(line, email, shownName, aliases));
    }

    private static List<Email> aliases(List<String> texts, Email primary, List<String> reasons) {
        // A repeated alias, or the primary email repeated as an alias, is harmless and dropped.
        Set<Email> aliases = new LinkedHashSet<>();
        for (String text : texts) {
            Email alias = email(text, "alias", reasons);
            if (alias != null && !alias.equals(primary)) {
                aliases.add(alias);
            }
        }
        return List.copyOf(aliases);
    }

    private static Email email(String text, String what, List<String> reasons) {
        try {
            return Email.parse(text);
        } catch (IllegalArgumentException e) {
            reasons.add("Invalid " + what + ": " + e.getMessage());
            return null;
        }
    }

    private void checkDuplicates() {
        Map<String, Integer> firstLine = new HashMap<>();
        for (UserRow row : rows) {
            for (Email email : emailsOf(row)) {
                Integer earlier = firstLine.putIfAbsent(email.key(), row.line());
                if (earlier != null) {
                    problems.add(new RowProblem(
                            row.line(),
                            "'" + email.value() + "' is already listed on line " + earlier
                                    + "; an email belongs to one user."));
                }
            }
        }
    }

    static List<Email> emailsOf(UserRow row) {
        List<Email> emails = new ArrayList<>();
        emails.add(row.email());
        row.aliases().ifPresent(emails::addAll);
        return emails;
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Maps a character offset of the input to its 1-based line, for rows that span several lines. */
    static final class LineIndex {
        private final String text;
        private final int[] starts;

        LineIndex(String text) {
            this.text = text;
            List<Integer> offsets = new ArrayList<>();
            offsets.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    offsets.add(i + 1);
                }
            }
            starts = offsets.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long offset) {
            // A record's position may be where skipped blank lines before it begin.
            int start = (int) offset;
            while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == '\r')) {
                start++;
            }
            int found = Arrays.binarySearch(starts, start);
            return found >= 0 ? found + 1 : -found - 1;
        }

        int lastLine() {
            return starts.length;
        }
    }
}
