package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.service.Fakes;
import org.parley.service.api.ScoreResponse.ModelInfo;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class StanceHolderTest {
    @Test
    void aReloadSwapsInTheNewBundleAndAFailedOneLeavesTheOldServing() {
        ServedStance v1 = new ServedStance(Fakes.stance(), new ModelInfo("stance", "1", "sum-1"));
        ServedStance v2 = new ServedStance(Fakes.stance(), new ModelInfo("stance", "2", "sum-2"));
        StanceHolder holder = new StanceHolder(v1, p -> {
            if (p.toString().contains("broken")) throw new IllegalStateException("not a bundle: " + p);
            return v2;
        });
        assertThrows(IllegalStateException.class, () -> holder.reload(Path.of("broken.zip")));
        assertSame(v1, holder.current());
        assertSame(v2, holder.reload(Path.of("good.zip")));
        assertSame(v2, holder.current());
    }
}
