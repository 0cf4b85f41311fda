package org.parley.baseline;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.parley.corpus.Example;
import org.parley.feature.NgramTfIdf;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.model.Liblinear;

/**
 * The classic strong baseline for toxicity: TF-IDF over word 1–2-grams and character 2–5-grams
 * (see {@link NgramTfIdf}, the same features the network's wide part reads), then one L2-regularised logistic regression per attribute
 * (liblinear), each trained only on the rows whose corpus labels that attribute.
 *
 * <p>An attribute without a labelled training row scores NaN (no opinion); one whose labelled rows
 * are all of one class scores that class (0 or 1) for every text, since a regression cannot be
 * fitted. Training rows are held as liblinear nodes, ~30 bytes per distinct n-gram per text:
 * 198k texts from the toxicity corpora (tweets to long comments) peaked at 2 GB of heap and took
 * about a minute on 2 busy cores.
 */
public final class LinearBaseline implements Scorer {

    /**
     * @param c            inverse regularisation strength of each logistic regression
     * @param hashBits     log2 of the number of hashed feature buckets (both blocks together)
     * @param threads      attributes trained at a time (texts are vectorised on the common fork-join pool)
     * @param showProgress progress bars on stderr
     * @param seed         seeds the solver's shuffling (one stream per attribute, so results do not
     *                     depend on which thread trains what)
     */
    public record Options(double c, int hashBits, int threads, boolean showProgress, long seed) {
        public Options {
            if (!(c > 0)) throw new IllegalArgumentException("C must be positive, was " + c);
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }

        /** The inverse L2 strength of {@link #defaults()}. */
        public static final double DEFAULT_C = 4.0;

        /** C = 4, 2^20 buckets, one thread per core, progress shown, seed 1. */
        public static Options defaults() {
            return new Options(DEFAULT_C, 20, Runtime.getRuntime().availableProcessors(), true, 1L);
        }

        public Options withC(double c) {
            return new Options(c, hashBits, threads, showProgress, seed);
        }

        public Options withHashBits(int hashBits) {
            return new Options(c, hashBits, threads, showProgress, seed);
        }

        public Options withThreads(int threads) {
            return new Options(c, hashBits, threads, showProgress, seed);
        }

        public Options withSeed(long seed) {
            return new Options(c, hashBits, threads, showProgress, seed);
        }

        public Options quiet() {
            return new Options(c, hashBits, threads, false, seed);
        }
    }

    public static final String NAME = "linear-ngram";

    /**
     * The dual coordinate-descent solver: on 144k multi-corpus texts it trained 6× faster than the
     * primal Newton solver (L2R_LR) to the same dev AUCs (to 4 decimals). EPS is liblinear's default for it.
     */
    private static final SolverType SOLVER = SolverType.L2R_LR_DUAL;
    private static final double EPS = 0.1;

    private final NgramTfIdf vectorizer;
    private final Model[] models; // null where the attribute is constant (see constants)
    private final float[] constants;

    private LinearBaseline(NgramTfIdf vectorizer, Model[] models, float[] constants) {
        this.vectorizer = vectorizer;
        this.models = models;
        this.constants = constants;
    }

    public static LinearBaseline train(List<Example> train) {
        return train(train, Options.defaults());
    }

    public static LinearBaseline train(List<Example> train, Options options) {
        List<String> texts = train.stream().map(Example::text).toList();
        NgramTfIdf vectorizer;
        try (ProgressBar bar = bar("tf-idf", texts.size(), options)) {
            vectorizer = NgramTfIdf.fit(texts, 1 << options.hashBits(), bar == null ? () -> {} : bar::step);
        }
        return fit(train, all(train.size()), rows(vectorizer, texts, options), vectorizer, options);
    }

    /**
     * A baseline fitted on all of {@code train}, and each training row's logits from a baseline that
     * did not see it (k-fold): what a model stacked on this one must learn from, since the full fit's
     * logits on its own training rows are overconfident.
     */
    public record Stacked(LinearBaseline full, float[][] outOfFoldLogits) {}

