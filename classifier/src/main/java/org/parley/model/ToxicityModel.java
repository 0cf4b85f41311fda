package org.parley.model;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.TextFeatures;
import org.parley.feature.TokenRemoval;
import org.parley.feature.WideText;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.score.Variants;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Scores texts with a bundle's network: text pipeline → features → network → calibration.
 * The wide part runs as a sparse dot product over each text's TF-IDF row and the deep part in plain
 * Java ({@link DeepPart}): the same arithmetic as the served graph, one text at a time, so texts
 * need no padding and a batch spreads over the cores. Immutable and safe for concurrent callers.
 */
public final class ToxicityModel implements Scorer {
    /** Texts per forward pass in training ({@code Trainer}); scoring here needs no batches. */
    public static final int BATCH = 256;
    /** Fewer texts than this are scored (or, by TaggedExplainer, tokenised) on the calling thread: forking costs more than it saves. */
    public static final int PARALLEL = 16;

    private final TextPipeline pipeline;
    private final FeatureExtractor features;
    private final PlattScaling[] calibration;
    private final DeepPart deep;
    private final float[] wide; // [wide id * attributes + attribute]
    private final String name;
    /** Wide weights per n-gram: one per attribute, which {@link #wideLogits} spells out. */
    private static final int WIDE_STRIDE = 6;

    static {
        if (Attribute.COUNT != WIDE_STRIDE) throw new IllegalStateException("wideLogits sums " + WIDE_STRIDE + " attributes, there are " + Attribute.COUNT);
    }

    public ToxicityModel(ModelBundle bundle, TextPipeline pipeline, int copies) {
        this(bundle.weights(), bundle.features(), bundle.calibration(), pipeline, copies, bundle.name());
    }

    /** @param copies kept for callers; the plain-Java forward pass needs no per-thread copies */
    public ToxicityModel(ComputationGraph network, FeatureExtractor features,
                         Map<Attribute, PlattScaling> calibration, TextPipeline pipeline, int copies, String name) {
        this(ServingWeights.of(network), features, calibration, pipeline, copies, name);
    }

