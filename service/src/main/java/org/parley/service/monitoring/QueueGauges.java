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
 * waits), which is what readers feel. Counted by {@link #run}, every {@link #EVERY_SECONDS} s on a thread of its
 * own, not when the metrics are read: a database that hangs holds that thread, never a scrape. The ages are
 * reckoned at the scrape from the times last read, so they grow between counts. While the database cannot count
 * them the gauges have no value (absent from /metrics/prometheus, null in /metrics).
 */
public final class QueueGauges implements Runnable {
    public static final long EVERY_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
    private static final Queue[] WAITING = {Queue.PENDING, Queue.REPORTED, Queue.ESCALATED};
    /** The queues whose comments' waiting time the store reads from an index (QueueReads.waitingSince). */
    private static final Queue[] AGED = {Queue.PENDING, Queue.ESCALATED};

    private final Supplier<Map<Queue, Integer>> counts;
    private final Function<Queue, Optional<Instant>> waitingSince;
    private final Clock clock;
    private volatile Map<Queue, Integer> last = Map.of();
    /** Per aged queue, since when its oldest comment waits: empty while none waits; no entry while not known. */
    private volatile Map<Queue, Optional<Instant>> since = Map.of();

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
        for (Queue q : WAITING) metrics.register("parley.queue." + q.name(), (Gauge<Integer>) () -> last.get(q));
        for (Queue q : AGED) metrics.register("parley.queue." + q.name() + ".oldest.seconds", (Gauge<Long>) () -> waited(q));
        return this;
    }

    private Long waited(Queue q) {
        Optional<Instant> from = since.get(q);
        if (from == null) return null; // not counted, or the database is down
        return from.map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0L);
    }

    @Override
    public void run() {
        try {
            Map<Queue, Integer> counted = Map.copyOf(counts.get());
            Map<Queue, Optional<Instant>> read = new EnumMap<>(Queue.class);
            for (Queue q : AGED) read.put(q, waitingSince.apply(q));
            last = counted;
            since = Map.copyOf(read);
        } catch (RuntimeException e) { // the database is down: its health check and the 503s say so
            last = Map.of();
            since = Map.of();
            LOG.debug("queue counts unavailable", e);
        }
    }
}
