package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpanExplainerTest {
    /** TOXICITY rises with each "idiot" and "moron"; everything else is neutral. Counts its calls. */
    static final class WordScorer implements Scorer {
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public float[][] score(List<String> texts) {
            batchSizes.add(texts.size());
            float[][] out = new float[texts.size()][Attribute.COUNT];
            for (int i = 0; i < texts.size(); i++) {
                String t = texts.get(i).toLowerCase();
                int hits = count(t, "idiot") + count(t, "moron");
                out[i][Attribute.TOXICITY.ordinal()] = (float) (1 / (1 + Math.exp(3 - 3 * hits)));
            }
            return out;
        }

        private static int count(String t, String w) {
            int n = 0;
            for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) n++;
            return n;
        }

        @Override
        public String name() {
            return "words";
        }
    }

    @Test
    void findsTheWordsThatDroveTheScoreWithTheirOffsets() {
        WordScorer scorer = new WordScorer();
        SpanExplainer explainer = new SpanExplainer(scorer, TextPipeline.standard(), 1.0);
        String text = "Well, you are an idiot and a moron.";
        float p = scorer.score(List.of(text))[0][0];
        List<Span> spans = explainer.explain(text, Attribute.TOXICITY, p);
        assertEquals(List.of("idiot", "moron"), spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
        assertTrue(spans.get(0).weight() > 2.5, "log-odds drop of about 3: " + spans.get(0).weight());
    }

    /** Found by SpanProperties: one raw char that cleans to several words ("\uFDFA", four Arabic words) gave four equal spans. */
    @Test
    void aCharThatCleansToSeveralWordsIsOneSpan() {
        SpanExplainer keepsAll = new SpanExplainer(new WordScorer(), TextPipeline.standard(), Double.NEGATIVE_INFINITY);
        String text = "idiot \uFDFA";
        List<Span> spans = keepsAll.explain(text, Attribute.TOXICITY, 0.9f);
        assertEquals(List.of("idiot", "\uFDFA"), spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
    }

    @Test
    void overlappingSpansAreMergedInTextOrderKeepingTheFirstWeight() {
        assertEquals(List.of(new Span(0, 4, 1f), new Span(5, 9, 3f)),
                Span.disjoint(List.of(new Span(5, 7, 3f), new Span(2, 4, 2f), new Span(0, 3, 1f), new Span(6, 9, 4f), new Span(5, 7, 5f))));
        assertEquals(List.of(), Span.disjoint(List.of()));
    }

    /** Spans that only touch ([0, 4) and [4, 6)) are two; one that ends where the one before ends is inside it. */
    @Test
    void touchingSpansStayApartAndANestedOneIsMerged() {
        assertEquals(List.of(new Span(0, 4, 1f), new Span(4, 6, 2f)), Span.disjoint(List.of(new Span(4, 6, 2f), new Span(0, 4, 1f))));
        assertEquals(List.of(new Span(0, 6, 1f)), Span.disjoint(List.of(new Span(0, 6, 1f), new Span(2, 6, 2f))));
    }

    private static SpanExplainer.Word word(int begin, float weight, float rate) {
        return new SpanExplainer.Word(new Span(begin, begin + 3, weight), rate);
    }

    /** Either threshold is reached from its value up; with neither reached, the fallback ranks by mix × weight + rate. */
    @Test
    void aWordIsKeptFromEitherThresholdUpAndTheFallbackAddsWeightAndRate() {
        List<SpanExplainer.Word> words = List.of(word(0, 1.0f, 0.1f), word(4, 0.5f, 0.5f), word(8, 0.2f, 0.2f));
        assertEquals(List.of(words.get(0).span(), words.get(1).span()), SpanExplainer.select(words, 1.0, 0.5, Double.NaN),
                "the first at the weight's threshold, the second at the rate's");
        assertEquals(List.of(), SpanExplainer.select(words, 1.01, 0.51, Double.NaN));
        // 1 × 0.5 + 0 = 0.5 against 1 × 0.1 + 0.45 = 0.55: the rate tips it (a difference would pick the first)
        List<SpanExplainer.Word> close = List.of(word(0, 0.5f, 0f), word(4, 0.1f, 0.45f));
        assertEquals(List.of(close.get(1).span()), SpanExplainer.select(close, 9, 9, 1.0));
        assertEquals(List.of(close.get(0).span()), SpanExplainer.select(close, 9, 9, 2.0), "2 × 0.5 outweighs 0.2 + 0.45");
    }

    /** A comment's words come back in text order, though occlusion groups a repeated word's occurrences together. */
    @Test
    void weighedWordsAreInTextOrder() {
        SpanExplainer explainer = new SpanExplainer(new WordScorer(), TextPipeline.standard(), 1.0);
        String text = "idiot you idiot";
        List<SpanExplainer.Word> words = explainer.weigh(List.of(text), List.of(Attribute.TOXICITY), new float[] {0.9f}).get(0);
        assertEquals(List.of(0, 6, 10), words.stream().map(w -> w.span().begin()).toList());
        assertEquals(words.get(0).span().weight(), words.get(2).span().weight(), "one word, taken out everywhere at once");
    }

    @Test
    void aRepeatedWordIsTakenOutEverywhereAtOnce() {
        WordScorer scorer = new WordScorer();
        SpanExplainer explainer = new SpanExplainer(scorer, TextPipeline.standard(), 1.0);
        String text = "Idiot! Total IDIOT.";
        float p = scorer.score(List.of(text))[0][0];
        List<Span> spans = explainer.explain(text, Attribute.TOXICITY, p);
        assertEquals(List.of("Idiot", "IDIOT"), spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
    }

    @Test
    void allCommentsGoThroughTheScorerInOneCall() {
        WordScorer scorer = new WordScorer();
        SpanExplainer explainer = new SpanExplainer(scorer, TextPipeline.standard(), 1.0);
        List<List<Span>> spans = explainer.explain(List.of("an idiot", "nice words here", "moron"),
                List.of(Attribute.TOXICITY, Attribute.TOXICITY, Attribute.TOXICITY), new float[] {0.5f, 0.05f, 0.5f});
        assertEquals(List.of(2 + 3 + 1), scorer.batchSizes);
        assertEquals(1, spans.get(0).size());
        assertTrue(spans.get(1).isEmpty());
        assertEquals(new Span(0, 5, spans.get(2).get(0).weight()), spans.get(2).get(0));
    }

    @Test
    void withNoWordOverEitherThresholdTheBestCandidateIsStillShown() {
        WordScorer scorer = new WordScorer();
        String text = "what an idiot";
        float p = scorer.score(List.of(text))[0][0];
        SpanExplainer strict = new SpanExplainer(scorer, TextPipeline.standard(), 100, SpanLexicon.empty(), 100, Double.NaN);
        assertTrue(strict.explain(text, Attribute.TOXICITY, p).isEmpty());
        SpanExplainer fallback = new SpanExplainer(scorer, TextPipeline.standard(), 100, SpanLexicon.empty(), 100, 0.3);
        List<Span> spans = fallback.explain(text, Attribute.TOXICITY, p);
        assertEquals(List.of("idiot"), spans.stream().map(s -> text.substring(s.begin(), s.end())).toList());
    }

    @Test
    void aLongCommentHasItsOcclusionCappedAndKeepsTheWordsTheLexiconRates() {
        WordScorer scorer = new WordScorer();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < SpanExplainer.MAX_OCCLUDED + 10; i++) text.append("word").append((char) ('a' + i % 26)).append(i / 26).append(' ');
        text.append("idiot");
        String t = text.toString();
        SpanLexicon lexicon = new SpanLexicon(java.util.Map.of("idiot", 0.9f));
        SpanExplainer explainer = new SpanExplainer(scorer, TextPipeline.standard(), 1.0, lexicon, 2.0, Double.NaN);
        float p = scorer.score(List.of(t))[0][0];
        scorer.batchSizes.clear();
        List<Span> spans = explainer.explain(t, Attribute.TOXICITY, p);
        assertEquals(List.of(SpanExplainer.MAX_OCCLUDED), scorer.batchSizes);
        assertEquals(List.of("idiot"), spans.stream().map(s -> t.substring(s.begin(), s.end())).toList());
        assertTrue(spans.get(0).weight() > 2.5, "the highest-rated word was occluded: " + spans.get(0).weight());
    }

    private static boolean isWord(String original) {
        return SpanExplainer.isWord(new Token(original, original, 0, original.length()));
    }

    @Test
    void aWordHasALetterOrDigitAmongItsCodePoints() {
        assertFalse(isWord(""));
        assertFalse(isWord("?!"));
        assertTrue(isWord("...a"));
        assertTrue(isWord("\u0663")); // ARABIC-INDIC DIGIT THREE
        assertFalse(SpanExplainer.isWord(new Token(TextPipeline.ALL_CAPS, "IDIOT", 0, 5)));
        // Outside the BMP: a pair is one code point, read whole.
        assertTrue(isWord("\uD835\uDC00")); // MATHEMATICAL BOLD CAPITAL A
        assertTrue(isWord("-\uD835\uDFD8")); // MATHEMATICAL DOUBLE-STRUCK DIGIT ZERO
        assertFalse(isWord("\uD83D\uDE00")); // GRINNING FACE
        // Unpaired surrogates, and a pair backwards, are no letters.
        assertFalse(isWord("\uD835"));
        assertFalse(isWord("\uDC00"));
        assertFalse(isWord("\uDC00\uD835"));
        assertTrue(isWord("\uD835a"));
    }

    @Test
    void aWordIsWhatTheCodePointStreamWouldSay() {
        // Every code point alone and after a lone high surrogate, and every surrogate pair's halves in both orders.
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String one = new String(Character.toChars(c));
            assertEquals(one.codePoints().anyMatch(Character::isLetterOrDigit), isWord(one), one);
            String after = "\uD800" + one;
            assertEquals(after.codePoints().anyMatch(Character::isLetterOrDigit), isWord(after), after);
        }
        for (char hi = Character.MIN_HIGH_SURROGATE; hi <= Character.MAX_HIGH_SURROGATE; hi += 7)
            for (char lo = Character.MIN_LOW_SURROGATE; lo <= Character.MAX_LOW_SURROGATE; lo += 5)
                for (String s : List.of("" + hi + lo, "" + lo + hi, "" + lo + hi + lo, "!" + hi))
                    assertEquals(s.codePoints().anyMatch(Character::isLetterOrDigit), isWord(s), s);
    }
}
