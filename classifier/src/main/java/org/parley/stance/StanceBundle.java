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
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.parley.feature.Vocabulary;
import org.parley.model.BundleException;
import org.parley.model.ModelBundle;
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
    private static final int OLDEST = 1;
    /** The bundle committed with the project, relative to the project root. */
    public static final String SHIPPED = "models/stance.zip";

    static final String MANIFEST = "bundle.json";
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
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("version", VERSION);
        ObjectNode sums = manifest.putObject("sha256");
        entries.forEach((name, bytes) -> sums.put(name, ModelBundle.sha256(bytes)));

        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
            zip.setLevel(9);
            write(zip, MANIFEST, JSON.writeValueAsBytes(manifest));
            for (Map.Entry<String, byte[]> e : entries.entrySet()) write(zip, e.getKey(), e.getValue());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
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
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BundleException(file, "file not found");
        } catch (IOException e) {
            throw new BundleException(file, "cannot be read: " + e.getMessage(), e);
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(all))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) entries.put(e.getName(), zip.readAllBytes());
        } catch (IOException e) {
            throw new BundleException(file, "is truncated or not a zip file: " + e.getMessage(), e);
        }
        byte[] manifestBytes = entries.get(MANIFEST);
        if (manifestBytes == null) throw new BundleException(file, "not a Parley stance bundle (no " + MANIFEST + " inside)");
        try {
            JsonNode manifest = JSON.readTree(manifestBytes);
            if (!FORMAT.equals(manifest.path("format").asText()))
                throw new BundleException(file, MANIFEST + " has format '" + manifest.path("format").asText() + "', expected '" + FORMAT + "'");
            int version = manifest.path("version").asInt(-1);
            if (version < OLDEST || version > VERSION)
                throw new BundleException(file, "incompatible stance bundle version " + manifest.path("version")
                        + "; this Parley reads versions " + OLDEST + " to " + VERSION);
            JsonNode sums = manifest.path("sha256");
            for (var it = sums.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                byte[] bytes = entries.get(name);
                if (bytes == null) throw new BundleException(file, "entry " + name + " is missing");
                if (!sums.get(name).asText().equals(ModelBundle.sha256(bytes)))
                    throw new BundleException(file, "entry " + name + " is corrupt (SHA-256 does not match " + MANIFEST + ")");
            }
            PairModel target = part(file, entries, sums, "target", pipeline);
            PairModel reply = part(file, entries, sums, "reply", pipeline);
            if (!sums.has(PROVENANCE)) throw new BundleException(file, "entry " + PROVENANCE + " is missing");
            return new StanceModel(target, reply, JSON.readTree(entries.get(PROVENANCE)));
        } catch (BundleException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new BundleException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static PairModel part(Path file, Map<String, byte[]> entries, JsonNode sums, String part, TextPipeline pipeline) throws IOException {
        List<String> names = new java.util.ArrayList<>(NetworkCodec.names(entries, part + "/"));
        names.addAll(List.of(part + "/features.json", part + "/vocabulary.txt"));
        for (String name : names) if (!sums.has(name)) throw new BundleException(file, "entry " + name + " is missing");
        PairFeatureConfig config = JSON.readValue(entries.get(part + "/features.json"), PairFeatureConfig.class);
        Vocabulary vocabulary = Vocabulary.read(new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(entries.get(part + "/vocabulary.txt")), StandardCharsets.UTF_8)));
        ComputationGraph network = NetworkCodec.read(entries, part + "/");
        return new PairModel(network, new PairEncoder(config, vocabulary), pipeline);
    }

    private static void write(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }
}
