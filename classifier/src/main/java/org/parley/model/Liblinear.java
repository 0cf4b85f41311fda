package org.parley.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Model;
import org.parley.feature.NgramTfIdf;

/** Where Parley meets liblinear: its row format, and a fitted binary model's weights. */
public final class Liblinear {
    private Liblinear() {}

    /** A TF-IDF row as liblinear reads it: 1-based indices, then the intercept, value 1, at (1-based) {@code intercept}. */
    public static Feature[] row(NgramTfIdf.Row row, int intercept) {
        Feature[] x = new Feature[row.size() + 1];
        for (int k = 0; k < row.size(); k++) x[k] = new FeatureNode(row.index()[k] + 1, row.value()[k]);
        x[row.size()] = new FeatureNode(intercept, 1.0);
        return x;
    }

    /**
     * A binary model's weights (labels 0 and 1), the bias feature's included, as log-odds of label 1:
     * liblinear's own are for whichever label it met first.
     */
    public static double[] positiveWeights(Model m) {
        double[] w = m.getFeatureWeights().clone();
        if (m.getLabels()[0] != 1) for (int j = 0; j < w.length; j++) w[j] = -w[j];
        return w;
    }
}
