package org.parley.model;

/**
 * Platt scaling: p = sigmoid(a * logit(raw) + b), fitted on held-out data by Newton's method with
 * Platt's smoothed targets. Two parameters cannot overfit a dev split of thousands, and a
 * monotone map keeps every ranking (so ROC-AUC) unchanged while making 0.8 mean "80% of such
 * comments were labelled toxic".
 */
public record PlattScaling(double a, double b) {
    public static final PlattScaling IDENTITY = new PlattScaling(1, 0);
    private static final double EPS = 1e-6;

    public float apply(float raw) {
        return (float) sigmoid(a * logit(raw) + b);
    }

    /**
     * Fits on raw scores and binary outcomes by Newton's method with a backtracking line search
     * (Lin, Lin and Weng's 2007 note on Platt's algorithm: plain Newton steps can diverge, as they
     * did on a dev split with two positives). Identity when one class is missing, or when the fit
     * would turn the ranking around (a ≤ 0: the dev split ranks its few positives below the
     * negatives), since a calibration must keep the model's ranking.
     */
    public static PlattScaling fit(float[] raw, boolean[] positive) {
        int n = raw.length, pos = 0;
        for (boolean p : positive) if (p) pos++;
        if (pos == 0 || pos == n) return IDENTITY;
        double hi = (pos + 1.0) / (pos + 2.0), lo = 1.0 / (n - pos + 2.0);
        double[] x = new double[n], t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = logit(raw[i]);
            t[i] = positive[i] ? hi : lo;
        }
        double a = 1, b = 0, loss = loss(x, t, a, b);
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-12, hab = 0, hbb = 1e-12;
            for (int i = 0; i < n; i++) {
                double p = sigmoid(a * x[i] + b);
                double d = p - t[i], w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            if (Math.abs(ga) < 1e-6 && Math.abs(gb) < 1e-6) break;
            double det = haa * hbb - hab * hab;
            double da = -(hbb * ga - hab * gb) / det, db = -(haa * gb - hab * ga) / det;
            double slope = ga * da + gb * db, step = 1;
            while (step >= 1e-10) { // halve until the loss falls enough (Armijo)
                double next = loss(x, t, a + step * da, b + step * db);
                if (next < loss + 1e-4 * step * slope) {
                    a += step * da;
                    b += step * db;
                    loss = next;
                    break;
                }
                step /= 2;
            }
            if (step < 1e-10) break;
        }
        return a > 0 ? new PlattScaling(a, b) : IDENTITY;
    }

    /** Cross-entropy against the smoothed targets, computed without overflow. */
    private static double loss(double[] x, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            double z = a * x[i] + b;
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t[i] * z;
        }
        return sum;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }
}
