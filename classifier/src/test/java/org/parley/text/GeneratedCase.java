package org.parley.text;

import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * One input of a property test (the {@code *PropertiesTest} classes), drawn from {@code new SplittableRandom(seed)}: the
 * seeds are fixed, so every run checks the same cases, and a case is drawn again from its seed alone. {@link #toString}
 * (the display name) gives the seed and the start of the input; {@link #describe} (for failure messages) the whole input,
 * escaped so that it can be pasted into an example test.
 *
 * @param text the input as text (a thread as its JSON), written out only for a name or a failure
 */
public record GeneratedCase<T>(long seed, T input, Function<? super T, String> text) {
    private static final int CHARS_IN_NAME = 60;

    /** {@code count} cases with seeds {@code firstSeed}, {@code firstSeed + 1}, …. */
    public static <T> Stream<GeneratedCase<T>> cases(long firstSeed, int count, Function<SplittableRandom, T> draw,
                                                    Function<? super T, String> text) {
        return LongStream.range(firstSeed, firstSeed + count).mapToObj(seed -> new GeneratedCase<>(seed, draw.apply(new SplittableRandom(seed)), text));
    }

    /** Cases of a text. */
    public static Stream<GeneratedCase<String>> texts(long firstSeed, int count, Function<SplittableRandom, String> draw) {
        return cases(firstSeed, count, draw, Function.identity());
    }

    /** The seed and the whole input, escaped, for a failure message. */
    public String describe() {
        return "seed " + seed + ", input " + escaped(text.apply(input));
    }

    @Override
    public String toString() {
        String s = text.apply(input);
        return "seed " + seed + ": " + (s.length() <= CHARS_IN_NAME ? escaped(s)
                : escaped(s.substring(0, CHARS_IN_NAME)) + "… (" + s.length() + " chars)");
    }

    /** {@code s} in quotes, with {@code \}, {@code "} and everything outside printable ASCII as Java escapes. */
    public static String escaped(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '"') out.append('\\').append(c);
            else if (c >= 0x20 && c < 0x7F) out.append(c);
            else out.append("\\u").append(Integer.toHexString(c | 0x10000).substring(1).toUpperCase());
        }
        return out.append('"').toString();
    }
}
