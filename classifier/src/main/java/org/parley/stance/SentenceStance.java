package org.parley.stance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.parley.eval.ClassMetrics;
import org.parley.feature.SentenceEncoder;
import org.parley.train.EarlyStopping;

/**
 * The target model's third part: a DL4J network over the pretrained {@link SentenceEncoder}'s
 * vectors of the comment (u) and of the target (v). It reads [u, v, u⊙v, |u−v|], the usual
 * sentence-pair features, through one ReLU layer and a softmax. The encoder is frozen; only this
 * network is trained. Where the pooled network and the wide part know only the words of the
 * training corpora, the encoder has read far more text: it carries most on targets with few rows
 * (VAST, ARC). Its probabilities are averaged with the other two parts' ({@link StanceModel}).
 * Calls into the network are serialised ({@code output} is not thread-safe).
 */
public final class SentenceStance {
    static final String INPUT = "pair", OUTPUT = "out";
    /**
     * Scales of the product and difference blocks: components of unit vectors in 384 dimensions are
     * ~0.05, their products ~0.0025; scaled, the four blocks have similar spreads.
     */
    private static final float PRODUCT_SCALE = 20f, DIFFERENCE_SCALE = 5f;
    private static final int BATCH = 64, CONTEXT_CACHE = 1024;

    /**
     * @param encoder      the sentence encoder whose vectors the network reads ({@link SentenceEncoder#NAME})
     * @param hidden       width of the ReLU layer
     * @param dropout      share of the ReLU layer's inputs dropped while training
     * @param learningRate Adam step
     * @param epochs       most epochs; the one with the best dev macro-F1 is kept
     * @param patience     epochs without a better dev score before stopping
     * @param weight       share of this part in the averaged probabilities (fixed, not fitted on dev)
     */
    public record Config(String encoder, int hidden, double dropout, double learningRate, int epochs, int patience, double weight) {
        public Config {
            if (!(weight >= 0 && weight <= 1)) throw new IllegalArgumentException("weight must be in [0, 1], was " + weight);
            if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), was " + dropout);
            if (epochs < 1) throw new IllegalArgumentException("sentence epochs must be >= 1, was " + epochs);
        }

