package org.parley.train;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.baseline.LinearBaseline;
import org.parley.corpus.Example;
import org.parley.eval.Evaluation;
import org.parley.feature.Batch;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.NgramTfIdf;
import org.parley.feature.TextFeatures;
import org.parley.feature.Vocabulary;
import org.parley.feature.WideText;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.model.ModelBundle;
import org.parley.model.NetworkConfig;
import org.parley.model.PlattScaling;
import org.parley.model.ToxicityModel;
import org.parley.model.ToxicityNetwork;
import org.parley.text.TextPipeline;
import org.parley.text.Token;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Trains the toxicity network on a training split in two stages — the wide part (TF-IDF logistic
 * regressions, liblinear), then the deep part in DL4J on top of the wide part's out-of-fold logits
 * (stacking) — picks the deep part's epoch with the best dev mean ROC-AUC, assembles the served
 * network, and calibrates each attribute on the dev split. Attributes a corpus does not annotate are
 * masked out of the loss, so a corpus only teaches what it labels.
 */
public final class Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

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
        checkMeasurable(dev);
        // Said, as scripts/evaluate says it: a quick run's INSULT of 35 dev rows, none positive, was left out of the
        // mean and kept uncalibrated without a word (a data scientist's sixth audit).
        for (String one : oneClass(dev))
            progressOut.printf("dev split: %s, one class: no ROC-AUC, so left out of the mean that picks the epoch, and not calibrated%n", one);
        Read trainRead = read(train, "Tokenising training split");
        List<List<String>> trainTokens = trainRead.tokens();
        List<Example> wideTrain = trainRead.examples(); // the texts as the wide part reads them when served
        Vocabulary vocabulary = Vocabulary.build(trainTokens, options.vocabMinCount(), options.vocabMaxSize());
        NgramTfIdf tfIdf;
        try (ProgressBar bar = bar("Fitting TF-IDF", train.size())) {
            tfIdf = NgramTfIdf.fit(texts(wideTrain), options.features().wideBuckets(), bar::step);
        }
        FeatureExtractor features = new FeatureExtractor(options.features(), vocabulary, tfIdf);
        LOG.info("vocabulary {} words, {} embedding ids", vocabulary.words().size(), features.idSpace());

        // Stage 1, the wide part: a convex problem, solved exactly by liblinear. The deep part learns
        // against out-of-fold wide logits: the full fit's logits on its own training rows are overconfident.
        progressOut.printf("Wide part: logistic regression per attribute (C=%s, %d folds for stacking)%n",
                options.wideC(), options.stackingFolds());
        LinearBaseline.Options wideOptions = LinearBaseline.Options.defaults().withC(options.wideC())
                .withHashBits(Integer.numberOfTrailingZeros(options.features().wideBuckets())).withSeed(options.seed());
        LinearBaseline.Stacked wide = LinearBaseline.stack(wideTrain, tfIdf, options.stackingFolds(), wideOptions,
                Counterfactuals.sameFoldAs(train));
        Read devRead = read(dev, "Tokenising dev split");
        float[][] devWide = wide.full().logits(texts(devRead.examples()));

        // Stage 2, the deep part: trained on what the wide part gets wrong.
        List<int[]> trainIds = trainTokens.parallelStream().map(features::deepIds).toList();
        List<List<String>> devTokens = devRead.tokens();
        List<int[]> devIds = devTokens.parallelStream().map(features::deepIds).toList();
        ComputationGraph deep = ToxicityNetwork.createDeepOnly(features.idSpace(), options.network());
        Random random = new Random(options.seed());
        EarlyStopping.Outcome epochs = EarlyStopping.run(deep, options.epochs(), options.patience(),
                epoch -> runEpoch(deep, train, trainIds, wide.outOfFoldLogits(), random, epoch),
                () -> Evaluation.of("dev", dev, forward(deep, devIds, devWide)).meanRocAuc(), "mean ROC-AUC (full precision, uncalibrated)", progressOut);
        ComputationGraph network = assemble(deep, wide.full(), features, options.network());
        // Calibrate and report the weights as the bundle will store them.
        ModelBundle.roundToHalf(network);

        List<TextFeatures> devFeatures = IntStream.range(0, dev.size()).parallel()
                .mapToObj(i -> features.extract(devRead.examples().get(i).text(), devTokens.get(i))).toList();
        ToxicityModel scorer = new ToxicityModel(network, features, Map.of(), pipeline, 1, "training");
        float[][] raw = scorer.forward(devFeatures);
        Map<Attribute, PlattScaling> calibration = calibrate(dev, raw);
        ToxicityModel calibrated = new ToxicityModel(network, features, calibration, pipeline, 1, "parley");
        Evaluation devEval = Evaluation.of("parley", dev, calibrated.forwardCalibrated(devFeatures));
        return new Result(network, features, calibration, devEval, epochs.bestEpoch(), epochs.history());
    }

    /**
     * Refuses a dev split on which no attribute has both classes: its mean ROC-AUC is NaN, so no epoch
     * can be chosen and the bundle would record NaN metrics and epoch -1 (a --sample of 1 did that).
     */
    static void checkMeasurable(List<Example> dev) {
        if (measurable(dev)) return;
        throw new IllegalArgumentException("the dev split (" + dev.size() + " rows) has no attribute with both a positive"
                + " and a negative row, so it cannot choose an epoch or calibrate: use a larger --sample or more corpora");
    }

    /** Whether some attribute is labelled in {@code rows} with both a positive and a negative example: a ROC-AUC to measure. */
    public static boolean measurable(List<Example> rows) {
        for (Attribute a : Attribute.values()) {
            long labelled = rows.stream().filter(e -> e.labels().has(a)).count();
            long positive = rows.stream().filter(e -> e.labels().positive(a)).count();
            if (positive > 0 && positive < labelled) return true;
        }
        return false;
    }

    /** Each attribute {@code rows} label with one class alone, as scripts/evaluate says it ("INSULT (35 labelled, all negative)"). */
    public static List<String> oneClass(List<Example> rows) {
        List<String> out = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            long labelled = rows.stream().filter(e -> e.labels().has(a)).count();
            long positive = rows.stream().filter(e -> e.labels().positive(a)).count();
            if (labelled > 0 && (positive == 0 || positive == labelled))
                out.add(a + " (" + labelled + " labelled, all " + (positive == 0 ? "negative" : "positive") + ")");
        }
        return out;
    }

    /** The served network: the trained deep layers, and the wide part's weights from liblinear. */
    static ComputationGraph assemble(ComputationGraph deep, LinearBaseline wide, FeatureExtractor features, NetworkConfig config) {
        ComputationGraph network = ToxicityNetwork.create(features.idSpace(), features.wideSpace(), config);
        for (org.deeplearning4j.nn.api.Layer layer : deep.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (layer.numParams() > 0) network.getLayer(name).setParams(layer.params().dup());
        }
        network.getLayer(ToxicityNetwork.WIDE).setParam("W", Nd4j.create(wide.weights()));
        return network;
    }

    /** Sigmoid outputs of the deep-only network for precomputed ids and wide logits. */
    private static float[][] forward(ComputationGraph deep, List<int[]> ids, float[][] wideLogits) {
        float[][] out = new float[ids.size()][];
        for (int from = 0; from < ids.size(); from += ToxicityModel.BATCH) {
            int to = Math.min(ids.size(), from + ToxicityModel.BATCH);
            Batch.Inputs x = Batch.deepOnly(ids.subList(from, to), Arrays.copyOfRange(wideLogits, from, to));
            float[][] rows = deep.output(false, x.features(), x.masks())[0].toFloatMatrix();
            System.arraycopy(rows, 0, out, from, to - from);
        }
        return out;
    }

    private static List<String> texts(List<Example> examples) {
        return examples.stream().map(Example::text).toList();
    }

    /** Each example's token forms, and the example with the text its wide part reads ({@link WideText}). */
    private record Read(List<List<String>> tokens, List<Example> examples) {}

    private Read read(List<Example> examples, String task) {
        record One(List<String> tokens, Example example) {}
        List<One> all;
        try (ProgressBar bar = bar(task, examples.size())) {
            all = examples.parallelStream().map(e -> {
                List<Token> t = pipeline.tokenize(e.text());
                bar.step();
                return new One(t.stream().map(Token::text).toList(),
                        new Example(e.source(), e.id(), WideText.of(e.text(), t), e.labels()));
            }).toList();
        }
        return new Read(all.stream().map(One::tokens).toList(), all.stream().map(One::example).toList());
    }

    private void runEpoch(ComputationGraph network, List<Example> train, List<int[]> ids, float[][] wideLogits,
                          Random random, int epoch) {
        List<int[]> batches = LengthBatches.shuffled(ids.size(), i -> ids.get(i).length, options.batchSize(), random);
        try (ProgressBar bar = bar("Epoch " + epoch + "/" + options.epochs(), train.size())) {
            for (int[] batch : batches) {
                network.fit(toDataSet(batch, train, ids, wideLogits));
                bar.stepBy(batch.length);
                bar.setExtraMessage(String.format(" loss %.4f", network.score()));
            }
        }
    }

    static MultiDataSet toDataSet(int[] rows, List<Example> examples, List<int[]> ids, float[][] wideLogits) {
        List<int[]> seqs = new ArrayList<>(rows.length);
        float[][] wide = new float[rows.length][];
        float[] labels = new float[rows.length * Attribute.COUNT];
        float[] mask = new float[rows.length * Attribute.COUNT];
        for (int k = 0; k < rows.length; k++) {
            seqs.add(ids.get(rows[k]));
            wide[k] = wideLogits[rows[k]];
            Labels l = examples.get(rows[k]).labels();
            for (Attribute a : Attribute.values()) {
                int j = k * Attribute.COUNT + a.ordinal();
                if (l.has(a)) {
                    labels[j] = l.get(a);
                    mask[j] = 1f;
                }
            }
        }
        Batch.Inputs x = Batch.deepOnly(seqs, wide);
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
