package org.parley.service.api;

import org.junit.jupiter.api.Test;
import org.parley.label.Stance;
import org.parley.policy.Action;
import org.parley.stance.TargetStance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ThreadSummaryTest {
    private static TargetStance on(String target, Stance label) {
        return new TargetStance(target, label, Map.of());
    }

    @Test
    void countsEachLabelPerTargetAndEachActionWithZerosListed() {
        List<String> targets = List.of("war", "Obama");
        ThreadSummary s = ThreadSummary.of(targets, List.of(
                List.of(on("war", Stance.AGAINST), on("Obama", Stance.NONE)),
                List.of(on("war", Stance.AGAINST), on("Obama", Stance.FAVOR)),
                List.of(on("war", Stance.FAVOR), on("Obama", Stance.NONE))),
                List.of(Action.PUBLISH, Action.REJECT, Action.PUBLISH));
        assertEquals(3, s.comments());
        assertEquals("war", s.stance().get(0).target());
        assertEquals(Map.of(Stance.FAVOR, 1, Stance.AGAINST, 2, Stance.NONE, 0), s.stance().get(0).counts());
        assertEquals("Obama", s.stance().get(1).target());
        assertEquals(Map.of(Stance.FAVOR, 1, Stance.AGAINST, 0, Stance.NONE, 2), s.stance().get(1).counts());
        assertEquals(Map.of(Action.PUBLISH, 2, Action.REVIEW, 0, Action.REJECT, 1), s.actions());
    }

    @Test
    void aThreadWithoutTargetsOrCommentsHasEmptyCounts() {
        ThreadSummary s = ThreadSummary.of(List.of(), List.of(), List.of());
        assertEquals(0, s.comments());
        assertTrue(s.stance().isEmpty());
        assertEquals(Map.of(Action.PUBLISH, 0, Action.REVIEW, 0, Action.REJECT, 0), s.actions());
    }

    @Test
    void stancesOnOtherTargetsThanListedAreABug() {
        assertThrows(IllegalArgumentException.class, () -> ThreadSummary.of(List.of("war", "Obama"),
                List.of(List.of(on("Obama", Stance.NONE), on("war", Stance.AGAINST))), List.of(Action.PUBLISH)));
        assertThrows(IllegalArgumentException.class, () -> ThreadSummary.of(List.of("war"),
                List.of(List.of(on("war", Stance.NONE))), List.of()));
    }
}
