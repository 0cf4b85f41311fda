package org.parley.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.corpus.Example;
import org.parley.eval.Evaluation;
import org.parley.feature.Batch;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.TextFeatures;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.model.ModelBundle;
import org.parley.model.PlattScaling;
import org.parley.model.ToxicityModel;
import org.parley.model.ToxicityNetwork;
import org.parley.text.TextPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains the toxicity network on a training split, picks the epoch with the best dev mean ROC-AUC,
 * and calibrates each attribute on the dev split. Attributes a corpus does not annotate are
 * masked out of the loss, so a corpus only teaches what it labels.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    /** Batches are cut from windows of this many batches sorted by length, to limit padding. */
    private static final int LENGTH_WINDOW = 50;

    private final TrainingOptions options;
    private final TextPipeline pipeline;
    private final PrintStream progressOut;

    public Trainer(TrainingOptions options, TextPipeline pipeline, PrintStream progressOut) {
        this.options = options;
        this.pipeline = pipeline;
        this.progressOut = progressOut;
    }

    /** What a run produced: the trained parts and the dev evaluation of the chosen epoch. */
    public record Result(ComputationGraph network, FeatureExtractor features, Map<Attribute, PlattScaling> calibration,
                         Evaluation dev, int bestEpoch, List<Double> devMeanRocAucByEpoch) {}

    public Result train(List<Example> train, List<Example> dev) {
        if (train.isEmpty() || dev.isEmpty()) throw new IllegalArgumentException("training and dev splits must not be empty");
        List<List<String>> trainTokens = tokenize(train, "Tokenising training split");
        Vocabulary vocabulary = Vocabulary.build(trainTokens, options.vocabMinCount(), options.vocabMaxSize());
        FeatureExtractor features = new FeatureExtractor(options.features(), vocabulary);
        LOG.info("vocabulary {} words, {} embedding ids", vocabulary.words().size(), features.idSpace());
        List<TextFeatures> trainIds = trainTokens.parallelStream().map(features::extract).toList();
        List<TextFeatures> devIds = tokenize(dev, "Tokenising dev split").parallelStream().map(features::extract).toList();

        ComputationGraph network = ToxicityNetwork.create(features.idSpace(), features.wideSpace(), options.network());
        ToxicityModel scorer = new ToxicityModel(network, features, Map.of(), pipeline, 1, "training");
        Random random = new Random(options.seed());
        List<Double> history = new ArrayList<>();
        INDArray bestParams = null;
        int bestEpoch = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            runEpoch(network, train, trainIds, random, epoch);
            double auc = Evaluation.of("dev", dev, scorer.forward(devIds)).meanRocAuc();
            history.add(auc);
            progressOut.printf("epoch %d: dev mean ROC-AUC %.4f%n", epoch, auc);
            if (auc > best) {
                best = auc;
                bestEpoch = epoch;
                bestParams = network.params().dup();
            } else if (epoch - bestEpoch >= options.patience()) {
                progressOut.printf("no improvement for %d epochs: keeping epoch %d%n", options.patience(), bestEpoch);
                break;
            }
        }
        network.setParams(bestParams);
        // Calibrate and report the weights as the bundle will store them.
        ModelBundle.roundToHalf(network);

        float[][] raw = scorer.forward(devIds);
        Map<Attribute, PlattScaling> calibration = calibrate(dev, raw);
        ToxicityModel calibrated = new ToxicityModel(network, features, calibration, pipeline, 1, "parley");
        Evaluation devEval = Evaluation.of("parley", dev, calibrated.forwardCalibrated(devIds));
        return new Result(network, features, calibration, devEval, bestEpoch, history);
    }

    private List<List<String>> tokenize(List<Example> examples, String task) {
        try (ProgressBar bar = bar(task, examples.size())) {
            return examples.parallelStream().map(e -> {
                List<String> t = pipeline.tokens(e.text());
                bar.step();
                return t;
            }).toList();
        }
    }

    private void runEpoch(ComputationGraph network, List<Example> train, List<TextFeatures> ids, Random random, int epoch) {
        List<int[]> batches = lengthBucketedBatches(ids, random);
        try (ProgressBar bar = bar("Epoch " + epoch + "/" + options.epochs(), train.size())) {
            for (int[] batch : batches) {
                network.fit(toDataSet(batch, train, ids));
                bar.stepBy(batch.length);
                bar.setExtraMessage(String.format(" loss %.4f", network.score()));
            }
        }
    }

    /** Shuffled batches of similar-length texts: padding costs as much as real ids. */
    private List<int[]> lengthBucketedBatches(List<TextFeatures> ids, Random random) {
        List<Integer> order = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) order.add(i);
        Collections.shuffle(order, random);
        int bs = options.batchSize(), window = bs * LENGTH_WINDOW;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += window) {
            List<Integer> w = new ArrayList<>(order.subList(from, Math.min(order.size(), from + window)));
            w.sort(Comparator.comparingInt(i -> ids.get(i).length()));
            for (int b = 0; b < w.size(); b += bs)
                batches.add(w.subList(b, Math.min(w.size(), b + bs)).stream().mapToInt(Integer::intValue).toArray());
        }
        Collections.shuffle(batches, random);
        return batches;
    }

    static MultiDataSet toDataSet(int[] rows, List<Example> examples, List<TextFeatures> ids) {
        List<TextFeatures> seqs = new ArrayList<>(rows.length);
        float[] labels = new float[rows.length * Attribute.COUNT];
        float[] mask = new float[rows.length * Attribute.COUNT];
        for (int k = 0; k < rows.length; k++) {
            seqs.add(ids.get(rows[k]));
            Labels l = examples.get(rows[k]).labels();
            for (Attribute a : Attribute.values()) {
                int j = k * Attribute.COUNT + a.ordinal();
                if (l.has(a)) {
                    labels[j] = l.get(a);
                    mask[j] = 1f;
                }
            }
        }
        Batch.Inputs x = Batch.of(seqs);
        long[] shape = {rows.length, Attribute.COUNT};
        return new MultiDataSet(x.features(), new INDArray[] {Nd4j.create(labels, shape)},
                x.masks(), new INDArray[] {Nd4j.create(mask, shape)});
    }

    /** One Platt scaling per attribute, fitted on the dev rows that label it. */
    static Map<Attribute, PlattScaling> calibrate(List<Example> dev, float[][] raw) {
        Map<Attribute, PlattScaling> out = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < dev.size(); i++) if (dev.get(i).labels().has(a)) rows.add(i);
            float[] s = new float[rows.size()];
            boolean[] y = new boolean[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                s[k] = raw[rows.get(k)][a.ordinal()];
                y[k] = dev.get(rows.get(k)).labels().positive(a);
            }
            out.put(a, PlattScaling.fit(s, y));
        }
        return out;
    }

    private ProgressBar bar(String task, long total) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                // A carriage-return bar: the interactive one's cursor escapes flood logs and CI output.
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(progressOut))
                .setUpdateIntervalMillis(1000).build();
    }
}
