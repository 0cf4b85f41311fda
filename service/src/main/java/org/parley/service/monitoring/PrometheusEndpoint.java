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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every Dropwizard metric (the JSON of {@code /metrics}) in Prometheus's text format, for a scraper, on the admin
 * port, with the collectors the service adds (the models served, {@link ServedModels}, and their text-pipeline checks,
 * {@link ServedPipelines}; each endpoint's latency
 * histogram, {@link EndpointLatency}; the policy's scores and actions, {@link PolicyInputs}; JavaCPP's limit on
 * resident memory, {@link NativeMemory}). Timers are summaries in seconds, histograms summaries, meters counters.
 * Names follow Prometheus's conventions (snake case, a unit, what
 * varies in labels, so that a query can sum or compare: {@code sum by (resource) (rate(parley_endpoint_seconds_count[5m]))}):
 * the project's families, each endpoint's timers and exception meter, Jetty's, the database pool's and the log's are
 * renamed ({@link #LABELLED}); others take their Dropwizard names with dots and dashes as underscores. The JVM's are
 * the Prometheus client's own ({@code jvm_memory_bytes_used{area}}, {@code jvm_gc_collection_seconds},
 * {@code process_resident_memory_bytes}, {@code process_cpu_seconds_total}…), which stock JVM dashboards read and
 * which add the process's CPU, resident memory and file descriptors; Dropwizard's {@code jvm.*} stay in the JSON.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics/prometheus";
    /** Dropwizard name (a {@code *} is one dotted part, {@code ${n}} the n-th) → Prometheus name and labels. */
    static final List<MapperConfig> LABELLED = labelled();
    /** Jetty's handler of the application port (the admin port's requests are not in it). */
    private static final String JETTY = "io.dropwizard.jetty.MutableServletContextHandler.";

    private PrometheusEndpoint() {
    }

    private static List<MapperConfig> labelled() {
        List<MapperConfig> m = new ArrayList<>();
        String endpoint = "org.parley.service.resources.*.*";
        Map<String, String> resourceAndMethod = labels("resource", "${0}", "method", "${1}");
        m.add(new MapperConfig(endpoint, "parley_endpoint_seconds", resourceAndMethod));
        m.add(new MapperConfig(endpoint + ".total", "parley_endpoint_total_seconds", resourceAndMethod));
        m.add(new MapperConfig(endpoint + ".request.filtering", "parley_endpoint_request_filtering_seconds", resourceAndMethod));
        m.add(new MapperConfig(endpoint + ".response.filtering", "parley_endpoint_response_filtering_seconds", resourceAndMethod));
        m.add(new MapperConfig(endpoint + ".exceptions", "parley_endpoint_exceptions", resourceAndMethod));
        m.add(new MapperConfig("parley.queue.*", "parley_queue", labels("queue", "${0}")));
        m.add(new MapperConfig("parley.queue.*.oldest.seconds", "parley_queue_oldest_seconds", labels("queue", "${0}")));
        m.add(new MapperConfig("parley.scoring.admitted", "parley_scoring_admitted", labels("lane", "single")));
        m.add(new MapperConfig("parley.scoring.refused", "parley_scoring_refused", labels("lane", "single")));
        m.add(new MapperConfig("parley.scoring.batch.admitted", "parley_scoring_admitted", labels("lane", "batch")));
        m.add(new MapperConfig("parley.scoring.batch.refused", "parley_scoring_refused", labels("lane", "batch")));
        m.add(new MapperConfig("parley.scoring.units", "parley_scoring_units", labels("lane", "single")));
        m.add(new MapperConfig("parley.scoring.batch.units", "parley_scoring_units", labels("lane", "batch")));
        m.add(new MapperConfig("parley.retention.removed.*", "parley_retention_removed", labels("rows", "${0}")));
        // Jetty: the application port's handler, the thread pools ("dw", "dw-admin") and the connectors
        m.add(new MapperConfig(JETTY + "requests", "jetty_request_duration_seconds", Map.of()));
        for (String method : List.of("get", "post", "put", "delete", "head", "options", "trace", "connect", "move", "other"))
            m.add(new MapperConfig(JETTY + method + "-requests", "jetty_method_request_duration_seconds", labels("method", method.toUpperCase(Locale.ROOT))));
        for (String code : List.of("1xx", "2xx", "3xx", "4xx", "5xx"))
            m.add(new MapperConfig(JETTY + code + "-responses", "jetty_responses", labels("code", code)));
        m.add(new MapperConfig(JETTY + "dispatches", "jetty_dispatch_duration_seconds", Map.of()));
        m.add(new MapperConfig(JETTY + "active-requests", "jetty_active_requests", Map.of()));
        m.add(new MapperConfig(JETTY + "active-dispatches", "jetty_active_dispatches", Map.of()));
        m.add(new MapperConfig(JETTY + "active-suspended", "jetty_active_suspended_requests", Map.of()));
        m.add(new MapperConfig(JETTY + "async-dispatches", "jetty_async_dispatches", Map.of()));
        m.add(new MapperConfig(JETTY + "async-timeouts", "jetty_async_timeouts", Map.of()));
        String pool = "org.eclipse.jetty.util.thread.QueuedThreadPool.*.";
        m.add(new MapperConfig(pool + "size", "jetty_threads", labels("pool", "${0}")));
        m.add(new MapperConfig(pool + "utilization", "jetty_threads_utilization", labels("pool", "${0}")));
        m.add(new MapperConfig(pool + "utilization-max", "jetty_threads_utilization_max", labels("pool", "${0}")));
        m.add(new MapperConfig(pool + "jobs", "jetty_queued_jobs", labels("pool", "${0}")));
        m.add(new MapperConfig(pool + "jobs-queue-utilization", "jetty_queued_jobs_utilization", labels("pool", "${0}")));
        String connector = "org.eclipse.jetty.server.HttpConnectionFactory.";
        // Dropwizard names a connector by its port, after its bind host if any, all with dots: 8080, localhost.8081, 127.0.0.1.8081
        m.add(new MapperConfig(connector + "*.connections", "jetty_connection_duration_seconds", labels("connector", "${0}")));
        m.add(new MapperConfig(connector + "*.*.connections", "jetty_connection_duration_seconds", labels("connector", "${0}:${1}")));
        m.add(new MapperConfig(connector + "*.*.*.*.*.connections", "jetty_connection_duration_seconds",
                labels("connector", "${0}.${1}.${2}.${3}:${4}")));
        // the database pool (Dropwizard's "database") and the log's lines by level (as simpleclient_logback names them)
        for (String gauge : List.of("active", "idle", "size", "waiting", "borrowed", "created", "reconnected", "released",
                "releasedIdle", "removeAbandoned", "returned"))
            m.add(new MapperConfig("io.dropwizard.db.ManagedPooledDataSource.*." + gauge,
                    "db_pool_" + gauge.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT), labels("pool", "${0}")));
        m.add(new MapperConfig("ch.qos.logback.core.Appender.*", "logback_appender", labels("level", "${0}")));
        for (String state : List.of("created", "running", "terminated"))
            m.add(new MapperConfig("TimeBoundHealthCheck-pool." + state, "healthcheck_pool_" + state, Map.of()));
        return List.copyOf(m);
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
        // Not exported: the JVM's (DefaultExports has them), and Jetty's ratios of the last 1, 5 and 15 minutes'
        // responses, which a query's rate() makes for any window.
        new DropwizardExports(metrics, (name, metric) -> !name.startsWith("jvm.") && !name.startsWith(JETTY + "percent-"),
                new CustomMappingSampleBuilder(LABELLED))
                .register(registry);
        DefaultExports.register(registry);
        new NativeMemory().register(registry);
        for (Collector c : more) c.register(registry);
        return registry;
    }
}
