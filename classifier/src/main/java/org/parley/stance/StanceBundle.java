package org.parley.stance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
import org.parley.feature.Vocabulary;
import org.parley.model.BundleException;
import org.parley.model.BundleFile;
import org.parley.model.NetworkCodec;
import org.parley.text.TextPipeline;

/**
 * The stance bundle ({@code models/stance.zip}): the target-stance and reply-stance networks with
 * their vocabularies and feature settings, and the provenance. As in the toxicity bundle,
 * {@code bundle.json} lists each entry's SHA-256 and weights are stored in half precision.
 */
public final class StanceBundle {
    public static final String FORMAT = "parley-stance-bundle";
    /** 2: networks as {@link NetworkCodec} writes them (version 1's network.zip entries still load). */
    public static final int VERSION = 2;
    private static final BundleFile.Kind KIND = new BundleFile.Kind("stance bundle", FORMAT, 1, VERSION);
    /** The bundle committed with the project, relative to the project root. */
    public static final String SHIPPED = "models/stance.zip";

    static final String PROVENANCE = "provenance.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StanceBundle() {}

    /** The shipped bundle, found as {@link org.parley.model.Bundles#shipped()} finds the toxicity one. */
    public static Path shipped() {
        return org.parley.model.Bundles.shipped().resolveSibling(Path.of(SHIPPED).getFileName());
    }

    public static void save(StanceModel model, Path file) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        put(entries, "target", model.targetModel());
        put(entries, "reply", model.replyModel());
        entries.put(PROVENANCE, JSON.writeValueAsBytes(model.provenance()));
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

    /** Loads and verifies a bundle; every failure is a {@link BundleException} naming the file and the problem. */
    public static StanceModel load(Path file, TextPipeline pipeline) {
        BundleFile bundle = BundleFile.read(file, KIND);
        try {
            PairModel target = part(file, bundle, "target", pipeline);
            PairModel reply = part(file, bundle, "reply", pipeline);
            bundle.require(file, List.of(PROVENANCE));
            return new StanceModel(target, reply, JSON.readTree(bundle.get(PROVENANCE)), bundle.checksum());
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
        PairFeatureConfig config = JSON.readValue(entries.get(part + "/features.json"), PairFeatureConfig.class);
        Vocabulary vocabulary = Vocabulary.read(new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(entries.get(part + "/vocabulary.txt")), StandardCharsets.UTF_8)));
        ComputationGraph network = NetworkCodec.read(entries, part + "/");
        return new PairModel(network, new PairEncoder(config, vocabulary), pipeline);
    }
}
