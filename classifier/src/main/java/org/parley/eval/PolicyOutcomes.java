package org.parley.eval;

import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.policy.Policy;
import org.parley.score.SentenceScores;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * What a policy does to labelled rows: per attribute, how many of the rows labelled positive it
 * keeps from being published (REVIEW or REJECT), and how many of the rows labelled not toxic it
 * holds all the same. Ranking metrics say how well scores order comments; this says what a site
 * running the policy would see, which is what a band is set by (docs/scoring-api.md, "Policy").
 *
 * @param positives per attribute, in {@link Attribute} order
 * @param notToxic  rows labelled TOXICITY negative
 * @param all       every row
 */
public record PolicyOutcomes(List<Held> positives, Held notToxic, Held all) {

    /** {@code held} of {@code n} rows not published. */
    public record Held(String rows, int n, int held) {
        public double share() {
            return n == 0 ? Double.NaN : held / (double) n;
        }
    }

    /**
     * @param scores    one row per example, six attributes each
     * @param languages per example, its language when it looks not to be English, else null
     * @param sentences per example, its sentences scored alone, asked for the comments the other rules publish
     */
    public static PolicyOutcomes of(Policy policy, List<Example> examples, float[][] scores, List<String> languages,
                                    IntFunction<List<SentenceScores.Scored>> sentences) {
        int[] n = new int[Attribute.COUNT], held = new int[Attribute.COUNT];
        int clean = 0, cleanHeld = 0, allHeld = 0;
        for (int i = 0; i < examples.size(); i++) {
            int row = i;
            boolean h = policy.decide(scores[i], languages.get(i), examples.get(i).text(), () -> sentences.apply(row)).action() != Action.PUBLISH;
            if (h) allHeld++;
            var labels = examples.get(i).labels();
            for (Attribute a : Attribute.values()) {
                if (!labels.has(a) || !labels.positive(a)) continue;
                n[a.ordinal()]++;
                if (h) held[a.ordinal()]++;
            }
            if (labels.has(Attribute.TOXICITY) && !labels.positive(Attribute.TOXICITY)) {
                clean++;
                if (h) cleanHeld++;
            }
        }
        List<Held> positives = new ArrayList<>();
        for (Attribute a : Attribute.values()) positives.add(new Held(a.name() + " positive", n[a.ordinal()], held[a.ordinal()]));
        return new PolicyOutcomes(positives, new Held("TOXICITY negative", clean, cleanHeld), new Held("all", examples.size(), allHeld));
    }

    public String table(String data) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "Standard policy on %s: rows not published (REVIEW or REJECT)%n%-24s %7s %7s %7s%n", data, "rows", "n", "held", "share"));
        List<Held> rows = new ArrayList<>(positives);
        rows.add(notToxic);
        rows.add(all);
        for (Held h : rows)
            s.append(String.format(Locale.ROOT, "%-24s %7d %7d %7.3f%n", h.rows(), h.n(), h.held(), h.share()));
        return s.toString();
    }
}
