package org.parley.policy;

import java.util.Optional;

/**
 * A {@link PhraseRule}'s phrases as they are looked for in a {@link PhraseRule#normalise normalised}
 * comment: " phrase ", so that only whole words match. One intrinsic {@code indexOf} per phrase: the
 * shipped 38 cost a few µs a comment; a list of thousands would want a trie. Exceptions are read only
 * where a phrase is found.
 */
final class PhraseIndex {
    private final PhraseRule rule;
    private final String[] padded, except;

    PhraseIndex(PhraseRule rule) {
        this.rule = rule;
        this.padded = rule.phrases().stream().map(p -> " " + p + " ").toArray(String[]::new);
        this.except = rule.except().stream().map(p -> " " + p + " ").toArray(String[]::new);
    }

    PhraseRule rule() {
        return rule;
    }

    /** The first phrase of the list that the normalised text holds outside every exception. */
    Optional<String> match(String normalised) {
        for (int i = 0; i < padded.length; i++)
            for (int at = normalised.indexOf(padded[i]); at >= 0; at = normalised.indexOf(padded[i], at + 1))
                if (!excepted(normalised, at, at + padded[i].length())) return Optional.of(rule.phrases().get(i));
        return Optional.empty();
    }

    /**
     * Whether an exception's occurrence covers the characters [from, to): of an exception's occurrences
     * that start by {@code from}, the last one reaches furthest.
     */
    private boolean excepted(String normalised, int from, int to) {
        for (String e : except) {
            int at = normalised.lastIndexOf(e, from);
            if (at >= 0 && at + e.length() >= to) return true;
        }
        return false;
    }
}
