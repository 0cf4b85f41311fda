package org.parley.train;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import java.util.function.IntConsumer;

/**
 * The epoch loop every trainer here runs: train an epoch, score dev, keep the parameters of the
 * best epoch so far, stop after {@code patience} epochs without a better one, and leave the
 * network holding the best epoch's parameters. A score that is never a number (NaN) is never better: the run
 * stops after {@code patience} epochs, holding the last one's parameters, with no best epoch (-1).
 */
public final class EarlyStopping {
    /** The best epoch (1-based; -1 where no score was a number) and the dev score after each epoch run. */
    public record Outcome(int bestEpoch, List<Double> history) {}

    private EarlyStopping() {}

    /**
     * @param epoch    trains one epoch (given its number)
     * @param devScore the dev score of the network as it is now; higher is better
     * @param label    what the score is, for the log ("mean ROC-AUC")
     */
    public static Outcome run(ComputationGraph network, int epochs, int patience, IntConsumer epoch,
                              DoubleSupplier devScore, String label, PrintStream log) {
        List<Double> history = new ArrayList<>();
        INDArray bestParams = null;
        int bestEpoch = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int e = 1; e <= epochs; e++) {
            long start = System.nanoTime();
            epoch.accept(e);
            double score = devScore.getAsDouble();
            history.add(score);
            log.printf("epoch %d: dev %s %.4f (%.0f s)%n", e, label, score, (System.nanoTime() - start) / 1e9);
            if (score > best) {
                best = score;
                bestEpoch = e;
                bestParams = network.params().dup();
            } else if (e - Math.max(bestEpoch, 0) >= patience) { // none better yet: counted from the start, not from -1
                if (bestEpoch > 0) log.printf("no improvement for %d epochs: keeping epoch %d%n", patience, bestEpoch);
                else log.printf("no dev %s was a number in %d epochs: keeping the last epoch's parameters%n", label, patience);
                break;
            }
        }
        if (bestParams != null) network.setParams(bestParams);
        return new Outcome(bestEpoch, history);
    }
}
