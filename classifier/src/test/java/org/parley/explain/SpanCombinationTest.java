package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpanCombinationTest {
    private static final String TEXT = "you stupid idiot, go away";
    private static final List<Token> TOKENS = TextPipeline.standard().tokenize(TEXT);

    private static float[] probabilities(String... words) {
        float[] p = new float[TOKENS.size()];
        for (int i = 0; i < p.length; i++) p[i] = List.of(words).contains(TOKENS.get(i).original()) ? 0.9f : 0.1f;
        return p;
    }

    private static List<String> words(List<Span> spans) {
        return spans.stream().map(s -> TEXT.substring(s.begin(), s.end())).toList();
    }

    @Test
    void tagsTheWordsAtTheThresholdWithTheTokenizersOffsets() {
        List<Span> spans = new SpanCombination(0.5, false, Double.NaN, false).select(TOKENS, probabilities("stupid", ","), List.of());
        assertEquals(List.of("stupid"), words(spans), "punctuation is never a span");
        assertEquals(new Span(4, 10, spans.get(0).weight()), spans.get(0));
        assertEquals(Math.log(0.9 / 0.1), spans.get(0).weight(), 1e-5, "weight: the tagger's log-odds");
    }

    @Test
    void theUnionAddsTheExplainersWordsOnceInTextOrderKeepingItsWeight() {
        List<Span> explained = List.of(new Span(11, 16, 3.5f), new Span(4, 10, 2f));
        List<Span> spans = new SpanCombination(0.5, true, Double.NaN, false).select(TOKENS, probabilities("stupid"), explained);
        assertEquals(List.of("stupid", "idiot"), words(spans));
        assertEquals(2f, spans.get(0).weight(), "the explainer's weight wins on a shared word");
        assertEquals(List.of(), words(new SpanCombination(0.5, false, Double.NaN, false).select(TOKENS, probabilities(), explained)));
    }

    @Test
    void theFallbackShowsTheHighestRatedWordOnlyWhenNothingReachesTheThreshold() {
        float[] p = probabilities();
        p[2] = 0.3f; // "idiot"
        assertEquals(List.of(), words(new SpanCombination(0.5, false, Double.NaN, false).select(TOKENS, p, List.of())));
        assertEquals(List.of("idiot"), words(new SpanCombination(0.5, false, 0, false).select(TOKENS, p, List.of())));
        assertEquals(List.of(), words(new SpanCombination(0.5, false, 0.35, false).select(TOKENS, p, List.of())),
                "below the fallback's floor nothing is shown: the comment may have no toxic span");
        assertEquals(List.of(), words(new SpanCombination(0.5, false, 0, false).select(List.of(), new float[0], List.of())));
    }

    /** The threshold and the fallback are reached from their values up; of two equally rated best words the first is shown. */
    @Test
    void theThresholdAndTheFallbackAreReachedAtTheirValuesAndTheFirstBestIsShown() {
        float[] p = probabilities();
        p[1] = 0.25f; // "stupid"
        p[2] = 0.25f; // "idiot"
        assertEquals(List.of("stupid", "idiot"), words(new SpanCombination(0.25, false, Double.NaN, false).select(TOKENS, p, List.of())));
        assertEquals(List.of("stupid"), words(new SpanCombination(0.5, false, 0.25, false).select(TOKENS, p, List.of())));
        p[0] = 0.25f; // "you", the first token, now among the best
        assertEquals(List.of("you"), words(new SpanCombination(0.5, false, 0.25, false).select(TOKENS, p, List.of())));
    }

    @Test
    void f1OfTheUnionOnAWorkedExample() {
        // Gold: "stupid idiot" (4..16, the space included). The tagger finds "stupid", the explainer "idiot".
        BitSet gold = new BitSet();
        gold.set(4, 16);
        List<Span> explained = List.of(new Span(11, 16, 3f));
        SpanCombination alone = new SpanCombination(0.5, false, Double.NaN, true);
        SpanCombination union = new SpanCombination(0.5, true, Double.NaN, true);
        // Alone: 6 of 12 gold chars, all predicted ones right: P 1, R 0.5, F1 2/3.
        assertEquals(2.0 / 3, f1(alone, explained, gold), 1e-9);
        // Union with gap filling: exactly the gold chars.
        assertEquals(1.0, f1(union, explained, gold), 1e-9);
        // Without gap filling the space is missed: P 1, R 11/12.
        assertEquals(2 * (11.0 / 12) / (1 + 11.0 / 12), f1(new SpanCombination(0.5, true, Double.NaN, false), explained, gold), 1e-9);
    }

    private static double f1(SpanCombination c, List<Span> explained, BitSet gold) {
        return SpanF1.f1(SpanF1.offsets(c.select(TOKENS, probabilities("stupid"), explained), TEXT, c.fillGaps()), gold);
    }
}
