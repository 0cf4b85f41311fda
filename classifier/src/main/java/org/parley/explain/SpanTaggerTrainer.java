package org.parley.explain;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.corpus.GoldSpans;
import org.parley.corpus.GoldSpans.Post;
import org.parley.model.ModelBundle;
import org.parley.text.TextPipeline;
import org.parley.text.Token;
import org.parley.train.Provenance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Trains the {@link SpanTagger} on the SemEval-2021 Task 5 training posts, split as
 * {@link SpanEvaluation} splits them (the fixed tuning sample; the rest to learn from). The
 * lexicon-rate input of a training post comes from a lexicon learned on the other folds, so the
 * network does not learn to trust rates that saw the post's own labels; tuning and dev posts read
 * the lexicon of all the rest, the one shipped. The epoch and the {@link SpanCombination} of the
 * tagger alone are chosen on the tuning sample; the dev (trial) F1 is only reported.
 */
public final class SpanTaggerTrainer {
    static final int FOLDS = 5;
    /** Fallback floors tried: never, always, or only when the best word is that likely (6 % of posts have no gold span). */
    static final double[] FALLBACKS = {Double.NaN, 0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3};

    public record Settings(int trainSample, long splitSeed, int epochs, int batch, int minCount, int maxVocabulary,
                           SpanTaggerNetwork.Config network, int limit) {
        public static Settings defaults() {
            return new Settings(GoldSpans.TUNING_POSTS, GoldSpans.SPLIT_SEED, 6, 32, 2, 20_000,
                    new SpanTaggerNetwork.Config(64, 64, 5, 1, 0.002, 0, 0.3, 7), 0);
        }
    }

    public record Result(SpanTagger tagger, SpanCombination combination, int epoch, double tuneF1, double devF1,
                         int trainPosts, int tunePosts, int devPosts) {}

    private final Settings s;
    private final PrintStream log;
    private final TextPipeline pipeline = TextPipeline.standard();

    public SpanTaggerTrainer(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
    }

