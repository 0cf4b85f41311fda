package org.parley.service.monitoring;

import io.prometheus.client.Collector;
import io.prometheus.client.GaugeMetricFamily;
import org.parley.service.store.Database;
import org.parley.train.Provenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code parley_build_info{version, schema} 1}: the release an instance runs, and the last schema changeset it knows (its
 * number), so that a rolling upgrade shows which instances are on the new release, and a dashboard can alert while they
 * differ. An operator's audit (sixty-seventh session) found nothing that said it: the models' info alone.
 */
public final class BuildInfo extends Collector {
    private static final Pattern CHANGESET = Pattern.compile("(?m)^--changeset parley:(\\d+)-");
    private final String version, schema;

    BuildInfo(String version, String schema) {
        this.version = version;
        this.schema = schema;
    }

    /** This release's: the version Maven built (classifier's build.properties), the changelog it carries. */
    public static BuildInfo ofThisRelease() {
        return new BuildInfo(version(), lastChangeset(resource("/" + Database.CHANGELOG)));
    }

    @Override
    public List<MetricFamilySamples> collect() {
        GaugeMetricFamily info = new GaugeMetricFamily("parley_build_info",
                "the release this instance runs: its version, and the number of the last schema changeset it knows", List.of("version", "schema"));
        info.addMetric(List.of(version, schema), 1);
        return List.of(info);
    }

    /** The highest changeset number of a changelog's text: "24" for 24-site-changes-postgresql and 24-site-changes-h2. */
    static String lastChangeset(String changelog) {
        Matcher m = CHANGESET.matcher(changelog);
        int last = 0;
        while (m.find()) last = Math.max(last, Integer.parseInt(m.group(1)));
        return String.valueOf(last);
    }

    private static String version() {
        return Provenance.buildProperties().getProperty("parley.version", "unknown");
    }

    private static String resource(String path) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not in the service's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
