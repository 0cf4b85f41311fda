package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import org.parley.service.api.ScoreResponse.ModelInfo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code parley_model_info{kind, name, version, checksum} 1} for each bundle served (Prometheus's "info" idiom), read
 * at each scrape: a {@code reload-model} shows on a dashboard as the labels changing ({@link PolicyInputs} labels
 * the scores and actions with the same version).
 */
public final class ServedModels extends Collector {
    private final Map<String, Supplier<ModelInfo>> models;

    /** @param models each kind of bundle ("toxicity", "stance") and the one being served now */
    public ServedModels(Map<String, Supplier<ModelInfo>> models) {
        this.models = Map.copyOf(models);
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily info = new GaugeMetricFamily("parley_model_info", "the model bundles served now",
                List.of("kind", "name", "version", "checksum"));
        models.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            ModelInfo m = e.getValue().get();
            info.addMetric(List.of(e.getKey(), m.name(), m.version(), m.checksum()), 1);
        });
        return List.of(info);
    }
}
