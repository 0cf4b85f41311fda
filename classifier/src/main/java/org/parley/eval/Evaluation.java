package org.parley.eval;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.score.Scorer;

/**
 * One model's figures on one labelled split: per attribute over all rows labelled for it, and per
 * source corpus and attribute. Only rows a corpus labels count for an attribute (unlabelled is not
 * negative), and a label is binarised with {@link org.parley.label.Labels#positive}.
 *
 * <p>If the model returns NaN for any row counted for an attribute, that attribute's AUCs are NaN:
 * a model without an opinion gets no figure rather than one computed on a convenient subset.
 *
 * <p>JSON (via {@link #toJson()}) has the fields {@code model, n, split, meanRocAuc, attributes,
 * sources}; NaN is written as the string {@code "NaN"}. {@code split} fingerprints the set of
 * (source, id) pairs so that evaluations of different splits are not compared by mistake. ROC
 * curve points are kept for plots but left out of the JSON.
 */
@JsonPropertyOrder({"model", "n", "split", "meanRocAuc", "attributes", "sources"})
public final class Evaluation {
    /** At most this many points per ROC curve: plenty for a plot, small enough to keep around. */
    public static final int CURVE_POINTS = 200;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String model;
    private final int n;
    private final String split;
    private final double meanRocAuc;
    private final Map<Attribute, AttributeMetrics> attributes;
    private final Map<String, Map<Attribute, AttributeMetrics>> sources;
    private final Map<Attribute, RocCurve> curves;

    @JsonCreator
    Evaluation(@JsonProperty("model") String model,
               @JsonProperty("n") int n,
               @JsonProperty("split") String split,
               @JsonProperty("meanRocAuc") double meanRocAuc,
               @JsonProperty("attributes") Map<Attribute, AttributeMetrics> attributes,
               @JsonProperty("sources") Map<String, Map<Attribute, AttributeMetrics>> sources) {
        this(model, n, split, meanRocAuc, attributes, sources, Map.of());
    }

    private Evaluation(String model, int n, String split, double meanRocAuc,
                       Map<Attribute, AttributeMetrics> attributes,
                       Map<String, Map<Attribute, AttributeMetrics>> sources,
                       Map<Attribute, RocCurve> curves) {
        this.model = Objects.requireNonNull(model, "model");
        this.n = n;
        this.split = Objects.requireNonNull(split, "split");
        this.meanRocAuc = meanRocAuc;
        this.attributes = Collections.unmodifiableMap(new EnumMap<>(nonEmpty(attributes)));
        Map<String, Map<Attribute, AttributeMetrics>> bySource = new TreeMap<>();
        (sources == null ? Map.<String, Map<Attribute, AttributeMetrics>>of() : sources)
                .forEach((s, m) -> bySource.put(s, Collections.unmodifiableMap(new EnumMap<>(nonEmpty(m)))));
        this.sources = Collections.unmodifiableMap(bySource);
        this.curves = Collections.unmodifiableMap(curves.isEmpty()
                ? new EnumMap<>(Attribute.class) : new EnumMap<>(curves));
    }

    /** Runs the scorer on the examples' texts and evaluates what it says. */
    public static Evaluation of(Scorer scorer, List<Example> examples) {
        List<String> texts = new ArrayList<>(examples.size());
        for (Example e : examples) texts.add(e.text());
        return of(scorer.name(), examples, scorer.score(texts));
    }

