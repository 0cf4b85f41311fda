package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.parley.service.moderation.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How many comments wait for a moderator, as gauges {@code parley.queue.PENDING}, {@code .REPORTED} and
 * {@code .ESCALATED} (counted to 10,000, as the moderator page counts them), so that an alert can say the queue
 * is backing up; and how long the one that has waited longest in PENDING and in ESCALATED has waited, in seconds,
 * as {@code parley.queue.PENDING.oldest.seconds} and {@code parley.queue.ESCALATED.oldest.seconds} (0 while none
 * waits), which is what readers feel. Counted by {@link #run} on a thread of its own, not when the metrics are read:
 * a database that hangs holds that thread, never a scrape. The ages are reckoned at the scrape from the times last
 * read, so they grow between counts.
 *
 * <p>While the database cannot count them the gauges have no value (absent from /metrics/prometheus, null in
 * /metrics), which ParleyDatabaseUnavailable alerts on, and a scrape is told so at once rather than at the next count:
 * {@link #run} is called every {@link #TICK_SECONDS} s and counts every {@link #EVERY_SECONDS} s while the database
 * answers, but at every tick after a failure (so the gauges return within a tick of the database); {@link #outage}
 * (a request or the health check that lost the database) drops the count at once; and a count older than
 * {@link #STALE_AFTER} (its thread held by a database that hangs) or taken at a time the clock has since gone back
 * before is not served.
 */
public final class QueueGauges implements Runnable {
    public static final long EVERY_SECONDS = 30;
    /** How often {@link #run} is called: it counts only when a count is due or none is served. */
    public static final long TICK_SECONDS = 5;
    /** The count is due at EVERY_SECONDS; a tick or two later it has not been made: the database holds its thread. */
    static final Duration STALE_AFTER = Duration.ofSeconds(EVERY_SECONDS + 2 * TICK_SECONDS);
    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
    private static final Queue[] WAITING = {Queue.PENDING, Queue.REPORTED, Queue.ESCALATED};
    /** The queues whose comments' waiting time the store reads from an index (QueueReads.waitingSince). */
    private static final Queue[] AGED = {Queue.PENDING, Queue.ESCALATED};

    /**
     * @param at    when it was counted, by the clock
     * @param sizes each queue's size
     * @param since per aged queue, since when its oldest comment waits: empty while none waits
     */
    private record Count(Instant at, Map<Queue, Integer> sizes, Map<Queue, Optional<Instant>> since) {}

    private final Supplier<Map<Queue, Integer>> counts;
    private final Function<Queue, Optional<Instant>> waitingSince;
    private final Clock clock;
    /** The last count; null before the first, after a failed one, and after an outage was seen. */
    private Count last;
    /** Outages seen: a count begun before one is not kept (it may have read the database just before it went). */
    private long outages;

    /**
     * @param counts       each queue's size
     * @param waitingSince since when the comment that has waited longest in the queue has been in it; empty while none waits
     */
    public QueueGauges(Supplier<Map<Queue, Integer>> counts, Function<Queue, Optional<Instant>> waitingSince, Clock clock) {
        this.counts = counts;
        this.waitingSince = waitingSince;
        this.clock = clock;
    }

    public QueueGauges register(MetricRegistry metrics) {
        for (Queue q : WAITING) metrics.register("parley.queue." + q.name(), (Gauge<Integer>) () -> {
            Count c = served();
            return c == null ? null : c.sizes().get(q);
        });
        for (Queue q : AGED) metrics.register("parley.queue." + q.name() + ".oldest.seconds", (Gauge<Long>) () -> waited(q));
        return this;
    }

    /** The database was found gone (a request's connection failed, or the health check's): no count is served until the next one. */
    public synchronized void outage() {
        outages++;
        last = null;
    }

    /** The last count, if it is current: made within STALE_AFTER, and not after now (a clock set back). */
    private synchronized Count served() {
        return last != null && !older(last, STALE_AFTER) ? last : null;
    }

    private boolean older(Count c, Duration than) {
        Duration age = Duration.between(c.at(), clock.instant());
        return age.isNegative() || age.compareTo(than) >= 0;
    }

    private Long waited(Queue q) {
        Count c = served();
        if (c == null) return null; // not counted, or the database is down
        Optional<Instant> from = c.since().get(q);
        return from.map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0L);
    }

    /** Counts if a count is due (EVERY_SECONDS since the last) or none is served; else nothing. */
    @Override
    public void run() {
        long seen;
        synchronized (this) {
            if (last != null && !older(last, Duration.ofSeconds(EVERY_SECONDS))) return;
            seen = outages;
        }
        try {
            Instant at = clock.instant();
            Map<Queue, Integer> counted = Map.copyOf(counts.get());
            Map<Queue, Optional<Instant>> read = new EnumMap<>(Queue.class);
            for (Queue q : AGED) read.put(q, waitingSince.apply(q));
            synchronized (this) {
                if (outages == seen) last = new Count(at, counted, Map.copyOf(read));
            }
        } catch (RuntimeException e) { // the database is down: its health check and the 503s say so
            synchronized (this) {
                last = null;
            }
            LOG.debug("queue counts unavailable", e);
        }
    }
}
