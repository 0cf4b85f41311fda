package org.parley.eval;

import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.policy.Policy;
import org.parley.score.SentenceScores;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyOutcomesTest {
    private static Example example(String id, Map<Attribute, Integer> labels) {
        return new Example("test", id, "text " + id, Labels.of(labels));
    }

    private static float[] scores(float toxicity, float threat) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = toxicity;
        s[Attribute.THREAT.ordinal()] = threat;
        return s;
    }

    @Test
    void countsTheLabelledRowsThePolicyKeepsFromBeingPublished() {
        List<Example> rows = List.of(
                example("threat-held", Map.of(Attribute.THREAT, 1, Attribute.TOXICITY, 1)),   // THREAT 0.3: held
                example("threat-missed", Map.of(Attribute.THREAT, 1, Attribute.TOXICITY, 1)), // scores nothing: published
                example("clean", Map.of(Attribute.TOXICITY, 0)),                              // published
                example("clean-foreign", Map.of(Attribute.TOXICITY, 0)),                      // held for its language
                example("unlabelled", Map.of()),                                              // rejected, counted in all only
                example("padded-insult", Map.of(Attribute.TOXICITY, 1)),                      // one sentence 0.8 alone: held
                example("clean-too", Map.of(Attribute.TOXICITY, 0)));                         // published
        float[][] scores = {scores(0.1f, 0.3f), scores(0.1f, 0.05f), scores(0.1f, 0), scores(0.1f, 0), scores(0.95f, 0), scores(0.1f, 0),
                scores(0.1f, 0)};
        List<Integer> asked = new ArrayList<>();
        PolicyOutcomes o = PolicyOutcomes.of(Policy.standard(), rows, scores, Arrays.asList(null, null, null, "es", null, null, null), i -> {
            asked.add(i);
            return i == 5 ? List.of(new SentenceScores.Scored(0, 5, scores(0.1f, 0)), new SentenceScores.Scored(6, 12, scores(0.8f, 0))) : List.of();
        });

        PolicyOutcomes.Held threat = o.positives().get(Attribute.THREAT.ordinal());
        assertEquals(2, threat.n());
        assertEquals(1, threat.held());
        assertEquals(0.5, threat.share());
        // three clean rows, one held: until the forty-eighth session two, one held, and counting the published ones passed
        assertEquals(new PolicyOutcomes.Held("TOXICITY negative", 3, 1), o.notToxic());
        assertEquals(new PolicyOutcomes.Held("TOXICITY positive", 3, 2), o.positives().get(Attribute.TOXICITY.ordinal()));
        assertEquals(new PolicyOutcomes.Held("all", 7, 4), o.all());
        assertEquals(List.of(1, 2, 5, 6), asked, "sentences are read only for the comments the other rules publish");
        assertEquals(0, o.positives().get(Attribute.INSULT.ordinal()).n());
        assertEquals(Double.NaN, o.positives().get(Attribute.INSULT.ordinal()).share());
    }
}
