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

    /** A request that holds its turn until {@code release} counts down, inside the gate by the time this returns. */
    private static CompletableFuture<String> holding(ScoringGate gate, CountDownLatch release, String answer) throws InterruptedException {
        int before = gate.admitted();
        CompletableFuture<String> held = CompletableFuture.supplyAsync(() -> gate.run(() -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return answer;
        }), THREADS);
        awaitAdmitted(gate, before + 1);
        return held;
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
        awaitAdmitted(gate, 2);

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

    @Test
    void theOpenGateAdmitsEveryRequest() {
        ScoringGate gate = ScoringGate.open();
        assertEquals("outer and inner", gate.run(() -> "outer and " + gate.run(() -> "inner")), "one inside another too");
        assertEquals(0, gate.admitted());
        assertEquals(0, gate.refusals().getCount());
    }
}
