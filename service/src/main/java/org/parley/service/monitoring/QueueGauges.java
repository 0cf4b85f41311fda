package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.parley.service.moderation.Queue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/**
 * How many comments wait for a moderator, as gauges {@code parley.queue.PENDING}, {@code .REPORTED} and
 * {@code .ESCALATED} (counted to 10,000, as the moderator page counts them), so that an alert can say the queue
 * is backing up. Counted by {@link #run}, every {@link #EVERY_SECONDS} s on a thread of its own, not when the
 * metrics are read: a database that hangs holds that thread, never a scrape. While the database cannot count
 * them the gauges have no value (absent from /metrics/prometheus, null in /metrics).
 */
public final class QueueGauges implements Runnable {
    public static final long EVERY_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(QueueGauges.class);
    private static final Queue[] WAITING = {Queue.PENDING, Queue.REPORTED, Queue.ESCALATED};

    private final Supplier<Map<Queue, Integer>> counts;
    private volatile Map<Queue, Integer> last = Map.of();

    public QueueGauges(Supplier<Map<Queue, Integer>> counts) {
        this.counts = counts;
    }

    public QueueGauges register(MetricRegistry metrics) {
        for (Queue q : WAITING) metrics.register("parley.queue." + q.name(), (Gauge<Integer>) () -> last.get(q));
        return this;
    }

    @Override
    public void run() {
        try {
            last = Map.copyOf(counts.get());
        } catch (RuntimeException e) { // the database is down: its health check and the 503s say so
            last = Map.of();
            LOG.debug("queue counts unavailable", e);
        }
    }
}
