package org.parley.eval;

import org.junit.jupiter.api.Test;
import org.parley.eval.IdentityBias.Term;
import org.parley.eval.IdentityBias.TermMetrics;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Subgroup, BPSN and BNSP AUCs on a worked example small enough to count the pairs by hand. */
class IdentityBiasTest {
    // Three rows mention "gay", five do not.
    private static final List<String> TEXTS = List.of(
            "gay and proud", "my gay friend", "GAYS everywhere",
            "you idiot", "shut up", "nice day", "thanks", "I disagree");
    private static final float[] SCORES = {0.9f, 0.6f, 0.95f, 0.8f, 0.5f, 0.4f, 0.1f, 0.7f};
    private static final boolean[] TOXIC = {true, false, false, true, true, false, false, false};

    @Test
    void workedExample() {
        TermMetrics m = IdentityBias.of(List.of(Term.of("gay", "gays?")), TEXTS, SCORES, TOXIC).get(0);
        assertEquals("gay", m.term());
        assertEquals(3, m.n());
        assertEquals(1, m.positives());
        // subgroup: positive 0.9 against negatives 0.6 (above) and 0.95 (below): 1 of 2 pairs.
        assertEquals(0.5, m.subgroupAuc(), 1e-12);
        // BPSN: background positives 0.8, 0.5 against subgroup negatives 0.6, 0.95: only 0.8 > 0.6, 1 of 4.
        assertEquals(0.25, m.bpsnAuc(), 1e-12);
        // BNSP: subgroup positive 0.9 against background negatives 0.4, 0.1, 0.7: 3 of 3.
        assertEquals(1.0, m.bnspAuc(), 1e-12);
    }

    @Test
    void aTermNobodyMentionsHasNoSubgroupFigureAndIsLeftOutOfTheMean() {
        List<TermMetrics> ms = IdentityBias.of(
                List.of(Term.of("gay", "gays?"), Term.of("muslim", "muslims?")), TEXTS, SCORES, TOXIC);
        TermMetrics muslim = ms.get(1);
        assertEquals(0, muslim.n());
        assertTrue(Double.isNaN(muslim.subgroupAuc()));
        assertTrue(Double.isNaN(muslim.bpsnAuc()));
        assertEquals(0.5, IdentityBias.mean(ms, TermMetrics::subgroupAuc), 1e-12);
        List<TermMetrics> three = List.of(new TermMetrics("a", 4, 2, 0.5, 0.6, 0.7), new TermMetrics("b", 4, 2, 0.7, 0.6, 0.7),
                new TermMetrics("c", 0, 0, Double.NaN, Double.NaN, Double.NaN));
        assertEquals(0.6, IdentityBias.mean(three, TermMetrics::subgroupAuc), 1e-12, "the mean of the two defined");
        assertTrue(Double.isNaN(IdentityBias.mean(three.subList(2, 3), TermMetrics::subgroupAuc)), "none defined");
    }

    @Test
    void termsMatchWholeWordsInAnyCase() {
        Term gay = Term.of("gay", "gays?");
        assertTrue(gay.mentionedIn("Gay rights"));
        assertTrue(gay.mentionedIn("the GAYS"));
        assertFalse(gay.mentionedIn("Gaylord Street"));
        Term trans = IdentityBias.TERMS.stream().filter(t -> t.name().startsWith("trans")).findFirst().orElseThrow();
        assertTrue(trans.mentionedIn("a trans woman"));
        assertTrue(trans.mentionedIn("Transgender people"));
        assertFalse(trans.mentionedIn("transport links"));
    }

    @Test
    void lengthsMustAgree() {
        assertThrows(IllegalArgumentException.class,
                () -> IdentityBias.of(TEXTS.subList(0, 3), SCORES, TOXIC));
    }
}
