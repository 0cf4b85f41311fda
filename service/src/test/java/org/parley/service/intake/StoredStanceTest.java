package org.parley.service.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.service.api.ScoreResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A stored stance with targets added under its row's lock: the check there is the last word on StanceLimits.MAX_TARGETS,
 * as another call may have added targets since this one read the row (Ingestion checks before the models' turn too).
 */
class StoredStanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScoreResponse.ModelInfo MODEL = new ScoreResponse.ModelInfo("fake-stance", "1", "stance-checksum-1");

    private static List<ScoreResponse.TargetStanceScore> read(String... targets) {
        List<ScoreResponse.TargetStanceScore> out = new ArrayList<>();
        for (String t : targets) out.add(new ScoreResponse.TargetStanceScore(t, "NONE", Map.of("NONE", 0.6)));
        return out;
    }

    private static String holding(int targets) {
        String[] names = new String[targets];
        for (int i = 0; i < targets; i++) names[i] = "target " + (i + 1);
        return StoredStance.with(JSON, null, read(names), MODEL, 0, "c", new HashSet<>());
    }

    @Test
    void aStanceHoldingNineTakesOneMoreTargetButNotTwo() {
        Set<String> added = new HashSet<>();
        String ten = StoredStance.with(JSON, holding(9), read("another"), MODEL, 3, "c", added);
        assertEquals(10, StoredStance.held(JSON, ten).size());
        assertEquals(Set.of("another"), added);

        TooManyTargets refused = assertThrows(TooManyTargets.class,
                () -> StoredStance.with(JSON, holding(9), read("one", "two"), MODEL, 3, "c", new HashSet<>()));
        assertEquals(3, refused.index());
        assertEquals("comment 'c' holds stance on 9 targets, and these targets would add 2: a stored comment holds at most 10"
                + " (score the thread on /v1/score/thread for stance on others, which stores nothing)", refused.getMessage());
    }

    @Test
    void targetsItHoldsByNowAreLeftOutAndDoNotCountAgainstTheLimit() {
        Set<String> added = new HashSet<>();
        String stance = holding(10);
        // Another call stored "target 10" meanwhile: it is left out, so nothing is added and the limit is not passed.
        assertEquals(stance, StoredStance.with(JSON, stance, read("Target 10"), MODEL, 0, "c", added));
        assertEquals(Set.of(), added);
    }
}
