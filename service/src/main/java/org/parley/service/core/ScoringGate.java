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
 * Admission to the scoring work, which is CPU alone, counted in work rather than requests: a lane holds {@code turns}
 * turns of {@code unitsPerTurn} units each, a request takes as many units as it weighs ({@link ScoringWork}: a unit
 * per started 2,048 characters of each text it scores, stance included), and one that finds too few free waits for
 * them, in order of arrival (a fair semaphore: a heavy request first in line is not passed by lighter ones after it,
 * so many small requests cannot starve it), each for at most {@code maxWait}; at most {@code waiting} requests wait,
 * and any other is refused at once with a 503 and Retry-After. A request heavier than the whole lane takes the whole
 * lane: it is served alone once the lane is idle, never refused for its size. Above what the cores serve, Jetty's
 * 1,024 threads otherwise all scored at once and its queue held 1,024 connections more: answers took seconds, the
 * queue's overflow was a reset connection, and work for clients that had given up went on after the load stopped
 * (docs/scoring-api.md, "Overload"); counting requests, a batch of 2 short comments held as much of the lane as one
 * of 100 of 20,480 characters. Entered after the body is read and checked: a slow body holds no turn, and a bad one
 * is its 4xx. While other requests of its lane are scoring, the work scores its texts on its own thread
 * ({@link Spread#onCallingThread}): the other requests keep the cores busy, and spreading over them only spun waiting
 * for the common pool.
 */
public final class ScoringGate {
    /** The Retry-After of a refusal: a second is hundreds of requests' work, so a retry finds the queue moved on. */
    static final long RETRY_AFTER_SECONDS = 1;
    private static final ScoringGate OPEN = new ScoringGate(0, 0, Duration.ZERO);

    private final Semaphore units;  // fair; null: no limit
    private final int capacity;     // turns × unitsPerTurn
    private final int unitsPerTurn;
    private final int maxWaiting;
    private final Duration maxWait;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final Meter refused = new Meter();

    /** A lane whose turn is one unit: a request of one short text holds a turn, as every request did before weights. */
    public ScoringGate(int turns, int waiting, Duration maxWait) {
        this(turns, 1, waiting, maxWait);
    }

    /**
     * @param turns        turns of the lane; 0: no limit
     * @param unitsPerTurn units of work ({@link ScoringWork}) a turn holds
     * @param waiting      requests waiting for their units beyond those scoring
     * @param maxWait      how long one waits before its 503
     */
    public ScoringGate(int turns, int unitsPerTurn, int waiting, Duration maxWait) {
        if (unitsPerTurn < 1) throw new IllegalArgumentException("a turn holds at least one unit, not " + unitsPerTurn);
        this.capacity = Math.multiplyExact(turns, unitsPerTurn);
        this.units = turns == 0 ? null : new Semaphore(capacity, true);
        this.unitsPerTurn = unitsPerTurn;
        this.maxWaiting = waiting;
        this.maxWait = maxWait;
    }

    /** No limit (the resource tests, and {@code overload.maxScoring: -1}). */
    public static ScoringGate open() {
        return OPEN;
    }

    /** {@code work}'s result, computed in a turn of its own (its units); a 503 with Retry-After when none comes in time. */
    public <T> T run(Supplier<T> work) {
        return run(unitsPerTurn, work);
    }

    /**
     * {@code work}'s result, computed holding {@code weight} units of the lane (at most all of them, at least one); a
     * 503 with Retry-After when they do not come in time.
     */
    public <T> T run(long weight, Supplier<T> work) {
        if (units == null) return work.get();
        int take = (int) Math.max(1, Math.min(weight, capacity));
        admitted.incrementAndGet();
        boolean taken = false;
        try {
            // A timed try, not tryAcquire(n): that one barges past the requests already waiting.
            taken = units.tryAcquire(take, 0, TimeUnit.NANOSECONDS) || await(take);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("interrupted while waiting for a turn");
        } finally {
            if (!taken) admitted.decrementAndGet();
        }
        try {
            // Alone among the lane's running requests (those waiting score nothing), it spreads: a request holding the
            // whole lane left one core idle on its own thread (scripts/overload light).
            boolean alone = admitted.get() - waiting.get() == 1;
            return alone ? work.get() : Spread.onCallingThread(work);
        } finally {
            admitted.decrementAndGet();  // first: the request its units wake must not count this one as scoring
            units.release(take);
        }
    }

    /** Waits for {@code take} units behind those already waiting: true once taken, else the 503. */
    private boolean await(int take) throws InterruptedException {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw busy(full(admitted.get() - 1));
        }
        try {
            if (units.tryAcquire(take, maxWait.toNanos(), TimeUnit.NANOSECONDS)) return true;
        } finally {
            waiting.decrementAndGet();
        }
        throw busy("no turn came within " + maxWait.toMillis() + " ms");
    }

    /**
     * The refusal a request gets now without its body being read, if it would have to wait and every place to wait
     * is taken (else empty): refusing through Jersey cost a parse of the body ({@link Refusal}). Its weight is not
     * known yet, so a request let through may still find too few units free and no place to wait.
     */
    public java.util.Optional<ApiException> refusalNow() {
        if (units == null) return java.util.Optional.empty();
        int waiters = waiting.get();
        return waiters >= maxWaiting && (waiters > 0 || units.availablePermits() == 0)
                ? java.util.Optional.of(busy(full(admitted.get()))) : java.util.Optional.empty();
    }

    /** Why a request finds no place: the same words from {@link #run} and {@link #refusalNow}. */
    private String full(int inside) {
        return inside + " requests are scoring or waiting for a turn, " + capacity + " units of work at most scoring";
    }

    /** Requests scoring or waiting for a turn now (a gauge, {@code parley.scoring.admitted}). */
    public int admitted() {
        return admitted.get();
    }

    /** Requests in the semaphore's line for their units now (the tests: in line, not only admitted). */
    int queued() {
        return units.getQueueLength();
    }

    /** Units of work held by the requests scoring now (a gauge, {@code parley.scoring.units}); 0 for the open gate. */
    public int unitsHeld() {
        return units == null ? 0 : capacity - units.availablePermits();
    }

    /** Units of work the lane holds at most; 0: no limit. */
    public int capacity() {
        return capacity;
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
