package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.model.Spread;
import org.parley.service.errors.ApiException;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.*;

/** Admission to scoring: bounded running and waiting, a 503 with Retry-After for the rest, turns given back. */
class ScoringGateTest {
    // Not the common pool: on 2 cores it has one thread, which a holding request would keep.
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();

    /**
     * A request that holds its turn (of one unit: these gates' turns) until {@code release} counts down, inside the gate
     * by the time this returns.
     */
    private static CompletableFuture<String> holding(ScoringGate gate, CountDownLatch release, String answer) throws InterruptedException {
        int before = gate.admitted();
        CompletableFuture<String> held = weighing(gate, 1, release, answer);
        awaitAdmitted(gate, before + 1);
        return held;
    }

    /** A request of {@code weight} units that holds them until {@code release} counts down, on a thread of its own. */
    private static CompletableFuture<String> weighing(ScoringGate gate, long weight, CountDownLatch release, String answer) {
        return CompletableFuture.supplyAsync(() -> gate.run(weight, () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return answer;
        }), THREADS);
    }

    /** Until {@code n} requests are in line for their units (not only admitted, which they are before); fails rather than hangs. */
    private static void awaitQueued(ScoringGate gate, int n) throws InterruptedException {
        for (int i = 0; gate.queued() < n; i++) {
            if (i == 2_000) fail(n + " requests never in line (" + gate.queued() + " are)");
            Thread.sleep(5);
        }
    }

    /** Until the lane's scoring requests hold {@code units}; fails rather than hangs. */
    static void awaitHeld(ScoringGate gate, int units) throws InterruptedException {
        for (int i = 0; gate.unitsHeld() != units; i++) {
            if (i == 2_000) fail(units + " units never held (" + gate.unitsHeld() + " are)");
            Thread.sleep(5);
        }
    }

    /** The gate's refusal of one more request: a 503 with Retry-After. */
    private static ApiException refusal(ScoringGate gate) {
        ApiException refused = assertThrows(ApiException.class, () -> gate.run(() -> "refused"));
        assertEquals(503, refused.status());
        assertEquals(1L, refused.retryAfterSeconds());
        return refused;
    }

    /** Until {@code n} requests are inside the gate; a gate that admits none fails here rather than hanging. */
    static void awaitAdmitted(ScoringGate gate, int n) throws InterruptedException {
        for (int i = 0; gate.admitted() < n; i++) {
            if (i == 2_000) fail(n + " requests never got into the gate (" + gate.admitted() + " did)");
            Thread.sleep(5);
        }
    }

    @Test
    void aRequestBeyondTheRunningAndTheWaitingIsRefusedAtOnceAndTheWaitingOneGetsItsTurn() throws Exception {
        ScoringGate gate = new ScoringGate(1, 1, Duration.ofMinutes(5));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = holding(gate, release, "first");
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.run(() -> "second"), THREADS);
        awaitQueued(gate, 1);  // in line: its place to wait taken

        ApiException refused = refusal(gate);
        assertTrue(refused.getMessage().contains("2 requests are scoring or waiting"), "refused at once, not after 5 minutes: "
                + refused.getMessage());
        assertEquals(1, gate.refusals().getCount());

        release.countDown();
        assertEquals("first", running.get());
        assertEquals("second", waiting.get(), "the waiting request scores once the turn is free");
        assertEquals(0, gate.admitted());
        assertEquals("again", gate.run(() -> "again"));
    }

    @Test
    void aRequestScoresOnItsOwnThreadWhileEveryTurnIsTakenAndSpreadsWhileOneIsFree() throws Exception {
        ScoringGate gate = new ScoringGate(2, 1, Duration.ofMinutes(5));
        List<Integer> texts = Collections.nCopies(16, 1);
        assertTrue(gate.run(() -> Spread.stream(texts, 16).isParallel()), "alone, with a turn free: spread over the cores");
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = holding(gate, release, "first");
        assertFalse(gate.run(() -> Spread.stream(texts, 16).isParallel()), "both turns taken: on its own thread");
        release.countDown();
        assertEquals("first", running.get());
        assertTrue(gate.run(() -> Spread.stream(texts, 16).isParallel()), "spread again");
    }

    @Test
    void aRequestThatGetsNoTurnWithinMaxWaitIsRefused() throws Exception {
        ScoringGate gate = new ScoringGate(1, 5, Duration.ofMillis(20));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> running = holding(gate, release, "first");

        ApiException refused = refusal(gate);
        assertTrue(refused.getMessage().contains("no turn came within 20 ms"), refused.getMessage());
        assertEquals(1, gate.admitted(), "the refused request left its place");

        release.countDown();
        assertEquals("first", running.get());
    }

    @Test
    void workThatThrowsGivesItsTurnBack() {
        ScoringGate gate = new ScoringGate(1, 0, Duration.ofMillis(20));
        assertThrows(IllegalStateException.class, () -> gate.run(() -> { throw new IllegalStateException("bad"); }));
        assertEquals(0, gate.admitted());
        assertEquals("next", gate.run(() -> "next"), "a turn kept by the failed request would refuse this one");
    }

    /**
     * The overload audit's gap (twenty-eighth session): the gate counted requests, so a batch of 2 short comments held
     * as much of the lane as one of 100 of 20,480 characters. A lane holds units of work now, each request what it weighs.
     */
    @Test
    void aHeavyRequestHoldsMoreOfTheLaneThanALightOne() throws Exception {
        ScoringGate gate = new ScoringGate(2, 10, 0, Duration.ofMinutes(5));  // 20 units, none waiting
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> light = weighing(gate, 2, release, "light");
        awaitHeld(gate, 2);
        assertEquals("beside it", gate.run(18, () -> "beside it"), "a light request leaves room for 18 units more");
        CompletableFuture<String> heavy = weighing(gate, 17, release, "heavy");
        awaitHeld(gate, 19);
        ApiException refused = refusal(gate);  // a request of one turn, 10 units: 1 are free
        assertTrue(refused.getMessage().contains("20 units of work"), refused.getMessage());
        assertEquals("one unit", gate.run(1, () -> "one unit"), "what is left is still served");
        release.countDown();
        assertEquals("light", light.get());
        assertEquals("heavy", heavy.get());
        assertEquals(0, gate.unitsHeld());
    }

    /**
     * A request heavier than the whole lane takes the whole lane: it waits, first in line, for the lane to empty, and
     * is served alone; a lighter one arriving after it does not pass it (many small requests cannot starve it).
     */
    @Test
    void aRequestHeavierThanTheLaneIsServedAloneOnceTheLaneEmptiesAndNotPassed() throws Exception {
        ScoringGate idle = new ScoringGate(1, 10, 0, Duration.ofMinutes(5));
        assertEquals(10, (int) idle.run(1_000, idle::unitsHeld), "served, holding the whole lane");
        ScoringGate gate = new ScoringGate(1, 10, 5, Duration.ofMinutes(5));

        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<String> first = weighing(gate, 1, releaseFirst, "first");
        awaitHeld(gate, 1);
        List<String> order = Collections.synchronizedList(new java.util.ArrayList<>());
        CompletableFuture<String> heavy = CompletableFuture.supplyAsync(() -> gate.run(1_000, () -> {
            order.add("heavy");
            return "heavy";
        }), THREADS);
        awaitQueued(gate, 1);
        CompletableFuture<String> light = CompletableFuture.supplyAsync(() -> gate.run(1, () -> {
            order.add("light");
            return "light";
        }), THREADS);
        awaitQueued(gate, 2);
        assertEquals(1, gate.unitsHeld(), "9 units are free, but the light request waits behind the heavy one");
        releaseFirst.countDown();
        assertEquals("first", first.get());
        assertEquals("heavy", heavy.get());
        assertEquals("light", light.get());
        assertEquals(List.of("heavy", "light"), order);
    }

    /**
     * A request holding the whole lane is the only one scoring in it, though others wait for it: it spreads over the
     * cores. Counting those waiting as busy, it scored on its own thread and left a core idle (scripts/overload light).
     */
    @Test
    void aRequestAloneScoringInItsLaneSpreadsThoughOthersWait() throws Exception {
        ScoringGate gate = new ScoringGate(1, 10, 5, Duration.ofMinutes(5));
        List<Integer> texts = Collections.nCopies(16, 1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CompletableFuture<String> first = weighing(gate, 5, releaseFirst, "first");
        awaitHeld(gate, 5);
        CompletableFuture<Boolean> heavy = CompletableFuture.supplyAsync(() -> gate.run(10, () -> Spread.stream(texts, 16).isParallel()), THREADS);
        awaitQueued(gate, 1);
        CompletableFuture<String> light = CompletableFuture.supplyAsync(() -> gate.run(1, () -> "light"), THREADS);
        awaitQueued(gate, 2);
        releaseFirst.countDown();
        assertEquals("first", first.get());
        assertTrue(heavy.get(), "alone scoring, with a request waiting behind it: spread");
        assertEquals("light", light.get());
    }

    /** A heavy request that leaves the line (its wait ends: here, interrupted) does not keep lighter ones behind it waiting. */
    @Test
    void aHeavyRequestThatGivesUpLetsTheOnesBehindItIn() throws Exception {
        ScoringGate gate = new ScoringGate(1, 10, 5, Duration.ofMinutes(5));
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> first = weighing(gate, 5, release, "first");
        awaitHeld(gate, 5);
        java.util.concurrent.atomic.AtomicReference<Throwable> heavyFailed = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean stillInterrupted = new java.util.concurrent.atomic.AtomicBoolean();
        Thread heavy = new Thread(() -> {
            try {
                gate.run(10, () -> "heavy");
            } catch (Throwable e) {
                heavyFailed.set(e);
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            }
        });
        heavy.start();
        awaitQueued(gate, 1);
        CompletableFuture<String> light = CompletableFuture.supplyAsync(() -> gate.run(5, () -> "light"), THREADS);
        awaitQueued(gate, 2);
        heavy.interrupt();
        heavy.join();
        assertEquals(503, ((ApiException) heavyFailed.get()).status());
        assertTrue(heavyFailed.get().getMessage().contains("interrupted while waiting for a turn"), heavyFailed.get().getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt is kept for whoever owns the thread (Jetty, an executor)");
        assertEquals("light", light.get(1, java.util.concurrent.TimeUnit.MINUTES), "the 5 free units went to the next in line");
        release.countDown();
        assertEquals("first", first.get());
    }

    @Test
    void theOpenGateAdmitsEveryRequest() {
        ScoringGate gate = ScoringGate.open();
        assertEquals("outer and inner", gate.run(() -> "outer and " + gate.run(() -> "inner")), "one inside another too");
        assertEquals(0, gate.admitted());
        assertEquals(0, gate.refusals().getCount());
    }
}
