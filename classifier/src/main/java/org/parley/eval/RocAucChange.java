package org.parley.eval;

import org.parley.label.Attribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What retraining changed: per attribute, ROC-AUC of the model before and after on the same
 * labelled rows, and the difference ({@code scripts/evaluate --compare}). Evaluations of different
 * rows are refused, as in {@link Comparison}: their difference would mean nothing.
 */
public final class RocAucChange {
    /** One attribute (or the mean, {@code attribute} null); change is NaN where either figure is. */
    public record Line(Attribute attribute, int n, int positives, double before, double after) {
        public double change() {
            return after - before;
        }
    }

    private final String data;
    private final Evaluation before;
    private final Evaluation after;

    private RocAucChange(String data, Evaluation before, Evaluation after) {
        this.data = data;
        this.before = before;
        this.after = after;
    }

    /** @param data what was evaluated, for the title ("dev split", a file name) */
    public static RocAucChange of(String data, Evaluation before, Evaluation after) {
        if (!before.split().equals(after.split()) || before.n() != after.n())
            throw new IllegalArgumentException("'" + after.model() + "' and '" + before.model()
                    + "' were evaluated on different rows: no change to show");
        return new RocAucChange(data, before, after);
    }

    /** The six attributes in order; attributes no row is labelled for are left out. */
    public List<Line> lines() {
        List<Line> out = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            AttributeMetrics b = before.attribute(a);
            if (b.n() == 0) continue;
            out.add(new Line(a, b.n(), b.positives(), b.rocAuc(), after.attribute(a).rocAuc()));
        }
        return out;
    }

    public Line mean() {
        return new Line(null, before.n(), -1, before.meanRocAuc(), after.meanRocAuc());
    }

    /** A plain-text table: one line per attribute, then the mean. */
    public String table() {
        return table(null);
    }

    /**
     * The table with a column for each change's 95% interval ({@link RocAucBootstrap} of after
     * against before on the same rows); without the column when {@code intervals} is null.
     */
    public String table(RocAucBootstrap.Result intervals) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "ROC-AUC on %s (%d rows): before = %s, after = %s%n",
                data, before.n(), before.model(), after.model()));
        s.append(String.format(Locale.ROOT, "%-16s %7s %7s %8s %8s %8s%s%n", "attribute", "n", "pos", "before", "after",
                "change", intervals == null ? "" : "  95% interval (" + intervals.resamples() + " paired bootstrap draws)"));
        for (Line l : lines())
            s.append(String.format(Locale.ROOT, "%-16s %7d %7d %8s %8s %8s%s%n", l.attribute(), l.n(), l.positives(),
                    auc(l.before()), auc(l.after()), change(l.change()), column(intervals, r -> r.attributes().get(l.attribute()))));
        Line m = mean();
        s.append(String.format(Locale.ROOT, "%-16s %7s %7s %8s %8s %8s%s%n", "mean", "", "",
                auc(m.before()), auc(m.after()), change(m.change()), column(intervals, RocAucBootstrap.Result::mean)));
        return s.toString();
    }

    /** The interval column of one line: empty without intervals. */
    private static String column(RocAucBootstrap.Result intervals, java.util.function.Function<RocAucBootstrap.Result, Bootstrap.Interval> pick) {
        return intervals == null ? "" : "  " + RocAucBootstrap.range(pick.apply(intervals));
    }

    /** NaN (one class only, or no score) is shown as n/a, not as a number. */
    private static String auc(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String change(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.4f", v);
    }
}
