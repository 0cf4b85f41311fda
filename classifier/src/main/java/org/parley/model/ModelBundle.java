package org.parley.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.parley.feature.FeatureConfig;
import org.parley.feature.FeatureExtractor;
import org.parley.feature.NgramTfIdf;
import org.parley.feature.Vocabulary;
import org.parley.label.Attribute;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained model and everything needed to use and trust it, in one zip file: the network, the
 * vocabulary and feature settings, the calibration, and the provenance (data, hyper-parameters,
 * code and library versions, dev metrics), as a {@link BundleFile}: every entry checked by SHA-256.
 */
public final class ModelBundle {
    public static final String FORMAT = "parley-model-bundle";
    /**
     * 2: the wide part reads a TF-IDF row, whose IDF is stored in {@code tfidf.bin}.
     * 3: the network as {@link NetworkCodec} writes it (version 2's {@code network.zip} still loads).
     */
    public static final int VERSION = 3;
    static final BundleFile.Kind KIND = new BundleFile.Kind("model bundle", FORMAT, 2, VERSION);

    static final String FEATURES = "features.json";
    static final String VOCABULARY = "vocabulary.txt";
    static final String TF_IDF = "tfidf.bin";
    static final String CALIBRATION = "calibration.json";
    static final String PROVENANCE = "provenance.json";
    private static final List<String> ENTRIES = List.of(FEATURES, VOCABULARY, TF_IDF, CALIBRATION, PROVENANCE);

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Built on first use: scoring reads {@link #weights} alone (see {@link ServingWeights}). */
    private final Supplier<ComputationGraph> network;
    private final ServingWeights weights;
    private final FeatureExtractor features;
    private final Map<Attribute, PlattScaling> calibration;
    private final JsonNode provenance;
    private final java.util.function.Supplier<String> checksum; // null for a bundle not yet saved

    /**
     * A bundle of a freshly trained network. Its weights are rounded to half precision here, in
     * place: the bundle stores them that way (it halves a file that is mostly embedding tables,
     * which do not compress), and rounding first means the scores of the network you hold are
     * exactly the scores of the saved bundle.
     */
    public ModelBundle(ComputationGraph network, FeatureExtractor features,
                       Map<Attribute, PlattScaling> calibration, JsonNode provenance) {
        this(Suppliers.ofInstance(roundToHalf(network)), ServingWeights.of(network), features, calibration, provenance, null);
    }

    /** Rounds the weights, in place, to what half precision can hold; idempotent. */
    public static ComputationGraph roundToHalf(ComputationGraph network) {
        network.setParams(network.params().castTo(DataType.HALF).castTo(DataType.FLOAT));
        return network;
    }

    private ModelBundle(Supplier<ComputationGraph> network, ServingWeights weights, FeatureExtractor features,
                        Map<Attribute, PlattScaling> calibration, JsonNode provenance, java.util.function.Supplier<String> checksum) {
        this.network = Suppliers.memoize(network);
        this.weights = weights;
        this.features = features;
        this.calibration = new EnumMap<>(calibration);
        this.provenance = provenance;
        this.checksum = checksum;
    }

    /** The DL4J graph (built from the bundle on first call, which starts ND4J: about two seconds). */
    public ComputationGraph network() {
        return network.get();
    }

    /** The parameters as the plain-Java forward pass reads them. */
    ServingWeights weights() { return weights; }

    public FeatureExtractor features() { return features; }

    public Map<Attribute, PlattScaling> calibration() { return Map.copyOf(calibration); }

    public JsonNode provenance() { return provenance; }

    /** SHA-256 of the bundle file it was loaded from; null for a bundle not yet saved. */
    public String checksum() { return checksum == null ? null : checksum.get(); }

    /** The model name and version recorded at training time ("unknown" if absent). */
    public String name() { return provenance.path("name").asText("unknown"); }

    public String version() { return provenance.path("version").asText("unknown"); }

    public void save(Path file) throws IOException {
        save(file, Map.of());
    }

    /**
     * Saves the bundle with {@code provenanceEntries} beside its provenance (the patch of a changed checkout,
     * {@code train.Checkout}), each checked by SHA-256 as every entry is; loading reads none of them.
     */
    public void save(Path file, Map<String, byte[]> provenanceEntries) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        NetworkCodec.put(entries, "", network());
        entries.put(FEATURES, JSON.writeValueAsBytes(features.config()));
        ByteArrayOutputStream vocab = new ByteArrayOutputStream();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(vocab, StandardCharsets.UTF_8));
        features.vocabulary().write(w);
        entries.put(VOCABULARY, vocab.toByteArray());
        entries.put(TF_IDF, NetworkCodec.floats(features.tfIdf().idf()));
        entries.put(CALIBRATION, JSON.writeValueAsBytes(new TreeMap<>(calibration)));
        entries.put(PROVENANCE, JSON.writeValueAsBytes(provenance));
        entries.putAll(new TreeMap<>(provenanceEntries));
        BundleFile.write(file, KIND, entries);
    }

    /** Loads and verifies a bundle; every failure is a {@link BundleException} naming file and problem. */
    public static ModelBundle load(Path file) {
        return load(file, true);
    }

    /**
     * As {@link #load(Path)}; with {@code checksumAhead} false the file's SHA-256 is computed only
     * when {@link #checksum} is first called, not on another core while the bundle loads
     * ({@link BundleFile#read(Path, BundleFile.Kind, boolean)}).
     */
    public static ModelBundle load(Path file, boolean checksumAhead) {
        BundleFile bundle = BundleFile.read(file, KIND, checksumAhead);
        bundle.require(file, NetworkCodec.names(bundle.entries(), ""));
        bundle.require(file, ENTRIES);
        Map<String, byte[]> entries = bundle.entries();

        FeatureConfig config = bundle.read(file, FEATURES, bytes -> JSON.readValue(bytes, FeatureConfig.class));
        ObjectNode cal = bundle.object(file, CALIBRATION);
        Map<Attribute, PlattScaling> calibration = new EnumMap<>(Attribute.class);
        for (Attribute a : Attribute.values()) {
            JsonNode c = cal.get(a.name());
            if (c == null) throw new BundleException(file, CALIBRATION + " has no entry for " + a);
            // path("a").asDouble() of a missing or textual "a" is 0: a flat 0.5 for every comment.
            if (!c.path("a").isNumber() || !c.path("b").isNumber())
                throw new BundleException(file, CALIBRATION + " entry " + a + " needs numbers \"a\" and \"b\", has " + c);
            calibration.put(a, new PlattScaling(c.path("a").asDouble(), c.path("b").asDouble()));
        }
        Vocabulary vocabulary = bundle.read(file, VOCABULARY, bytes -> Vocabulary.read(new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))));
        NgramTfIdf tfIdf = bundle.read(file, TF_IDF, bytes -> NgramTfIdf.withIdf(NetworkCodec.fromFloats(bytes)));
        ServingWeights weights;
        try {
            weights = entries.containsKey(NetworkCodec.CONFIG) // its messages name the entry: config, parameters or both
                    ? ServingWeights.read(entries.get(NetworkCodec.CONFIG), entries.get(NetworkCodec.PARAMS))
                    : ServingWeights.of(NetworkCodec.read(file, bundle, "")); // a version 2 bundle: DL4J's own format
        } catch (IOException e) {
            throw new BundleException(file, e.getMessage(), e);
        }
        if (tfIdf.dimension() != config.wideBuckets())
            throw new BundleException(file, TF_IDF + " holds " + tfIdf.dimension() + " IDF values but " + FEATURES + " says " + config.wideBuckets());
        FeatureExtractor features = new FeatureExtractor(config, vocabulary, tfIdf);
        long embedded = weights.embedded();
        if (embedded != features.idSpace())
            throw new BundleException(file, NetworkCodec.CONFIG + " embeds " + embedded + " ids but " + VOCABULARY + " and " + FEATURES + " give " + features.idSpace());
        long wide = weights.wideIds();
        if (wide != features.wideSpace())
            throw new BundleException(file, NetworkCodec.CONFIG + " has " + wide + " wide weights but " + FEATURES + " gives " + features.wideSpace());
        long outputs = weights.outputs();
        if (outputs != Attribute.COUNT)
            throw new BundleException(file, NetworkCodec.CONFIG + " has " + outputs + " outputs, expected " + Attribute.COUNT);
        Supplier<ComputationGraph> graph = () -> NetworkCodec.read(file, bundle, "");
        return new ModelBundle(graph, weights, features, calibration, bundle.object(file, PROVENANCE), bundle.fileSum());
    }
}
