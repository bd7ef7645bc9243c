package com.pult.mdm.host.users;

import static com.pult.mdm.host.testsupport.SeededCases.replay;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * The checks the property tests of the row parsers (users import, manual device list) share: a clean input is
 * accepted, a bad row is rejected naming its line, and any input is accepted or rejected with problems that name a
 * line of the text and say something short; nothing else is thrown. Failure messages carry the case's seed.
 */
public final class RowParserChecks {

    private static final int LONGEST_REASON = 400;

    private RowParserChecks() {}

    /** A parser of a whole text that rejects it with its bad rows. */
    @FunctionalInterface
    public interface RowParser<T> {
        T parse(String text) throws RejectedRowsException;
    }

    /** What {@code parser} reads from {@code text}, which it must accept; {@code what} names the input. */
    public static <T> T accepted(RowParser<T> parser, String text, long seed, String what) {
        try {
            return parser.parse(text);
        } catch (RejectedRowsException e) {
            return fail("Rejected " + what + ": " + e.problems() + "; " + replay(seed, text));
        } catch (RuntimeException e) {
            return fail("Threw " + e + "; " + replay(seed, text), e);
        }
    }

    /**
     * Asserts {@code parser} rejects {@code text} with readable problems, one of them at {@code line}; {@code what}
     * names the input.
     */
    public static void assertRejectedAt(RowParser<?> parser, String text, int line, long seed, String what) {
        List<RowProblem> problems = rejected(parser, text, seed, what);
        assertTrue(
                problems.stream().anyMatch(problem -> problem.line() == line),
                () -> "expected line " + line + " in " + problems + "; " + replay(seed, text));
        assertReadable(problems, text, seed);
    }

    /** Asserts {@code parser} accepts {@code text} or rejects it with readable problems, and throws nothing else. */
    public static void assertReadOrRejectedReadably(RowParser<?> parser, String text, long seed) {
        try {
            parser.parse(text);
        } catch (RejectedRowsException e) {
            assertReadable(e.problems(), text, seed);
        } catch (RuntimeException e) {
            fail("Threw " + e + "; " + replay(seed, text), e);
        }
    }

    private static List<RowProblem> rejected(RowParser<?> parser, String text, long seed, String what) {
        try {
            parser.parse(text);
            return fail("Accepted " + what + "; " + replay(seed, text));
        } catch (RejectedRowsException e) {
            return e.problems();
        } catch (RuntimeException e) {
            return fail("Threw " + e + "; " + replay(seed, text), e);
        }
    }

    /** Every problem names a line of the text and says something in at most 400 characters. */
    private static void assertReadable(List<RowProblem> problems, String text, long seed) {
        assertFalse(problems.isEmpty(), () -> replay(seed, text));
        int lines = (int) text.chars().filter(c -> c == '\n').count() + 1;
        for (RowProblem problem : problems) {
            assertTrue(problem.line() >= 1 && problem.line() <= lines, () -> problem + "; " + replay(seed, text));
            assertFalse(problem.reason().isBlank(), () -> replay(seed, text));
            assertTrue(
                    problem.reason().length() <= LONGEST_REASON,
                    () -> "a reason of " + problem.reason().length() + " characters; " + replay(seed, text));
        }
    }
}
