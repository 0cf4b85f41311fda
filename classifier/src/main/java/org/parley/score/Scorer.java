package org.parley.score;

import java.util.List;

/**
 * Anything that gives the six attribute probabilities for texts: the DL4J model, the baselines.
 * Row i of the result holds the scores of texts.get(i), indexed by {@code Attribute.ordinal()}.
 */
public interface Scorer {
    float[][] score(List<String> texts);

    /** A short name for reports ("parley-dl4j", "linear-ngram", "fasttext"). */
    String name();
}
