package org.parley.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.corpus.Example;
import org.parley.corpus.MappingTable;
import org.parley.label.Attribute;
import org.parley.model.BundleFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How a bundle was made, written into it: the data files with their hashes, what each corpus
 * labels, the hyper-parameters and seeds, the code commit and library versions, and timings.
 * Enough to rebuild the model, or to tell two models apart.
 */
public final class Provenance {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Provenance() {}

    /** A new bundle's version: when its training started, to the minute (UTC), e.g. 2026.12.01.1823. */
    public static String versionNow() {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy.MM.dd.HHmm")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
    }

    /** A provenance whose bundle does not carry the checkout's patch (the span tagger's and stacker's). */
    public static ObjectNode create(String name, String version) {
        return create(name, version, Checkout.now(), false);
    }

    /**
     * A provenance whose bundle carries {@code checkout}'s patch ({@link Checkout#entries()}, saved with the bundle): the
     * code section names its entry, so that the tree is {@code git checkout COMMIT && git apply} away.
     */
    public static ObjectNode create(String name, String version, Checkout checkout) {
        return create(name, version, checkout, true);
    }

    private static ObjectNode create(String name, String version, Checkout checkout, boolean patchCarried) {
        ObjectNode p = JSON.createObjectNode().put("name", name).put("version", version)
                .put("createdAt", java.time.Instant.now().toString());
        ObjectNode code = p.putObject("code");
        code.put("commit", checkout.commit());
        if (!checkout.commit().equals(Checkout.UNKNOWN)) {
            List<String> changed = checkout.changedFiles();
            code.put("uncommittedChanges", !changed.isEmpty());
            // Which files: "true" alone left a bundle made from a changed checkout with no trace of what changed.
            if (!changed.isEmpty()) code.set("changedFiles", JSON.valueToTree(changed));
            // And what they hold: the names alone did not make the tree again.
            if (!changed.isEmpty() && patchCarried) code.set("uncommittedPatch", checkout.patchJson());
        }
        ObjectNode libs = p.putObject("libraries");
        libs.put("java", System.getProperty("java.version"));
        buildProperties().forEach((k, v) -> libs.put(k.toString().replace(".version", ""), v.toString()));
        // A transitive dependency of the sentence encoder, so not in build.properties; its jar names it.
        String onnx = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        if (onnx != null) libs.put("onnxruntime", onnx);
        return p;
    }

    /** Every file of each corpus folder used, with its SHA-256. */
    public static ArrayNode dataFiles(Path root, List<String> corpora) throws IOException {
        ArrayNode files = JSON.createArrayNode();
        for (String corpus : corpora) {
            List<Path> paths;
            try (Stream<Path> s = Files.walk(root.resolve(corpus))) {
                paths = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : paths) {
                files.addObject().put("file", root.relativize(f).toString())
                        .put("bytes", Files.size(f)).put("sha256", BundleFile.sha256(Files.readAllBytes(f)));
            }
        }
        return files;
    }

    /**
     * The label-mapping rules of the corpora used, in words, from training-data/README.md's table
     * (with the file's hash): how each corpus's own labels became the model's.
     */
    public static ObjectNode labelRules(Path root, List<String> corpora) throws IOException {
        Path file = root.resolve(MappingTable.FILE);
        ObjectNode out = JSON.createObjectNode().put("source", "training-data/" + MappingTable.FILE);
        Map<String, String> table = Map.of(); // a --data folder without the table still trains
        if (Files.isRegularFile(file)) {
            out.put("sha256", BundleFile.sha256(Files.readAllBytes(file)));
            try {
                table = MappingTable.read(root);
            } catch (IllegalStateException e) { // a README of another shape: say so, never lose the run
                out.put("problem", e.getMessage());
            }
        }
        ObjectNode rules = out.putObject("rules");
        for (String corpus : corpora)
            rules.put(corpus, table.getOrDefault(corpus, "(no row in " + file + ")"));
        return out;
    }

    /**
     * Per corpus: examples in each split, and for each attribute it labels, how many in both splits and how many of those
     * positive. The rows as trained: a text that several corpora hold is one row under the first's name, with every
     * corpus's labels (corpus.Deduplicator), so a corpus may count an attribute its mapping does not give.
     */
    public static ObjectNode labelMapping(List<Example> train, List<Example> dev) {
        Map<String, ObjectNode> bySource = new TreeMap<>();
        count(train, "train", bySource);
        count(dev, "dev", bySource);
        ObjectNode out = JSON.createObjectNode();
        bySource.forEach(out::set);
        return out;
    }

    private static void count(List<Example> examples, String split, Map<String, ObjectNode> bySource) {
        for (Example e : examples) {
            ObjectNode s = bySource.computeIfAbsent(e.source(), k -> JSON.createObjectNode());
            s.put(split, s.path(split).asInt() + 1);
            ObjectNode attrs = s.has("labels") ? (ObjectNode) s.get("labels") : s.putObject("labels");
            for (Attribute a : Attribute.values()) {
                if (!e.labels().has(a)) continue;
                ObjectNode c = attrs.has(a.name()) ? (ObjectNode) attrs.get(a.name()) : attrs.putObject(a.name());
                c.put("labelled", c.path("labelled").asInt() + 1);
                // 0 written too (a data scientist's fifth audit): a script reading c["positive"] failed where none was.
                c.put("positive", c.path("positive").asInt() + (e.labels().positive(a) ? 1 : 0));
            }
        }
    }

    /**
     * What Maven wrote of this build (build.properties): {@code parley.version} and the libraries' versions; empty where
     * it cannot be read. The service's release metric reads its version here too.
     */
    public static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream("/org/parley/build.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // provenance without library versions is still worth writing
        }
        return p;
    }

    /**
     * The checkout whose commit a bundle records: the one the scripts name ({@code parley.home}), else
     * the folder the classes were loaded from (inside the checkout they were built in). Never the
     * working directory, which may be another project's repository.
     */
    static Path codeDirectory() {
        String home = System.getProperty("parley.home");
        if (home != null) return Path.of(home).toAbsolutePath();
        try {
            Path classes = Path.of(Provenance.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(classes) ? classes : classes.getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
