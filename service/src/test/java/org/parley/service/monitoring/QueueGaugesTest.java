package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.parley.service.moderation.Queue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The moderation queues' sizes as gauges, counted on their own thread; none while the database cannot count them, from
 * the moment that is known, and none from a count older than it should be.
 */
class QueueGaugesTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Supplier<Map<Queue, Integer>> DOWN = () -> {
        throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("Connection refused"));
    };

    /** A clock a test sets. */
    private static final class TestClock extends Clock {
        private volatile Instant now = T0;

        void at(long secondsAfterT0) {
            now = T0.plusSeconds(secondsAfterT0);
        }

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final TestClock clock = new TestClock();
    private final AtomicReference<Supplier<Map<Queue, Integer>>> database = new AtomicReference<>(
            () -> Map.of(Queue.PENDING, 12, Queue.REPORTED, 3, Queue.ESCALATED, 0, Queue.PUBLISHED, 900));
    private final AtomicInteger counted = new AtomicInteger();
    private final MetricRegistry metrics = new MetricRegistry();

    private QueueGauges gauges() {
        return new QueueGauges(() -> {
            counted.incrementAndGet();
            return database.get().get();
        }, q -> Optional.empty(), clock).register(metrics);
    }

    @Test
    void theGaugesShowTheLastCountAndNoneWhileTheDatabaseFails() {
        QueueGauges gauges = gauges();
        assertNull(gauge(metrics, "PENDING"), "not counted yet");

        gauges.run();
        assertEquals(12, gauge(metrics, "PENDING"));
        assertEquals(3, gauge(metrics, "REPORTED"));
        assertEquals(0, gauge(metrics, "ESCALATED"));
        assertFalse(metrics.getGauges().containsKey("parley.queue.PUBLISHED"), "what waits for no one is not a gauge");

        database.set(DOWN);
        clock.at(QueueGauges.EVERY_SECONDS);
        gauges.run();
        assertNull(gauge(metrics, "PENDING"), "no value rather than the last one, or an error for the scrape");
    }

    /** Counted every 30 s while the database answers, though run at every 5 s tick; at each tick once a count failed. */
    @Test
    void aTickCountsWhenACountIsDueAndAtEachTickAfterAFailure() {
        QueueGauges gauges = gauges();
        gauges.run();
        clock.at(QueueGauges.TICK_SECONDS);
        gauges.run();
        clock.at(QueueGauges.EVERY_SECONDS - 1);
        gauges.run();
        assertEquals(1, counted.get(), "not due: the database is not asked");
        clock.at(QueueGauges.EVERY_SECONDS);
        gauges.run();
        assertEquals(2, counted.get());

        database.set(DOWN);
        clock.at(2 * QueueGauges.EVERY_SECONDS);
        gauges.run();
        assertNull(gauge(metrics, "PENDING"));
        database.set(() -> Map.of(Queue.PENDING, 13));
        clock.at(2 * QueueGauges.EVERY_SECONDS + QueueGauges.TICK_SECONDS);
        gauges.run();
        assertEquals(13, gauge(metrics, "PENDING"), "back at the next tick, not 30 s after the failure");
    }

    /**
     * A database outage audit (forty-eighth session): 3 s into the outage the gauges still read the last count, until the
     * next count up to 30 s later. A request (or the health check) that finds the database gone takes it away at once.
     */
    @Test
    void anOutageSeenElsewhereTakesTheCountAwayAtOnce() {
        QueueGauges gauges = gauges();
        gauges.run();
        assertEquals(12, gauge(metrics, "PENDING"));
        clock.at(3);
        gauges.outage();
        assertNull(gauge(metrics, "PENDING"), "3 s into the outage, not the last count");
        assertNull(metrics.getGauges().get("parley.queue.PENDING.oldest.seconds").getValue());
        clock.at(QueueGauges.TICK_SECONDS);
        gauges.run();
        assertEquals(12, gauge(metrics, "PENDING"), "counted at the next tick: the database answers again");
    }

    /** A count the database answered just before a request found it gone is not served as current. */
    @Test
    void aCountBegunBeforeAnOutageIsNotKept() {
        AtomicReference<QueueGauges> gauges = new AtomicReference<>();
        database.set(() -> {
            gauges.get().outage(); // a request meets the outage while this count is read
            return Map.of(Queue.PENDING, 12);
        });
        gauges.set(gauges());
        gauges.get().run();
        assertNull(gauge(metrics, "PENDING"));
    }

    /**
     * A database that hangs holds the counting thread: the last count is not served once its next is a tick or two
     * late; and a count made at a time the clock has since been set back before is not current either.
     */
    @Test
    void aCountOlderThanItShouldBeIsNotServed() {
        QueueGauges gauges = gauges();
        clock.at(100);
        gauges.run();
        clock.at(100 + QueueGauges.STALE_AFTER.toSeconds() - 1);
        assertEquals(12, gauge(metrics, "PENDING"));
        clock.at(100 + QueueGauges.STALE_AFTER.toSeconds());
        assertNull(gauge(metrics, "PENDING"), "the count that should have followed it has not come");
        assertNull(metrics.getGauges().get("parley.queue.PENDING.oldest.seconds").getValue());

        clock.at(100);
        assertEquals(12, gauge(metrics, "PENDING"));
        clock.at(99);
        assertNull(gauge(metrics, "PENDING"), "the clock was set back: when it was counted is not known");
        gauges.run();
        assertEquals(12, gauge(metrics, "PENDING"), "counted again at the next tick");
    }

    /**
     * How long the oldest pending and escalated comments have waited, in seconds, by the clock: read with the counts,
     * reckoned at the scrape (so it grows between reads); 0 while none waits; no value while the database cannot say.
     */
    @Test
    void theOldestCommentsAgeGrowsByTheClockAndIsZeroWhenNoneWaits() {
        AtomicReference<Map<Queue, Optional<Instant>>> since = new AtomicReference<>(Map.of(
                Queue.PENDING, Optional.of(T0.minusSeconds(3_700)), Queue.ESCALATED, Optional.empty()));
        database.set(() -> Map.of(Queue.PENDING, 4));
        QueueGauges gauges = new QueueGauges(() -> database.get().get(), q -> since.get().get(q), clock).register(metrics);
        assertNull(oldest(metrics, "PENDING"), "not read yet");

        gauges.run();
        assertEquals(3_700L, oldest(metrics, "PENDING"));
        assertEquals(0L, oldest(metrics, "ESCALATED"), "none waits");
        assertFalse(metrics.getGauges().containsKey("parley.queue.REPORTED.oldest.seconds"));
        clock.at(25);
        assertEquals(3_725L, oldest(metrics, "PENDING"), "older at the next scrape, before the next read");

        since.set(Map.of(Queue.PENDING, Optional.of(T0.plusSeconds(20)), Queue.ESCALATED, Optional.of(T0.plusSeconds(40))));
        clock.at(QueueGauges.EVERY_SECONDS);
        gauges.run();
        assertEquals(10L, oldest(metrics, "PENDING"), "the oldest was decided: the next one's");
        assertEquals(0L, oldest(metrics, "ESCALATED"), "a clock behind the database's time is no negative age");

        database.set(DOWN);
        clock.at(2 * QueueGauges.EVERY_SECONDS);
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
