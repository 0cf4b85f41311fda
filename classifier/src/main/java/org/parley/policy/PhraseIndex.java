package org.parley.policy;

import java.util.Optional;

/**
 * A {@link PhraseRule}'s phrases as they are looked for in a {@link PhraseRule#normalise normalised}
 * comment: " phrase ", so that only whole words match. One intrinsic {@code indexOf} per phrase: the
 * shipped 38 cost a few µs a comment; a list of thousands would want a trie.
 */
final class PhraseIndex {
    private final PhraseRule rule;
    private final String[] padded;

    PhraseIndex(PhraseRule rule) {
        this.rule = rule;
        this.padded = rule.phrases().stream().map(p -> " " + p + " ").toArray(String[]::new);
    }

    PhraseRule rule() {
        return rule;
    }

    /** The first phrase of the list that the normalised text holds. */
    Optional<String> match(String normalised) {
        for (int i = 0; i < padded.length; i++) if (normalised.contains(padded[i])) return Optional.of(rule.phrases().get(i));
        return Optional.empty();
    }
}
