package com.pult.mdm.host.manual;

import com.pult.mdm.host.users.RejectedRowsException;
import com.pult.mdm.host.users.RowProblem;
import com.pult.mdm.spi.Email;
import com.pult.mdm.spi.MacAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the pasted list: one {@code email, mac_address} per line, exactly one of each (the order does not matter;
 * the field with an {@code @} is the email). Blank lines, {@code #} comments and a first line
 * {@code email, mac_address} are skipped. Every bad line is reported, and any bad line rejects the whole list.
 */
final class ManualListParser {

    private ManualListParser() {}

    /** The valid entries, or every problem. */
    static List<Entry> parse(String text) throws RejectedRowsException {
        List<Entry> entries = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        String[] lines = (text == null ? "" : text).split("\r?\n", -1);
        boolean content = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!content && isHeader(line)) {
                content = true;
                continue;
            }
            content = true;
            parseLine(i + 1, line, entries, problems);
        }
        problems.addAll(duplicates(entries));
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new RejectedRowsException(problems);
        }
        return entries;
    }

    private static boolean isHeader(String line) {
        return line.replace(" ", "").equalsIgnoreCase("email,mac_address");
    }

    private static void parseLine(int number, String line, List<Entry> entries, List<RowProblem> problems) {
        String[] fields = line.split(",", -1);
        if (fields.length != 2) {
            problems.add(new RowProblem(
                    number,
                    "Expected one email and one MAC address separated by a comma, found " + fields.length
                            + " field(s)."));
            return;
        }
        boolean firstIsEmail = fields[0].contains("@");
        if (firstIsEmail == fields[1].contains("@")) {
            problems.add(new RowProblem(
                    number,
                    firstIsEmail
                            ? "Two emails on one line; each line needs one email and one MAC address."
                            : "No email on this line; each line needs one email and one MAC address."));
            return;
        }
        String email = firstIsEmail ? fields[0] : fields[1];
        String mac = firstIsEmail ? fields[1] : fields[0];
        List<String> reasons = new ArrayList<>();
        Email parsedEmail = email(email, reasons);
        Optional<MacAddress> parsedMac = mac(mac, reasons);
        if (!reasons.isEmpty()) {
            problems.add(new RowProblem(number, String.join(" ", reasons)));
            return;
        }
        entries.add(new Entry(number, parsedEmail, parsedMac.orElseThrow()));
    }

    private static Email email(String text, List<String> reasons) {
        try {
            return Email.parse(text);
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
            return null;
        }
    }

    private static Optional<MacAddress> mac(String text, List<String> reasons) {
        try {
            Optional<MacAddress> mac = MacAddress.parseUsable(text);
            if (mac.isEmpty()) {
                reasons.add("'" + text.strip() + "' is empty or a placeholder, not a device's MAC address.");
            }
            return mac;
        } catch (IllegalArgumentException e) {
            reasons.add(e.getMessage());
            return Optional.empty();
        }
    }

    private static List<RowProblem> duplicates(List<Entry> entries) {
        Map<MacAddress, List<Integer>> lines = new LinkedHashMap<>();
        entries.forEach(entry ->
                lines.computeIfAbsent(entry.mac(), mac -> new ArrayList<>()).add(entry.line()));
        List<RowProblem> problems = new ArrayList<>();
        lines.forEach((mac, numbers) -> {
            if (numbers.size() > 1) {
                String all = numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
                numbers.forEach(number -> problems.add(new RowProblem(
                        number,
                        "MAC address " + mac + " is listed on lines " + all + "; a MAC belongs to one device.")));
            }
        });
        return problems;
    }

    /** One valid line. */
    record Entry(int line, Email email, MacAddress mac) {}
}
