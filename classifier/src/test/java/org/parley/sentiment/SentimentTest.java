package org.parley.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SentimentTest {
    /**
     * Map.copyOf kept no order, and its order changes with each JVM's hash salt: the service wrote the
     * five probabilities in another order after every restart (a helper's audit). Stance keeps its labels' order.
     */
    @Test
    void probabilitiesKeepTheLabelsOrder() {
        Map<Sentiment.Label, Double> p = new HashMap<>();
        for (Sentiment.Label l : Sentiment.Label.values()) p.put(l, 0.2);
        assertEquals(List.of(Sentiment.Label.values()), List.copyOf(new Sentiment(Sentiment.Label.NEUTRAL, p, 1).probabilities().keySet()));
        assertEquals(Map.of(), Sentiment.unread().probabilities());
    }
}
