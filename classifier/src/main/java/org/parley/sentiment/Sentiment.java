package org.parley.sentiment;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The plain sentiment of a comment: CoreNLP's five classes, the most probable in {@code label}.
 *
 * @param sentences how many of the comment's sentences were read; 0 (every sentence too long for
 *                  the parse budget, or none at all) gives no label and no probabilities, since a
 *                  sentiment read from nothing would be an invention
 */
public record Sentiment(Label label, Map<Label, Double> probabilities, int sentences) {
    public enum Label { VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE }

    public Sentiment {
        if ((label == null) != (sentences == 0)) throw new IllegalArgumentException("a label exactly when sentences were read");
        // In the labels' order, as stance keeps its own: Map.copyOf's order changes with each JVM.
        probabilities = probabilities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(probabilities));
    }

    /** Nothing could be read. */
    public static Sentiment unread() {
        return new Sentiment(null, Map.of(), 0);
    }
}
