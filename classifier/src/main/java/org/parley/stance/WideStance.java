package org.parley.stance;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.corpus.StanceCorpora;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.NgramTfIdf;
import org.parley.model.Liblinear;

/**
 * The wide part of the target-stance model: the classic strong SemEval-2016 system, a linear model
 * on the comment's word 1–2-grams and character 2–5-grams ({@link NgramTfIdf}, as toxicity's wide
 * part), trained per target. "Per target" without splitting the data: every n-gram feature has a
 * shared copy and, for a target with enough training rows, a copy conjoined with that target (hashed
 * into a second block), so a seen target gets its own n-gram weights on top of the shared ones. An
 * unseen target, or one with few rows (most VAST and ARC targets), has no conjoined features and is
 * read by the shared weights alone.
 *
 * <p>One L2 logistic regression per class, one-vs-rest (liblinear's dual solver), probabilities
 * normalised over the classes as liblinear's own one-vs-rest does. Its probabilities are averaged
 * with the target network's ({@link StanceModel}). Weights are rounded to half precision when
 * trained, since that is how the bundle stores them. Immutable; thread-safe.
 */
public final class WideStance {
    /**
     * @param bits          log2 of the TF-IDF buckets (shared block)
     * @param conjoinedBits log2 of the buckets of the target-conjoined block
     * @param minTargetRows fewest training rows for a target to get conjoined features
     * @param c             inverse regularisation of each regression
     * @param weight        share of the wide probabilities in the blend with the network's (fixed, not fitted on dev)
     */
    public record Config(int bits, int conjoinedBits, int minTargetRows, double c, double weight) {
        public Config {
            if (bits < 4 || bits > 24 || conjoinedBits < 4 || conjoinedBits > 24) throw new IllegalArgumentException("bits must be in [4, 24]");
            if (!(c > 0)) throw new IllegalArgumentException("C must be positive, was " + c);
            if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException("weight must be in [0, 1], was " + weight);
        }

        public static Config defaults() {
            return new Config(20, 20, 100, 1.0, 0.5);
        }
    }

    /** Logit of a class with no training row: it is never predicted. */
    private static final float ABSENT_LOGIT = -8f;
    private static final double EPS = 0.1;

    private final Config config;
    private final NgramTfIdf tfIdf;
    private final Map<String, Integer> targets; // target key → its index among the conjoined targets
    private final float[][] weights; // [class][feature], the intercept last

    WideStance(Config config, NgramTfIdf tfIdf, List<String> conjoinedTargets, float[][] weights) {
        if (tfIdf.dimension() != 1 << config.bits())
            throw new IllegalArgumentException("TF-IDF has " + tfIdf.dimension() + " buckets but the settings say 2^" + config.bits());
        for (float[] w : weights)
            if (w.length != dimension(config) + 1) throw new IllegalArgumentException("weights have " + w.length + " entries, expected " + (dimension(config) + 1));
        this.config = config;
        this.tfIdf = tfIdf;
        this.targets = new HashMap<>();
        for (String t : conjoinedTargets) targets.put(StanceCorpora.targetKey(t), targets.size());
        this.weights = weights;
    }

    Config config() { return config; }

    NgramTfIdf tfIdf() { return tfIdf; }

    /** The targets with conjoined features, in index order. */
    List<String> conjoinedTargets() {
        String[] out = new String[targets.size()];
        targets.forEach((t, i) -> out[i] = t);
        return List.of(out);
    }

    float[][] weights() { return weights; }

    int classes() { return weights.length; }

    private static int dimension(Config c) {
        return (1 << c.bits()) + (1 << c.conjoinedBits());
    }

    /**
     * Fits the IDF on the distinct training comments, conjoins the targets with at least
     * {@code minTargetRows} training pairs, and fits one regression per class on all training pairs.
     */
    static WideStance train(List<Pair> train, int classes, Config config, long seed) {
        List<String> texts = train.stream().map(Pair::text).distinct().toList();
        NgramTfIdf tfIdf = NgramTfIdf.fit(texts, 1 << config.bits(), () -> {});
        Map<String, Integer> rowsPerTarget = new HashMap<>();
        for (Pair p : train) rowsPerTarget.merge(StanceCorpora.targetKey(p.context()), 1, Integer::sum);
        Set<String> conjoined = new TreeSet<>();
        rowsPerTarget.forEach((t, n) -> { if (n >= config.minTargetRows()) conjoined.add(t); });
        int dimension = dimension(config);
        WideStance features = new WideStance(config, tfIdf, List.copyOf(conjoined), new float[classes][dimension + 1]);
        // Pairs of one comment share its nodes (ARC and VAST ask about one post for many targets; --repeat copies rows).
        Map<String, Feature[]> shared = texts.parallelStream()
                .collect(Collectors.toConcurrentMap(t -> t, t -> features.liblinearRow(tfIdf.transform(t), null)));
        Map<List<String>, Feature[]> rows = new ConcurrentHashMap<>();
        Feature[][] x = train.parallelStream().map(p -> rows.computeIfAbsent(List.of(p.text(), p.context()),
                k -> features.withTarget(shared.get(p.text()), p.context()))).toArray(Feature[][]::new);
        Linear.disableDebugOutput();
        int[] all = IntStream.range(0, train.size()).toArray();
        return new WideStance(config, tfIdf, List.copyOf(conjoined), roundToHalf(fit(train, x, all, classes, dimension, config.c(), seed)));
    }

