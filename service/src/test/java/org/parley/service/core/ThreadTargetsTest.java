package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.service.Fakes;
import org.parley.targets.CandidateTarget;
import org.parley.targets.CandidateTarget.Kind;
import org.parley.thread.Article;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ThreadTargetsTest {
    private static CandidateTarget c(String phrase, Kind kind) {
        return new CandidateTarget(phrase, kind, 1);
    }

    @Test
    void proposesTheLeadingNamesAndUpToTwoIssues() {
        ThreadTargets.Used used = Fakes.targets().choose(null, Article.titled("Syria"));
        assertTrue(used.proposed());
        assertEquals(List.of("Syria", "Barack Obama", "Vladimir Putin", "military action", "chemical weapons"), used.targets());
    }

    /** The finder's load (NER, seconds) runs before the lane's turn only for a thread that will have targets proposed. */
    @Test
    void theFinderIsPreparedOnlyWhenTargetsWillBeProposed() {
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        ThreadTargets t = new ThreadTargets(a -> List.of(), loads::incrementAndGet);
        t.prepare(List.of("war"));
        assertEquals(0, loads.get(), "targets given: nothing to load");
        t.prepare(null);
        assertEquals(1, loads.get());
    }

    @Test
    void givenTargetsAreUsedAsGivenAndNothingIsProposed() {
        ThreadTargets t = new ThreadTargets(a -> { throw new AssertionError("must not propose"); });
        ThreadTargets.Used used = t.choose(List.of("war", "peace"), Article.titled("Syria"));
        assertFalse(used.proposed());
        assertEquals(List.of("war", "peace"), used.targets());
    }

    @Test
    void namesFillTheSlotsIssuesLeaveAndIssuesTheSlotsNamesLeave() {
        List<CandidateTarget> names = List.of(c("A", Kind.PERSON), c("B", Kind.LOCATION), c("C", Kind.ORGANIZATION),
                c("D", Kind.PERSON), c("E", Kind.PERSON), c("F", Kind.PERSON));
        assertEquals(List.of("A", "B", "C", "D", "E"), ThreadTargets.pick(names, 5));
        List<CandidateTarget> issues = List.of(c("x y", Kind.ISSUE), c("y z", Kind.ISSUE), c("z w", Kind.ISSUE), c("A", Kind.PERSON));
        assertEquals(List.of("A", "x y", "y z", "z w"), ThreadTargets.pick(issues, 5));
        assertEquals(List.of("A", "x y"), ThreadTargets.pick(issues, 2));
    }

    @Test
    void repeatsAndOverLongPhrasesAreDropped() {
        assertEquals(List.of("Syria", "Assad"), ThreadTargets.pick(List.of(c("Syria", Kind.LOCATION), c("syria", Kind.ORGANIZATION),
                c("x".repeat(201), Kind.PERSON), c("Assad", Kind.PERSON)), 5));
        assertEquals(List.of(), ThreadTargets.pick(List.of(), 5));
    }

    /** The stance model refuses a control character in a target (forty-fifth session): a proposed one would be a 500. */
    @Test
    void aPhraseWithAControlCharacterIsDropped() {
        assertEquals(List.of("Syria", "Putin"), ThreadTargets.pick(List.of(c("Syria", Kind.LOCATION), c("Barack\u0001Obama", Kind.PERSON),
                c("Putin", Kind.PERSON)), 5));
    }

    /** At the edges (PIT): a target of 200 characters is one the stance model takes (StanceLimits), and U+0000 a control character. */
    @Test
    void aPhraseOfTheLongestLengthIsKeptAndANulIsDropped() {
        String longest = "x".repeat(200);
        assertEquals(List.of("Syria", longest), ThreadTargets.pick(List.of(c("Syria", Kind.LOCATION), c(longest, Kind.PERSON)), 5));
        assertEquals(List.of("Syria"), ThreadTargets.pick(List.of(c("Syria", Kind.LOCATION), c("Barack\u0000Obama", Kind.PERSON)), 5));
    }
}