    /**
     * @param data   the toxic_spans folder (tsd_train.csv.gz, tsd_trial.csv.gz)
     * @param bundle the toxicity bundle whose word embeddings start the tagger's, or null for random ones
     */
    public Result train(Path data, Path bundle) throws IOException {
        long trainingStart = System.nanoTime();
        // The commit now, not after training: a commit made meanwhile did not make this tagger.
        ObjectNode provenance = Provenance.create("parley-span-tagger", Provenance.versionNow());
        GoldSpans.Split split = GoldSpans.split(GoldSpans.read(data.resolve("tsd_train.csv.gz")), s.trainSample(), s.splitSeed());
        List<Post> tune = split.tune();
        List<Post> rest = split.train();
        List<Post> dev = GoldSpans.read(data.resolve("tsd_trial.csv.gz"));
        if (s.limit() > 0) { // CI-sized runs
            tune = tune.subList(0, Math.min(tune.size(), s.limit() / 4));
            rest = rest.subList(0, Math.min(rest.size(), s.limit()));
            dev = dev.subList(0, Math.min(dev.size(), s.limit() / 4));
        }
        List<List<Token>> restTokens = tokenize(rest), tuneTokens = tokenize(tune), devTokens = tokenize(dev);
        List<BitSet> restGold = rest.stream().map(Post::gold).toList();

        SpanLexicon lexicon = SpanLexicon.learn(rest.stream().map(Post::text).toList(), restGold, pipeline);
        List<float[]> restRates = outOfFoldRates(restTokens, restGold);
        List<String> words = vocabulary(restTokens, s.minCount(), s.maxVocabulary());
        ComputationGraph network = SpanTaggerNetwork.create(words.size() + 2, s.network());
        String init = "random";
        if (bundle != null) init = initialiseEmbedding(network, words, bundle);
        log.printf(Locale.ROOT, "span tagger: %d training posts, %d tuning, %d dev; vocabulary %d; embedding from %s%n",
                rest.size(), tune.size(), dev.size(), words.size(), init);

        SpanTagger tagger = new SpanTagger(words, network, lexicon, "{}");
        Random random = new Random(s.network().seed());
        List<int[]> batches = batches(restTokens);
        INDArray bestParams = network.params().dup();
        SpanCombination best = null;
        double bestF1 = -1;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            long start = System.nanoTime();
            Collections.shuffle(batches, random);
            for (int[] b : batches) {
                List<List<Token>> ts = new ArrayList<>(b.length);
                List<float[]> rs = new ArrayList<>(b.length);
                List<BitSet> gs = new ArrayList<>(b.length);
                for (int i : b) {
                    ts.add(restTokens.get(i));
                    rs.add(restRates.get(i));
                    gs.add(restGold.get(i));
                }
                SpanTagger.Encoded e = tagger.encode(ts, rs, gs);
                network.fit(new MultiDataSet(new INDArray[] {e.ids(), e.features()}, new INDArray[] {e.labels()},
                        null, new INDArray[] {e.labelMask()}));
            }
            // A tagger copies the network's parameters when made: a new one reads this epoch's.
            float[][] p = new SpanTagger(words, network, lexicon, "{}").probabilities(tuneTokens);
            Tuned t = tune(tune, tuneTokens, p);
            log.printf(Locale.ROOT, "epoch %d: loss %.4f, tuning F1 %.4f (threshold %.2f, fill %s, fallback %.2f), %.0f s%n",
                    epoch, network.score(), t.f1, t.combination.threshold(), t.combination.fillGaps(),
                    t.combination.fallback(), (System.nanoTime() - start) / 1e9);
            if (t.f1 > bestF1) {
                bestF1 = t.f1;
                best = t.combination;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            }
        }
        network.setParams(bestParams);
        float[][] devP = new SpanTagger(words, network, lexicon, "{}").probabilities(devTokens);
        double devF1 = meanF1(dev, devTokens, devP, best, null);
        SpanTagger done = new SpanTagger(words, network, lexicon, provenance(provenance, data, init, words.size(), rest.size(), split.tune().size(), bestEpoch,
                best, bestF1, devF1, trainingStart).toPrettyString());
        return new Result(done, best, bestEpoch, bestF1, devF1, rest.size(), tune.size(), dev.size());
    }

    /** How the tagger was made, as the toxicity and stance bundles record it (train.Provenance), plus the tagger's own settings. */
    private ObjectNode provenance(ObjectNode p, Path data, String init, int vocabulary, int trainPosts, int tuneSample,
                                  int bestEpoch, SpanCombination best, double bestF1, double devF1, long trainingStart) throws IOException {
        p.put("data", "SemEval-2021 Task 5 tsd_train minus the " + tuneSample + "-post tuning sample (split seed "
                + s.splitSeed() + "): " + trainPosts + " posts" + (s.limit() > 0 ? " (--limit " + s.limit() + ")" : ""));
        p.set("dataFiles", Provenance.dataFiles(data.toAbsolutePath().getParent(), List.of(data.getFileName().toString())));
        p.put("labels", "a word token is toxic when most of its characters are in a gold span");
        // Its network reads the pipeline's tokens: a later checkout that reads the probe texts otherwise is told so (PipelineCheck).
        p.set(org.parley.model.PipelineFingerprint.KEY, org.parley.model.PipelineFingerprint.of(pipeline, false).toJson());
        p.put("lexiconInput", "rates learned out of fold (" + FOLDS + " folds) for training posts, on all training posts otherwise");
        p.put("embeddingInit", init);
        p.put("vocabulary", vocabulary).put("minCount", s.minCount());
        SpanTaggerNetwork.Config c = s.network();
        p.putObject("network").put("embedding", c.embedding()).put("filters", c.filters()).put("kernel", c.kernel())
                .put("dilation", c.dilation()).put("learningRate", c.learningRate()).put("embeddingLearningRate", c.embeddingLearningRate())
                .put("dropout", c.dropout()).put("seed", c.seed());
        p.put("epochs", s.epochs()).put("batch", s.batch()).put("limit", s.limit()).put("bestEpoch", bestEpoch);
        ObjectNode alone = p.putObject("taggerAlone").put("threshold", best.threshold()).put("fillGaps", best.fillGaps());
        if (Double.isNaN(best.fallback())) alone.putNull("fallback");
        else alone.put("fallback", best.fallback());
        alone.put("tuneF1", bestF1).put("devF1", devF1);
        p.put("trainingSeconds", (System.nanoTime() - trainingStart) / 1_000_000_000L);
        p.put("command", "scripts/train-spans");
        return p;
    }

    /** NaN is not JSON. */
    static String json(double x) {
        return Double.isNaN(x) ? "null" : String.format(Locale.ROOT, "%.2f", x);
    }

    record Tuned(SpanCombination combination, double f1) {}

    /** The tagger alone: threshold, gap filling and fallback that give the best mean F1 on these posts. */
    static Tuned tune(List<Post> posts, List<List<Token>> tokens, float[][] p) {
        Tuned best = new Tuned(null, -1);
        for (boolean fill : new boolean[] {false, true})
            for (double fallback : FALLBACKS)
                for (int i = 1; i <= 19; i++) {
                    SpanCombination c = new SpanCombination(i * 0.05, false, fallback, fill);
                    double f1 = meanF1(posts, tokens, p, c, null);
                    if (f1 > best.f1) best = new Tuned(c, f1);
                }
        return best;
    }

    static double meanF1(List<Post> posts, List<List<Token>> tokens, float[][] p,
                         SpanCombination c, List<List<Span>> explained) {
        double sum = 0;
        for (int i = 0; i < posts.size(); i++) {
            List<Span> spans = c.select(tokens.get(i), p[i], explained == null ? List.of() : explained.get(i));
            sum += SpanF1.f1(SpanF1.offsets(spans, posts.get(i).text(), c.fillGaps()), posts.get(i).gold());
        }
        return posts.isEmpty() ? 0 : sum / posts.size();
    }

    private List<List<Token>> tokenize(List<Post> posts) {
        List<List<Token>> out = new ArrayList<>(posts.size());
        for (Post p : posts) out.add(pipeline.tokenize(p.text()));
        return out;
    }

    /**
     * Word forms seen at least minCount times, most frequent first (of equal counts, in alphabetical order, so a
     * training run's ids do not hang on a hash map's order), at most max of them.
     */
    static List<String> vocabulary(List<List<Token>> tokens, int minCount, int max) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<Token> ts : tokens) for (Token t : ts) counts.merge(t.text(), 1, Integer::sum);
        List<String> words = new ArrayList<>();
        counts.forEach((w, c) -> {
            if (c >= minCount && !w.isEmpty() && w.indexOf('\n') < 0) words.add(w);
        });
        words.sort((a, b) -> counts.get(b).equals(counts.get(a)) ? a.compareTo(b) : counts.get(b) - counts.get(a));
        return words.subList(0, Math.min(words.size(), max));
    }

    /** Each post's lexicon rates from a lexicon learned on the other folds (the shipped formula, {@link SpanLexicon}). */
    static List<float[]> outOfFoldRates(List<List<Token>> tokens, List<BitSet> gold) {
        List<Map<String, int[]>> counts = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) counts.add(new HashMap<>());
        Map<String, int[]> total = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++)
            for (Token t : tokens.get(i)) {
                if (!SpanExplainer.isWord(t)) continue;
                boolean in = SpanTagger.inside(t, gold.get(i));
                for (Map<String, int[]> m : List.of(counts.get(i % FOLDS), total)) {
                    int[] c = m.computeIfAbsent(t.text(), k -> new int[2]);
                    c[0]++;
                    if (in) c[1]++;
                }
            }
        List<float[]> out = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            Map<String, int[]> own = counts.get(i % FOLDS);
            float[] r = new float[tokens.get(i).size()];
            for (int k = 0; k < r.length; k++) {
                String w = tokens.get(i).get(k).text();
                int[] all = total.get(w), mine = own.get(w);
                if (all == null) continue;
                int seen = all[0] - (mine == null ? 0 : mine[0]), marked = all[1] - (mine == null ? 0 : mine[1]);
                if (seen >= SpanLexicon.MIN_COUNT && marked > 0) r[k] = (float) marked / (seen + 1);
            }
            out.add(r);
        }
        return out;
    }

    /** Posts of similar length together, so little of a batch is padding. */
    private List<int[]> batches(List<List<Token>> tokens) {
        Integer[] order = new Integer[tokens.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(tokens.get(a).size(), tokens.get(b).size()));
        List<int[]> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += s.batch()) {
            int[] b = new int[Math.min(s.batch(), order.length - from)];
            for (int i = 0; i < b.length; i++) b[i] = order[from + i];
            out.add(b);
        }
        return out;
    }

    /**
     * Starts each word's embedding at the toxicity model's: the mean of its ids' rows (the word
     * itself, or its character n-grams when that model does not know it). Its dimension must match.
     */
    private String initialiseEmbedding(ComputationGraph network, List<String> words, Path bundlePath) {
        ModelBundle bundle = ModelBundle.load(bundlePath);
        INDArray source = bundle.network().getLayer("embed").getParam("W").castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
        INDArray target = network.getLayer(SpanTaggerNetwork.EMBED).getParam("W");
        if (source.size(1) != target.size(1))
            throw new IllegalArgumentException("the bundle's embedding has " + source.size(1) + " dimensions, the tagger " + target.size(1));
        INDArray init = target.dup();
        init.getRow(SpanTagger.PAD).assign(0);
        init.getRow(SpanTagger.UNKNOWN).assign(0);
        for (int i = 0; i < words.size(); i++) {
            int[] ids = bundle.features().deepIds(List.of(words.get(i)));
            if (ids.length == 0) continue;
            INDArray sum = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, source.size(1));
            for (int id : ids) sum.addi(source.getRow(id));
            init.getRow(i + 2).assign(sum.divi(ids.length));
        }
        network.getLayer(SpanTaggerNetwork.EMBED).setParam("W", init);
        return bundle.name() + " " + bundle.version() + " (" + bundle.checksum().substring(0, 12) + ")";
    }
}
