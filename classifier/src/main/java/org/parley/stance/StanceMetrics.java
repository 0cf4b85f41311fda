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

    private static void range(ObjectNode ci, String name, Interval i) {
        ci.putArray(name).add(round4(i.low())).add(round4(i.high()));
    }

    private static double round2(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10_000) / 10_000.0;
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
