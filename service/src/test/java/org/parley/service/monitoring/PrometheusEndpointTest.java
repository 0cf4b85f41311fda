package org.parley.service.monitoring;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.parley.model.PipelineCheck;
import org.parley.service.api.ScoreResponse.ModelInfo;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/** What a scraper reads: the project's families with what varies in labels, and the models served. */
class PrometheusEndpointTest {
    @Test
    void whatVariesIsALabelSoThatAQueryCanSumIt() {
        MetricRegistry metrics = new MetricRegistry();
        metrics.timer("org.parley.service.resources.ScoreResource.score").update(java.time.Duration.ofMillis(4));
        metrics.meter("parley.scoring.batch.refused").mark(2);
        metrics.register("parley.queue.PENDING", (Gauge<Integer>) () -> 12);
        metrics.register("parley.queue.PENDING.oldest.seconds", (Gauge<Long>) () -> 90L);
        metrics.meter("parley.requestlog.dropped").mark(5);
        metrics.meter("parley.retention.removed.comments").mark(7);
        CollectorRegistry registry = PrometheusEndpoint.registry(metrics);

        assertEquals(1.0, sample(registry, "parley_endpoint_seconds_count", "resource", "ScoreResource", "method", "score"));
        assertEquals(2.0, sample(registry, "parley_scoring_refused_total", "lane", "batch"));
        assertEquals(12.0, sample(registry, "parley_queue", "queue", "PENDING"));
        assertEquals(90.0, sample(registry, "parley_queue_oldest_seconds", "queue", "PENDING"), "not taken for a queue of its own");
        assertEquals(5.0, sample(registry, "parley_requestlog_dropped_total"), "an unmapped name keeps Dropwizard's");
        assertNull(registry.getSampleValue("parley_queue_PENDING"), "not one name per queue");
        assertEquals(7.0, sample(registry, "parley_retention_removed_total", "rows", "comments"));
    }

    /** Jetty's, the pool's, the log's and Jersey's other metrics as Prometheus names them: snake case, a unit, labels. */
    @Test
    void theLibrariesMetricsAreRenamedWithWhatVariesInLabels() {
        MetricRegistry metrics = new MetricRegistry();
        String jetty = "io.dropwizard.jetty.MutableServletContextHandler.";
        metrics.meter(jetty + "5xx-responses").mark(4);
        metrics.timer(jetty + "requests").update(java.time.Duration.ofMillis(3));
        metrics.timer(jetty + "post-requests").update(java.time.Duration.ofMillis(3));
        metrics.register(jetty + "percent-5xx-1m", (Gauge<Double>) () -> 0.5);
        metrics.register("org.eclipse.jetty.util.thread.QueuedThreadPool.dw-admin.jobs", (Gauge<Integer>) () -> 7);
        metrics.timer("org.eclipse.jetty.server.HttpConnectionFactory.127.0.0.1.8081.connections").update(java.time.Duration.ofSeconds(1));
        metrics.register("io.dropwizard.db.ManagedPooledDataSource.database.releasedIdle", (Gauge<Long>) () -> 2L);
        metrics.meter("ch.qos.logback.core.Appender.error").mark();
        metrics.meter("org.parley.service.resources.ScoreResource.score.exceptions").mark(6);
        metrics.timer("org.parley.service.resources.ScoreResource.score.total").update(java.time.Duration.ofMillis(5));
        CollectorRegistry registry = PrometheusEndpoint.registry(metrics);

        assertEquals(4.0, sample(registry, "jetty_responses_total", "code", "5xx"));
        assertEquals(1.0, sample(registry, "jetty_request_duration_seconds_count"));
        assertEquals(1.0, sample(registry, "jetty_method_request_duration_seconds_count", "method", "POST"));
        assertEquals(7.0, sample(registry, "jetty_queued_jobs", "pool", "dw-admin"));
        assertEquals(1.0, sample(registry, "jetty_connection_duration_seconds_count", "connector", "127.0.0.1:8081"));
        assertEquals(2.0, sample(registry, "db_pool_released_idle", "pool", "database"));
        assertEquals(1.0, sample(registry, "logback_appender_total", "level", "error"));
        assertEquals(6.0, sample(registry, "parley_endpoint_exceptions_total", "resource", "ScoreResource", "method", "score"));
        assertEquals(1.0, sample(registry, "parley_endpoint_total_seconds_count", "resource", "ScoreResource", "method", "score"));
        assertTrue(java.util.Collections.list(registry.metricFamilySamples()).stream().noneMatch(f -> f.name.contains("percent")),
                "Jetty's ratios are left to rate()");
    }

    /** Stock JVM dashboards read the Prometheus client's names; Dropwizard's jvm.* would be the same figures twice. */
    @Test
    void theJvmAndTheProcessHaveThePrometheusClientsNamesAndDropwizardsJvmGaugesAreNotRepeated() {
        MetricRegistry metrics = new MetricRegistry();
        metrics.register("jvm.memory.heap.used", (Gauge<Long>) () -> 123L);
        CollectorRegistry registry = PrometheusEndpoint.registry(metrics);

        assertNull(sample(registry, "jvm_memory_heap_used"));
        assertTrue(sample(registry, "jvm_memory_bytes_used", "area", "heap") > 0);
        assertTrue(sample(registry, "jvm_memory_bytes_max", "area", "heap") > 0);
        assertTrue(sample(registry, "process_resident_memory_bytes") > 0, "the process's, which the heap's gauges do not show");
        assertNotNull(sample(registry, "process_cpu_seconds_total"));
    }

