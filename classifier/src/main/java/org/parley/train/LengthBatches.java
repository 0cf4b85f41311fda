package org.parley.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;

/**
 * Shuffled batches of rows of similar length, as the DL4J trainers cut them: padding costs as much
 * as real ids. The rows are shuffled, cut into windows of {@link #WINDOW} batches, each window
 * sorted by length and cut into batches, and the batches shuffled, so a batch is short or long at
 * random but rarely mixed.
 */
public final class LengthBatches {
    /** Batches per window sorted by length. */
    static final int WINDOW = 50;

    private LengthBatches() {}

    /** Row indices in [0, rows), in batches of at most {@code batchSize}. */
    public static List<int[]> shuffled(int rows, IntUnaryOperator length, int batchSize, Random random) {
        List<Integer> order = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) order.add(i);
        Collections.shuffle(order, random);
        int window = batchSize * WINDOW;
        List<int[]> batches = new ArrayList<>();
        for (int from = 0; from < order.size(); from += window) {
            List<Integer> w = new ArrayList<>(order.subList(from, Math.min(order.size(), from + window)));
            w.sort(Comparator.comparingInt(length::applyAsInt));
            for (int b = 0; b < w.size(); b += batchSize)
                batches.add(w.subList(b, Math.min(w.size(), b + batchSize)).stream().mapToInt(Integer::intValue).toArray());
        }
        Collections.shuffle(batches, random);
        return batches;
    }
}
