package org.parley.score;

import java.util.List;

/**
 * Anything that gives the six attribute probabilities for texts: the DL4J model, the baselines.
 * Row i of the result holds the scores of texts.get(i), indexed by {@code Attribute.ordinal()}.
 */
public interface Scorer {
    float[][] score(List<String> texts);

    /**
     * Scores of variants of texts, all of {@code variants.get(0)}'s first, in order. By default the
     * variant strings' scores; a scorer may reuse what it computes from the text itself, as long as
     * the scores stay those of the strings but for rare tokenisation differences (see ToxicityModel's).
     */
    default float[][] scoreVariants(List<Variants> variants) {
        List<String> texts = variants.stream().flatMap(v -> v.texts().stream()).toList();
        return texts.isEmpty() ? new float[0][] : score(texts);
    }

    /** A short name for reports ("parley-dl4j", "linear-ngram", "fasttext"). */
    String name();
}