    private ToxicityModel(ServingWeights weights, FeatureExtractor features,
                          Map<Attribute, PlattScaling> calibration, TextPipeline pipeline, int copies, String name) {
        if (copies < 1) throw new IllegalArgumentException("copies must be >= 1, was " + copies);
        this.pipeline = pipeline;
        this.features = features;
        this.calibration = new PlattScaling[Attribute.COUNT];
        for (Attribute a : Attribute.values())
            this.calibration[a.ordinal()] = calibration.getOrDefault(a, PlattScaling.IDENTITY);
        this.deep = DeepPart.of(weights);
        this.wide = weights.wide();
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Calibrated probabilities, row i for texts.get(i). */
    @Override
    public float[][] score(List<String> texts) {
        return map(texts, t -> calibrate(forward(ids(t))));
    }

    /** The same scores as {@link #score(List)}: a token's form is what {@link TextPipeline#tokens} gives. */
    @Override
    public float[][] score(List<String> texts, TextPipeline pipeline, List<List<Token>> tokens) {
        if (pipeline != this.pipeline) return score(texts);
        if (tokens.size() != texts.size())
            throw new IllegalArgumentException(tokens.size() + " token lists for " + texts.size() + " texts");
        return map(IntStream.range(0, texts.size()).boxed().toList(), i -> calibrate(forward(ids(texts.get(i), tokens.get(i)))));
    }

    /**
     * One text's calibrated probabilities, on the calling thread, for a caller that spreads texts
     * over threads itself (scripts/score). Its tokens are what {@code pipeline.tokenize(text)}
     * gives; with another pipeline than this model's, the text is tokenised again.
     */
    public float[] score(String text, TextPipeline pipeline, List<Token> tokens) {
        return calibrate(forward(pipeline == this.pipeline ? ids(text, tokens) : ids(text)));
    }

    /**
     * As the default, but a variant costs about half as much: each text's tokens come with it and its
     * TF-IDF sums are computed once, and each variant's deep ids come from the text's tokens less the
     * removed ones ({@link TokenRemoval#forms}) and its wide logits from the n-grams that change
     * near them (tokenising, the TF-IDF row and its dot product were most of a variant's time).
     * The wide part is exact up to float rounding; the deep ids differ from the variant string's
     * where the normaliser would decide a shout, glued or masked word otherwise on the shorter text.
     */
    @Override
    public float[][] scoreVariants(List<Variants> variants) {
        // A text's windows are made once here: made once a chunk, a text of 32 variants made them three times or four.
        record Text(List<Token> tokens, WideTerms terms, TokenRemoval.Windows windows) {}
        List<Text> texts = Spread.stream(variants, PARALLEL)
                .map(v -> {
                    String read = WideText.of(v.text(), v.tokens());
                    return new Text(v.tokens(), new WideTerms(features.tfIdf(), wide, features.biasId(), read), new TokenRemoval.Windows(read));
                })
                .toList();
        record Variant(Text text, List<Token> removed) {}
        List<Variant> all = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++)
            for (List<Token> group : variants.get(i).removed()) all.add(new Variant(texts.get(i), group));
        // The hidden layer is one OpenBLAS product per chunk of variants (DeepPart.forward(List, List)); chunks spread over the cores.
        List<List<Variant>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += deep.batchRows())
            chunks.add(all.subList(from, Math.min(all.size(), from + deep.batchRows())));
        float[][][] scored = map(chunks, chunk -> {
            List<float[]> logits = new ArrayList<>(chunk.size());
            for (Variant v : chunk) logits.add(v.text.terms.logits(TokenRemoval.ngrams(features.tfIdf(), v.text.windows, v.removed)));
            return deep.forward(chunk.stream().map(v -> features.deepIds(TokenRemoval.forms(v.text.tokens, v.removed))).toList(), logits);
        }, float[][][]::new, 2);
        float[][] out = new float[all.size()][];
        int row = 0;
        for (float[][] chunk : scored) for (float[] p : chunk) out[row++] = calibrate(p);
        return out;
    }

    /** Calibrated probabilities for precomputed features. */
    public float[][] forwardCalibrated(List<TextFeatures> ids) {
        return map(ids, f -> calibrate(forward(f)));
    }

    /** The network's sigmoid outputs before calibration (what calibration is fitted on). */
    public float[][] rawScores(List<String> texts) {
        return map(texts, t -> forward(ids(t)));
    }

    public TextFeatures ids(String text) {
        return ids(text, pipeline.tokenize(text));
    }

    /** The wide part reads the text with its obfuscated words written out ({@link WideText}). */
    private TextFeatures ids(String text, List<Token> tokens) {
        return features.extract(WideText.of(text, tokens), tokens.stream().map(Token::text).toList());
    }

    /** Forward passes over precomputed features; uncalibrated. */
    public float[][] forward(List<TextFeatures> ids) {
        return map(ids, this::forward);
    }

    /** One text's sigmoid outputs, uncalibrated. */
    public float[] forward(TextFeatures f) {
        return deep.forward(f.deep(), wideLogits(f));
    }

    private float[] calibrate(float[] raw) {
        for (int a = 0; a < raw.length; a++) raw[a] = calibration[a].apply(raw[a]);
        return raw;
    }

    private static <T> float[][] map(List<T> items, Function<T, float[]> f) {
        // Tokenising dominates for short texts, so spread the texts over the cores.
        return map(items, f, float[][]::new, PARALLEL);
    }

    /** items mapped in order, spread over the cores when there are at least {@code parallel} of them ({@link Spread}). */
    private static <T, R> R[] map(List<T> items, Function<T, R> f, java.util.function.IntFunction<R[]> array, int parallel) {
        return Spread.stream(items, parallel).map(f).toArray(array);
    }

    /**
     * The wide part: each TF-IDF value times its n-gram's weights, summed per attribute in local
     * sums, in the order a loop over the attributes would add them (the same floats): one n-gram's
     * weights miss the cache while the next is read, where sums kept in an array waited on each
     * store with C1 alone (scripts/score now has C2 compile this method: scripts/lib/c2-kernels.json).
     */
    private float[] wideLogits(TextFeatures f) {
        int[] ids = f.wide();
        float[] v = f.wideWeights();
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0;
        for (int k = 0; k < ids.length; k++) {
            int base = ids[k] * WIDE_STRIDE;
            float x = v[k];
            s0 += x * wide[base];
            s1 += x * wide[base + 1];
            s2 += x * wide[base + 2];
            s3 += x * wide[base + 3];
            s4 += x * wide[base + 4];
            s5 += x * wide[base + 5];
        }
        return new float[] {s0, s1, s2, s3, s4, s5};
    }
}
