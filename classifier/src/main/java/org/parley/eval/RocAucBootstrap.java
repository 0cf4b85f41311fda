package org.parley.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.parley.corpus.Example;
import org.parley.eval.Bootstrap.Interval;
import org.parley.label.Attribute;

/**
 * Whether a ROC-AUC difference between two models scored on the same rows is more than noise: a
 * paired {@link Bootstrap}, both models' ROC-AUCs computed on each draw of the rows. Paired,
 * because two models err on the same hard rows: drawing each model's rows separately would make
 * the interval too wide. A figure on 454 rows with 3 positives (a small corpus's THREAT) has a
 * wide interval; that is the point of showing it.
 *
 * <p>On a draw the ROC-AUC is the weighted Mann–Whitney statistic over rows sorted once, so a draw
 * costs one pass per attribute and model. Attributes and the mean are as in {@link Evaluation}:
 * only rows a corpus labels count, and the mean is over the attributes with both classes (in a
 * draw, those with both classes in that draw).
 */
public final class RocAucBootstrap {

    /** Model minus against (against null: the model's own figures): per attribute that some row labels (in {@link Attribute} order), and for the mean ROC-AUC. */
    public record Result(String model, String against, int resamples, Map<Attribute, Interval> attributes, Interval mean) {
        public Result {
            attributes = Collections.unmodifiableMap(attributes.isEmpty()
                    ? new EnumMap<>(Attribute.class) : new EnumMap<>(attributes));
        }
    }

    private RocAucBootstrap() {}

    /**
     * Model {@code a} against model {@code b} on the same examples: {@code a[i][attr]} and
     * {@code b[i][attr]} are the two models' scores of {@code examples.get(i)}.
     */
    public static Result of(String nameA, float[][] a, String nameB, float[][] b, List<Example> examples,
                            int resamples, long seed) {
        if (b.length != examples.size())
            throw new IllegalArgumentException(b.length + " score rows of " + nameB + " for " + examples.size() + " examples");
        return compute(nameA, a, nameB, b, examples, resamples, seed);
    }

    /** One model's own ROC-AUCs, each with its 95% interval: how far the dev figure could move on another sample. */
    public static Result of(String name, float[][] scores, List<Example> examples, int resamples, long seed) {
        return compute(name, scores, null, null, examples, resamples, seed);
    }

    private static Result compute(String nameA, float[][] a, String nameB, float[][] b, List<Example> examples,
                                  int resamples, long seed) {
        if (a.length != examples.size())
            throw new IllegalArgumentException(a.length + " score rows of " + nameA + " for " + examples.size() + " examples");
        List<Attribute> attributes = new ArrayList<>();
        List<Column> as = new ArrayList<>(), bs = new ArrayList<>();
        for (Attribute attr : Attribute.values()) {
            int[] rows = IntStream.range(0, examples.size()).filter(i -> examples.get(i).labels().has(attr)).toArray();
            if (rows.length == 0) continue;
            attributes.add(attr);
            as.add(Column.of(examples, rows, a, attr));
            if (b != null) bs.add(Column.of(examples, rows, b, attr));
        }
        int k = attributes.size();
        // A model without an opinion on some attribute gets no mean, as in Evaluation.
        boolean meanDefined = as.stream().noneMatch(Column::unscored) && bs.stream().noneMatch(Column::unscored);
        Interval[] intervals = Bootstrap.intervals(examples.size(), resamples, seed, weights -> {
            double[] out = new double[k + 1];
            double sumA = 0, sumB = 0;
            int defined = 0;
            for (int j = 0; j < k; j++) {
                double aucA = as.get(j).rocAuc(weights), aucB = b == null ? 0 : bs.get(j).rocAuc(weights);
                out[j] = aucA - aucB;
                if (!Double.isNaN(out[j])) {
                    sumA += aucA;
                    sumB += aucB;
                    defined++;
                }
            }
            out[k] = meanDefined && defined > 0 ? (sumA - sumB) / defined : Double.NaN;
            return out;
        });
        Map<Attribute, Interval> out = new EnumMap<>(Attribute.class);
        for (int j = 0; j < k; j++) out.put(attributes.get(j), intervals[j]);
        return new Result(nameA, nameB, resamples, out, intervals[k]);
    }

