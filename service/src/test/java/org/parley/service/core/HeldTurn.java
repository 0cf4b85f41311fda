package org.parley.service.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A turn of a scoring lane held on a thread of its own until closed: for tests of what a full lane refuses. */
public final class HeldTurn implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);
    private final Thread holder;

    private HeldTurn(ScoringGate lane) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        holder = new Thread(() -> lane.run(() -> {
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), "holds-a-turn");
        holder.start();
        if (!inside.await(1, TimeUnit.MINUTES)) throw new AssertionError("the lane never gave the holder its turn");
    }

    /**
     * Holds a turn of {@code lane}; returns once the holder is inside it, its units taken (no sleep, no race with the
     * next request).
     */
    public static HeldTurn of(ScoringGate lane) throws InterruptedException {
        return new HeldTurn(lane);
    }

    /** Gives the turn back, and returns once the holder's thread has ended: its units are the lane's again. */
    @Override
    public void close() throws InterruptedException {
        release.countDown();
        holder.join();
    }
}
