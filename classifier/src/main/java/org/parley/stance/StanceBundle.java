package org.parley.stance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.feature.NgramTfIdf;
import org.parley.feature.SentenceEncoder;
import org.parley.feature.Vocabulary;
import org.parley.model.BundleException;
import org.parley.model.BundleFile;
import org.parley.model.NetworkCodec;
import org.parley.text.TextPipeline;

/**
 * The stance bundle ({@code models/stance.zip}): the target-stance and reply-stance networks with
 * their vocabularies and feature settings, and the provenance. As in the toxicity bundle,
 * {@code bundle.json} lists each entry's SHA-256 and weights are stored in half precision. The
 * target model's wide part, where there is one, is {@code target/wide.json} (settings and conjoined
 * targets), {@code target/wide-idf.f32} and {@code target/wide-weights.f16} (class by class). Its
 * part over sentence vectors, where there is one, is {@code target/sentence.json} (settings, with the
 * encoder's name) and the network under {@code target/sentence/}.
 *
 * <p>Two training modes were measured and removed after commit {@value #REMOVED_MODES_COMMIT}: a
 * target network stacked on the wide part ({@code --wide-stacked}) and a reply model with a wide
 * part ({@code --reply-wide}). Their bundles are refused with a message saying so, not scored
 * without the part they need; that commit still reads them.
 */
public final class StanceBundle {
    public static final String FORMAT = "parley-stance-bundle";
    /**
     * 2: networks as {@link NetworkCodec} writes them (version 1's network.zip entries still load);
     * 3: may hold the target model's wide part, blended with the target network (or, refused now, read by it: stacked);
     * 4: as 3 (it was the version that could hold a reply model's wide part, {@code reply/wide*}, refused now);
     * 5: may hold the target model's part over sentence vectors, {@code target/sentence*}.
     */
    public static final int VERSION = 5;
    static final BundleFile.Kind KIND = new BundleFile.Kind("stance bundle", FORMAT, 1, VERSION);
    /** The bundle committed with the project, relative to the project root. */
    public static final String SHIPPED = "models/stance.zip";
    /** The last commit whose code trains and reads the removed modes (see the class comment). */
    static final String REMOVED_MODES_COMMIT = "d085263";
    /** The input through which a stacked target network read the wide part's logits. */
    private static final String STACKED_INPUT = "wideLogits";

    static final String PROVENANCE = "provenance.json";
    private static final String WIDE_JSON = "wide.json", IDF = "wide-idf.f32", WEIGHTS = "wide-weights.f16";
    private static final String SENTENCE = "sentence", SENTENCE_JSON = "sentence.json";

    /** What {@code target/wide.json} holds. */
    record WideEntry(WideStance.Config config, List<String> conjoinedTargets) {}
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StanceBundle() {}

    /** The shipped bundle, found as {@link org.parley.model.Bundles#shipped()} finds the toxicity one. */
    public static Path shipped() {
        return org.parley.model.Bundles.shipped().resolveSibling(Path.of(SHIPPED).getFileName());
    }

    public static void save(StanceModel model, Path file) throws IOException {
        save(model, file, Map.of());
    }

