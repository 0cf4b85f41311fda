package org.parley.stance;

import java.util.List;

/** Anything that labels (text, context) pairs: the stance models and the baselines, evaluated alike. */
@FunctionalInterface
public interface PairPredictor {
    /** The predicted class index for each (texts[i], contexts[i]). */
    int[] predict(List<String> texts, List<String> contexts);
}
