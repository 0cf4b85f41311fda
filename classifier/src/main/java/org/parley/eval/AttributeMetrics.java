package org.parley.eval;

/**
 * How a model ranks one attribute on the rows labelled for it.
 *
 * @param n         rows labelled for the attribute
 * @param positives of which positive (label ≥ 0.5)
 * @param rocAuc    exact ROC-AUC; NaN when a class is absent or the model gave no score
 * @param prAuc     average precision; NaN when a class is absent (with no negatives it is 1 whatever the scores) or
 *                  the model gave no score
 */
public record AttributeMetrics(int n, int positives, double rocAuc, double prAuc) {

    /** True when both classes occur, so ROC-AUC is defined by the data. */
    public boolean bothClasses() {
        return positives > 0 && positives < n;
    }
}
