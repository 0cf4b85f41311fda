package org.parley.stance;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.SolverType;
import org.parley.model.Liblinear;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;

/**
 * Baselines for the stance models, trained on the same splits:
 * <ul>
 *   <li>{@link #majority}: the most frequent training class, for every pair;</li>
 *   <li>{@link #linear}: bag of words, one multinomial logistic regression (liblinear) over hashed
 *       comment word 1–2-grams, target words, and comment words conjoined with the whole target
 *       (the classic per-target model: "love" means FAVOR of the target it is said about). For an
 *       unseen target the conjoined features are all new, so only the plain words speak.</li>
 * </ul>
 * They tokenise on their own (lower-cased letter and digit runs), like the toxicity baselines
 * ({@code org.parley.baseline}); they live here because they are {@link PairPredictor}s.
 */
public final class PairBaselines {
    private static final int BITS = 20;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");

    private PairBaselines() {}

    public static PairPredictor majority(int[] trainLabels) {
        int[] counts = new int[Arrays.stream(trainLabels).max().orElse(0) + 1];
        for (int l : trainLabels) counts[l]++;
        int best = 0;
        for (int c = 1; c < counts.length; c++) if (counts[c] > counts[best]) best = c;
        int label = best;
        return (texts, contexts) -> {
            int[] out = new int[texts.size()];
            Arrays.fill(out, label);
            return out;
        };
    }

    public static PairPredictor linear(List<String> texts, List<String> contexts, int[] labels, double c) {
        Feature[][] x = new Feature[texts.size()][];
        double[] y = new double[texts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = features(texts.get(i), contexts.get(i));
            y[i] = labels[i];
        }
        Linear.disableDebugOutput();
        Model model = Linear.train(Liblinear.problem(x, y, (1 << BITS) + 1), new Parameter(SolverType.L2R_LR, c, 0.01));
        return (ts, cs) -> {
            int[] out = new int[ts.size()];
            for (int i = 0; i < ts.size(); i++) out[i] = (int) Linear.predict(model, features(ts.get(i), cs.get(i)));
            return out;
        };
    }

    static Feature[] features(String text, String context) {
        List<String> words = words(text), target = words(context);
        String targetKey = String.join(" ", target);
        Map<Integer, Double> counts = new TreeMap<>();
        IntUnaryOperator bucket = h -> 1 + Math.floorMod(h, 1 << BITS);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            counts.merge(bucket.applyAsInt(("w:" + w).hashCode()), 1.0, Double::sum);
            counts.merge(bucket.applyAsInt(("tw:" + targetKey + "|" + w).hashCode()), 1.0, Double::sum);
            if (i > 0) counts.merge(bucket.applyAsInt(("b:" + words.get(i - 1) + " " + w).hashCode()), 1.0, Double::sum);
        }
        for (String t : target) counts.merge(bucket.applyAsInt(("t:" + t).hashCode()), 1.0, Double::sum);
        double norm = 0;
        for (double v : counts.values()) norm += Math.log1p(v) * Math.log1p(v);
        norm = Math.sqrt(Math.max(norm, 1e-12));
        List<Feature> out = new ArrayList<>(counts.size());
        for (Map.Entry<Integer, Double> e : counts.entrySet()) out.add(new FeatureNode(e.getKey(), Math.log1p(e.getValue()) / norm));
        return out.toArray(new Feature[0]);
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        var m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) out.add(m.group());
        return out;
    }
}
