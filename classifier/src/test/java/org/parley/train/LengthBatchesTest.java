package org.parley.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LengthBatchesTest {
    private static int[] lengths(int n, long seed) {
        Random r = new Random(seed);
        int[] lengths = new int[n];
        for (int i = 0; i < n; i++) lengths[i] = 1 + r.nextInt(500);
        return lengths;
    }

    @Test
    void everyRowOnceInBatchesOfAtMostTheSize() {
        int[] lengths = lengths(1_234, 1);
        List<int[]> batches = LengthBatches.shuffled(lengths.length, i -> lengths[i], 32, new Random(7));
        int[] seen = new int[lengths.length];
        for (int[] b : batches) {
            assertTrue(b.length >= 1 && b.length <= 32, "batch of " + b.length);
            for (int row : b) seen[row]++;
        }
        int[] once = new int[lengths.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
    }

    @Test
    void withinOneWindowBatchesDoNotOverlapInLength() {
        // 10 batches of 8 fit in one window: sorted, so batch k's longest row is no longer than batch k+1's shortest.
        int[] lengths = lengths(80, 2);
        List<int[]> batches = new ArrayList<>(LengthBatches.shuffled(lengths.length, i -> lengths[i], 8, new Random(3)));
        batches.sort((a, b) -> Integer.compare(min(a, lengths), min(b, lengths)));
        for (int k = 0; k + 1 < batches.size(); k++)
            assertTrue(max(batches.get(k), lengths) <= min(batches.get(k + 1), lengths));
    }

    @Test
    void theSeedDecidesTheBatches() {
        int[] lengths = lengths(500, 3);
        List<int[]> a = LengthBatches.shuffled(lengths.length, i -> lengths[i], 16, new Random(11));
        List<int[]> b = LengthBatches.shuffled(lengths.length, i -> lengths[i], 16, new Random(11));
        List<int[]> c = LengthBatches.shuffled(lengths.length, i -> lengths[i], 16, new Random(12));
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) assertArrayEquals(a.get(k), b.get(k));
        assertTrue(!Arrays.equals(a.get(0), c.get(0)) || !Arrays.equals(a.get(1), c.get(1)), "another seed, other batches");
    }

    /**
     * The rows are shuffled before they are cut into windows (a row's length here is its number: unshuffled, a window
     * would hold neighbours and each batch a run of consecutive rows), and the batches after (one window of ten: in
     * the order they were cut, they would come shortest first).
     */
    @Test
    void rowsAreShuffledBeforeTheWindowsAndTheBatchesAfterThem() {
        List<int[]> across = LengthBatches.shuffled(2_000, i -> i, 8, new Random(5));
        assertTrue(across.stream().anyMatch(b -> b[b.length - 1] - b[0] != b.length - 1), "rows from across the data in a window");
        List<Integer> shortest = LengthBatches.shuffled(80, i -> i, 8, new Random(5)).stream().map(b -> b[0]).toList();
        assertTrue(!shortest.equals(shortest.stream().sorted().toList()), "batches in no order of length: " + shortest);
    }

    private static int min(int[] rows, int[] lengths) {
        return Arrays.stream(rows).map(i -> lengths[i]).min().orElseThrow();
    }

    private static int max(int[] rows, int[] lengths) {
        return Arrays.stream(rows).map(i -> lengths[i]).max().orElseThrow();
    }
}
