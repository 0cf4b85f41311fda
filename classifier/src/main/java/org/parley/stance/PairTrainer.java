package org.parley.stance;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.eval.ClassMetrics;
import org.parley.feature.Vocabulary;
import org.parley.text.TextPipeline;
import org.parley.train.EarlyStopping;
import org.parley.train.LengthBatches;

/**
 * Trains a {@link PairNetwork}: vocabulary from the training pairs, batches of similar length,
 * the epoch with the best dev score kept (early stopping on patience). The weights are rounded to
 * half precision before the final dev pass, since that is how the bundle stores them.
 */
final class PairTrainer {
    /** @param select the dev figure to maximise (macro-F1 for stance, accuracy for replies) */
    record Options(PairFeatureConfig features, PairNetworkConfig network, int epochs, int patience, int batchSize,
                   long seed, ToDoubleFunction<ClassMetrics> select) {}

    record Result(PairModel model, int bestEpoch, List<Double> devScoreByEpoch) {}

    private final Options options;
    private final TextPipeline pipeline;
    private final PrintStream log;
    private final Map<String, List<String>> tokenCache = new HashMap<>();

    PairTrainer(Options options, TextPipeline pipeline, PrintStream log) {
        this.options = options;
        this.pipeline = pipeline;
        this.log = log;
    }

    Result train(List<Pair> train, List<Pair> dev, int classes, java.util.function.BiFunction<int[], int[], ClassMetrics> metrics) {
        if (train.isEmpty() || dev.isEmpty()) throw new IllegalArgumentException("training and dev pairs must not be empty");
        List<List<String>> vocabTexts = new ArrayList<>();
        for (Pair p : train) {
            vocabTexts.add(tokens(p.text()));
            vocabTexts.add(tokens(p.context()));
        }
        PairFeatureConfig fc = options.features();
        Vocabulary vocabulary = Vocabulary.build(distinct(vocabTexts), fc.minCount(), fc.vocabularySize());
        PairEncoder encoder = new PairEncoder(fc, vocabulary);
        List<PairBatch.Encoded> trainIds = encode(train, encoder);
        List<PairBatch.Encoded> devIds = encode(dev, encoder);
        int[] devGold = dev.stream().mapToInt(Pair::label).toArray();

        ComputationGraph network = PairNetwork.create(encoder.idSpace(), classes, options.network());
        PairModel model = new PairModel(network, encoder, pipeline);
        Random random = new Random(options.seed());
        EarlyStopping.Outcome epochs = EarlyStopping.run(network, options.epochs(), options.patience(),
                epoch -> LengthBatches.shuffled(trainIds.size(), i -> trainIds.get(i).length(), options.batchSize(), random).forEach(batch -> network.fit(dataSet(batch, train, trainIds, classes))),
                () -> {
                    ClassMetrics m = metrics.apply(devGold, predict(model, devIds));
                    // Logged beside the selected figure: on replies macro-F1 and accuracy pull apart.
                    log.printf("  dev accuracy %.4f, macro-F1 %.4f%n", m.accuracy(), m.macroF1());
                    return options.select().applyAsDouble(m);
                }, "score", log);
        org.parley.model.ModelBundle.roundToHalf(network); // scores as the bundle will store it
        return new Result(model, epochs.bestEpoch(), epochs.history());
    }

    static int[] predict(PairModel model, List<PairBatch.Encoded> ids) {
        return StanceMetrics.argmax(model.forward(ids));
    }

    private List<PairBatch.Encoded> encode(List<Pair> pairs, PairEncoder encoder) {
        List<PairBatch.Encoded> out = new ArrayList<>(pairs.size());
        for (Pair p : pairs) out.add(new PairBatch.Encoded(encoder.text(tokens(p.text())), encoder.context(tokens(p.context()))));
        return out;
    }

    /** Tokenised once per distinct text: ARC bodies and VAST posts come with many targets. */
    private List<String> tokens(String text) {
        return tokenCache.computeIfAbsent(text, pipeline::tokens);
    }

    /** A text repeated for many targets is counted once for the vocabulary. */
    private static List<List<String>> distinct(List<List<String>> texts) {
        return new ArrayList<>(new java.util.LinkedHashSet<>(texts));
    }

    private MultiDataSet dataSet(int[] rows, List<Pair> pairs, List<PairBatch.Encoded> ids, int classes) {
        List<PairBatch.Encoded> part = new ArrayList<>(rows.length);
        float[] labels = new float[rows.length * classes];
        for (int k = 0; k < rows.length; k++) {
            part.add(ids.get(rows[k]));
            labels[k * classes + pairs.get(rows[k]).label()] = 1f;
        }
        INDArray[] x = PairBatch.inputs(part, options.network().embedding());
        return new MultiDataSet(x, new INDArray[] {Nd4j.create(labels, new long[] {rows.length, classes})});
    }
}
