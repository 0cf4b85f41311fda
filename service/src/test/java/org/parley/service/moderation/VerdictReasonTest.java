package org.parley.service.moderation;

import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.service.access.Role;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Decisions and reasons as clients spell them, what a reason labels, and who decides an escalated comment. */
class VerdictReasonTest {
    @Test
    void verdictsAndReasonsParseAsClientsSpellThem() {
        assertEquals(Verdict.REOPEN, Verdict.parse(" reopen "));
        assertEquals(Status.PENDING, Verdict.REOPEN.status());
        assertEquals(Status.PUBLISHED, Verdict.APPROVE.status());
        assertEquals(Reason.OFF_TOPIC, Reason.parse("Off-Topic"));
        assertEquals(Reason.IDENTITY_ATTACK, Reason.parse(" identity attack"));
        assertEquals("off_topic", Reason.OFF_TOPIC.code());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Reason.parse("rude"));
        assertTrue(e.getMessage().startsWith("reason must be one of insult, threat, identity_attack"), e.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Verdict.parse("ok")).getMessage().contains(Verdict.NAMES));
    }

    @Test
    void onlyToxicReasonsLabelAndEachNamesItsAttribute() {
        assertTrue(Reason.TOXICITY.isToxic());
        assertTrue(Reason.INSULT.isToxic());
        for (Reason r : new Reason[] {Reason.SPAM, Reason.OFF_TOPIC, Reason.OTHER}) assertFalse(r.isToxic(), r.name());
        assertEquals(Set.of(Attribute.THREAT), Reason.THREAT.attributes());
        assertEquals(Set.of(), Reason.TOXICITY.attributes());
    }

    @Test
    void escalationsGoToAModeratorOrAbove() {
        assertThrows(IllegalArgumentException.class, () -> EscalationRule.parse("website"));
        EscalationRule moderators = EscalationRule.parse("moderator");
        assertTrue(moderators.senior(Role.MODERATOR));
        assertFalse(EscalationRule.ADMINS.senior(Role.MODERATOR));
        assertTrue(EscalationRule.ADMINS.senior(Role.ADMIN));
    }

    @Test
    void theRefusalSaysWhyAndWhoMayDecide() {
        assertEquals("comment c1 of a.example is escalated: only an admin may decide it",
                EscalationRule.ADMINS.refusal(comment(Status.ESCALATED)).getMessage());
        String again = EscalationRule.parse("moderator").refusal(comment(Status.REJECTED)).getMessage();
        assertEquals("comment c1 of a.example was decided by a moderator after its escalation: only a moderator may decide it"
                + " again (a moderator's REOPEN gives it back to every moderator)", again);
        assertEquals(403, EscalationRule.ADMINS.refusal(comment(Status.ESCALATED)).status());
    }

    @Test
    void riskIsTheHighestProbability() {
        assertEquals(0.7f, StoredComment.risk(new float[] {0.1f, 0.7f, 0.3f}));
        assertEquals(0f, StoredComment.risk(new float[0]));
    }

    /**
     * A moderator's sixth audit (sixty-sixth session): a threat the list held (THREAT 0.12) waited at the queue's end,
     * below every insult. Held by a phrase it is queued above all but the surest scores; held for its language, midway
     * unless its scores say more.
     */
    @Test
    void aCommentARuleHeldIsQueuedAboveItsScores() {
        org.parley.policy.Policy p = org.parley.policy.Policy.standard();
        float[] low = {0.1f, 0, 0, 0.05f, 0, 0.12f};
        assertEquals(0.12f, StoredComment.risk(low, p.decide(low, null, "Thanks for the article")));
        assertEquals(0.95f, StoredComment.risk(low, p.decide(low, null, "I know where you live. Watch your back.")));
        float[] sure = {0.6f, 0, 0, 0.98f, 0, 0};
        assertEquals(0.98f, StoredComment.risk(sure, p.decide(sure, null, "Watch your back, idiot")), "the surest scores still first");
        assertEquals(0.5f, StoredComment.risk(low, p.decide(low, "ar", null)));
        float[] high = {0.6f, 0, 0, 0.7f, 0, 0};
        assertEquals(0.7f, StoredComment.risk(high, p.decide(high, "ar", null)), "its scores, when higher");
    }

    private static StoredComment comment(Status status) {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        return new StoredComment("c1", "a1", null, 1, null, null, null, "t", null, null, null, 0, new float[6], 0f,
                null, "[]", null, null, null, status, Decider.MODERATOR, 2, t, t, null, null, null, "a.example", "k1", true);
    }
}
