package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.parley.service.moderation.Queue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** The moderation queues' sizes as gauges, counted on their own thread; none while the database cannot count them. */
class QueueGaugesTest {
    @Test
    void theGaugesShowTheLastCountAndNoneWhileTheDatabaseFails() {
        AtomicReference<Supplier<Map<Queue, Integer>>> database = new AtomicReference<>(
                () -> Map.of(Queue.PENDING, 12, Queue.REPORTED, 3, Queue.ESCALATED, 0, Queue.PUBLISHED, 900));
        MetricRegistry metrics = new MetricRegistry();
        QueueGauges gauges = new QueueGauges(() -> database.get().get(), q -> Optional.empty(), Clock.systemUTC()).register(metrics);
        assertNull(gauge(metrics, "PENDING"), "not counted yet");

        gauges.run();
        assertEquals(12, gauge(metrics, "PENDING"));
        assertEquals(3, gauge(metrics, "REPORTED"));
        assertEquals(0, gauge(metrics, "ESCALATED"));
        assertFalse(metrics.getGauges().containsKey("parley.queue.PUBLISHED"), "what waits for no one is not a gauge");

        database.set(() -> { throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("Connection refused")); });
        gauges.run();
        assertNull(gauge(metrics, "PENDING"), "no value rather than the last one, or an error for the scrape");
    }

    /**
     * How long the oldest pending and escalated comments have waited, in seconds, by the clock: read every 30 s, reckoned
     * at the scrape (so it grows between reads); 0 while none waits; no value while the database cannot say.
     */
    @Test
    void theOldestCommentsAgeGrowsByTheClockAndIsZeroWhenNoneWaits() {
        Instant t0 = Instant.parse("2026-12-03T10:00:00Z");
        AtomicReference<Clock> now = new AtomicReference<>(Clock.fixed(t0, ZoneOffset.UTC));
        Clock clock = new Clock() {
            @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now.get().instant(); }
        };
        AtomicReference<Map<Queue, Optional<Instant>>> since = new AtomicReference<>(Map.of(
                Queue.PENDING, Optional.of(t0.minusSeconds(3_700)), Queue.ESCALATED, Optional.empty()));
        AtomicReference<Supplier<Map<Queue, Integer>>> database = new AtomicReference<>(() -> Map.of(Queue.PENDING, 4));
        MetricRegistry metrics = new MetricRegistry();
        QueueGauges gauges = new QueueGauges(() -> database.get().get(), q -> since.get().get(q), clock).register(metrics);
        assertNull(oldest(metrics, "PENDING"), "not read yet");

        gauges.run();
        assertEquals(3_700L, oldest(metrics, "PENDING"));
        assertEquals(0L, oldest(metrics, "ESCALATED"), "none waits");
        assertFalse(metrics.getGauges().containsKey("parley.queue.REPORTED.oldest.seconds"));
        now.set(Clock.fixed(t0.plusSeconds(25), ZoneOffset.UTC));
        assertEquals(3_725L, oldest(metrics, "PENDING"), "older at the next scrape, before the next read");

        since.set(Map.of(Queue.PENDING, Optional.of(t0.plusSeconds(20)), Queue.ESCALATED, Optional.of(t0.plusSeconds(40))));
        gauges.run();
        assertEquals(5L, oldest(metrics, "PENDING"), "the oldest was decided: the next one's");
        assertEquals(0L, oldest(metrics, "ESCALATED"), "a clock behind the database's time is no negative age");

        database.set(() -> { throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("Connection refused")); });
        gauges.run();
        assertNull(oldest(metrics, "PENDING"), "no value rather than an age that keeps growing");
    }

    private static Object oldest(MetricRegistry metrics, String queue) {
        return metrics.getGauges().get("parley.queue." + queue + ".oldest.seconds").getValue();
    }

    private static Object gauge(MetricRegistry metrics, String queue) {
        Gauge<?> g = metrics.getGauges().get("parley.queue." + queue);
        return g.getValue();
    }
}