    public static Stacked stack(List<Example> train, NgramTfIdf vectorizer, int folds, Options options) {
        return stack(train, vectorizer, folds, options, null);
    }

    /**
     * As {@link #stack(List, NgramTfIdf, int, Options)}, with row i put in the fold of row
     * {@code sameFoldAs[i]} where that is ≥ 0: a row made from another (identity augmentation) must not
     * get out-of-fold logits from a regression that saw its near-copy. Null: every row on its own.
     */
    public static Stacked stack(List<Example> train, NgramTfIdf vectorizer, int folds, Options options, int[] sameFoldAs) {
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, was " + folds);
        Feature[][] rows = rows(vectorizer, train.stream().map(Example::text).toList(), options);
        LinearBaseline full = fit(train, all(train.size()), rows, vectorizer, options);
        float[][] oof = new float[train.size()][];
        List<Integer> order = new ArrayList<>(IntStream.range(0, train.size()).boxed().toList());
        java.util.Collections.shuffle(order, new Random(options.seed()));
        int[] foldOf = folds(order, folds, sameFoldAs);
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            int[] in = order.stream().mapToInt(Integer::intValue).filter(i -> foldOf[i] != fold).toArray();
            int[] out = order.stream().mapToInt(Integer::intValue).filter(i -> foldOf[i] == fold).toArray();
            LinearBaseline part = fit(train, in, rows, vectorizer, options);
            IntStream.of(out).parallel().forEach(i -> oof[i] = part.logits(rows[i]));
        }
        return new Stacked(full, oof);
    }

    /** Row → fold: by position in the shuffled order, then each linked row moved to its source's fold. */
    static int[] folds(List<Integer> order, int folds, int[] sameFoldAs) {
        int[] foldOf = new int[order.size()];
        for (int k = 0; k < order.size(); k++) foldOf[order.get(k)] = k % folds;
        if (sameFoldAs != null)
            for (int i = 0; i < foldOf.length; i++) if (sameFoldAs[i] >= 0) foldOf[i] = foldOf[sameFoldAs[i]];
        return foldOf;
    }

    private static int[] all(int n) {
        return IntStream.range(0, n).toArray();
    }

    private static Feature[][] rows(NgramTfIdf vectorizer, List<String> texts, Options options) {
        try (ProgressBar bar = bar("tf-idf rows", texts.size(), options)) {
            return IntStream.range(0, texts.size()).parallel().mapToObj(i -> {
                Feature[] row = liblinearRow(vectorizer, texts.get(i));
                if (bar != null) bar.step();
                return row;
            }).toArray(Feature[][]::new);
        }
    }

    /** One regression per attribute on the rows in {@code subset}, attributes in parallel. */
    private static LinearBaseline fit(List<Example> train, int[] subset, Feature[][] rows, NgramTfIdf vectorizer,
                                      Options options) {
        Model[] models = new Model[Attribute.COUNT];
        float[] constants = new float[Attribute.COUNT];
        Linear.disableDebugOutput(); // liblinear prints every Newton iteration to stdout otherwise
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Attribute.COUNT));
        try (ProgressBar bar = bar("logistic regression", Attribute.COUNT, options)) {
            List<Future<?>> jobs = new ArrayList<>();
            for (Attribute a : Attribute.values()) {
                jobs.add(pool.submit(() -> {
                    fit(a, train, subset, rows, vectorizer.dimension(), options, models, constants);
                    if (bar != null) bar.step();
                }));
            }
            for (Future<?> job : jobs) job.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("training interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("training the linear baseline failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new LinearBaseline(vectorizer, models, constants);
    }

    private static void fit(Attribute a, List<Example> train, int[] subset, Feature[][] rows, int dimension,
                            Options options, Model[] models, float[] constants) {
        int[] labelled = IntStream.of(subset).filter(i -> train.get(i).labels().has(a)).toArray();
        int positives = 0;
        for (int i : labelled) if (train.get(i).labels().positive(a)) positives++;
        if (labelled.length == 0) {
            constants[a.ordinal()] = Float.NaN;
            return;
        }
        if (positives == 0 || positives == labelled.length) {
            constants[a.ordinal()] = positives == 0 ? 0f : 1f;
            return;
        }
        Problem p = Liblinear.binary(rows, labelled, i -> train.get(i).labels().positive(a), dimension + 1); // + the bias feature
        Parameter parameter = new Parameter(SOLVER, options.c(), EPS);
        parameter.setRandom(new Random(options.seed() * 31 + a.ordinal()));
        models[a.ordinal()] = Linear.train(p, parameter);
    }

    /** The logit a constant attribute gets: a probability of about 0.9997 or 0.0003. */
    private static final float CONSTANT_LOGIT = 8f;

    /** Log-odds of the positive class per attribute (0 where no row labels the attribute). */
    public float[][] logits(List<String> texts) {
        return texts.parallelStream().map(t -> logits(liblinearRow(vectorizer, t))).toArray(float[][]::new);
    }

    private float[] logits(Feature[] x) {
        float[] out = new float[Attribute.COUNT];
        double[] dec = new double[1];
        for (int a = 0; a < Attribute.COUNT; a++) {
            Model m = models[a];
            if (m == null) {
                out[a] = Float.isNaN(constants[a]) ? 0f : constants[a] > 0 ? CONSTANT_LOGIT : -CONSTANT_LOGIT;
                continue;
            }
            Linear.predictValues(m, x, dec); // the decision value is for getLabels()[0]
            out[a] = (float) (m.getLabels()[0] == 1 ? dec[0] : -dec[0]);
        }
        return out;
    }

    /**
     * The weights as a [feature][attribute] table of positive-class log-odds per TF-IDF unit, with
     * one more row, last, for the intercepts (a feature every text has with value 1).
     */
    public float[][] weights() {
        int dimension = vectorizer.dimension();
        float[][] w = new float[dimension + 1][Attribute.COUNT];
        float[] intercepts = logits(new Feature[] {new FeatureNode(dimension + 1, 1.0)});
        for (int a = 0; a < Attribute.COUNT; a++) {
            w[dimension][a] = intercepts[a];
            Model m = models[a];
            if (m == null) continue;
            double[] fw = Liblinear.positiveWeights(m);
            for (int j = 0; j < dimension; j++) w[j][a] = (float) fw[j];
        }
        return w;
    }

    @Override public float[][] score(List<String> texts) {
        float[][] out = new float[texts.size()][];
        int[] positiveSlot = new int[Attribute.COUNT];
        for (Attribute a : Attribute.values()) {
            Model m = models[a.ordinal()];
            if (m != null) positiveSlot[a.ordinal()] = Arrays.stream(m.getLabels()).boxed().toList().indexOf(1);
        }
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            Feature[] x = liblinearRow(vectorizer, texts.get(i));
            float[] row = constants.clone();
            double[] p = new double[2];
            for (int a = 0; a < Attribute.COUNT; a++) {
                if (models[a] == null) continue;
                Linear.predictProbability(models[a], x, p);
                row[a] = (float) p[positiveSlot[a]];
            }
            out[i] = row;
        });
        return out;
    }

    /** liblinear's form of a TF-IDF row: 1-based indices, and the intercept as one more feature. */
    static Feature[] liblinearRow(NgramTfIdf vectorizer, String text) {
        return Liblinear.row(vectorizer.transform(text), vectorizer.dimension() + 1);
    }

    @Override public String name() {
        return NAME;
    }

    /** True where a regression was fitted; false where the attribute scores a constant or NaN. */
    public boolean fitted(Attribute a) {
        return models[a.ordinal()] != null;
    }

    private static ProgressBar bar(String task, int max, Options options) {
        if (!options.showProgress()) return null;
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build();
    }
}
