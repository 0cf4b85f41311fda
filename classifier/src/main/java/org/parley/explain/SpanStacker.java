package org.parley.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.SolverType;
import org.parley.text.Token;
import org.parley.model.Liblinear;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which words are spans, from all three signals at once: a logistic regression over each word's
 * tagger log-odds, occlusion weight and lexicon rate, its neighbours' and the comment's best. It is
 * fitted on the tuning sample of the SemEval-2021 Task 5 posts ({@code scripts/evaluate-spans
 * --write-stacker}). Thresholds on each signal alone ({@link SpanCombination}) cannot say that a
 * word next to a marked word, or a middling word in a comment with no clear insult, is likely
 * marked too; the stacker learns it (dev F1 0.662 → 0.68). Immutable and thread-safe.
 */
public final class SpanStacker {
    static final String RESOURCE = "/org/parley/explain/span-stacker.json";
    /** What a word's row holds; written with the weights so a stacker file says what it reads. */
    static final List<String> FEATURES = List.of("taggerLogit", "occlusion", "lexiconRate", "previousTaggerLogit",
            "nextTaggerLogit", "previousLexiconRate", "nextLexiconRate", "maxTaggerLogit", "logWords", "isBest",
            "meanTaggerLogit", "maxOcclusion", "taggerLogitBelowMax", "positiveOcclusion", "taggerLogitTimesRate",
            "secondTaggerLogit");
    /** The tagger logit of a neighbour or second word that is not there. */
    private static final double ABSENT = -8;
    private static final double CLAMP = 1e-5;
    /** liblinear's cost: with ~60k rows and 16 standardised features, hardly a constraint. */
    private static final double C = 1;

    private final double[] mean, scale, weights;
    private final double bias, threshold, fallback;
    private final boolean fillGaps;
    private final JsonNode provenance;

    /**
     * @param threshold a word is a span when P(marked) reaches it
     * @param fallback  with no word kept, the best word is kept if it reaches this (NaN: never)
     * @param fillGaps  how the tuning measure counted offsets ({@link SpanF1#offsets}); not used to select
     */
    SpanStacker(double[] mean, double[] scale, double[] weights, double bias, double threshold, double fallback,
                boolean fillGaps, JsonNode provenance) {
        if (mean.length != FEATURES.size() || scale.length != FEATURES.size() || weights.length != FEATURES.size())
            throw new IllegalArgumentException("a span stacker reads " + FEATURES.size() + " features");
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = weights.clone();
        this.bias = bias;
        this.threshold = threshold;
        this.fallback = fallback;
        this.fillGaps = fillGaps;
        this.provenance = provenance;
    }

