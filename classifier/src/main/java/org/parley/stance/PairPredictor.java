package org.parley.stance;

import java.util.List;

/** Anything that labels (text, context) pairs: the stance models and the baselines, evaluated alike. */
@FunctionalInterface
public interface PairPredictor {
    /** The predicted class index for each (texts[i], contexts[i]). */
    int[] predict(List<String> texts, List<String> contexts);

    /**
     * This predictor, remembering its answer for each list of pairs it was asked about: an
     * evaluation that reports a model alone and then paired with a baseline asks twice, and the
     * target model's sentence encoder is the slow part.
     */
    default PairPredictor remembering() {
        java.util.Map<List<List<String>>, int[]> seen = new java.util.concurrent.ConcurrentHashMap<>();
        return (texts, contexts) -> seen.computeIfAbsent(List.of(new java.util.ArrayList<>(texts), new java.util.ArrayList<>(contexts)),
                k -> predict(texts, contexts)).clone();
    }
}
