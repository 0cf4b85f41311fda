package org.parley.explain;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.parley.model.BundleException;
import org.parley.model.BundleFile;
import org.parley.text.Token;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per token, the probability that human annotators would put it inside a toxic span: a small
 * convolutional tagger ({@link SpanTaggerNetwork}) trained on the SemEval-2021 Task 5 span
 * annotations (see {@code scripts/train-spans}). Reads normalised tokens, so its offsets are the
 * tokenizer's, as the occlusion explainer's are. Tags outside DL4J ({@link TaggerForward}), one
 * window at a time, with the DL4J graph's answers; immutable and thread-safe. The DL4J network is
 * kept for training and persistence.
 */
public final class SpanTagger {
    static final String RESOURCE = "/org/parley/explain/span-tagger.zip";
    static final int PAD = 0;
    static final int UNKNOWN = 1;
    /** Longer comments are tagged in windows of this many tokens (training cuts them here). */
    static final int MAX_TOKENS = 512;
    /** Windows tagged as one padded batch (see probabilities). */

    private final Map<String, Integer> vocabulary;
    private final List<String> words;
    private final ComputationGraph network; // trained and persisted; tagging reads forward's copy
    private final TaggerForward forward;
    private final SpanLexicon lexicon;
    private final String provenance;

    /**
     * @param words   the vocabulary, ids from 2 (0 is padding, 1 unknown words)
     * @param network its parameters are copied now: a network trained further needs a new tagger
     */
    SpanTagger(List<String> words, ComputationGraph network, SpanLexicon lexicon, String provenance) {
        this.words = List.copyOf(words);
        this.vocabulary = new HashMap<>();
        for (int i = 0; i < words.size(); i++) vocabulary.put(words.get(i), i + 2);
        this.network = network;
        this.forward = TaggerForward.of(network);
        this.lexicon = lexicon;
        this.provenance = provenance;
    }

    /** The tagger shipped in the jar, reading the shipped lexicon; null when none is shipped. */
    public static SpanTagger standard() {
        return standard(SpanLexicon.standard());
    }