        /** Weight 1/3: the three parts count equally (the pooled network and wide part already share the rest half and half). */
        public static Config defaults() {
            return new Config(SentenceEncoder.NAME, 256, 0.3, 1e-3, 12, 3, 1.0 / 3);
        }
    }

    record Trained(SentenceStance model, int bestEpoch, List<Double> devScoreByEpoch) {}

    private final Config config;
    private final ComputationGraph network;
    private final SentenceEncoder encoder;
    /** Recently used targets' vectors: a thread's few targets are asked about for every comment. */
    private final Map<String, float[]> contextVectors = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CONTEXT_CACHE;
        }
    });

    SentenceStance(Config config, ComputationGraph network, SentenceEncoder encoder) {
        if (!SentenceEncoder.NAME.equals(config.encoder()))
            throw new IllegalArgumentException("trained on the vectors of the sentence encoder \"" + config.encoder() + "\", but this code has " + SentenceEncoder.NAME);
        long in = network.getLayer("hidden").getParam("W").size(0);
        if (in != 4L * SentenceEncoder.DIMENSION)
            throw new IllegalArgumentException("network reads " + in + " inputs, expected " + 4 * SentenceEncoder.DIMENSION);
        this.config = config;
        this.network = network;
        this.encoder = encoder;
    }

    Config config() { return config; }

    ComputationGraph network() { return network; }

    int classes() {
        return (int) network.getLayer(OUTPUT).getParam("W").size(1);
    }

    static ComputationGraph create(int classes, Config c, long seed) {
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder()
                .seed(seed).updater(new Adam(c.learningRate())).weightInit(WeightInit.XAVIER).l2(1e-5)
                .graphBuilder()
                .addInputs(INPUT)
                .addLayer("hidden", new DenseLayer.Builder().nIn(4L * SentenceEncoder.DIMENSION).nOut(c.hidden())
                        .activation(Activation.RELU).dropOut(1 - c.dropout()).build(), INPUT)
                .addLayer(OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(c.hidden()).nOut(classes)
                        .activation(Activation.SOFTMAX).build(), "hidden")
                .setOutputs(OUTPUT).build());
        graph.init();
        return graph;
    }

    /**
     * Encodes every distinct text once, then trains with early stopping on the dev score.
     *
     * @param select the dev figure to maximise, from the part's own predictions
     */
    static Trained train(List<Pair> train, List<Pair> dev, int classes, Config c, SentenceEncoder encoder, long seed,
                         BiFunction<int[], int[], ClassMetrics> metrics, java.util.function.ToDoubleFunction<ClassMetrics> select,
                         PrintStream log) {
        if (train.isEmpty() || dev.isEmpty()) throw new IllegalArgumentException("training and dev pairs must not be empty");
        long start = System.nanoTime();
        List<String> texts = new ArrayList<>();
        for (List<Pair> part : List.of(train, dev)) for (Pair p : part) { texts.add(p.text()); texts.add(p.context()); }
        Map<String, float[]> vectors = encoder.encodeDistinct(texts);
        log.printf("sentence part: %d distinct texts encoded by %s in %d s%n", vectors.size(), c.encoder(), (System.nanoTime() - start) / 1_000_000_000L);

        INDArray x = features(train.stream().map(p -> vectors.get(p.text())).toList(), train.stream().map(p -> vectors.get(p.context())).toList());
        INDArray devX = features(dev.stream().map(p -> vectors.get(p.text())).toList(), dev.stream().map(p -> vectors.get(p.context())).toList());
        float[] labels = new float[train.size() * classes];
        for (int i = 0; i < train.size(); i++) labels[i * classes + train.get(i).label()] = 1f;
        INDArray y = Nd4j.create(labels, new long[] {train.size(), classes});
        int[] devGold = dev.stream().mapToInt(Pair::label).toArray();

        ComputationGraph network = create(classes, c, seed);
        SentenceStance model = new SentenceStance(c, network, encoder);
        Random random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) order.add(i);
        EarlyStopping.Outcome outcome = EarlyStopping.run(network, c.epochs(), c.patience(), epoch -> {
            Collections.shuffle(order, random);
            for (int from = 0; from < order.size(); from += BATCH) {
                int[] rows = order.subList(from, Math.min(order.size(), from + BATCH)).stream().mapToInt(Integer::intValue).toArray();
                network.fit(new INDArray[] {x.getRows(rows)}, new INDArray[] {y.getRows(rows)});
            }
        }, () -> select.applyAsDouble(metrics.apply(devGold, StanceMetrics.argmax(model.forward(devX)))), "sentence part score", log);
        org.parley.model.ModelBundle.roundToHalf(network); // scores as the bundle will store it
        return new Trained(model, outcome.bestEpoch(), outcome.history());
    }

    /** One row of probabilities per (texts[i], contexts[i]). */
    float[][] predict(List<String> texts, List<String> contexts) {
        if (texts.size() != contexts.size()) throw new IllegalArgumentException(texts.size() + " texts but " + contexts.size() + " contexts");
        Map<String, float[]> known = new HashMap<>();
        List<String> missing = new ArrayList<>(texts);
        for (String c : contexts) {
            float[] v = contextVectors.get(c);
            if (v != null) known.put(c, v);
            else missing.add(c);
        }
        Map<String, float[]> fresh = encoder.encodeDistinct(missing);
        for (String c : contexts) if (!known.containsKey(c)) contextVectors.put(c, fresh.get(c));
        known.putAll(fresh);
        INDArray x = features(texts.stream().map(known::get).toList(), contexts.stream().map(known::get).toList());
        try {
            return forward(x);
        } finally {
            x.close(); // native memory, given back now rather than at some later collection (GraphOutput)
        }
    }

    private float[][] forward(INDArray x) {
        return GraphOutput.probabilities(network, x);
    }

    /** [u, v, u⊙v, |u−v|] per pair, the last two scaled. */
    static INDArray features(List<float[]> texts, List<float[]> contexts) {
        int d = SentenceEncoder.DIMENSION;
        float[] f = new float[texts.size() * 4 * d];
        for (int i = 0; i < texts.size(); i++) {
            float[] u = texts.get(i), v = contexts.get(i);
            int row = i * 4 * d;
            for (int k = 0; k < d; k++) {
                f[row + k] = u[k];
                f[row + d + k] = v[k];
                f[row + 2 * d + k] = u[k] * v[k] * PRODUCT_SCALE;
                f[row + 3 * d + k] = Math.abs(u[k] - v[k]) * DIFFERENCE_SCALE;
            }
        }
        return Nd4j.create(f, new long[] {texts.size(), 4L * d});
    }
}
