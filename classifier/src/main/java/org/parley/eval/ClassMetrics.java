package org.parley.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Single-label classification figures from gold and predicted class indices: accuracy, precision,
 * recall and F1 per class, macro-F1, and the SemEval-2016 Task 6 measure
 * F_avg = (F1(FAVOR) + F1(AGAINST)) / 2, where NONE counts only as a wrong or right "not this
 * class" (its own F1 is left out). An F1 with no predicted and no gold examples is 0, as in the
 * official scorer. Macro-F1 averages over the classes the gold labels use, so a two-class set
 * (P-Stance has no NONE) is measured on its two classes, not dragged down by a third it lacks.
 */
public final class ClassMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> classes;
    private final int[][] confusion; // [gold][predicted]
    private final int n;

    public ClassMetrics(List<String> classes, int[] gold, int[] predicted) {
        this(classes, gold, predicted, null);
    }

    /** Row i counted {@code weights[i]} times (a {@link Bootstrap} draw); null: each once. */
    public ClassMetrics(List<String> classes, int[] gold, int[] predicted, int[] weights) {
        if (gold.length != predicted.length) throw new IllegalArgumentException(gold.length + " gold labels but " + predicted.length + " predictions");
        if (weights != null && weights.length != gold.length)
            throw new IllegalArgumentException(gold.length + " gold labels but " + weights.length + " weights");
        this.classes = List.copyOf(classes);
        this.confusion = new int[classes.size()][classes.size()];
        int total = 0;
        for (int i = 0; i < gold.length; i++) {
            int w = weights == null ? 1 : weights[i];
            confusion[gold[i]][predicted[i]] += w;
            total += w;
        }
        this.n = total;
    }

    public int size() { return n; }

    public double accuracy() {
        int right = 0;
        for (int c = 0; c < classes.size(); c++) right += confusion[c][c];
        return n == 0 ? Double.NaN : (double) right / n;
    }

    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) predicted += row[c];
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        int gold = 0;
        for (int v : confusion[c]) gold += v;
        return gold == 0 ? 0 : (double) confusion[c][c] / gold;
    }

    public double f1(int c) {
        double p = precision(c), r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double macroF1() {
        double sum = 0;
        int used = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (gold(c) == 0) continue;
            sum += f1(c);
            used++;
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    private int gold(int c) {
        int gold = 0;
        for (int v : confusion[c]) gold += v;
        return gold;
    }

    /** Mean F1 of the given classes: F_avg with FAVOR and AGAINST. */
    public double meanF1(int... of) {
        double sum = 0;
        for (int c : of) sum += f1(c);
        return sum / of.length;
    }

    public int count(int gold, int predicted) {
        return confusion[gold][predicted];
    }

    /**
     * The figures, and under "perClass" each gold class's counts by predicted class ("predicted"):
     * what a class is mistaken for, e.g. an unseen target's AGAINST tweets read as FAVOR.
     */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode().put("n", n).put("accuracy", round(accuracy())).put("macroF1", round(macroF1()));
        ObjectNode per = o.putObject("perClass");
        for (int c = 0; c < classes.size(); c++) {
            ObjectNode row = per.putObject(classes.get(c)).put("gold", gold(c)).put("precision", round(precision(c)))
                    .put("recall", round(recall(c))).put("f1", round(f1(c)));
            ObjectNode predicted = row.putObject("predicted");
            for (int k = 0; k < classes.size(); k++) predicted.put(classes.get(k), confusion[c][k]);
        }
        return o;
    }

    static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
    }
}
