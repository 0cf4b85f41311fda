package org.parley.model;

import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Lists spread over the cores from their threshold on, except for work run on its calling thread. */
class SpreadTest {
    private static final List<Integer> SIXTEEN = Collections.nCopies(16, 1);

    @Test
    void aListFromTheThresholdOnIsSpreadUnlessTheWorkRunsOnItsCallingThread() {
        assertTrue(Spread.stream(SIXTEEN, 16).isParallel());
        assertFalse(Spread.stream(SIXTEEN, 17).isParallel(), "under the threshold");
        assertFalse(Spread.onCallingThread(() -> Spread.stream(SIXTEEN, 16).isParallel()));
        assertFalse(Spread.onCallingThread(() -> Spread.onCallingThread(() -> true) && Spread.stream(SIXTEEN, 16).isParallel()),
                "still on the calling thread after a nested call");
        assertTrue(Spread.stream(SIXTEEN, 16).isParallel(), "spread again once the work is done");
    }

    @Test
    void theWorkOnItsCallingThreadSpreadsNothingElseAndAFailureEndsIt() {
        assertThrows(IllegalStateException.class, () -> Spread.onCallingThread(() -> {
            throw new IllegalStateException("failed");
        }));
        assertTrue(Spread.stream(SIXTEEN, 16).isParallel(), "a failed work leaves the thread spreading");
    }
}
