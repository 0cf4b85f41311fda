package org.parley.stance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.parley.eval.Bootstrap;
import org.parley.eval.Bootstrap.Interval;
import org.parley.eval.ClassMetrics;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;

/** The figures reported for each model: F_avg (×100, as SemEval reports it) for target stance. */
public final class StanceMetrics {
    private static final List<String> STANCES = Arrays.stream(Stance.values()).map(Enum::name).toList();
    private static final List<String> REPLIES = Arrays.stream(ReplyStance.values()).map(Enum::name).toList();

    private StanceMetrics() {}

    public static ClassMetrics stance(int[] gold, int[] predicted) {
        return new ClassMetrics(STANCES, gold, predicted);
    }

    public static ClassMetrics reply(int[] gold, int[] predicted) {
        return new ClassMetrics(REPLIES, gold, predicted);
    }

    /** SemEval-2016 F_avg on a 0–100 scale. */
    public static double fAvg(ClassMetrics m) {
        return 100 * m.meanF1(Stance.FAVOR.ordinal(), Stance.AGAINST.ordinal());
    }

    /** A figure of a ClassMetrics, and the precision it is reported at (1/scale). */
    private record Figure(String name, ToDoubleFunction<ClassMetrics> of, double scale) {}

    private static final List<Figure> STANCE_FIGURES = List.of(new Figure("fAvg", StanceMetrics::fAvg, 100),
            new Figure("macroF1", ClassMetrics::macroF1, 10_000), new Figure("accuracy", ClassMetrics::accuracy, 10_000));
    private static final List<Figure> REPLY_FIGURES = List.of(
            new Figure("accuracy", ClassMetrics::accuracy, 10_000), new Figure("macroF1", ClassMetrics::macroF1, 10_000));

    /**
     * Target-stance figures with their 95% {@link Bootstrap} intervals: on a corpus of 179 dev
     * tweets F_avg moves by points from one sample to the next, and the interval says how far.
     *
     * @param clusters  each row's cluster (the rows of one text), drawn together ({@link Bootstrap#clustered})
     * @param resamples the bootstrap's draws; 0 for the figures alone
     */
    public static ObjectNode stanceJson(int[] gold, int[] predicted, int[] clusters, int resamples) {
        ClassMetrics m = stance(gold, predicted);
        return withIntervals(m.toJson().put("fAvg", round(fAvg(m), 100)), STANCES, STANCE_FIGURES, gold, predicted, clusters, resamples);
    }

    /**
     * Reply-stance figures with the 95% intervals of accuracy and macro-F1 ({@code resamples} 0: none).
     *
     * @param clusters each row's cluster (the replies of one thread), drawn together
     */
    public static ObjectNode replyJson(int[] gold, int[] predicted, int[] clusters, int resamples) {
        return withIntervals(reply(gold, predicted).toJson(), REPLIES, REPLY_FIGURES, gold, predicted, clusters, resamples);
    }

    /**
     * Predictor a minus predictor b on the same target-stance rows: F_avg, macro-F1 and accuracy
     * differences with their paired 95% intervals (both scored on the same draws of {@code clusters}; {@code resamples}
     * 0: none).
     */
    public static ObjectNode stanceDifference(int[] gold, int[] a, int[] b, int[] clusters, int resamples) {
        return difference(STANCES, STANCE_FIGURES, gold, a, b, clusters, resamples);
    }

    /** Predictor a minus predictor b on the same replies: accuracy and macro-F1 differences, paired, threads drawn whole. */
    public static ObjectNode replyDifference(int[] gold, int[] a, int[] b, int[] clusters, int resamples) {
        return difference(REPLIES, REPLY_FIGURES, gold, a, b, clusters, resamples);
    }

    /** {@code "interval95": {figure: [low, high], …}} added to a model's figures; nothing with no draws. */
    private static ObjectNode withIntervals(ObjectNode out, List<String> classes, List<Figure> figures, int[] gold, int[] predicted,
                                            int[] clusters, int resamples) {
        if (resamples == 0) return out;
        Interval[] i = intervals(classes, figures, gold, predicted, null, clusters, resamples);
        ObjectNode ci = out.putObject("interval95");
        for (int k = 0; k < figures.size(); k++) {
            putInterval(ci, figures.get(k).name(), i[k], figures.get(k).scale());
        }
        return out;
    }

    /** {@code {"n": …, figure: {"value": a − b, "interval95": [low, high]}, …}}, without the intervals when there are no draws. */
    private static ObjectNode difference(List<String> classes, List<Figure> figures, int[] gold, int[] a, int[] b, int[] clusters,
                                         int resamples) {
        Interval[] i = intervals(classes, figures, gold, a, b, clusters, resamples);
        ObjectNode out = JsonNodeFactory.instance.objectNode().put("n", gold.length);
        for (int k = 0; k < figures.size(); k++) {
            double scale = figures.get(k).scale();
            ObjectNode d = out.putObject(figures.get(k).name()).put("value", round(i[k].value(), scale));
            if (resamples > 0) putInterval(d, "interval95", i[k], scale);
        }
        return out;
    }

    /** {@code name: [low, high]}, rounded as the figure is. */
    private static void putInterval(ObjectNode out, String name, Interval i, double scale) {
        out.putArray(name).add(round(i.low(), scale)).add(round(i.high(), scale));
    }

    /**
     * Each figure of predictions a (minus b's, paired, when b is given) with its 95% interval of
     * {@code resamples} draws of the clusters (seed {@link Bootstrap#DEFAULT_SEED}); with 0, the figures on all rows and no
     * bounds (NaN).
     */
    private static Interval[] intervals(List<String> classes, List<Figure> figures, int[] gold, int[] a, int[] b, int[] clusters,
                                        int resamples) {
        Function<int[], double[]> of = w -> {
            ClassMetrics ma = new ClassMetrics(classes, gold, a, w);
            ClassMetrics mb = b == null ? null : new ClassMetrics(classes, gold, b, w);
            return figures.stream().mapToDouble(f -> f.of().applyAsDouble(ma) - (mb == null ? 0 : f.of().applyAsDouble(mb))).toArray();
        };
        if (resamples > 0) return Bootstrap.clustered(clusters, resamples, Bootstrap.DEFAULT_SEED, of);
        int[] all = new int[gold.length];
        Arrays.fill(all, 1);
        return Arrays.stream(of.apply(all)).mapToObj(v -> new Interval(v, Double.NaN, Double.NaN)).toArray(Interval[]::new);
    }

    private static double round(double v, double scale) {
        return Double.isNaN(v) ? v : Math.round(v * scale) / scale;
    }

    static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return best;
    }

    /** The predicted class of each row. */
    static int[] argmax(float[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) out[i] = argmax(p[i]);
        return out;
    }
}
