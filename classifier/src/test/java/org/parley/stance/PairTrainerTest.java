package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.parley.eval.ClassMetrics;
import org.parley.feature.Vocabulary;
import org.parley.label.Stance;
import org.parley.text.TextPipeline;

/**
 * A pair network trained anew in each test, not {@link TinyStance}'s model of the test JVM: PIT swaps the training code
 * in a JVM whose cached model was trained before, so only a training of its own shows what a change to it does.
 */
class PairTrainerTest {
    /** {@link TinyStance}'s settings, but for the vocabulary's minimum count. */
    private static PairTrainer trainer(int minCount, int epochs) {
        PairFeatureConfig f = TinyStance.FEATURES;
        PairFeatureConfig features = new PairFeatureConfig(f.maxTextTokens(), f.maxContextTokens(), f.vocabularySize(), minCount,
                f.bigramBuckets(), f.charBuckets(), f.charMin(), f.charMax(), f.seed());
        return new PairTrainer(new PairTrainer.Options(features, TinyStance.NETWORK, epochs, epochs, 8, 3, ClassMetrics::macroF1),
                TextPipeline.standard(), new PrintStream(new ByteArrayOutputStream()));
    }

    private static PairTrainer.Result trainTargets(int minCount, int epochs) {
        return trainer(minCount, epochs).train(TinyStance.pairs(TinyStance.data().train()), TinyStance.pairs(TinyStance.data().dev()),
                Stance.COUNT, StanceMetrics::stance);
    }

    /** Each row's label is its own: a network fitted to the wrong classes, or to none, gets the training rows wrong. */
    @Test
    void theNetworkLearnsTheTrainingPairsStances() {
        PairTrainer.Result r = trainTargets(1, 12);
        double accuracy = TinyStance.figures(r.model()::predict, TinyStance.pairs(TinyStance.data().train())).accuracy();
        assertTrue(accuracy >= 0.9, accuracy + " of the training pairs right");
    }

    /**
     * The epoch kept is the first with the best dev score, and the history has a score for each epoch run; the weights
     * are what half precision holds, as the bundle stores them.
     */
    @Test
    void theBestEpochIsKeptAndItsWeightsAreRoundedToHalfPrecision() {
        PairTrainer.Result r = trainTargets(1, 6);
        List<Double> history = r.devScoreByEpoch();
        assertEquals(6, history.size(), "patience as long as the epochs: every epoch is run");
        TinyStance.assertKeptTheBestEpoch(history, r.bestEpoch(),
                TinyStance.figures(r.model()::predict, TinyStance.pairs(TinyStance.data().dev())).macroF1());
        INDArray params = r.model().network().params();
        assertEquals(params, params.castTo(DataType.HALF).castTo(DataType.FLOAT), "weights not rounded to half precision");
        assertNotEquals(0.0, params.norm2Number().doubleValue());
    }

    /**
     * The vocabulary takes the words of the contexts (a reply's parent) as well as the texts', and counts a text shown
     * with many targets once: with a minimum count of 2, "sleeps" (one NONE text, repeated for the six targets) is
     * unknown, "love" (in a FAVOR text of each target) is a word.
     */
    @Test
    void theVocabularyReadsTheContextsAndCountsARepeatedTextOnce() {
        Vocabulary targets = trainTargets(2, 1).model().encoder().vocabulary();
        assertNotEquals(Vocabulary.UNKNOWN, targets.id("love"));
        assertEquals(Vocabulary.UNKNOWN, targets.id("sleeps"), "a text repeated for six targets counted six times");

        List<Pair> replies = TinyStance.data().replyTrain().stream().map(StanceTrainer::pair).toList();
        Vocabulary parents = trainer(1, 1).train(replies, replies.subList(0, 4), org.parley.label.ReplyStance.COUNT,
                StanceMetrics::reply).model().encoder().vocabulary();
        assertNotEquals(Vocabulary.UNKNOWN, parents.id("paris"), "a word of the parents alone");
        assertNotEquals(Vocabulary.UNKNOWN, parents.id("fake"), "a word of the replies");
    }

    @Test
    void noTrainingOrDevPairsIsRefused() {
        List<Pair> train = TinyStance.pairs(TinyStance.data().train());
        assertThrows(IllegalArgumentException.class, () -> trainer(1, 1).train(List.of(), train, Stance.COUNT, StanceMetrics::stance));
        assertThrows(IllegalArgumentException.class, () -> trainer(1, 1).train(train, List.of(), Stance.COUNT, StanceMetrics::stance));
    }
}
