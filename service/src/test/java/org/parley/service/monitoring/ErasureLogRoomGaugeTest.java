package org.parley.service.monitoring;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.erasurelog.ErasureLogRoom;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/** The erasure log's free bytes as one series, read at each scrape; the alert on it fires before ErasureLogRoom refuses. */
class ErasureLogRoomGaugeTest {
    @TempDir
    Path dir;

    @Test
    void theGaugeIsTheFewestFreeBytesOfTheErasureLogsDirectoriesReadAtEachScrape() {
        Path other = dir.resolve("archives");
        assertTrue(other.toFile().mkdir());
        AtomicLong otherFree = new AtomicLong(5L << 20);
        MetricRegistry metrics = new MetricRegistry();
        metrics.register(ErasureLogRoomGauge.NAME, new ErasureLogRoomGauge(() -> List.of(dir, other),
                d -> d.equals(other) ? otherFree.get() : 80L << 20));
        CollectorRegistry registry = PrometheusEndpoint.registry(metrics);

        assertEquals((double) (5L << 20), registry.getSampleValue("parley_erasure_log_usable_bytes"));
        otherFree.set(4096);
        assertEquals(4096.0, registry.getSampleValue("parley_erasure_log_usable_bytes"), "read again at the next scrape");
        otherFree.set(-1);
        assertEquals(-1.0, registry.getSampleValue("parley_erasure_log_usable_bytes"), "a directory that cannot be reached");
        assertEquals(1, java.util.Collections.list(registry.metricFamilySamples()).stream().flatMap(f -> f.samples.stream())
                .filter(s -> s.name.startsWith("parley_erasure_log")).count(), "one series, whatever the directories");
    }

    @Test
    void theRealFileSystemIsReadAndNoErasureLogHasNoValue() {
        long free = ErasureLogRoom.usable(dir);
        ErasureLogRoomGauge real = new ErasureLogRoomGauge(() -> List.of(dir), ErasureLogRoom::usable);
        // What the file system says may move between two reads (other writers): within a mebibyte of it.
        assertTrue(Math.abs(real.getValue() - free) < (1 << 20), real.getValue() + " against " + free);
        assertTrue(real.getValue() >= ErasureLogRoom.MIN_FREE, "the temporary directory has room wherever the tests run");

        MetricRegistry metrics = new MetricRegistry();
        metrics.register(ErasureLogRoomGauge.NAME, new ErasureLogRoomGauge(List::of, ErasureLogRoom::usable));
        assertNull(metrics.getGauges().get(ErasureLogRoomGauge.NAME).getValue());
        assertNull(PrometheusEndpoint.registry(metrics).getSampleValue("parley_erasure_log_usable_bytes"), "absent from the scrape");
    }

    /** The documented alert reads this gauge and fires above the refusal's threshold: a rename or a new MIN_FREE shows here. */
    @Test
    void theAlertOnTheGaugeFiresAboveTheRefusalsThreshold() throws IOException {
        String rules = Files.readString(Path.of("../docs/prometheus/parley-alerts.yml"));
        int at = rules.indexOf("- alert: ParleyErasureLogLowOnSpace");
        assertTrue(at >= 0, "the rule is documented");
        int next = rules.indexOf("- alert:", at + 1);
        String rule = rules.substring(at, next < 0 ? rules.length() : next);
        assertTrue(rule.contains("parley_erasure_log_usable_bytes < 64 * 1024 * 1024"), rule);
        assertTrue(rule.contains("predict_linear(parley_erasure_log_usable_bytes[1h], 4 * 3600) < " + ErasureLogRoom.MIN_FREE),
                "the trend is read against the refusal's threshold: " + rule);
        assertTrue(64L << 20 > ErasureLogRoom.MIN_FREE);
    }
}
