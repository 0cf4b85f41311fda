package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.service.api.ScoreRequest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A request's weight in the scoring gate: a unit per started 2,048 characters of each text, stance included. */
class ScoringWorkTest {
    @Test
    void aTextWeighsAUnitPerStarted2048Characters() {
        assertEquals(1, ScoringWork.text("a"));
        assertEquals(1, ScoringWork.text("a".repeat(2_048)));
        assertEquals(2, ScoringWork.text("a".repeat(2_049)));
        assertEquals(10, ScoringWork.text("a".repeat(RequestChecks.MAX_TEXT)), "the longest comment");
    }

    @Test
    void stanceWeighsTheSentenceEncodingTheTargetsAndTheParent() {
        assertEquals(1, ScoringWork.comment("short", 0, null));
        assertEquals(1 + 3 + 2, ScoringWork.comment("short", 2, null), "the text encoded again, and each target");
        assertEquals(2 + 6 + 10, ScoringWork.comment("a".repeat(4_000), 10, null));
        assertEquals(1 + 5, ScoringWork.comment("short", 0, "p".repeat(10_000)), "the parent's text");
        ScoreRequest request = new ScoreRequest(new ScoreRequest.Comment("a".repeat(3_000)), null, null, null,
                new ScoreRequest.Context(null, "parent", null, null), null, List.of("the plan"));
        assertEquals(2 + 6 + 1 + 1, ScoringWork.request(request));
    }

    @Test
    void proposingWeighsAUnitPerStarted200CharactersNerReads() {
        assertEquals(0, ScoringWork.proposing(0));
        assertEquals(1, ScoringWork.proposing(1));
        assertEquals(1, ScoringWork.proposing(200));
        assertEquals(101, ScoringWork.proposing(20_001), "the longest article body read, and a title of one character");
    }
}
