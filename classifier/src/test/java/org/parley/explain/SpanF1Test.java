package org.parley.explain;

import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SpanF1Test {
    private static BitSet range(int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        return b;
    }

    @Test
    void isTheSemEvalPerPostF1() {
        assertEquals(1.0, SpanF1.f1(range(0, 5), range(0, 5)));
        assertEquals(0.0, SpanF1.f1(range(0, 5), range(10, 15)));
        // 3 of 6 predicted chars are gold (precision 0.5), 3 of 3 gold found (recall 1): F1 = 2/3.
        assertEquals(2.0 / 3, SpanF1.f1(range(0, 6), range(3, 6)), 1e-9);
        // 2 of 4 predicted are gold (precision 1/2), 2 of 6 gold found (recall 1/3): F1 = 2 * 1/6 / (5/6) = 0.4
        assertEquals(0.4, SpanF1.f1(range(0, 4), range(2, 8)), 1e-9);
    }

    @Test
    void emptyGoldScoresOneOnlyForAnEmptyPrediction() {
        assertEquals(1.0, SpanF1.f1(new BitSet(), new BitSet()));
        assertEquals(0.0, SpanF1.f1(range(0, 1), new BitSet()));
        assertEquals(0.0, SpanF1.f1(new BitSet(), range(0, 1)));
    }

    @Test
    void fillingGapsJoinsAdjacentWordsAcrossWhitespaceOnly() {
        String text = "stupid idiot, moron";
        List<Span> spans = List.of(new Span(0, 6, 1), new Span(7, 12, 1), new Span(14, 19, 1));
        assertEquals(range(0, 12).get(6), SpanF1.offsets(spans, text, true).get(6));
        assertFalse(SpanF1.offsets(spans, text, true).get(12), "the comma is not whitespace");
        assertFalse(SpanF1.offsets(spans, text, false).get(6));
    }

    /**
     * Every offset of every span, gaps or not; a gap is measured from the span that ends last so far. Until the
     * forty-eighth session's mutation testing the tests read two offsets alone, and passed with the spans' own left out.
     */
    @Test
    void theOffsetsAreEverySpansCharactersAndTheGapsBetween() {
        String text = "stupid dumb idiot, moron";
        List<Span> spans = List.of(new Span(0, 6, 1), new Span(7, 11, 1), new Span(12, 17, 1), new Span(19, 24, 1));
        BitSet words = range(0, 6);
        words.or(range(7, 11));
        words.or(range(12, 17));
        words.or(range(19, 24));
        assertEquals(words, SpanF1.offsets(spans, text, false));
        BitSet filled = range(0, 17);
        filled.or(range(19, 24));
        assertEquals(filled, SpanF1.offsets(spans, text, true), "the comma is not whitespace");
        // "stupid" inside a span over "stupid dumb": the gap to "idiot" runs from "dumb"'s end, not "stupid"'s
        List<Span> nested = List.of(new Span(0, 11, 1), new Span(0, 6, 1), new Span(12, 17, 1));
        assertEquals(range(0, 17), SpanF1.offsets(nested, text, true));
    }
}