    /** The shipped tagger reading the given lexicon (the shipped one, already loaded); null when none is shipped. */
    public static SpanTagger standard(SpanLexicon lexicon) {
        try (InputStream in = SpanTagger.class.getResourceAsStream(RESOURCE)) {
            return in == null ? null : read(in, lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public String provenance() {
        return provenance;
    }

    SpanLexicon lexicon() {
        return lexicon;
    }

    ComputationGraph network() {
        return network;
    }

    int id(String form) {
        return vocabulary.getOrDefault(form, UNKNOWN);
    }

    /** For each comment, one probability per token of {@code tokens.get(i)}. */
    public float[][] probabilities(List<List<Token>> tokens) {
        return probabilities(tokens, null);
    }

    /** @param rates per comment and token, the lexicon rate to read instead of the lexicon's (training: out-of-fold rates) */
    float[][] probabilities(List<List<Token>> tokens, List<float[]> rates) {
        // Long comments are cut into windows of MAX_TOKENS, each tagged as a comment of its own.
        List<List<Token>> windows = new ArrayList<>();
        List<float[]> windowRates = rates == null ? null : new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++)
            for (int from = 0; from < Math.max(1, tokens.get(i).size()); from += MAX_TOKENS) {
                int to = Math.min(tokens.get(i).size(), from + MAX_TOKENS);
                windows.add(tokens.get(i).subList(from, to));
                if (rates != null) windowRates.add(java.util.Arrays.copyOfRange(rates.get(i), from, to));
            }
        // Every window reads as if padded past the tagger's reach, whatever else is tagged with it:
        // training ran without a mask on batches padded to their longest, so most windows saw padding
        // after them, and the shipped tagger's padding row (embedding row 0, from the toxicity model)
        // is not zero, which moves the last tokens by up to 0.24. Padding each window the same way
        // gives a comment the same spans alone (POST /v1/score) as in any batch.
        float[][] tagged = new float[windows.size()][];
        for (int w = 0; w < windows.size(); w++)
            tagged[w] = tag(windows.get(w), windowRates == null ? null : windowRates.get(w));
        float[][] out = new float[tokens.size()][];
        int w = 0;
        for (int i = 0; i < tokens.size(); i++) {
            out[i] = new float[tokens.get(i).size()];
            for (int from = 0; from < Math.max(1, out[i].length); from += MAX_TOKENS, w++)
                System.arraycopy(tagged[w], 0, out[i], from, tagged[w].length);
        }
        return out;
    }

    /** One window's probabilities, padding after it as above. */
    private float[] tag(List<Token> window, float[] rates) {
        int n = window.size();
        int[] ids = new int[n];
        float[] features = new float[n * TokenFeatures.COUNT];
        float[] f = new float[TokenFeatures.COUNT];
        for (int t = 0; t < n; t++) {
            Token token = window.get(t);
            ids[t] = id(token.text());
            float rate = rates == null ? lexicon.rate(token.text()) : rates[t];
            TokenFeatures.of(token, rate, ids[t] == UNKNOWN, f);
            System.arraycopy(f, 0, features, t * TokenFeatures.COUNT, f.length);
        }
        return forward.forward(ids, features);
    }

    record Encoded(INDArray ids, INDArray features, INDArray labels, INDArray labelMask) {}

    /** Pads to the longest comment (at most MAX_TOKENS); labels and their mask only when gold is given (word tokens only). */
    Encoded encode(List<List<Token>> tokens, List<float[]> rates, List<java.util.BitSet> gold) {
        int b = tokens.size(), len = 1;
        for (List<Token> ts : tokens) len = Math.max(len, Math.min(ts.size(), MAX_TOKENS));
        float[] ids = new float[b * len];
        float[] features = new float[b * TokenFeatures.COUNT * len];
        float[] labels = gold == null ? null : new float[b * len];
        float[] mask = gold == null ? null : new float[b * len];
        float[] f = new float[TokenFeatures.COUNT];
        for (int i = 0; i < b; i++) {
            List<Token> ts = tokens.get(i);
            for (int t = 0; t < Math.min(ts.size(), len); t++) {
                Token token = ts.get(t);
                int id = id(token.text());
                ids[i * len + t] = id;
                float rate = rates == null ? lexicon.rate(token.text()) : rates.get(i)[t];
                TokenFeatures.of(token, rate, id == UNKNOWN, f);
                for (int k = 0; k < f.length; k++) features[(i * TokenFeatures.COUNT + k) * len + t] = f[k];
                if (gold != null && SpanExplainer.isWord(token)) {
                    mask[i * len + t] = 1;
                    labels[i * len + t] = inside(token, gold.get(i)) ? 1 : 0;
                }
            }
        }
        return new Encoded(Nd4j.create(ids, new long[] {b, len}),
                Nd4j.create(features, new long[] {b, TokenFeatures.COUNT, len}),
                gold == null ? null : Nd4j.create(labels, new long[] {b, 1, len}),
                gold == null ? null : Nd4j.create(mask, new long[] {b, len}));
    }

    /** As the lexicon counts it: most of the token's characters are gold. */
    static boolean inside(Token t, java.util.BitSet gold) {
        return 2 * gold.get(t.begin(), t.end()).cardinality() > t.end() - t.begin();
    }

    // ---- persistence: a zip of the DL4J network, the vocabulary and a provenance JSON, checked as bundles are ----

    /**
     * A {@link BundleFile}: since the forty-eighth session its {@code bundle.json} lists each entry's SHA-256, so a
     * changed entry or a file cut short is refused. Version 0 is a tagger written before (the shipped one, kept as
     * shipped at ab849cb): no manifest, read with the zip's own checks (each entry's CRC, the end record).
     */
    static final BundleFile.Kind KIND = new BundleFile.Kind("span tagger", "parley-span-tagger", 0, 1);
    private static final List<String> ENTRIES = List.of("network.zip", "vocabulary.txt", "provenance.json");

    /** Whole or not at all ({@link BundleFile#write}): until the forty-eighth session a failed write left half a tagger under the name. */
    public void write(Path file) throws IOException {
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(network, net, false);
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put("network.zip", net.toByteArray());
        entries.put("vocabulary.txt", (String.join("\n", words) + "\n").getBytes(StandardCharsets.UTF_8));
        entries.put("provenance.json", provenance.getBytes(StandardCharsets.UTF_8));
        BundleFile.write(file, KIND, entries);
    }

    /** @throws IOException naming the file and what is wrong with it (missing, not a zip, cut short, changed, not a tagger) */
    public static SpanTagger read(Path file, SpanLexicon lexicon) throws IOException {
        try {
            return read(file, BundleFile.read(file, KIND, false), lexicon);
        } catch (BundleException e) {
            throw new IOException("span tagger " + file + ": " + e.problem() + " (scripts/train-spans writes one)", e);
        } catch (IOException | RuntimeException e) {
            throw new IOException("span tagger " + file + ": " + e.getMessage() + " (scripts/train-spans writes one)", e);
        }
    }

    /** The same tagger reading another lexicon's rates. */
    SpanTagger withLexicon(SpanLexicon other) {
        return new SpanTagger(words, network, other, provenance);
    }

    static SpanTagger read(InputStream in, SpanLexicon lexicon) throws IOException {
        Path name = Path.of("span-tagger.zip (classifier jar)");
        return read(name, BundleFile.read(name, in.readAllBytes(), KIND, false), lexicon);
    }

    private static SpanTagger read(Path file, BundleFile bundle, SpanLexicon lexicon) throws IOException {
        bundle.require(file, ENTRIES);
        Map<String, byte[]> entries = bundle.entries();
        ComputationGraph network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(entries.get("network.zip")), false);
        String vocab = new String(entries.get("vocabulary.txt"), StandardCharsets.UTF_8);
        List<String> words = vocab.isEmpty() ? List.of() : List.of(vocab.split("\n"));
        return new SpanTagger(words, network, lexicon, new String(entries.get("provenance.json"), StandardCharsets.UTF_8));
    }
}
