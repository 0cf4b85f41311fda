package org.parley.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import org.parley.label.Attribute;

/**
 * Several models evaluated on the same split (the model and its baselines), lined up row by row
 * for a side-by-side table. Refuses evaluations of different splits: their figures are not
 * comparable, and a mixed table would look as if they were.
 */
public final class Comparison {

    /**
     * One table row: an attribute, overall ({@code source} null) or within one source, with each
     * model's figure in the order of {@link #models()}.
     */
    public record Row(String source, Attribute attribute, int n, int positives, double[] rocAuc, double[] prAuc) {}

    private final List<Evaluation> evaluations;

    private Comparison(List<Evaluation> evaluations) {
        this.evaluations = List.copyOf(evaluations);
    }

    public static Comparison of(Evaluation... evaluations) {
        return of(List.of(evaluations));
    }

    public static Comparison of(List<Evaluation> evaluations) {
        if (evaluations.isEmpty()) throw new IllegalArgumentException("nothing to compare: no evaluations");
        Evaluation first = evaluations.get(0);
        Set<String> names = new HashSet<>();
        for (Evaluation e : evaluations) {
            if (!names.add(e.model())) {
                throw new IllegalArgumentException("two evaluations are named '" + e.model()
                        + "'; give each model a distinct name");
            }
            if (!e.split().equals(first.split()) || e.n() != first.n()) {
                throw new IllegalArgumentException("'" + e.model() + "' was evaluated on another split ("
                        + e.split() + ", n=" + e.n() + ") than '" + first.model() + "' ("
                        + first.split() + ", n=" + first.n() + ")");
            }
        }
        return new Comparison(evaluations);
    }

    public List<Evaluation> evaluations() {
        return evaluations;
    }

    public List<String> models() {
        return evaluations.stream().map(Evaluation::model).toList();
    }

    /** Rows evaluated; the same for every model. */
    public int n() {
        return evaluations.get(0).n();
    }

    public String split() {
        return evaluations.get(0).split();
    }

    public double[] meanRocAuc() {
        return each(Evaluation::meanRocAuc);
    }

    /** One row per attribute, over all sources. */
    public List<Row> attributeRows() {
        List<Row> rows = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            AttributeMetrics m = evaluations.get(0).attribute(a);
            rows.add(new Row(null, a, m.n(), m.positives(),
                    each(e -> e.attribute(a).rocAuc()), each(e -> e.attribute(a).prAuc())));
        }
        return rows;
    }

    /** One row per source and attribute that source labels, sources sorted by name. */
    public List<Row> sourceRows() {
        SortedSet<String> sources = new TreeSet<>(evaluations.get(0).sources().keySet());
        List<Row> rows = new ArrayList<>();
        for (String s : sources) {
            for (var entry : evaluations.get(0).sources().get(s).entrySet()) {
                Attribute a = entry.getKey();
                rows.add(new Row(s, a, entry.getValue().n(), entry.getValue().positives(),
                        each(e -> e.sources().get(s).get(a).rocAuc()),
                        each(e -> e.sources().get(s).get(a).prAuc())));
            }
        }
        return rows;
    }

    /** Which of the values are the best (highest); all of them on a tie, none if all are NaN. */
    public static Set<Integer> best(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) if (v > max) max = v;
        Set<Integer> best = new TreeSet<>();
        for (int i = 0; i < values.length; i++) if (values[i] == max) best.add(i);
        return best;
    }

    private double[] each(ToDoubleFunction<Evaluation> f) {
        double[] out = new double[evaluations.size()];
        for (int i = 0; i < out.length; i++) out[i] = f.applyAsDouble(evaluations.get(i));
        return out;
    }
}
