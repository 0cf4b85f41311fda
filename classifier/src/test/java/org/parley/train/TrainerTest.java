package org.parley.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.parley.corpus.Example;
import org.parley.feature.FeatureConfig;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.NgramTfIdf;
import org.parley.feature.TextFeatures;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.model.NetworkConfig;
import org.parley.model.ToxicityNetwork;
import org.parley.text.TextPipeline;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class TrainerTest {
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void unlabelledAttributesAreMaskedNotZero() {
        List<Example> ex = List.of(
                new Example("s", "1", "you idiot", Labels.of(Map.of(Attribute.TOXICITY, 1f, Attribute.INSULT, 1f))),
                new Example("s", "2", "nice day", Labels.of(Map.of(Attribute.TOXICITY, 0f))));
        MultiDataSet ds = Trainer.toDataSet(new int[] {0, 1}, ex, List.of(new int[] {2, 3}, new int[] {4}),
                new float[][] {{1, 2, 3, 4, 5, 6}, {-1, -2, -3, -4, -5, -6}});
        assertEquals(-3f, ds.getFeatures(1).getFloat(1, 2), "each row carries its own wide logits");
        INDArray mask = ds.getLabelsMaskArray(0);
        assertEquals(1f, mask.getFloat(0, Attribute.INSULT.ordinal()));
        assertEquals(0f, mask.getFloat(1, Attribute.INSULT.ordinal()), "example 2 does not label INSULT");
        assertEquals(0f, mask.getFloat(1, Attribute.THREAT.ordinal()));
        assertEquals(1f, mask.getFloat(1, Attribute.TOXICITY.ordinal()));
        assertEquals(0f, ds.getLabels(0).getFloat(1, Attribute.TOXICITY.ordinal()));
    }

    @Test
    void aMaskedAttributeLearnsNothingFromABatch() {
        ComputationGraph net = ToxicityNetwork.createDeepOnly(64, new NetworkConfig(8, 8, 0.0, 1e-2, 0.1, 0.0, 3));
        List<Example> ex = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        float[][] wide = new float[16][Attribute.COUNT];
        for (int i = 0; i < 16; i++) {
            ex.add(new Example("s", "" + i, "x", Labels.of(Map.of(Attribute.TOXICITY, (float) (i % 2)))));
            ids.add(new int[] {2 + i % 2, 5 + i});
        }
        int threat = Attribute.THREAT.ordinal(), tox = Attribute.TOXICITY.ordinal();
        INDArray w0 = net.getLayer(ToxicityNetwork.LOGITS).getParam("W").dup();
        INDArray b0 = net.getLayer(ToxicityNetwork.LOGITS).getParam("b").dup();
        net.fit(Trainer.toDataSet(java.util.stream.IntStream.range(0, 16).toArray(), ex, ids, wide));
        INDArray w1 = net.getLayer(ToxicityNetwork.LOGITS).getParam("W");
        INDArray b1 = net.getLayer(ToxicityNetwork.LOGITS).getParam("b");
        assertEquals(w0.getColumn(threat), w1.getColumn(threat), "THREAT weights moved although THREAT is unlabelled");
        assertEquals(b0.getFloat(threat), b1.getFloat(threat));
        assertNotEquals(w0.getColumn(tox), w1.getColumn(tox), "TOXICITY is labelled and should learn");
    }

    @Test
    void theAssembledNetworkScoresLikeDeepPartPlusRegression() {
        List<String> texts = List.of("you are an idiot", "what a nice day", "idiot idiot", "have a nice day, friend",
                "you moron", "thanks, nice point");
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String t = texts.get(i % texts.size()) + " " + i;
            boolean toxic = t.contains("idiot") || t.contains("moron");
            train.add(new Example("s", "" + i, t, Labels.of(Map.of(Attribute.TOXICITY, toxic ? 1f : 0f))));
        }
        FeatureExtractor fx = new FeatureExtractor(new FeatureConfig(16, 32, 32, 3, 4, 1024, 1),
                Vocabulary.of(List.of("you", "idiot", "nice", "day")),
                NgramTfIdf.fit(train.stream().map(Example::text).toList(), 1024, () -> {}));
        var wide = org.parley.baseline.LinearBaseline.stack(train, fx.tfIdf(), 2,
                org.parley.baseline.LinearBaseline.Options.defaults().quiet().withHashBits(10)).full();
        NetworkConfig config = new NetworkConfig(8, 8, 0.0, 1e-2, 0.1, 0.0, 3);
        ComputationGraph deep = ToxicityNetwork.createDeepOnly(fx.idSpace(), config);
        ComputationGraph served = Trainer.assemble(deep, wide, fx, config);

        TextPipeline pipeline = TextPipeline.standard();
        String text = "you idiot, nice day";
        int[] ids = fx.deepIds(pipeline.tokens(text));
        float[][] logits = wide.logits(List.of(text));
        var x = org.parley.feature.Batch.deepOnly(List.of(ids), logits);
        float[] expected = deep.output(false, x.features(), x.masks())[0].toFloatVector();
        float[] actual = new org.parley.model.ToxicityModel(served, fx, Map.of(), pipeline, 1, "t").rawScores(List.of(text))[0];
        assertArrayEquals(expected, actual, 1e-5f);
    }

    @Test
    void learnsASimpleSignalEndToEndAndCalibrates() {
        Random r = new Random(5);
        String[] bad = {"you idiot", "shut up moron", "you are stupid", "idiot", "what a moron"};
        String[] good = {"nice day", "thanks for sharing", "I agree with this", "good point", "interesting article"};
        List<Example> train = new ArrayList<>(), dev = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            boolean toxic = r.nextBoolean();
            String text = (toxic ? bad : good)[r.nextInt(5)] + " " + (char) ('a' + r.nextInt(26));
            Labels l = Labels.of(Map.of(Attribute.TOXICITY, toxic ? 1f : 0f, Attribute.INSULT, toxic ? 1f : 0f));
            (i < 300 ? train : dev).add(new Example("toy", "" + i, text, l));
        }
        TrainingOptions o = new TrainingOptions(new FeatureConfig(32, 256, 256, 3, 4, 1024, 1),
                new NetworkConfig(16, 16, 0.0, 1e-2, 0.2, 0.0, 1), 8, 3, 32, 1, 1000, 1, 4.0, 2);
        Trainer.Result result = new Trainer(o, TextPipeline.standard(), QUIET).train(train, dev);
        assertTrue(result.dev().meanRocAuc() > 0.95, "dev mean ROC-AUC " + result.dev().meanRocAuc());
        assertTrue(result.bestEpoch() >= 1);
        assertNotEquals(org.parley.model.PlattScaling.IDENTITY, result.calibration().get(Attribute.TOXICITY));
        assertEquals(org.parley.model.PlattScaling.IDENTITY, result.calibration().get(Attribute.THREAT),
                "no dev labels for THREAT: nothing to calibrate on");
        // The deep part is trained, and the served network holds what it learned: the liblinear wide part alone passes
        // the figure above (an epoch that trained nothing, or a network assembled without the deep layers, did).
        for (String layer : List.of("embed", "hidden", ToxicityNetwork.LOGITS)) {
            var initial = ToxicityNetwork.createDeepOnly(result.features().idSpace(), o.network()).getLayer(layer).params();
            double moved = result.network().getLayer(layer).params().sub(initial).norm1Number().doubleValue() / initial.length();
            assertTrue(moved > 1e-3, layer + " moved " + moved + " a parameter from its initial values");
        }
        assertTrue(result.devMeanRocAucByEpoch().size() >= 2 && result.devMeanRocAucByEpoch().stream().allMatch(auc -> auc > 0.9 && auc <= 1),
                "each epoch's dev mean ROC-AUC: " + result.devMeanRocAucByEpoch());
    }

    @Test
    void aDevSplitWithNoAttributeOfBothClassesIsRefusedBeforeTraining() {
        // What --sample 1 gave: one dev row, so no ROC-AUC, epoch -1 and NaN metrics in a written bundle.
        List<Example> train = List.of(new Example("s", "1", "you idiot", Labels.of(Map.of(Attribute.TOXICITY, 1f))),
                new Example("s", "2", "nice day", Labels.of(Map.of(Attribute.TOXICITY, 0f))));
        List<Example> dev = List.of(new Example("s", "3", "idiot", Labels.of(Map.of(Attribute.TOXICITY, 1f, Attribute.INSULT, 1f))),
                new Example("s", "4", "a fine day", Labels.of(Map.of(Attribute.THREAT, 0f))));
        TrainingOptions o = new TrainingOptions(new FeatureConfig(32, 256, 256, 3, 4, 1024, 1),
                new NetworkConfig(8, 8, 0.0, 1e-2, 0.2, 0.0, 1), 1, 1, 32, 1, 1000, 1, 4.0, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(o, TextPipeline.standard(), QUIET).train(train, dev));
        assertTrue(e.getMessage().contains("the dev split (2 rows) has no attribute with both"), e.getMessage());
        assertTrue(e.getMessage().contains("--sample"), e.getMessage());
        Trainer.checkMeasurable(List.of(dev.get(0), new Example("s", "5", "a fine day", Labels.of(Map.of(Attribute.INSULT, 0f)))));
        // What a run with a measurable dev split says of its other attributes (a data scientist's sixth audit).
        assertEquals(List.of("TOXICITY (1 labelled, all positive)", "INSULT (1 labelled, all positive)", "THREAT (1 labelled, all negative)"),
                Trainer.oneClass(dev));
        assertEquals(List.of("TOXICITY (1 labelled, all positive)"),
                Trainer.oneClass(List.of(dev.get(0), new Example("s", "5", "a fine day", Labels.of(Map.of(Attribute.INSULT, 0f))))));
    }
}
