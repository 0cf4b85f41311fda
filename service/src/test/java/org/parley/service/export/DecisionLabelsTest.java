package org.parley.service.export;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;

import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class DecisionLabelsTest {
    private static Map<Attribute, Float> labels(Verdict v, Reason r) {
        return DecisionLabels.of(v, r).orElseThrow(() -> new AssertionError(v + " " + r + " gave no labels")).asMap();
    }

    private static Map<Attribute, Float> ones(Attribute... attributes) {
        Map<Attribute, Float> m = new EnumMap<>(Attribute.class);
        for (Attribute a : attributes) m.put(a, 1f);
        return m;
    }

    @Test
    void anApprovalLabelsAllSixAttributesAbsent() {
        Map<Attribute, Float> m = labels(Verdict.APPROVE, null);
        assertEquals(Attribute.COUNT, m.size());
        m.values().forEach(v -> assertEquals(0f, v));
    }

    @Test
    void aToxicRejectionLabelsToxicityAndTheReasonsAttributeAndLeavesTheRestUnlabelled() {
        assertEquals(ones(Attribute.TOXICITY, Attribute.INSULT), labels(Verdict.REJECT, Reason.INSULT));
        assertEquals(ones(Attribute.TOXICITY, Attribute.THREAT), labels(Verdict.REJECT, Reason.THREAT));
        assertEquals(ones(Attribute.TOXICITY, Attribute.IDENTITY_ATTACK), labels(Verdict.REJECT, Reason.IDENTITY_ATTACK));
        assertEquals(ones(Attribute.TOXICITY, Attribute.PROFANITY), labels(Verdict.REJECT, Reason.PROFANITY));
        assertEquals(ones(Attribute.TOXICITY, Attribute.SEVERE_TOXICITY), labels(Verdict.REJECT, Reason.SEVERE_TOXICITY));
        assertEquals(ones(Attribute.TOXICITY), labels(Verdict.REJECT, Reason.TOXICITY));
        Labels insult = DecisionLabels.of(Verdict.REJECT, Reason.INSULT).orElseThrow();
        assertFalse(insult.has(Attribute.PROFANITY), "unlabelled, not 0");
    }

    @Test
    void escalationsAndRejectionsForOtherReasonsSayNothing() {
        assertTrue(DecisionLabels.of(Verdict.ESCALATE, null).isEmpty());
        assertTrue(DecisionLabels.of(Verdict.ESCALATE, Reason.INSULT).isEmpty());
        assertTrue(DecisionLabels.of(Verdict.REOPEN, null).isEmpty(), "a reopen undoes a decision: it labels nothing");
        for (Reason r : new Reason[] {Reason.SPAM, Reason.OFF_TOPIC, Reason.OTHER, null})
            assertTrue(DecisionLabels.of(Verdict.REJECT, r).isEmpty(), String.valueOf(r));
    }

    @Test
    void everyReasonIsMappedOneWayOrTheOther() {
        for (Reason r : Reason.values())
            assertEquals(r.isToxic(), DecisionLabels.of(Verdict.REJECT, r).isPresent(), r.code());
    }
}
