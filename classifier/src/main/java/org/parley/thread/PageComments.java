package org.parley.thread;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a page shows of its comments, by number, so that one comment's opening can be read against the
 * others: the names that quote markers give a comment ("296.Seqenenre wrote:", the BBC's own words,
 * so a name with spaces is whole there; an opening marker or a later one), and the lines each comment on the page shows.
 */
final class PageComments {
    private final Map<Integer, Set<String>> names = new HashMap<>();
    private final Map<Integer, Set<String>> lines = new HashMap<>();

    /** Adds the comment numbered {@code number}, its chrome already removed. */
    void add(int number, List<List<String>> paragraphs) {
        Set<String> shown = lines.computeIfAbsent(number, n -> new HashSet<>());
        for (List<String> paragraph : paragraphs) shown.addAll(paragraph);
        for (QuotedPassages.Marker quoted : BbcCommentStart.quoteMarkers(number, paragraphs))
            names.computeIfAbsent(quoted.number(), n -> new HashSet<>()).add(quoted.author());
    }

    /** True when a quote marker on the page gives comment {@code number} this name. */
    boolean isNamed(int number, String name) {
        return names.getOrDefault(number, Set.of()).contains(name);
    }

    /** The lines comment {@code number} shows on this page; empty when it is not on the page. */
    Set<String> lines(int number) {
        return lines.getOrDefault(number, Set.of());
    }
}
