package org.parley.stance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
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

    /**
     * Target-stance figures with their 95% {@link Bootstrap} intervals: on a corpus of 179 dev
     * tweets F_avg moves by points from one sample to the next, and the interval says how far.
     */
    public static ObjectNode stanceJson(int[] gold, int[] predicted) {
        ClassMetrics m = stance(gold, predicted);
        ObjectNode out = m.toJson().put("fAvg", round2(fAvg(m)));
        Interval[] i = Bootstrap.intervals(gold.length, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, w -> {
            ClassMetrics d = new ClassMetrics(STANCES, gold, predicted, w);
            return new double[] {fAvg(d), d.macroF1(), d.accuracy()};
        });
        ObjectNode ci = out.putObject("interval95");
        ci.putArray("fAvg").add(round2(i[0].low())).add(round2(i[0].high()));
        range(ci, "macroF1", i[1]);
        range(ci, "accuracy", i[2]);
        return out;
    }

    /** Reply-stance figures with the 95% intervals of accuracy and macro-F1. */
    public static ObjectNode replyJson(int[] gold, int[] predicted) {
        ObjectNode out = reply(gold, predicted).toJson();
        Interval[] i = Bootstrap.intervals(gold.length, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, w -> {
            ClassMetrics d = new ClassMetrics(REPLIES, gold, predicted, w);
            return new double[] {d.accuracy(), d.macroF1()};
        });
        ObjectNode ci = out.putObject("interval95");
        range(ci, "accuracy", i[0]);
        range(ci, "macroF1", i[1]);
        return out;
    }

    /**
     * Predictor a minus predictor b on the same target-stance rows: F_avg, macro-F1 and accuracy
     * differences with their paired 95% intervals (both scored on the same draws).
     */
    public static ObjectNode stanceDifference(int[] gold, int[] a, int[] b) {
        Interval[] i = Bootstrap.intervals(gold.length, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, w -> {
            ClassMetrics ma = new ClassMetrics(STANCES, gold, a, w), mb = new ClassMetrics(STANCES, gold, b, w);
            return new double[] {fAvg(ma) - fAvg(mb), ma.macroF1() - mb.macroF1(), ma.accuracy() - mb.accuracy()};
        });
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", gold.length);
        difference(out, "fAvg", i[0], 100);
        difference(out, "macroF1", i[1], 10_000);
        difference(out, "accuracy", i[2], 10_000);
        return out;
    }

    /** Predictor a minus predictor b on the same replies: accuracy and macro-F1 differences, paired. */
    public static ObjectNode replyDifference(int[] gold, int[] a, int[] b) {
        Interval[] i = Bootstrap.intervals(gold.length, Bootstrap.DEFAULT_RESAMPLES, Bootstrap.DEFAULT_SEED, w -> {
            ClassMetrics ma = new ClassMetrics(REPLIES, gold, a, w), mb = new ClassMetrics(REPLIES, gold, b, w);
            return new double[] {ma.accuracy() - mb.accuracy(), ma.macroF1() - mb.macroF1()};
        });
        ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("n", gold.length);
        difference(out, "accuracy", i[0], 10_000);
        difference(out, "macroF1", i[1], 10_000);
        return out;
    }

    /** {"value": …, "interval95": [low, high]}, rounded to 1/scale. */
    private static void difference(ObjectNode out, String name, Interval i, double scale) {
        ObjectNode d = out.putObject(name).put("value", round(i.value(), scale));
        d.putArray("interval95").add(round(i.low(), scale)).add(round(i.high(), scale));
    }

    private static double round(double v, double scale) {
        return Double.isNaN(v) ? v : Math.round(v * scale) / scale;
    }

    private static void range(ObjectNode ci, String name, Interval i) {
        ci.putArray(name).add(round4(i.low())).add(round4(i.high()));
    }

    private static double round2(double v) {
        return round(v, 100);
    }

    private static double round4(double v) {
        return round(v, 10_000);
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
