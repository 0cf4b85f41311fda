package org.parley.sentiment;

import java.util.Map;

/** The plain sentiment of a comment: CoreNLP's five classes, most probable first in {@code label}. */
public record Sentiment(Label label, Map<Label, Double> probabilities) {
    public enum Label { VERY_NEGATIVE, NEGATIVE, NEUTRAL, POSITIVE, VERY_POSITIVE }
}
