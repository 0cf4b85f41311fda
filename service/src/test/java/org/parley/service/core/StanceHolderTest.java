package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.service.Fakes;
import org.parley.service.api.ScoreResponse.ModelInfo;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class StanceHolderTest {
    @Test
    void aReloadSwapsInTheNewBundleAndAFailedOneLeavesTheOldServing() {
        ServedStance v1 = new ServedStance(Fakes.stance(), new ModelInfo("stance", "1", "sum-1"), Fakes.pipelineSame("stance.zip"));
        ServedStance v2 = new ServedStance(Fakes.stance(), new ModelInfo("stance", "2", "sum-2"), Fakes.pipelineSame("stance.zip"));
        StanceHolder holder = new StanceHolder(v1, p -> {
            if (p.toString().contains("broken")) throw new IllegalStateException("not a bundle: " + p);
            return v2;
        });
        assertThrows(IllegalStateException.class, () -> holder.reload(Path.of("broken.zip")));
        assertSame(v1, holder.current());
        BundleHolder.Swap<ServedStance> swap = holder.reload(Path.of("good.zip"));
        assertSame(v2, swap.now());
        assertSame(v1, swap.was());
        assertSame(v2, holder.current());
    }

    @Test
    void aReloadWaitingBehindAnotherNamesTheBundleItReplaced() throws Exception {
        CountDownLatch loading = new CountDownLatch(1), release = new CountDownLatch(1);
        BundleHolder<String> holder = new BundleHolder<>("X", p -> {
            if (p.toString().equals("Y")) {
                loading.countDown();
                await(release);
            }
            return p.toString();
        });
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<BundleHolder.Swap<String>> first = pool.submit(() -> holder.reload(Path.of("Y")));
            loading.await();
            Future<BundleHolder.Swap<String>> second = pool.submit(() -> holder.reload(Path.of("Z")));
            Thread.sleep(100); // the second is now waiting for the first's lock (or not yet started: the same)
            release.countDown();
            assertEquals(new BundleHolder.Swap<>("X", "Y"), first.get(5, TimeUnit.SECONDS));
            assertEquals(new BundleHolder.Swap<>("Y", "Z"), second.get(5, TimeUnit.SECONDS), "Y served in between");
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
