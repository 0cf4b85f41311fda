package org.parley.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Each bound at its edge is taken, one past it refused naming the setting and the value (sixty-third session). */
class NetworkConfigTest {
    private static NetworkConfig with(int embedding, int hidden, double dropout, double learningRate, double embeddingLearningRate, double l2) {
        return new NetworkConfig(embedding, hidden, dropout, learningRate, embeddingLearningRate, l2, 42);
    }

    private static String refused(int embedding, int hidden, double dropout, double learningRate, double embeddingLearningRate, double l2) {
        return assertThrows(IllegalArgumentException.class, () -> with(embedding, hidden, dropout, learningRate, embeddingLearningRate, l2)).getMessage();
    }

    @Test
    void eachSettingTakesItsEdgeAndRefusesOnePastIt() {
        NetworkConfig edge = with(1, 1, 0, Double.MIN_VALUE, Double.MIN_VALUE, 0);
        assertEquals(1, edge.embedding());
        assertEquals(0, edge.dropout());
        assertEquals(Math.nextDown(1.0), with(1, 1, Math.nextDown(1.0), 1e-3, 0.1, 0).dropout(), "just under 1 is a dropout");
        assertEquals("embedding must be >= 1, was 0", refused(0, 1, 0, 1e-3, 0.1, 0));
        assertEquals("hidden must be >= 1, was 0", refused(1, 0, 0, 1e-3, 0.1, 0));
        assertEquals("dropout must be in [0, 1), was 1.0", refused(1, 1, 1, 1e-3, 0.1, 0));
        assertEquals("dropout must be in [0, 1), was -1.0E-9", refused(1, 1, -1e-9, 1e-3, 0.1, 0));
        assertEquals("dropout must be in [0, 1), was NaN", refused(1, 1, Double.NaN, 1e-3, 0.1, 0));
        assertEquals("learning rate must be above 0, was 0.0", refused(1, 1, 0, 0, 0.1, 0));
        assertEquals("learning rate must be above 0, was Infinity", refused(1, 1, 0, Double.POSITIVE_INFINITY, 0.1, 0));
        assertEquals("embedding learning rate must be above 0, was 0.0", refused(1, 1, 0, 1e-3, 0, 0));
        assertEquals("embedding learning rate must be above 0, was Infinity", refused(1, 1, 0, 1e-3, Double.POSITIVE_INFINITY, 0));
        assertEquals("l2 must be >= 0, was -1.0E-9", refused(1, 1, 0, 1e-3, 0.1, -1e-9));
        assertEquals("l2 must be >= 0, was NaN", refused(1, 1, 0, 1e-3, 0.1, Double.NaN));
    }
}
