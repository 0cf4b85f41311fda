package org.parley.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class PlattScalingTest {
    @Test
    void recoversAKnownMiscalibration() {
        // Raw scores are over-confident: the true probability is sigmoid(0.5 * logit(raw) - 1).
        Random r = new Random(1);
        int n = 20_000;
        float[] raw = new float[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            raw[i] = 0.01f + 0.98f * r.nextFloat();
            double z = 0.5 * Math.log(raw[i] / (1 - raw[i])) - 1;
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        PlattScaling p = PlattScaling.fit(raw, y);
        assertEquals(0.5, p.a(), 0.08);
        assertEquals(-1.0, p.b(), 0.08);
    }

    @Test
    void isMonotoneSoRankingIsKept() {
        PlattScaling p = new PlattScaling(0.7, -0.3);
        float prev = -1;
        for (float x = 0f; x <= 1f; x += 0.01f) {
            float y = p.apply(x);
            assertTrue(y >= prev && y >= 0 && y <= 1);
            prev = y;
        }
    }

    @Test
    void oneClassGivesIdentity() {
        assertEquals(PlattScaling.IDENTITY, PlattScaling.fit(new float[] {0.2f, 0.9f}, new boolean[] {false, false}));
        assertEquals(0.3f, PlattScaling.IDENTITY.apply(0.3f), 1e-6);
    }
}
