package org.parley.sentiment;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.text.NlpModels;

class SentimentAnalyzerTest {
    static SentimentAnalyzer analyzer;

    @BeforeAll
    static void load() {
        assertTrue(NlpModels.available(), "the CoreNLP models jar, a dependency of this module, is not on the class path");
        analyzer = new SentimentAnalyzer();
    }

    @Test
    void clearlyPositiveAndNegativeComments() {
        Sentiment good = analyzer.analyse("This is a wonderful, thoughtful article. I loved it.");
        Sentiment bad = analyzer.analyse("This is a terrible, stupid and dishonest article.");
        assertTrue(good.label().ordinal() > Sentiment.Label.NEUTRAL.ordinal(), good.toString());
        assertTrue(bad.label().ordinal() < Sentiment.Label.NEUTRAL.ordinal(), bad.toString());
        assertEquals(1.0, good.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    }

    @Test
    void charactersTheTokenizerCannotReadAreDroppedAsBefore() {
        // CoreNLP's default drops them too, but logs the first of each comment; this pipeline does not log.
        assertEquals(analyzer.analyse("This is a wonderful article."), analyzer.analyse("This is a \u0007wonderful article.\u0001"));
    }

    @Test
    void aCommentIsReadWithinTheParseBudget() {
        String ten = "the government should never have sent our soldiers there . ";  // 10 tokens a sentence
        java.util.List<int[]> read = SentimentAnalyzer.chosen(ten.repeat(2000));
        assertEquals(SentimentAnalyzer.BUDGET / 100, read.size(), "sixteen sentences of ten tokens, not 2,000");
        String long41 = "word ".repeat(40) + ". ";
        // 41 tokens read as pieces of 21 and 20 (841): a second such sentence has room for its first piece only.
        assertEquals(3, SentimentAnalyzer.chosen(long41 + long41).size(), "a sentence over 40 tokens is read in pieces");
        assertEquals(3, SentimentAnalyzer.chosen(long41 + ten).size(), "and the next one still read");
        assertEquals(1, SentimentAnalyzer.chosen("word ".repeat(10_000)).size(), "one piece of 40 spends the whole budget");
        for (String odd : new String[] {"&".repeat(20_000), "a".repeat(20_000), "a ".repeat(10_000)})
            for (int[] s : SentimentAnalyzer.chosen(odd))
                assertTrue(s[1] - s[0] <= SentimentAnalyzer.MAX_SENTENCE_CHARS, "only short runs reach the parser: " + (s[1] - s[0]));
    }

    /** 20,480 characters took two minutes, and a text without sentence breaks overflowed the parser's stack (a 500). */
    @Test
    void theLongestCommentsAreReadWithoutOverflowing() {
        for (String text : new String[] {"a ".repeat(10_240), "\"".repeat(20_480), ("This is a terrible and dishonest article. ").repeat(480)}) {
            Sentiment s = analyzer.analyse(text.substring(0, Math.min(text.length(), 20_480)));
            double total = s.probabilities().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(s.sentences() == 0 ? 0.0 : 1.0, total, 1e-6, "probabilities exactly when sentences were read");
        }
        assertTrue(analyzer.analyse(("This is a terrible and dishonest article. ").repeat(480)).label().ordinal()
                < Sentiment.Label.NEUTRAL.ordinal(), "the sentences read say what the comment says");
    }

    /** An audit found a 43-word hateful sentence answered "NEUTRAL, 1.0": skipped, and then reported as a certain reading. */
    @Test
    void nothingReadGivesNoLabelRatherThanACertainNeutral() {
        for (String text : new String[] {"   ", "x".repeat(SentimentAnalyzer.MAX_SENTENCE_CHARS + 1)}) {
            Sentiment s = analyzer.analyse(text);
            assertEquals(0, s.sentences(), text);
            assertNull(s.label(), text);
            assertTrue(s.probabilities().isEmpty(), text);
        }
    }

    /**
     * A stance integrator's review (thirty-ninth session): seed 001's comment 349 is one sentence of 46 tokens, past the
     * 40 the parse takes, so it was skipped and the comment had no sentiment at all. It is read as two pieces now, cut at
     * a comma near its middle, and so is the 43-word sentence above (cut before "and").
     */
    @Test
    void aSentenceOfOver40TokensIsReadInPieces() {
        String c349 = "Does this mean we can expect Australia, Canada, France, Italy, Japan, Republic of Korea, Saudi Arabia, Spain, "
                + "Turkey and the UK to join in this fight or is the US picking up this tab alone again.";
        String long43 = "those people are all the same and they should never have been let into this country because they ruin every "
                + "single town they move into and everyone knows it but nobody dares to say it out loud these days and that is the plain truth";
        assertEquals(java.util.List.of("Does this mean we can expect Australia, Canada, France, Italy, Japan, Republic of Korea, Saudi Arabia,",
                        "Spain, Turkey and the UK to join in this fight or is the US picking up this tab alone again."),
                SentimentAnalyzer.chosen(c349).stream().map(s -> c349.substring(s[0], s[1])).toList());
        for (String text : new String[] {c349, long43}) {
            Sentiment s = analyzer.analyse(text);
            assertEquals(2, s.sentences(), text);
            assertNotNull(s.label(), text);
            assertEquals(1.0, s.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        }
        assertTrue(analyzer.analyse(long43).label().ordinal() < Sentiment.Label.NEUTRAL.ordinal(), "the hateful sentence reads negative");
    }

    /**
     * Comment 363 of seed 001: five paragraphs, no full stop. Read as one sentence of over 40 tokens it was
     * over the limit and skipped, so the comment had no sentiment at all (a helper's audit).
     */
    @Test
    void paragraphsWithoutFullStopsAreReadAsSentences() {
        String c363 = "As an American, everyone here I know is against intervention in Syria\n\nAll Americans want to do is watch "
                + "American football, drink beer and eat American or Canadian chicken processed in America\n(not Chinese chicken "
                + "imported here which USDA just approved)\n\nAmericans don't want anything to do w/ Syria-\nits just Obama who "
                + "does\n\nWe can't stop him\n\nObama has turned into Frankenstein";
        assertEquals(5, SentimentAnalyzer.chosen(c363).size());
        Sentiment s = analyzer.analyse(c363);
        assertEquals(5, s.sentences());
        assertNotNull(s.label());
    }
}