    private static float[][] fit(List<Pair> train, Feature[][] x, int[] subset, int classes, int dimension, double c, long seed) {
        return IntStream.range(0, classes).parallel()
                .mapToObj(k -> fitClass(train, x, subset, k, dimension, c, seed)).toArray(float[][]::new);
    }

    /** One-vs-rest regression for class k on the rows in subset, as a weight row (intercept last). */
    private static float[] fitClass(List<Pair> train, Feature[][] x, int[] subset, int k, int dimension, double c, long seed) {
        float[] w = new float[dimension + 1];
        long positives = IntStream.of(subset).filter(i -> train.get(i).label() == k).count();
        if (positives == 0 || positives == subset.length) {
            w[dimension] = positives == 0 ? ABSENT_LOGIT : -ABSENT_LOGIT;
            return w;
        }
        Problem p = Liblinear.binary(x, subset, i -> train.get(i).label() == k, dimension + 1);
        Parameter parameter = new Parameter(SolverType.L2R_LR_DUAL, c, EPS);
        parameter.setRandom(new Random(seed * 31 + k));
        Model m = Linear.train(p, parameter);
        double[] fw = Liblinear.positiveWeights(m);
        for (int j = 0; j <= dimension; j++) w[j] = (float) fw[j];
        return w;
    }

    /** Class probabilities for each (texts[i], targets[i]): the one-vs-rest sigmoids, normalised. */
    float[][] predict(List<String> texts, List<String> targetsOf) {
        float[][] z = logits(texts, targetsOf);
        for (float[] p : z) {
            double sum = 0;
            for (int k = 0; k < p.length; k++) sum += p[k] = (float) (1 / (1 + Math.exp(-p[k])));
            for (int k = 0; k < p.length; k++) p[k] /= (float) sum;
        }
        return z;
    }

    /** Each class's one-vs-rest log-odds for each (texts[i], targets[i]). */
    private float[][] logits(List<String> texts, List<String> targetsOf) {
        return IntStream.range(0, texts.size()).parallel()
                .mapToObj(i -> logits(liblinearRow(tfIdf.transform(texts.get(i)), targetsOf.get(i)))).toArray(float[][]::new);
    }

    private float[] logits(Feature[] x) {
        float[] z = new float[weights.length];
        for (int k = 0; k < weights.length; k++) {
            double sum = 0;
            for (Feature f : x) sum += weights[k][f.getIndex() - 1] * f.getValue();
            z[k] = (float) sum;
        }
        return z;
    }

    /**
     * liblinear's row (1-based indices, ascending): the TF-IDF features, then their copies conjoined
     * with the target where the target is conjoined (none for a null target), then the intercept.
     */
    Feature[] liblinearRow(NgramTfIdf.Row row, String target) {
        Feature[] x = Liblinear.row(row, dimension(config) + 1);
        return target == null ? x : withTarget(x, target);
    }

    /** A target-free row (intercept last) with the target's conjoined copies added; the row itself if it has none. */
    Feature[] withTarget(Feature[] shared, String target) {
        Integer t = targets.get(StanceCorpora.targetKey(target));
        if (t == null) return shared;
        int n = shared.length - 1, offset = 1 << config.bits(), mask = (1 << config.conjoinedBits()) - 1;
        // Each copy's bucket packed above its position, so one sort orders them; a shared bucket adds up.
        long[] packed = new long[n];
        for (int k = 0; k < n; k++) packed[k] = ((long) (FeatureExtractor.mix(shared[k].getIndex() * 0x9E3779B1 + t) & mask) << 32) | k;
        Arrays.sort(packed);
        Feature[] x = Arrays.copyOf(shared, 2 * n + 1);
        int m = n;
        for (long pk : packed) {
            int index = offset + (int) (pk >>> 32) + 1;
            double v = shared[(int) pk].getValue();
            if (m > n && x[m - 1].getIndex() == index) x[m - 1].setValue(x[m - 1].getValue() + v);
            else x[m++] = new FeatureNode(index, v);
        }
        x[m++] = shared[n];
        return m == x.length ? x : Arrays.copyOf(x, m);
    }

    static float[][] roundToHalf(float[][] w) {
        float[][] out = new float[w.length][];
        for (int k = 0; k < w.length; k++) out[k] = Nd4j.create(w[k]).castTo(DataType.HALF).castTo(DataType.FLOAT).toFloatVector();
        return out;
    }
}
