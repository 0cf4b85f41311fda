package org.parley.explain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.text.HostileTexts.splitsPair;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parley.label.Attribute;
import org.parley.text.GeneratedCase;
import org.parley.text.HostileTexts;
import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

/**
 * Properties of the spans a service shows, over generated texts ({@link HostileTexts}, fixed seeds): each lies in the
 * text, they come in text order without overlapping, and none cuts a surrogate pair. Every way of choosing them is tried,
 * each set to keep every word it can (so the most spans are checked): occlusion with its fallback, the tagger's words in
 * a union with occlusion's, and a stacker. The scorer is {@link SpanExplainerTest.WordScorer}, the tagger untrained: what
 * the spans mean does not matter here, only where they lie.
 */
class SpanPropertiesTest {
    private static final SpanExplainer OCCLUSION = new SpanExplainer(new SpanExplainerTest.WordScorer(), TextPipeline.standard(),
            -1e9, SpanLexicon.standard(), 0.0, 1.0);
    private static final SpanTagger TAGGER = new SpanTagger(List.of("idiot"),
            SpanTaggerNetwork.create(3, new SpanTaggerNetwork.Config(8, 8, 3, 1, 0.01, 0.01, 0, 5)), SpanLexicon.empty(), "{}");
    private static final int F = SpanStacker.FEATURES.size();
    /** Every word at P = 0.5, the threshold: all kept. */
    private static final SpanStacker KEEPS_ALL = new SpanStacker(new double[F], ones(F), new double[F], 0, 0.5, Double.NaN, false, null);

    private static final List<TaggedExplainer> EXPLAINERS = List.of(
            TaggedExplainer.explainerOnly(OCCLUSION),
            new TaggedExplainer(OCCLUSION, TAGGER, new SpanCombination(0.0, true, Double.NaN, false)),
            TaggedExplainer.stacked(OCCLUSION, TAGGER, KEEPS_ALL));

    static Stream<GeneratedCase<String>> texts() {
        return GeneratedCase.texts(3_000, 100, r -> HostileTexts.text(r, 30));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void spansLieInTheTextInOrderWithoutOverlapping(GeneratedCase<String> c) {
        String text = c.input();
        for (TaggedExplainer explainer : EXPLAINERS) {
            List<Span> spans = explainer.explain(List.of(text), List.of(Attribute.TOXICITY), new float[] {0.9f}).get(0);
            int end = 0;
            for (int k = 0; k < spans.size(); k++) {
                Span s = spans.get(k);
                int before = end, index = k;
                Supplier<String> where = () -> s + " (span " + index + " of " + spans.size() + ", the one before ending at " + before
                        + ") in a " + text.length() + "-char text, " + c.describe();
                assertTrue(0 <= s.begin() && s.begin() < s.end() && s.end() <= text.length(), where);
                assertTrue(s.begin() >= end, () -> "out of order or overlapping: " + where.get());
                assertFalse(splitsPair(text, s.begin()) || splitsPair(text, s.end()), () -> "cuts a surrogate pair: " + where.get());
                end = s.end();
            }
        }
    }

    static Stream<GeneratedCase<String>> moreTexts() {
        return GeneratedCase.texts(4_000, 100, r -> HostileTexts.text(r, 30));
    }

    /**
     * A comment the sentence rule held gets the spans of the sentence (or window) that fired it, shifted by where that
     * begins in the comment (service core.CommentScorer): they lie inside it, in order, and cut no pair of the comment.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("moreTexts")
    void spansOfASentenceShiftedIntoTheCommentLieInsideIt(GeneratedCase<String> c) {
        String text = c.input();
        List<Token> tokens = TextPipeline.standard().tokenize(text);
        for (Sentences.Slice piece : Sentences.pieces(text, tokens, 8)) {
            Sentences.Slice s = Sentences.slice(text, tokens, piece.begin(), piece.end());
            List<Span> spans = EXPLAINERS.get(2).explain(List.of(s.text()), List.of(s.tokens()), List.of(Attribute.TOXICITY),
                    new float[] {0.9f}).get(0);
            int end = s.begin();
            for (Span span : spans) {
                int b = span.begin() + s.begin(), e = span.end() + s.begin();
                Supplier<String> where = () -> "[" + b + ", " + e + ") of sentence [" + s.begin() + ", " + s.end() + "), " + c.describe();
                assertTrue(end <= b && b < e && e <= s.end(), where);
                assertFalse(splitsPair(text, b) || splitsPair(text, e), () -> "cuts a surrogate pair: " + where.get());
                end = e;
            }
        }
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        Arrays.fill(out, 1);
        return out;
    }
}
