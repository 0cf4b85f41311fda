package org.parley.explain;

import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * How the span tagger's per-token probabilities become spans, alone or together with the
 * occlusion-and-lexicon explainer's choice.
 *
 * @param threshold a word is a span when the tagger gives it at least this probability
 * @param union     also keep the words the explainer chose
 * @param fallback  when nothing is kept, show the word the tagger rates highest if it has at least this
 *                  probability (a comment worth explaining nearly always has one; NaN: never)
 * @param fillGaps  mark the whitespace between two spans too, as annotators do ({@link SpanF1#offsets})
 */
public record SpanCombination(double threshold, boolean union, double fallback, boolean fillGaps) {

    /**
     * The spans of one comment, in text order.
     *
     * @param tokens    its tokens, as the tagger read them
     * @param p         the tagger's probability for each token
     * @param explained the explainer's spans (ignored unless {@link #union})
     */
    public List<Span> select(List<Token> tokens, float[] p, List<Span> explained) {
        // The explainer's spans go first, so on the same word its (occlusion) weight is the one kept.
        List<Span> kept = new ArrayList<>(union ? explained : List.of());
        int best = -1;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!SpanExplainer.isWord(t)) continue;
            if (p[i] >= threshold) kept.add(span(t, p[i]));
            if (best < 0 || p[i] > p[best]) best = i;
        }
        if (kept.isEmpty() && best >= 0 && p[best] >= fallback) kept.add(span(tokens.get(best), p[best]));
        return Span.disjoint(kept);
    }

    /** A tagged word's weight is the tagger's log-odds, so weights stay "larger mattered more". */
    private static Span span(Token t, float p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return new Span(t.begin(), t.end(), (float) Math.log(q / (1 - q)));
    }
}
