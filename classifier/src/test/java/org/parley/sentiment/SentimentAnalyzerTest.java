package org.parley.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parley.targets.NlpModels;

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
    void nothingToParseIsNeutral() {
        assertEquals(Sentiment.Label.NEUTRAL, analyzer.analyse("   ").label());
    }
}