    /** The stacker shipped in the jar; null when none is shipped. */
    public static SpanStacker standard() {
        try (InputStream in = SpanStacker.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public double threshold() {
        return threshold;
    }

    public double fallback() {
        return fallback;
    }

    boolean fillGaps() {
        return fillGaps;
    }

    SpanStacker withProvenance(JsonNode provenance) {
        return new SpanStacker(mean, scale, weights, bias, threshold, fallback, fillGaps, provenance);
    }

    /**
     * The spans of one comment, in text order (overlapping ones merged, {@link Span#disjoint}), each weighted by its log-odds
     * of being marked.
     *
     * @param tokens its tokens, as the tagger read them
     * @param p      the tagger's probability per token
     * @param words  the explainer's words of the same comment (every word token, with weight and rate)
     */
    public List<Span> select(List<Token> tokens, float[] p, List<SpanExplainer.Word> words) {
        Rows rows = rows(tokens, p, words);
        List<Span> kept = new ArrayList<>();
        int best = -1;
        double[] z = new double[rows.tokens.size()];
        for (int k = 0; k < z.length; k++) {
            z[k] = logit(rows.x[k]);
            if (z[k] >= logit(threshold)) kept.add(span(rows.tokens.get(k), z[k]));
            if (best < 0 || z[k] > z[best]) best = k;
        }
        if (kept.isEmpty() && best >= 0 && !Double.isNaN(fallback) && z[best] >= logit(fallback))
            kept.add(span(rows.tokens.get(best), z[best]));
        return Span.disjoint(kept);
    }

    private static Span span(Token t, double z) {
        return new Span(t.begin(), t.end(), (float) z);
    }

    private double logit(double[] x) {
        double z = bias;
        for (int j = 0; j < x.length; j++) z += weights[j] * (x[j] - mean[j]) / scale[j];
        return z;
    }

    private static double logit(double q) {
        if (q <= 0) return Double.NEGATIVE_INFINITY;
        if (q >= 1) return Double.POSITIVE_INFINITY;
        return Math.log(q / (1 - q));
    }

    /** The word tokens of one comment, in text order, and their raw feature rows. */
    record Rows(List<Token> tokens, double[][] x) {}

    static Rows rows(List<Token> tokens, float[] p, List<SpanExplainer.Word> words) {
        Map<Integer, SpanExplainer.Word> byBegin = new HashMap<>();
        for (SpanExplainer.Word w : words) byBegin.put(w.span().begin(), w);
        List<Token> ws = new ArrayList<>();
        double[] ls = new double[tokens.size()], os = new double[tokens.size()], rs = new double[tokens.size()];
        for (int t = 0; t < tokens.size(); t++) {
            Token token = tokens.get(t);
            if (!SpanExplainer.isWord(token)) continue;
            SpanExplainer.Word w = byBegin.get(token.begin());
            double q = Math.min(1 - CLAMP, Math.max(CLAMP, p[t]));
            ls[ws.size()] = Math.log(q / (1 - q));
            os[ws.size()] = w == null ? 0.0 : w.span().weight();
            rs[ws.size()] = w == null ? 0.0 : w.rate();
            ws.add(token);
        }
        int n = ws.size();
        double max = ABSENT, second = ABSENT, maxOcclusion = n == 0 ? 0 : Double.NEGATIVE_INFINITY, sum = 0;
        for (int k = 0; k < n; k++) {
            double l = ls[k];
            if (k == 0 || l > max) {
                if (k > 0) second = max;
                max = l;
            } else if (k == 1 || l > second) second = l;
            maxOcclusion = Math.max(maxOcclusion, os[k]);
            sum += l;
        }
        double[][] x = new double[n][];
        for (int k = 0; k < n; k++) {
            double l = ls[k], o = os[k], r = rs[k];
            x[k] = new double[] {l, o, r,
                    k > 0 ? ls[k - 1] : ABSENT, k + 1 < n ? ls[k + 1] : ABSENT,
                    k > 0 ? rs[k - 1] : 0, k + 1 < n ? rs[k + 1] : 0,
                    max, Math.log(n), l == max ? 1 : 0, sum / n, maxOcclusion, l - max, Math.max(o, 0), l * r,
                    n > 1 ? second : ABSENT};
        }
        return new Rows(ws, x);
    }

    /** A comment as the stacker is fitted and measured on it: text, tokens, tagger output, explainer words, gold offsets. */
    record Post(String text, List<Token> tokens, float[] p, List<SpanExplainer.Word> words, BitSet gold) {}

    /** Fits the regression on every word of these posts, then the threshold, fallback and gap filling that give the best mean F1. */
    static SpanStacker fit(List<Post> posts) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (Post post : posts) {
            Rows r = rows(post.tokens(), post.p(), post.words());
            for (int k = 0; k < r.tokens.size(); k++) {
                xs.add(r.x[k]);
                ys.add(SpanTagger.inside(r.tokens.get(k), post.gold()) ? 1.0 : 0.0);
            }
        }
        int d = FEATURES.size();
        double[] mean = new double[d], scale = new double[d];
        for (double[] x : xs) for (int j = 0; j < d; j++) mean[j] += x[j] / xs.size();
        for (double[] x : xs) for (int j = 0; j < d; j++) scale[j] += (x[j] - mean[j]) * (x[j] - mean[j]) / xs.size();
        for (int j = 0; j < d; j++) scale[j] = Math.sqrt(scale[j]) + 1e-9;

        Feature[][] x = new Feature[xs.size()][];
        double[] y = new double[xs.size()];
        for (int i = 0; i < x.length; i++) {
            Feature[] row = new Feature[d + 1];
            for (int j = 0; j < d; j++) row[j] = new FeatureNode(j + 1, (xs.get(i)[j] - mean[j]) / scale[j]);
            row[d] = new FeatureNode(d + 1, 1);
            x[i] = row;
            y[i] = ys.get(i);
        }
        Linear.disableDebugOutput();
        Model model = Linear.train(Liblinear.problem(x, y, d + 1), new Parameter(SolverType.L2R_LR, C, 1e-6));
        double[] all = Liblinear.positiveWeights(model);
        double[] weights = Arrays.copyOf(all, d);
        double bias = all[d];

        SpanStacker best = null;
        double bestF1 = -1;
        for (boolean fill : new boolean[] {false, true})
            for (double fallback : new double[] {Double.NaN, 0, 0.1, 0.2})
                for (int i = 1; i <= 19; i++) {
                    SpanStacker s = new SpanStacker(mean, scale, weights, bias, i / 20.0, fallback, fill, null);
                    double f1 = s.meanF1(posts);
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        best = s;
                    }
                }
        return best;
    }

    /** The SemEval-2021 Task 5 measure over these posts. */
    double meanF1(List<Post> posts) {
        double sum = 0;
        for (double f1 : f1s(posts)) sum += f1;
        return posts.isEmpty() ? 0 : sum / posts.size();
    }

    /** Each post's F1 (the task's measure is their mean). */
    double[] f1s(List<Post> posts) {
        double[] out = new double[posts.size()];
        for (int i = 0; i < out.length; i++) {
            Post post = posts.get(i);
            out[i] = SpanF1.f1(SpanF1.offsets(select(post.tokens(), post.p(), post.words()), post.text(), fillGaps), post.gold());
        }
        return out;
    }

    // ---- persistence: one JSON object ----

    public void write(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        root.putPOJO("features", FEATURES);
        root.putPOJO("mean", mean);
        root.putPOJO("scale", scale);
        root.putPOJO("weights", weights);
        root.put("bias", bias);
        root.put("threshold", threshold);
        if (Double.isNaN(fallback)) root.putNull("fallback");
        else root.put("fallback", fallback);
        root.put("fillGaps", fillGaps);
        root.set("provenance", provenance);
        org.parley.io.AtomicFile.write(file, out -> json.writerWithDefaultPrettyPrinter().writeValue(out, root)); // whole, or a failure naming it
    }

    public static SpanStacker read(Path file) throws IOException {
        return read(new ObjectMapper().readTree(file.toFile()));
    }

    static SpanStacker read(JsonNode root) throws IOException {
        List<String> features = new ArrayList<>();
        root.path("features").forEach(f -> features.add(f.asText()));
        if (!features.equals(FEATURES))
            throw new IOException("span stacker reads features " + features + "; this code computes " + FEATURES);
        JsonNode fallback = root.path("fallback");
        return new SpanStacker(doubles(root.path("mean")), doubles(root.path("scale")), doubles(root.path("weights")),
                root.path("bias").asDouble(), root.path("threshold").asDouble(),
                fallback.isNumber() ? fallback.asDouble() : Double.NaN, root.path("fillGaps").asBoolean(), root.path("provenance"));
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }
}
