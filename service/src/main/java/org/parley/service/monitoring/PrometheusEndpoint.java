package org.parley.service.monitoring;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.AdminEnvironment;
import io.prometheus.client.CollectorRegistry;
import io.prometheus.client.dropwizard.DropwizardExports;
import io.prometheus.client.servlet.jakarta.exporter.MetricsServlet;

/**
 * Every Dropwizard metric (the JSON of {@code /metrics}) in Prometheus's text format, for a scraper, on the admin
 * port: names with their dots and dashes as underscores ({@code parley.action.REJECT} is
 * {@code parley_action_REJECT_total}), timers as summaries in seconds, histograms as summaries.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/metrics/prometheus";

    private PrometheusEndpoint() {
    }

    /** Exact mapping: it wins over the admin servlet's {@code /*}, which answered this path with the JSON. */
    public static void register(MetricRegistry metrics, AdminEnvironment admin) {
        CollectorRegistry registry = new CollectorRegistry(); // not the library's global one: an app per registry in tests
        new DropwizardExports(metrics).register(registry);
        admin.addServlet("prometheus", new MetricsServlet(registry)).addMapping(PATH);
    }
}
