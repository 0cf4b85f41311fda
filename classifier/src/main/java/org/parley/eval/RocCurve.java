package org.parley.eval;

/**
 * Points of a ROC curve, for plotting only: false- and true-positive rates, from (0,0) to (1,1),
 * thinned to a few hundred points. The AUC is computed exactly elsewhere, never from these.
 */
public record RocCurve(float[] fpr, float[] tpr) {
    public RocCurve {
        if (fpr.length != tpr.length) {
            throw new IllegalArgumentException("fpr and tpr differ in length: " + fpr.length + " vs " + tpr.length);
        }
        fpr = fpr.clone();
        tpr = tpr.clone();
    }

    @Override public float[] fpr() {
        return fpr.clone();
    }

    @Override public float[] tpr() {
        return tpr.clone();
    }

    public int size() {
        return fpr.length;
    }
}
