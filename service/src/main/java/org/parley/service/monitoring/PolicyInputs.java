package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import io.prometheus.client.Counter;
import io.prometheus.client.Histogram;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.core.CommentScorer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * What the policy saw and decided, per model bundle: {@code parley_score{attribute, model}}, a histogram of each
 * attribute's probability, and {@code parley_action_total{action, model}}. Labelled by the bundle's version, so that
 * a drift query compares a model with itself a week before ({@code reload-model} starts a new series instead of
 * looking like drift), and histograms, so that instances add up (a summary's quantiles cannot be added).
 */
public final class PolicyInputs extends Collector implements CommentScorer.Listener {
    /** Every 0.05: the policy's bands (0.2, 0.5, 0.9…) are bucket edges, and a median is read within 0.05. */
    private static final double[] EDGES = IntStream.rangeClosed(1, 19).mapToDouble(i -> i / 20.0).toArray();

    private final Histogram scores = Histogram.build().name("parley_score")
            .help("each attribute's probability in the comments the policy decided, by model bundle")
            .labelNames("attribute", "model").buckets(EDGES).create();
    private final Counter actions = Counter.build().name("parley_action")
            .help("the policy's decisions, by model bundle").labelNames("action", "model").create();
    /** A model's series looked up once, not six label lookups a comment. */
    private final Map<String, Series> byModel = new ConcurrentHashMap<>();

    private record Series(Histogram.Child[] scores, Counter.Child[] actions) {}

    @Override
    public List<MetricFamilySamples> collect() {
        List<MetricFamilySamples> both = new ArrayList<>(scores.collect());
        both.addAll(actions.collect());
        return both;
    }

    @Override
    public void decided(String model, float[] probabilities, Action action) {
        Series s = byModel.computeIfAbsent(model, this::series);
        for (int a = 0; a < s.scores.length; a++) s.scores[a].observe(probabilities[a]); // by ordinal: values() copies its array
        s.actions[action.ordinal()].inc();
    }

    private Series series(String model) {
        Histogram.Child[] h = new Histogram.Child[Attribute.values().length];
        for (Attribute a : Attribute.values()) h[a.ordinal()] = scores.labels(a.name(), model);
        Counter.Child[] c = new Counter.Child[Action.values().length];
        for (Action a : Action.values()) c[a.ordinal()] = actions.labels(a.name(), model);
        return new Series(h, c);
    }
}
