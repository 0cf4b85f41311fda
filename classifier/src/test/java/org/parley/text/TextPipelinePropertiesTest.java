package org.parley.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.text.HostileTexts.splitsPair;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the text pipeline over generated texts ({@link HostileTexts}, fixed seeds): it never throws, and every
 * token's offsets lie in the raw text, give its {@code original}, and cut no surrogate pair.
 */
class TextPipelinePropertiesTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();

    static Stream<GeneratedCase<String>> texts() {
        return GeneratedCase.texts(1_000, 300, r -> HostileTexts.text(r, 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void offsetsLieInTheRawTextAndCutNoSurrogatePair(GeneratedCase<String> c) {
        String raw = c.input();
        List<Token> tokens = PIPELINE.tokenize(raw);
        for (Token t : tokens) {
            assertTrue(0 <= t.begin() && t.begin() < t.end() && t.end() <= raw.length(), () -> t + " in " + c.describe());
            assertEquals(raw.substring(t.begin(), t.end()), t.original(), () -> t + " in " + c.describe());
            assertFalse(t.text().isEmpty(), () -> t + " in " + c.describe());
            assertFalse(splitsPair(raw, t.begin()), () -> t + " begins inside a surrogate pair of " + c.describe());
            assertFalse(splitsPair(raw, t.end()), () -> t + " ends inside a surrogate pair of " + c.describe());
        }
        assertEquals(PIPELINE.tokens(raw), tokens.stream().map(Token::text).toList(), c::describe);
    }

    /** Texts of 1 to 6 long runs, lexed in segments. */
    static Stream<GeneratedCase<String>> longTexts() {
        return GeneratedCase.texts(2_000, 200, HostileTexts::longTexts);
    }

    /** Texts long enough to be lexed in segments are cut where a raw char begins, never among the clean chars of one. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("longTexts")
    void segmentsAreCutBetweenRawChars(GeneratedCase<String> c) {
        CleanText clean = TextCleaner.clean(c.input());
        for (int from = 0; from < clean.text().length(); ) {
            int to = CoreNlpLexer.segmentEnd(clean, from);
            assertTrue(to > from && clean.startsRawSpan(to == clean.text().length() ? 0 : to), () -> "cut at " + to + " in " + c.describe());
            assertFalse(splitsPair(clean.text(), to), () -> "cut at " + to + " in " + c.describe());
            from = to;
        }
    }
}
