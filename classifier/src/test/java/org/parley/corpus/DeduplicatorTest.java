package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.parley.corpus.Fixtures.assertLabels;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.THREAT;
import static org.parley.label.Attribute.TOXICITY;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.label.Labels;

class DeduplicatorTest {
    private static Example ex(String source, String text, Labels labels) {
        return new Example(source, source + "-1", text, labels);
    }

    @Test
    void laterLabelsFillGapsAndConflictsAreAveraged() {
        Example a = ex("a", "You are  an IDIOT", Labels.of(Map.of(TOXICITY, 1)));
        Example b = ex("b", "other text", Labels.of(Map.of(TOXICITY, 0)));
        Example c = ex("c", " you are an idiot\n", Labels.of(Map.of(INSULT, 1, TOXICITY, 0)));
        Example d = ex("d", "you\u00a0are an idiot", Labels.of(Map.of(TOXICITY, 0.5, INSULT, 1)));

        Deduplicator.Result r = Deduplicator.merge(List.of(a, b, c, d));

        assertEquals(2, r.merged());
        assertEquals(2, r.examples().size());
        Example kept = r.examples().get(0);
        assertEquals("a", kept.source());
        assertEquals("You are  an IDIOT", kept.text());
        assertLabels(kept, INSULT, 1); // TOXICITY: 1, 0 and 0.5, an even split, unlabelled; INSULT filled in by c and d
        assertSame(b, r.examples().get(1), "a text seen once is passed through unchanged");
    }

    @Test
    void aTextWhoseEveryLabelIsAnEvenSplitIsDropped() {
        Example a = ex("olid", "@USER Sexy", Labels.of(Map.of(INSULT, 1)));
        Example b = ex("trac", "@user sexy", Labels.of(Map.of(INSULT, 0)));
        Example c = ex("fox", "kept", Labels.of(Map.of(TOXICITY, 0)));
        Deduplicator.Result r = Deduplicator.merge(List.of(a, b, c));
        assertEquals(List.of(c), r.examples(), "no label left to learn or measure");
        assertEquals(1, r.merged());
        assertEquals(1, r.unlabelled());
    }

    /** Rater shares that average to one half (0.6 and 0.4, a third and two thirds) are an even split too, as floats. */
    @Test
    void softLabelsThatAverageToOneHalfAreAnEvenSplit() {
        for (double[] pair : new double[][] {{0.6, 0.4}, {1.0 / 3, 2.0 / 3}, {0.2, 0.8}, {0.7, 0.3}}) {
            Example a = ex("a", "halves", Labels.of(Map.of(TOXICITY, (float) pair[0], INSULT, 1)));
            Example b = ex("b", "HALVES", Labels.of(Map.of(TOXICITY, (float) pair[1], INSULT, 1)));
            Example kept = Deduplicator.merge(List.of(a, b)).examples().get(0);
            assertFalse(kept.labels().has(TOXICITY), pair[0] + " and " + pair[1] + ": " + kept.labels().get(TOXICITY));
            assertTrue(kept.labels().positive(INSULT));
        }
    }

    @Test
    void unevenConflictsKeepTheirMean() {
        Example a = ex("a", "same", Labels.of(Map.of(TOXICITY, 1)));
        Example b = ex("b", "SAME", Labels.of(Map.of(TOXICITY, 0)));
        Example c = ex("c", "Same", Labels.of(Map.of(TOXICITY, 1)));
        assertLabels(Deduplicator.merge(List.of(a, b, c)).examples().get(0), TOXICITY, 2.0 / 3);
    }

    /**
     * One line that says 0.5 (a labelled file's, or :suggestscore's summaryScore 0.5 exported) is an even split as two
     * lines of 1 and 0 are: it was passed through, a positive in the binary view (a data scientist's fifth audit).
     */
    @Test
    void oneOccurrenceOfOneHalfIsAnEvenSplitToo() {
        Deduplicator.Result alone = Deduplicator.merge(List.of(ex("d", "once", Labels.of(Map.of(TOXICITY, 0.5)))));
        assertEquals(List.of(), alone.examples());
        assertEquals(1, alone.unlabelled());
        Example kept = Deduplicator.merge(List.of(ex("e", "twice", Labels.of(Map.of(TOXICITY, 0.5, INSULT, 1))))).examples().get(0);
        assertLabels(kept, INSULT, 1);
        Example other = ex("f", "thrice", Labels.of(Map.of(TOXICITY, 0.4)));
        assertSame(other, Deduplicator.merge(List.of(other)).examples().get(0), "any other value passes as it is");
    }

    @Test
    void unlabelledStaysUnlabelled() {
        Example a = ex("a", "same", Labels.of(Map.of(TOXICITY, 1)));
        Example b = ex("b", "SAME", Labels.of(Map.of(TOXICITY, 1)));
        Example kept = Deduplicator.merge(List.of(a, b)).examples().get(0);
        assertLabels(kept, TOXICITY, 1);
        assertEquals(false, kept.labels().has(THREAT));
    }
}