    /** As {@link org.parley.model.ModelBundle#save(Path, Map)}: {@code provenanceEntries} beside the provenance, unread at load. */
    public static void save(StanceModel model, Path file, Map<String, byte[]> provenanceEntries) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        put(entries, "target", model.targetModel());
        if (model.wide() != null) putWide(entries, "target/", model.wide());
        if (model.sentence() != null) {
            entries.put("target/" + SENTENCE_JSON, JSON.writeValueAsBytes(model.sentence().config()));
            NetworkCodec.put(entries, "target/" + SENTENCE + "/", model.sentence().network());
        }
        put(entries, "reply", model.replyModel());
        entries.put(PROVENANCE, JSON.writeValueAsBytes(model.provenance()));
        entries.putAll(new java.util.TreeMap<>(provenanceEntries));
        BundleFile.write(file, KIND, entries);
    }

    private static void put(Map<String, byte[]> entries, String part, PairModel m) throws IOException {
        NetworkCodec.put(entries, part + "/", m.network());
        entries.put(part + "/features.json", JSON.writeValueAsBytes(m.encoder().config()));
        ByteArrayOutputStream vocab = new ByteArrayOutputStream();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(vocab, StandardCharsets.UTF_8));
        m.encoder().vocabulary().write(w);
        entries.put(part + "/vocabulary.txt", vocab.toByteArray());
    }

    private static void putWide(Map<String, byte[]> entries, String part, WideStance w) throws IOException {
        entries.put(part + WIDE_JSON, JSON.writeValueAsBytes(new WideEntry(w.config(), w.conjoinedTargets())));
        entries.put(part + IDF, NetworkCodec.floats(w.tfIdf().idf()));
        entries.put(part + WEIGHTS, NetworkCodec.halves(Nd4j.create(w.weights()))); // class by class
    }

    /** A part's wide part, or null for one without (every bundle before version 3). */
    private static WideStance wide(Path file, BundleFile bundle, String part, int classes) throws IOException {
        if (!bundle.entries().containsKey(part + WIDE_JSON)) return null;
        bundle.require(file, List.of(part + IDF, part + WEIGHTS));
        ObjectNode json = bundle.object(file, part + WIDE_JSON);
        // Bundles written while --wide-stacked existed say "stacked": false for a blended wide part (older ones nothing).
        JsonNode stacked = json.path("config").path("stacked");
        if (stacked.asBoolean(false))
            throw removedMode(file, part + WIDE_JSON, "says the wide part is stacked into the network (--wide-stacked)");
        if (json.get("config") instanceof ObjectNode config) config.remove("stacked");
        WideEntry e = bundle.read(file, part + WIDE_JSON, bytes -> JSON.treeToValue(json, WideEntry.class));
        if (e.config() == null) throw new BundleException(file, "entry " + part + WIDE_JSON + " has no \"config\"");
        NgramTfIdf idf = bundle.read(file, part + IDF, bytes -> NgramTfIdf.withIdf(NetworkCodec.fromFloats(bytes)));
        float[][] weights = bundle.read(file, part + WEIGHTS, halves -> {
            int n = halves.length / 2;
            if (halves.length % 2 != 0 || n == 0 || n % classes != 0) throw new IOException("not " + classes + " rows of half floats");
            float[] flat = NetworkCodec.fromHalves(halves).toFloatVector();
            float[][] rows = new float[classes][];
            for (int k = 0; k < classes; k++) rows[k] = java.util.Arrays.copyOfRange(flat, k * (n / classes), (k + 1) * (n / classes));
            return rows;
        });
        return fitting(file, List.of(part + WIDE_JSON, part + IDF, part + WEIGHTS),
                () -> new WideStance(e.config(), idf, e.conjoinedTargets(), weights));
    }

    /** A part built from entries that each read well but may not fit each other (a changed vocabulary, say). */
    private static <T> T fitting(Path file, List<String> entries, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (RuntimeException e) {
            throw new BundleException(file, "entries " + String.join(", ", entries) + " do not fit each other: " + e.getMessage(), e);
        }
    }

    /** A part's sentence part, or null for one without (every bundle before version 5). */
    private static SentenceStance sentence(Path file, BundleFile bundle, String part) throws IOException {
        if (!bundle.entries().containsKey(part + SENTENCE_JSON)) return null;
        bundle.require(file, NetworkCodec.names(bundle.entries(), part + SENTENCE + "/"));
        SentenceStance.Config config = bundle.read(file, part + SENTENCE_JSON, bytes -> JSON.readValue(bytes, SentenceStance.Config.class));
        ComputationGraph network = NetworkCodec.read(file, bundle, part + SENTENCE + "/");
        try {
            return new SentenceStance(config, network, SentenceEncoder.shared());
        } catch (IllegalArgumentException e) { // the part's own checks: the encoder it was trained on, its input width
            throw new BundleException(file, "entry " + part + SENTENCE_JSON + " and its network: " + e.getMessage() + "; retrain it");
        }
    }

    /** Loads and verifies a bundle; every failure is a {@link BundleException} naming the file and the problem. */
    public static StanceModel load(Path file, TextPipeline pipeline) {
        BundleFile bundle = BundleFile.read(file, KIND);
        try {
            if (bundle.entries().containsKey("reply/" + WIDE_JSON))
                throw removedMode(file, "reply/" + WIDE_JSON, "is a wide part for the reply model (--reply-wide)");
            WideStance wide = wide(file, bundle, "target/", org.parley.label.Stance.COUNT);
            SentenceStance sentence = sentence(file, bundle, "target/");
            PairModel target = part(file, bundle, "target", pipeline);
            PairModel reply = part(file, bundle, "reply", pipeline);
            return new StanceModel(target, wide, sentence, reply, bundle.object(file, PROVENANCE), bundle.checksum());
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static PairModel part(Path file, BundleFile bundle, String part, TextPipeline pipeline) throws IOException {
        Map<String, byte[]> entries = bundle.entries();
        bundle.require(file, NetworkCodec.names(entries, part + "/"));
        bundle.require(file, List.of(part + "/features.json", part + "/vocabulary.txt"));
        PairFeatureConfig config = bundle.read(file, part + "/features.json", bytes -> JSON.readValue(bytes, PairFeatureConfig.class));
        Vocabulary vocabulary = bundle.read(file, part + "/vocabulary.txt", bytes -> Vocabulary.read(new BufferedReader(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))));
        ComputationGraph network = NetworkCodec.read(file, bundle, part + "/");
        if (network.getConfiguration().getNetworkInputs().contains(STACKED_INPUT))
            throw removedMode(file, part + "/" + NetworkCodec.CONFIG, "is a network that reads the wide part's logits (input \"" + STACKED_INPUT + "\", --wide-stacked)");
        return fitting(file, List.of(part + "/" + NetworkCodec.CONFIG, part + "/features.json", part + "/vocabulary.txt"),
                () -> new PairModel(network, new PairEncoder(config, vocabulary), pipeline));
    }

    /** A bundle trained in a mode this code no longer has: named, with the commit that still reads it. */
    private static BundleException removedMode(Path file, String entry, String what) {
        return new BundleException(file, "entry " + entry + " " + what + ", a training mode removed after commit "
                + REMOVED_MODES_COMMIT + "; load it with that commit (git checkout " + REMOVED_MODES_COMMIT + ") or retrain without it");
    }
}