    /** A plain-text table: the difference and its interval per attribute, then for the mean. */
    public static String table(Result r) {
        boolean difference = r.against() != null;
        StringBuilder s = new StringBuilder(difference
                ? String.format(Locale.ROOT, "ROC-AUC of %s minus %s, with the 95%% interval of %d paired bootstrap draws of the rows:%n",
                        r.model(), r.against(), r.resamples())
                : String.format(Locale.ROOT, "ROC-AUC of %s, with the 95%% interval of %d bootstrap draws of the rows:%n",
                        r.model(), r.resamples()));
        s.append(String.format(Locale.ROOT, "%-16s %10s  %s%n", "attribute", difference ? "difference" : "ROC-AUC", "95% interval"));
        r.attributes().forEach((a, i) -> s.append(line(a.name(), i, difference)));
        return s.append(line("mean", r.mean(), difference)).toString();
    }

    private static String line(String name, Interval i, boolean signed) {
        return String.format(Locale.ROOT, "%-16s %10s  %s%n", name, number(i.value(), signed), range(i, signed));
    }

    /** The title of a result's figures: "parley" for its own, "parley − linear-ngram" for a difference. */
    public static String title(Result r) {
        return r.against() == null ? r.model() : r.model() + " − " + r.against();
    }

    /** "0.8971 [0.8919, 0.9020]", or signed for a difference ({@code r.against()} set); "n/a" for no figure. */
    public static String figure(Result r, Interval i) {
        boolean signed = r.against() != null;
        return Double.isNaN(i.value()) ? "n/a" : number(i.value(), signed) + " " + range(i, signed);
    }

    /** "[+0.0012, +0.0050]" for a difference; "n/a" where there is no figure. */
    public static String range(Interval i) {
        return range(i, true);
    }

    private static String range(Interval i, boolean signed) {
        return Double.isNaN(i.low()) ? "n/a" : "[" + number(i.low(), signed) + ", " + number(i.high(), signed) + "]";
    }

    private static String number(double v, boolean signed) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, signed ? "%+.4f" : "%.4f", v);
    }

    /** One model's scores of the rows labelled for one attribute, sorted once for every draw. */
    private record Column(int[] rows, boolean[] positive, int[] groupEnds, boolean unscored) {

        static Column of(List<Example> examples, int[] labelled, float[][] scores, Attribute attr) {
            float[] s = new float[labelled.length];
            for (int k = 0; k < labelled.length; k++) {
                s[k] = scores[labelled[k]][attr.ordinal()];
                if (Float.isNaN(s[k])) return new Column(new int[0], new boolean[0], new int[0], true);
            }
            int[] order = Metrics.ascending(s);
            int[] rows = new int[order.length];
            boolean[] positive = new boolean[order.length];
            for (int k = 0; k < order.length; k++) {
                rows[k] = labelled[order[k]];
                positive[k] = examples.get(rows[k]).labels().positive(attr);
            }
            IntStream.Builder ends = IntStream.builder();
            for (int start = 0; start < order.length; ) {
                start = Metrics.groupEnd(s, order, start);
                ends.add(start);
            }
            return new Column(rows, positive, ends.build().toArray(), false);
        }

        /** The weighted Mann–Whitney statistic, ties counting one half; NaN when a class is absent. */
        double rocAuc(int[] weights) {
            if (unscored) return Double.NaN;
            double below = 0, pairs = 0, pos = 0;
            int start = 0;
            for (int end : groupEnds) {
                double groupPos = 0, groupNeg = 0;
                for (int k = start; k < end; k++) {
                    int w = weights[rows[k]];
                    if (positive[k]) groupPos += w;
                    else groupNeg += w;
                }
                pairs += groupPos * (below + 0.5 * groupNeg);
                below += groupNeg;
                pos += groupPos;
                start = end;
            }
            return pos == 0 || below == 0 ? Double.NaN : pairs / (pos * below);
        }
    }
}
