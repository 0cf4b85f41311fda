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
}
