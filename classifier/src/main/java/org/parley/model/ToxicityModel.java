package org.parley.model;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.feature.Batch;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.TextFeatures;
import org.parley.label.Attribute;
import org.parley.score.Scorer;
import org.parley.text.TextPipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.IntStream;

/**
 * Scores texts with a bundle's network: text pipeline → features → network → calibration.
 * The wide part runs as a sparse dot product over each text's TF-IDF row, the deep part in DL4J
 * ({@link ToxicityNetwork#deepPartOf}): the same arithmetic as the served graph, without its dense
 * [batch, attributes, length] arrays. Safe for concurrent callers: {@code ComputationGraph.output}
 * is not thread-safe, so each call borrows one of a few private copies of the deep part.
 */
public final class ToxicityModel implements Scorer {
    /** Texts per forward pass; sorted by length first so little of a batch is padding. */
    public static final int BATCH = 256;

    private final TextPipeline pipeline;
    private final FeatureExtractor features;
    private final PlattScaling[] calibration;
    private final BlockingQueue<ComputationGraph> networks;
    private final float[] wide; // [wide id * attributes + attribute], shared read-only by all copies
    private final String name;

    public ToxicityModel(ModelBundle bundle, TextPipeline pipeline, int copies) {
        this(bundle.network(), bundle.features(), bundle.calibration(), pipeline, copies, bundle.name());
    }

    public ToxicityModel(ComputationGraph network, FeatureExtractor features,
                         Map<Attribute, PlattScaling> calibration, TextPipeline pipeline, int copies, String name) {
        if (copies < 1) throw new IllegalArgumentException("copies must be >= 1, was " + copies);
        this.pipeline = pipeline;
        this.features = features;
        this.calibration = new PlattScaling[Attribute.COUNT];
        for (Attribute a : Attribute.values())
            this.calibration[a.ordinal()] = calibration.getOrDefault(a, PlattScaling.IDENTITY);
        ComputationGraph deep = ToxicityNetwork.deepPartOf(network);
        this.wide = ToxicityNetwork.wideWeights(network);
        this.networks = new ArrayBlockingQueue<>(copies);
        networks.add(deep);
        for (int i = 1; i < copies; i++) networks.add(deep.clone());
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    /** Calibrated probabilities, row i for texts.get(i). */
    @Override
    public float[][] score(List<String> texts) {
        return forwardCalibrated(ids(texts));
    }

    /** Calibrated probabilities for precomputed features. */
    public float[][] forwardCalibrated(List<TextFeatures> ids) {
        float[][] raw = forward(ids);
        for (float[] row : raw)
            for (int a = 0; a < row.length; a++) row[a] = calibration[a].apply(row[a]);
        return raw;
    }

    /** The network's sigmoid outputs before calibration (what calibration is fitted on). */
    public float[][] rawScores(List<String> texts) {
        return forward(ids(texts));
    }

    private List<TextFeatures> ids(List<String> texts) {
        // Tokenising dominates for short texts, so spread it over the cores.
        return texts.size() > 64
                ? texts.parallelStream().map(this::ids).toList()
                : texts.stream().map(this::ids).toList();
    }

    public TextFeatures ids(String text) {
        return features.extract(text, pipeline.tokens(text));
    }

    /** Forward passes over precomputed features, batched by length; uncalibrated. */
    public float[][] forward(List<TextFeatures> ids) {
        Integer[] order = IntStream.range(0, ids.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> ids.get(i).deep().length));
        float[][] wideLogits = (ids.size() > 64 ? ids.parallelStream() : ids.stream()).map(this::wideLogits).toArray(float[][]::new);
        float[][] out = new float[ids.size()][];
        ComputationGraph network = borrow();
        try {
            for (int from = 0; from < order.length; from += BATCH) {
                int to = Math.min(order.length, from + BATCH);
                List<int[]> batch = new ArrayList<>(to - from);
                float[][] wideBatch = new float[to - from][];
                for (int k = from; k < to; k++) {
                    batch.add(ids.get(order[k]).deep());
                    wideBatch[k - from] = wideLogits[order[k]];
                }
                Batch.Inputs x = Batch.deepOnly(batch, wideBatch);
                INDArray y = network.output(false, x.features(), x.masks())[0];
                float[][] rows = y.toFloatMatrix();
                for (int k = from; k < to; k++) out[order[k]] = rows[k - from];
            }
        } finally {
            networks.add(network);
        }
        return out;
    }

    /** The wide part: each TF-IDF value times its n-gram's weights, summed per attribute. */
    private float[] wideLogits(TextFeatures f) {
        float[] out = new float[Attribute.COUNT];
        int[] ids = f.wide();
        float[] v = f.wideWeights();
        for (int k = 0; k < ids.length; k++) {
            int base = ids[k] * Attribute.COUNT;
            for (int a = 0; a < Attribute.COUNT; a++) out[a] += v[k] * wide[base + a];
        }
        return out;
    }

    private ComputationGraph borrow() {
        try {
            return networks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a network copy", e);
        }
    }
}
