package org.parley.service.core;

import com.codahale.metrics.Meter;
import org.parley.model.Spread;
import org.parley.service.errors.ApiException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Admission to the scoring work, which is CPU alone: at most {@code running} requests score at once, at most
 * {@code waiting} more wait for a turn (in order of arrival, each for at most {@code maxWait}), and any other is
 * refused at once with a 503 and Retry-After. Above what the cores serve, Jetty's 1,024 threads otherwise all
 * scored at once and its queue held 1,024 connections more: answers took seconds, the queue's overflow was a
 * reset connection, and work for clients that had given up went on after the load stopped (docs/scoring-api.md,
 * "Overload"). Entered after the body is read and checked: a slow body holds no turn, and a bad one is its 4xx.
 * While every turn is taken, the work scores its texts on its own thread ({@link Spread#onCallingThread}): the other
 * requests keep the cores busy, and spreading over them only spun waiting for the common pool.
 */
public final class ScoringGate {
    /** The Retry-After of a refusal: a second is hundreds of requests' work, so a retry finds the queue moved on. */
    static final long RETRY_AFTER_SECONDS = 1;
    private static final ScoringGate OPEN = new ScoringGate(0, 0, Duration.ZERO);

    private final Semaphore turns;  // null: no limit
    private final int running;
    private final int limit;        // running + waiting
    private final Duration maxWait;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Meter refused = new Meter();

    /**
     * @param running requests scoring at once; 0: no limit
     * @param waiting requests waiting for a turn beyond those
     * @param maxWait how long one waits before its 503
     */
    public ScoringGate(int running, int waiting, Duration maxWait) {
        this.turns = running == 0 ? null : new Semaphore(running, true);
        this.running = running;
        this.limit = running + waiting;
        this.maxWait = maxWait;
    }

    /** No limit (the resource tests, and {@code overload.maxScoring: -1}). */
    public static ScoringGate open() {
        return OPEN;
    }

    /** {@code work}'s result, computed in a turn of its own; a 503 with Retry-After when none comes in time. */
    public <T> T run(Supplier<T> work) {
        if (turns == null) return work.get();
        if (admitted.incrementAndGet() > limit) {
            admitted.decrementAndGet();
            throw busy(full());
        }
        boolean turn;
        try {
            turn = turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            admitted.decrementAndGet();
            throw busy("no turn came within " + maxWait.toMillis() + " ms");
        }
        try {
            return admitted.get() < running ? work.get() : Spread.onCallingThread(work);
        } finally {
            turns.release();
            admitted.decrementAndGet();
        }
    }

    /**
     * The refusal a request gets now without its body being read, if every place is taken (else empty): refusing
     * through Jersey cost a parse of the body ({@link Refusal}).
     */
    public java.util.Optional<ApiException> refusalNow() {
        return turns != null && admitted.get() >= limit
                ? java.util.Optional.of(busy(full())) : java.util.Optional.empty();
    }

    /** Why a request finds no place: the same words from {@link #run} and {@link #refusalNow}. */
    private String full() {
        return limit + " requests are scoring or waiting for a turn";
    }

    /** Requests scoring or waiting for a turn now (a gauge, {@code parley.scoring.admitted}). */
    public int admitted() {
        return admitted.get();
    }

    /**
     * Requests refused since start-up, for want of a place or of a turn in time ({@code parley.scoring.refused}): a
     * meter, a count and rates, which Prometheus reads as a counter (a gauge of the count until the twenty-ninth session).
     */
    public Meter refusals() {
        return refused;
    }

    private ApiException busy(String why) {
        refused.mark();
        return ApiException.unavailable(RETRY_AFTER_SECONDS, "the service is scoring at capacity (" + why + "): this request "
                + "was not scored; send it again after " + RETRY_AFTER_SECONDS + " s, or to another instance");
    }
}
