package org.parley.stance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
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

    public static ObjectNode stanceJson(ClassMetrics m) {
        return m.toJson().put("fAvg", Math.round(fAvg(m) * 100) / 100.0);
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
