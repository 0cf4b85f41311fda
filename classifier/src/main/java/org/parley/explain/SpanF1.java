package org.parley.explain;

import java.util.BitSet;
import java.util.List;

/**
 * The SemEval-2021 Task 5 (Toxic Spans Detection) measure: F1 between the predicted and the gold
 * sets of character offsets of one post, averaged over posts. A post with no gold offsets scores 1
 * if nothing is predicted and 0 otherwise (as in the task's scorer).
 */
public final class SpanF1 {
    private SpanF1() {}

    public static double f1(BitSet predicted, BitSet gold) {
        if (gold.isEmpty()) return predicted.isEmpty() ? 1 : 0;
        if (predicted.isEmpty()) return 0;
        BitSet both = (BitSet) predicted.clone();
        both.and(gold);
        double tp = both.cardinality();
        if (tp == 0) return 0;
        double precision = tp / predicted.cardinality();
        double recall = tp / gold.cardinality();
        return 2 * precision * recall / (precision + recall);
    }

    /**
     * The character offsets of the spans; with {@code fillGaps}, runs of whitespace between two
     * spans are included too, as annotators marking "stupid idiot" marked the space as well.
     */
    public static BitSet offsets(List<Span> spans, String text, boolean fillGaps) {
        BitSet chars = new BitSet(text.length());
        Span previous = null;
        for (Span s : spans) {
            chars.set(s.begin(), s.end());
            if (fillGaps && previous != null && previous.end() < s.begin()
                    && text.substring(previous.end(), s.begin()).isBlank()) chars.set(previous.end(), s.begin());
            if (previous == null || s.end() > previous.end()) previous = s;
        }
        return chars;
    }
}
