package org.parley.service.monitoring;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.AdminEnvironment;
import io.prometheus.client.Collector;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.dropwizard.samplebuilder.CustomMappingSampleBuilder;
import io.prometheus.client.dropwizard.samplebuilder.MapperConfig;
import io.prometheus.client.hotspot.DefaultExports;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every Dropwizard metric (the JSON of {@code /metrics}) in Prometheus's text format, for a scraper, on the admin
 * port, with the collectors the service adds (the models served, {@link ServedModels}; each endpoint's latency
 * histogram, {@link EndpointLatency}; ND4J's memory outside the heap, {@link NativeMemory}). Names take their dots and
 * dashes as underscores, timers are summaries in seconds, histograms summaries. The project's own families, and each
 * endpoint's timer, have what varies in labels, so that a query can sum or compare them
 * ({@code sum by (action) (rate(parley_action_total[5m]))}); the others keep their Dropwizard names, but for the
 * JVM's: those are the Prometheus client's own ({@code jvm_memory_bytes_used{area}}, {@code jvm_gc_collection_seconds},
 * {@code process_resident_memory_bytes}, {@code process_cpu_seconds_total}…), which stock JVM dashboards read and
 * which add the process's CPU, resident memory and file descriptors; Dropwizard's {@code jvm.*} stay in the JSON.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics/prometheus";
    /** Dropwizard name (a {@code *} is one dotted part, {@code ${n}} the n-th) → Prometheus name and labels. */
    static final List<MapperConfig> LABELLED = List.of(
            new MapperConfig("org.parley.service.resources.*.*", "parley_endpoint_seconds", labels("resource", "${0}", "method", "${1}")),
            new MapperConfig("parley.action.*", "parley_action", labels("action", "${0}")),
            new MapperConfig("parley.score.*", "parley_score", labels("attribute", "${0}")),
            new MapperConfig("parley.queue.*", "parley_queue", labels("queue", "${0}")),
            new MapperConfig("parley.queue.*.oldest.seconds", "parley_queue_oldest_seconds", labels("queue", "${0}")),
            new MapperConfig("parley.scoring.admitted", "parley_scoring_admitted", labels("lane", "single")),
            new MapperConfig("parley.scoring.refused", "parley_scoring_refused", labels("lane", "single")),
            new MapperConfig("parley.scoring.batch.admitted", "parley_scoring_admitted", labels("lane", "batch")),
            new MapperConfig("parley.scoring.batch.refused", "parley_scoring_refused", labels("lane", "batch")));

    private PrometheusEndpoint() {
    }

    /** Labels in the order given (names, then values, alternately): the library writes them in the map's order. */
    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) labels.put(namesAndValues[i], namesAndValues[i + 1]);
        return labels;
    }

    /** Exact mapping: it wins over the admin servlet's {@code /*}, which answered this path with the JSON. */
    public static void register(MetricRegistry metrics, AdminEnvironment admin, Collector... more) {
        admin.addServlet("prometheus", new MetricsServlet(registry(metrics, more))).addMapping(PATH);
    }

    /** What a scrape reads: not the library's global registry, so that each app (several in tests) has its own. */
    static CollectorRegistry registry(MetricRegistry metrics, Collector... more) {
        CollectorRegistry registry = new CollectorRegistry();
        new DropwizardExports(metrics, (name, metric) -> !name.startsWith("jvm."), new CustomMappingSampleBuilder(LABELLED))
                .register(registry);
        DefaultExports.register(registry);
        new NativeMemory().register(registry);
        for (Collector c : more) c.register(registry);
        return registry;
    }
}
