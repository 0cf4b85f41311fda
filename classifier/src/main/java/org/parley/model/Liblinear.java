package org.parley.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Problem;
import java.util.function.IntPredicate;
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
     * The problem liblinear trains on: rows {@code x} labelled {@code y}, each row ending in the intercept feature
     * (value 1) at the last of its {@code columns}, which liblinear's bias of 1 says it holds.
     */
    public static Problem problem(Feature[][] x, double[] y, int columns) {
        Problem p = new Problem();
        p.l = x.length;
        p.n = columns;
        p.bias = 1.0;
        p.x = x;
        p.y = y;
        return p;
    }

    /** The {@link #problem} of the rows {@code subset} of {@code rows}: label 1 where {@code positive} holds of a row's index, else 0. */
    public static Problem binary(Feature[][] rows, int[] subset, IntPredicate positive, int columns) {
        Feature[][] x = new Feature[subset.length][];
        double[] y = new double[subset.length];
        for (int k = 0; k < subset.length; k++) {
            x[k] = rows[subset[k]];
            y[k] = positive.test(subset[k]) ? 1 : 0;
        }
        return problem(x, y, columns);
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
