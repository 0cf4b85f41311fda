package org.parley.service.monitoring;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.policy.Action;

import static org.junit.jupiter.api.Assertions.*;

/** What the policy saw and decided, as Prometheus scrapes it: each attribute's histogram and each action's count, by model. */
class PolicyInputsTest {
    private final PolicyInputs inputs = new PolicyInputs();
    private final CollectorRegistry registry = new CollectorRegistry();

    PolicyInputsTest() {
        registry.register(inputs);
    }

    private static float[] scores(float toxicity, float threat) {
        float[] p = new float[Attribute.COUNT];
        p[Attribute.TOXICITY.ordinal()] = toxicity;
        p[Attribute.THREAT.ordinal()] = threat;
        return p;
    }

    private Double bucket(String attribute, String model, String le) {
        return registry.getSampleValue("parley_score_bucket", new String[] {"attribute", "model", "le"}, new String[] {attribute, model, le});
    }

    private Double actions(String action, String model) {
        return registry.getSampleValue("parley_action_total", new String[] {"action", "model"}, new String[] {action, model});
    }

    @Test
    void eachAttributesProbabilityAndEachActionAreCountedUnderTheModelThatDecided() {
        inputs.decided("v1", scores(0.93f, 0.01f), Action.REJECT);
        inputs.decided("v1", scores(0.42f, 0.01f), Action.REVIEW);
        inputs.decided("v1", scores(0.03f, 0.01f), Action.PUBLISH);
        inputs.decided("v2", scores(0.51f, 0.97f), Action.REVIEW);

        assertEquals(1.0, bucket("TOXICITY", "v1", "0.05"));
        assertEquals(1.0, bucket("TOXICITY", "v1", "0.4"), "0.42 is above 0.4");
        assertEquals(2.0, bucket("TOXICITY", "v1", "0.45"));
        assertEquals(2.0, bucket("TOXICITY", "v1", "0.9"));
        assertEquals(3.0, bucket("TOXICITY", "v1", "+Inf"));
        assertEquals(3.0, bucket("THREAT", "v1", "0.05"), "every attribute, the last one too");
        assertEquals(0.0, bucket("THREAT", "v2", "0.95"));
        assertEquals(1.0, bucket("THREAT", "v2", "+Inf"));
        assertEquals(0.93 + 0.42 + 0.03, registry.getSampleValue("parley_score_sum", new String[] {"attribute", "model"},
                new String[] {"TOXICITY", "v1"}), 1e-6);
        assertEquals(1.0, bucket("SEVERE_TOXICITY", "v2", "0.05"), "an attribute scored 0 is counted at 0");

        assertEquals(1.0, actions("REJECT", "v1"));
        assertEquals(1.0, actions("REVIEW", "v1"));
        assertEquals(1.0, actions("PUBLISH", "v1"));
        assertEquals(1.0, actions("REVIEW", "v2"));
        assertEquals(0.0, actions("REJECT", "v2"), "each model's series start at 0");
        assertNull(actions("REVIEW", "v3"), "no series for a model that decided nothing");
    }

    @Test
    void theBucketEdgesAreEveryTwentiethSoThePolicysBandsAreEdges() {
        inputs.decided("v1", scores(0.2f, 0f), Action.PUBLISH);
        for (String le : new String[] {"0.05", "0.1", "0.15", "0.2", "0.5", "0.9", "0.95", "+Inf"})
            assertNotNull(bucket("TOXICITY", "v1", le), le);
        assertNull(bucket("TOXICITY", "v1", "0.25000000000000006"));
        assertEquals(20, registry.metricFamilySamples().asIterator().next().samples.stream()
                .filter(s -> s.name.equals("parley_score_bucket") && s.labelValues.get(0).equals("TOXICITY")).count(),
                "19 edges and +Inf");
    }
}
