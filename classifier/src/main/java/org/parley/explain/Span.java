package org.parley.explain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A word that drove a score.
 *
 * @param begin  offset of its first char in the raw comment text
 * @param end    offset after its last char (exclusive)
 * @param weight how far the attribute's log-odds fall when the word (every occurrence of it) is
 *               taken out of the comment; larger means the word mattered more
 */
public record Span(int begin, int end, float weight) {

    /**
     * The spans in text order, those that overlap merged into one that covers them, with the weight of the first of them
     * in that order (of equal ones, the first given). Several tokens can come from one raw char ("\uFDFA", "\uFDFB" clean to
     * several words), so their spans share it; a client is shown [begin, end) ranges that do not overlap
     * (docs/scoring-api.md, spans).
     */
    public static List<Span> disjoint(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt(Span::begin).thenComparingInt(Span::end)); // stable: equal ones keep their order
        List<Span> out = new ArrayList<>(sorted.size());
        for (Span s : sorted) {
            Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.begin() < last.end()) {
                if (s.end() > last.end()) out.set(out.size() - 1, new Span(last.begin(), s.end(), last.weight()));
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