    /**
     * Evaluates scores already computed: {@code scores[i][a.ordinal()]} is the score of
     * {@code examples.get(i)} for attribute {@code a}.
     */
    public static Evaluation of(String model, List<Example> examples, float[][] scores) {
        if (scores.length != examples.size()) {
            throw new IllegalArgumentException(model + ": " + scores.length + " score rows for "
                    + examples.size() + " examples");
        }
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] == null || scores[i].length != Attribute.COUNT) {
                throw new IllegalArgumentException(model + ": score row " + i + " (" + examples.get(i).source()
                        + "/" + examples.get(i).id() + ") has " + (scores[i] == null ? "no" : scores[i].length)
                        + " values, expected " + Attribute.COUNT);
            }
        }
        Map<Attribute, AttributeMetrics> attributes = new EnumMap<>(Attribute.class);
        Map<Attribute, RocCurve> curves = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            Column c = Column.of(examples, scores, a, null);
            attributes.put(a, c.metrics());
            RocCurve curve = c.curve();
            if (curve != null) curves.put(a, curve);
        }
        Map<String, Map<Attribute, AttributeMetrics>> sources = new TreeMap<>();
        for (String source : examples.stream().map(Example::source).distinct().toList()) {
            Map<Attribute, AttributeMetrics> m = new EnumMap<>(Attribute.class);
            for (Attribute a : Attribute.values()) {
                Column c = Column.of(examples, scores, a, source);
                if (c.size() > 0) m.put(a, c.metrics());
            }
            sources.put(source, m);
        }
        return new Evaluation(model, examples.size(), fingerprint(examples), mean(attributes),
                attributes, sources, curves);
    }

    @JsonProperty("model") public String model() {
        return model;
    }

    /** Rows evaluated (labelled for at least one attribute or not). */
    @JsonProperty("n") public int n() {
        return n;
    }

    /** Fingerprint of the evaluated (source, id) set; equal for evaluations of the same split. */
    @JsonProperty("split") public String split() {
        return split;
    }

    /**
     * Mean ROC-AUC over the attributes whose labelled rows have both classes. NaN if the model gave
     * no figure for one of them, so that skipping a hard attribute cannot raise the mean.
     */
    @JsonProperty("meanRocAuc") public double meanRocAuc() {
        return meanRocAuc;
    }

    /** All six attributes, in {@link Attribute} order; n = 0 where no row is labelled. */
    @JsonProperty("attributes") public Map<Attribute, AttributeMetrics> attributes() {
        return attributes;
    }

    /** Per source (sorted by name), the attributes that source labels. */
    @JsonProperty("sources") public Map<String, Map<Attribute, AttributeMetrics>> sources() {
        return sources;
    }

    public AttributeMetrics attribute(Attribute a) {
        return attributes.get(a);
    }

    /** The ROC curve for plots; empty when a class is absent, the model gave no score, or read from JSON. */
    public Optional<RocCurve> curve(Attribute a) {
        return Optional.ofNullable(curves.get(a));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write evaluation of " + model + " as JSON", e);
        }
    }

    public static Evaluation fromJson(String json) {
        try {
            return JSON.readValue(json, Evaluation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an evaluation: " + e.getOriginalMessage(), e);
        }
    }

    @Override public String toString() {
        return "Evaluation[" + model + ", n=" + n + ", meanRocAuc=" + meanRocAuc + "]";
    }

    private static double mean(Map<Attribute, AttributeMetrics> attributes) {
        double sum = 0;
        int k = 0;
        for (AttributeMetrics m : attributes.values()) {
            if (!m.bothClasses()) continue;
            sum += m.rocAuc();
            k++;
        }
        return k == 0 ? Double.NaN : sum / k;
    }

    private static String fingerprint(List<Example> examples) {
        List<String> keys = new ArrayList<>(examples.size());
        for (Example e : examples) keys.add(e.source() + '\u0000' + e.id());
        Collections.sort(keys);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String k : keys) {
                sha.update(k.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static <K, V> Map<K, V> nonEmpty(Map<K, V> m) {
        return m == null ? Map.of() : m;
    }

    /** The rows labelled for one attribute (optionally of one source), binarised. */
    private record Column(float[] scores, boolean[] positives, int positiveCount, boolean scored) {

        static Column of(List<Example> examples, float[][] scores, Attribute a, String source) {
            int k = 0;
            for (Example e : examples) if (counts(e, a, source)) k++;
            float[] s = new float[k];
            boolean[] p = new boolean[k];
            int pos = 0;
            boolean scored = true;
            k = 0;
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                if (!counts(e, a, source)) continue;
                s[k] = scores[i][a.ordinal()];
                p[k] = e.labels().positive(a);
                if (p[k]) pos++;
                if (Float.isNaN(s[k])) scored = false;
                k++;
            }
            return new Column(s, p, pos, scored);
        }

        private static boolean counts(Example e, Attribute a, String source) {
            return e.labels().has(a) && (source == null || source.equals(e.source()));
        }

        int size() {
            return scores.length;
        }

        AttributeMetrics metrics() {
            if (!scored) return new AttributeMetrics(size(), positiveCount, Double.NaN, Double.NaN);
            // With no negatives every ordering has average precision 1: the report printed 1.0000 for a source's one
            // positive row, beside no ROC-AUC, as if the model were perfect there (a data scientist's fourth audit).
            double ap = positiveCount < size() ? Metrics.averagePrecision(scores, positives) : Double.NaN;
            return new AttributeMetrics(size(), positiveCount, Metrics.rocAuc(scores, positives), ap);
        }

        RocCurve curve() {
            return scored ? Metrics.rocCurve(scores, positives, CURVE_POINTS) : null;
        }
    }
}
