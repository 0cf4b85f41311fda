package org.parley.model;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepPartTest {
    @Test
    void theBatchedProductScoresEachTextAsTheJavaLoopDoes() {
        // The shipped network: the shapes occlusion runs on (a tiny bundle's hidden layer is too small to split).
        DeepPart deep = DeepPart.of(ModelBundle.load(Bundles.shipped()).network());
        assertTrue(deep.batchRows() > 1 && deep.batchRows() < 64, "rows per product: " + deep.batchRows());
        Random random = new Random(5);
        List<int[]> ids = new ArrayList<>();
        List<float[]> wide = new ArrayList<>();
        for (int r = 0; r < deep.batchRows(); r++) {
            int[] row = new int[r == 0 ? 0 : 1 + random.nextInt(60)]; // an empty text too
            for (int i = 0; i < row.length; i++) row[i] = random.nextInt(20_000);
            ids.add(row);
            float[] w = new float[Attribute.COUNT];
            for (int a = 0; a < w.length; a++) w[a] = (float) random.nextGaussian() * 3;
            wide.add(w);
        }
        float[][] batched = deep.forward(ids, wide);
        assertEquals(ids.size(), batched.length);
        for (int r = 0; r < ids.size(); r++)
            assertArrayEquals(deep.forward(ids.get(r), wide.get(r)), batched[r], 1e-5f, "text " + r);
        assertTrue(batched[1][0] != batched[2][0], "different texts, different scores");

        List<int[]> tooMany = new ArrayList<>(ids);
        tooMany.add(new int[] {1});
        List<float[]> wideTooMany = new ArrayList<>(wide);
        wideTooMany.add(new float[Attribute.COUNT]);
        assertThrows(IllegalArgumentException.class, () -> deep.forward(tooMany, wideTooMany));
    }
}
