package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;
import org.parley.service.moderation.Queue;

import java.util.Map;
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
        QueueGauges gauges = new QueueGauges(() -> database.get().get()).register(metrics);
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

    private static Object gauge(MetricRegistry metrics, String queue) {
        Gauge<?> g = metrics.getGauges().get("parley.queue." + queue);
        return g.getValue();
    }
}
