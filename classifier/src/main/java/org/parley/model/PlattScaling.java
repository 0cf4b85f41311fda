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
        double z = a * logit(raw) + b;
        return (float) (1 / (1 + Math.exp(-z)));
    }

    /** Fits on raw scores and binary outcomes; identity when one class is missing. */
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
        double a = 1, b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
            for (int i = 0; i < n; i++) {
                double p = 1 / (1 + Math.exp(-(a * x[i] + b)));
                double d = p - t[i], w = p * (1 - p);
                ga += d * x[i];
                gb += d;
                haa += w * x[i] * x[i];
                hab += w * x[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) break;
            double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
        }
        return new PlattScaling(a, b);
    }

    private static double logit(double p) {
        double q = Math.min(1 - EPS, Math.max(EPS, p));
        return Math.log(q / (1 - q));
    }
}