    /** Past JavaCPP's limit on resident memory ND4J's next allocation fails, whatever the heap holds: the limit is read beside it. */
    @Test
    void javaCppsLimitOnResidentMemoryIsExportedBesideIt() {
        CollectorRegistry registry = PrometheusEndpoint.registry(new MetricRegistry());
        assertEquals((double) org.bytedeco.javacpp.Pointer.maxPhysicalBytes(), sample(registry, "parley_native_physical_max_bytes"));
        assertTrue(sample(registry, "parley_native_physical_max_bytes") > 0, "the build sets it (pom.xml's argLine)");
        assertTrue(sample(registry, "process_resident_memory_bytes") > 0);
    }

    @Test
    void theModelsServedAreNamedAndAReloadShowsAtTheNextScrape() {
        AtomicReference<ModelInfo> toxicity = new AtomicReference<>(new ModelInfo("parley-toxicity", "2026.12.01.1823", "d832"));
        CollectorRegistry registry = new CollectorRegistry();
        new ServedModels(Map.of("toxicity", toxicity::get, "stance", () -> new ModelInfo("parley-stance", "2026.11.30.2231", "b29b")))
                .register(registry);
        assertEquals(1.0, info(registry, "toxicity", "parley-toxicity", "2026.12.01.1823", "d832"));
        assertEquals(1.0, info(registry, "stance", "parley-stance", "2026.11.30.2231", "b29b"));

        toxicity.set(new ModelInfo("parley-toxicity", "2026.12.04.0900", "77aa"));
        assertEquals(1.0, info(registry, "toxicity", "parley-toxicity", "2026.12.04.0900", "77aa"));
        assertNull(info(registry, "toxicity", "parley-toxicity", "2026.12.01.1823", "d832"), "the replaced bundle is gone");
    }

    /** An alert can read each served bundle's text-pipeline check, a reload's at the next scrape; the tagger off has none. */
    @Test
    void eachServedBundlesTextPipelineCheckIsAGaugeAndAReloadShowsAtTheNextScrape() {
        AtomicReference<PipelineCheck> toxicity = new AtomicReference<>(check(PipelineCheck.Status.DIFFERS, 32, 8));
        AtomicReference<PipelineCheck> tagger = new AtomicReference<>(check(PipelineCheck.Status.UNRECORDED, 0, 0));
        CollectorRegistry registry = new CollectorRegistry();
        new ServedPipelines(Map.of("toxicity", toxicity::get, "stance", () -> check(PipelineCheck.Status.SAME, 32, 0),
                "spanTagger", tagger::get)).register(registry);
        assertEquals(1.0, sample(registry, "parley_model_text_pipeline", "kind", "toxicity", "status", "DIFFERS"));
        assertEquals(0.0, sample(registry, "parley_model_text_pipeline", "kind", "toxicity", "status", "SAME"),
                "every status has its series, so that a query for one finds it whatever the bundle");
        assertEquals(8.0, sample(registry, "parley_model_text_pipeline_differing_probes", "kind", "toxicity"));
        assertEquals(32.0, sample(registry, "parley_model_text_pipeline_probes", "kind", "toxicity"));
        assertEquals(1.0, sample(registry, "parley_model_text_pipeline", "kind", "stance", "status", "SAME"));
        assertEquals(0.0, sample(registry, "parley_model_text_pipeline_differing_probes", "kind", "stance"));
        assertEquals(1.0, sample(registry, "parley_model_text_pipeline", "kind", "spanTagger", "status", "UNRECORDED"));
        assertNull(sample(registry, "parley_model_text_pipeline_differing_probes", "kind", "spanTagger"), "it records no probes");

        toxicity.set(check(PipelineCheck.Status.SAME, 32, 0));
        tagger.set(null);
        assertEquals(1.0, sample(registry, "parley_model_text_pipeline", "kind", "toxicity", "status", "SAME"));
        assertEquals(0.0, sample(registry, "parley_model_text_pipeline", "kind", "toxicity", "status", "DIFFERS"));
        assertEquals(0.0, sample(registry, "parley_model_text_pipeline_differing_probes", "kind", "toxicity"));
        assertNull(sample(registry, "parley_model_text_pipeline", "kind", "spanTagger", "status", "UNRECORDED"), "the tagger off");
    }

    private static PipelineCheck check(PipelineCheck.Status status, int probes, int differing) {
        return new PipelineCheck(java.nio.file.Path.of("models/x.zip"), status, "fc58b0e", probes, differing, null, null, null);
    }

    private static Double info(CollectorRegistry registry, String kind, String name, String version, String checksum) {
        return registry.getSampleValue("parley_model_info", new String[]{"kind", "name", "version", "checksum"},
                new String[]{kind, name, version, checksum});
    }

    /** The value of the sample with these labels (name, value, name, value…). */
    private static Double sample(CollectorRegistry registry, String name, String... labels) {
        String[] names = new String[labels.length / 2], values = new String[labels.length / 2];
        for (int i = 0; i < names.length; i++) {
            names[i] = labels[2 * i];
            values[i] = labels[2 * i + 1];
        }
        return labels.length == 0 ? registry.getSampleValue(name) : registry.getSampleValue(name, names, values);
    }
}
