package com.pult.mdm.host.testsupport;

import java.util.SplittableRandom;

/**
 * Runs a property over a series of seeded random cases. Each case gets a {@link SplittableRandom} of its own seed, so
 * a failure message that names the seed ({@link #replay(long)}) replays exactly that case.
 */
public final class SeededCases {

    private static final int SHOWN_INPUT = 300;

    private SeededCases() {}

    /** One case of a property: its seed and the generator made from it. */
    @FunctionalInterface
    public interface Property {
        void check(long seed, SplittableRandom random) throws Exception;
    }

    /** Checks {@code property} for the seeds {@code firstSeed} to {@code firstSeed + cases - 1}, in that order. */
    public static void check(long firstSeed, int cases, Property property) throws Exception {
        for (int i = 0; i < cases; i++) {
            long seed = firstSeed + i;
            property.check(seed, new SplittableRandom(seed));
        }
    }

    /** The part of a failure message that names the seed to replay the case with. */
    public static String replay(long seed) {
        return "replay with seed " + seed + "L";
    }

    /** The seed and the case's input text: its first 300 characters, line breaks shown as escapes. */
    public static String replay(long seed, String input) {
        String shown = input.length() <= SHOWN_INPUT ? input : input.substring(0, SHOWN_INPUT) + "…";
        return replay(seed) + "; input: " + shown.replace("\n", "\\n").replace("\r", "\\r");
    }

    /** One of {@code values}, chosen by {@code random}. */
    @SafeVarargs
    public static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
