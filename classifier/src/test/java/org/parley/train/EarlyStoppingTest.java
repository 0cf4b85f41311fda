package org.parley.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.model.NetworkConfig;
import org.parley.model.ToxicityNetwork;

/**
 * The epoch loop of every trainer: each epoch here writes its number into every parameter, so what the network holds
 * at the end says which epoch's parameters it kept.
 */
class EarlyStoppingTest {
    private final ComputationGraph network = ToxicityNetwork.createDeepOnly(20, new NetworkConfig(4, 4, 0.0, 1e-2, 0.1, 0.0, 3));
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<Integer> ran = new ArrayList<>();

    private EarlyStopping.Outcome run(int epochs, int patience, double... scores) {
        return EarlyStopping.run(network, epochs, patience, e -> {
            ran.add(e);
            network.setParams(Nd4j.valueArrayOf(network.params().shape(), e));
        }, () -> scores[ran.size() - 1], "mean ROC-AUC", new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    /** The epoch whose parameters the network holds: every parameter is that number. */
    private int held() {
        double min = network.params().minNumber().doubleValue(), max = network.params().maxNumber().doubleValue();
        assertEquals(min, max, "one epoch's parameters");
        return (int) min;
    }

    @Test
    void stopsAfterPatienceEpochsWithoutABetterOneAndKeepsTheBest() {
        EarlyStopping.Outcome out = run(10, 2, 0.5, 0.7, 0.6, 0.7, 0.9);
        assertEquals(2, out.bestEpoch());
        assertEquals(List.of(0.5, 0.7, 0.6, 0.7), out.history(), "an equal score is no better: two epochs without one");
        assertEquals(List.of(1, 2, 3, 4), ran);
        assertEquals(2, held());
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("epoch 1: dev mean ROC-AUC 0.5000 ("), said);
        assertTrue(said.contains("no improvement for 2 epochs: keeping epoch 2"), said);
    }

    @Test
    void runsEveryEpochWhileEachIsBetterAndKeepsTheLast() {
        EarlyStopping.Outcome out = run(4, 1, 0.1, 0.2, 0.3, 0.4);
        assertEquals(4, out.bestEpoch());
        assertEquals(List.of(1, 2, 3, 4), ran);
        assertEquals(4, held());
        assertFalse(log.toString(StandardCharsets.UTF_8).contains("no improvement"));
    }

    @Test
    void theLastEpochEndsTheRunWithinThePatienceAndTheBestIsKept() {
        EarlyStopping.Outcome out = run(3, 5, 0.9, 0.1, 0.2);
        assertEquals(1, out.bestEpoch());
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals(1, held());
    }

    /**
     * A dev score that is never a number (NaN: a dev split without both classes) is never better: the run stops after
     * {@code patience} epochs, as after a first good one, the network holds the last epoch's parameters and no epoch
     * is the best (-1).
     */
    @Test
    void aScoreThatIsNeverANumberStopsAfterThePatienceWithNoBestEpoch() {
        EarlyStopping.Outcome out = run(10, 3, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        assertEquals(-1, out.bestEpoch());
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals(3, held());
        String said = log.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("no dev mean ROC-AUC was a number in 3 epochs: keeping the last epoch's parameters"), said);
    }
}
