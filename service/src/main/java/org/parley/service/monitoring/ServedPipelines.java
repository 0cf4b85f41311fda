package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import org.parley.model.PipelineCheck;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Each served bundle's text-pipeline check ({@link PipelineCheck}), read at each scrape so that a reload shows at the
 * next: {@code parley_model_text_pipeline{kind, status}}, 1 for the check's status and 0 for the others (a state set,
 * so that a query for one status finds the series whatever the bundle), and
 * {@code parley_model_text_pipeline_probes{kind}} and {@code parley_model_text_pipeline_differing_probes{kind}}, how
 * many probe texts the bundle records and how many of them this checkout reads otherwise (none for a bundle that
 * records none). Before, the check was in the log, the health message and {@code GET /v1/admin/model} only, where no
 * alert could read it.
 */
public final class ServedPipelines extends Collector {
    private final Map<String, Supplier<PipelineCheck>> checks;

    /**
     * @param checks each kind of bundle ("toxicity", "stance", "spanTagger", as {@code GET /v1/admin/model} names them)
     *               and its check now; a supplier answering null (the span tagger, off) gives no series
     */
    public ServedPipelines(Map<String, Supplier<PipelineCheck>> checks) {
        this.checks = Map.copyOf(checks);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily status = new GaugeMetricFamily("parley_model_text_pipeline",
                "whether this checkout's text pipeline reads each served bundle's probe texts as its training did (1: the status)",
                List.of("kind", "status"));
        GaugeMetricFamily probes = new GaugeMetricFamily("parley_model_text_pipeline_probes",
                "the probe texts each served bundle records", List.of("kind"));
        GaugeMetricFamily differing = new GaugeMetricFamily("parley_model_text_pipeline_differing_probes",
                "the probe texts this checkout's text pipeline reads otherwise than each served bundle's training", List.of("kind"));
        checks.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            PipelineCheck check = e.getValue().get();
            if (check == null) return;
            for (PipelineCheck.Status s : PipelineCheck.Status.values())
                status.addMetric(List.of(e.getKey(), s.name()), s == check.status() ? 1 : 0);
            if (check.status() == PipelineCheck.Status.UNRECORDED) return;
            probes.addMetric(List.of(e.getKey()), check.probes());
            differing.addMetric(List.of(e.getKey()), check.differing());
        });
        return List.of(status, probes, differing);
    }
}
