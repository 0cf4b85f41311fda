package org.parley.feature;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A pretrained sentence encoder: text in, a unit-length vector of {@value #DIMENSION} floats out,
 * run in-process by ONNX Runtime from the jar that ships the model. It brings what no corpus here
 * can: words and phrasings never seen in the stance training data. Two are known, by name:
 * <ul>
 *   <li>{@value #MINILM}: a 6-layer transformer trained on a billion sentence pairs, Reddit and
 *       forum replies among them (mean-pooled);</li>
 *   <li>{@value #BGE}: BAAI's 12-layer bge-small-en-v1.5 (CLS-pooled), about twice the cost.</li>
 * </ul>
 *
 * <p>An encoder costs ~4–20 ms per short text and ~100 MB of model, so each is loaded once per
 * process ({@link #shared(String)}) and only where stance is asked for, never on the toxicity path.
 * Thread-safe.
 */
public final class SentenceEncoder {
    public static final String MINILM = "all-MiniLM-L6-v2", BGE = "bge-small-en-v1.5";
    /** The encoder new stance models are trained on. */
    public static final String DEFAULT = MINILM;
    public static final int DIMENSION = 384;
    private static final Map<String, Supplier<EmbeddingModel>> KNOWN = Map.of(
            MINILM, AllMiniLmL6V2EmbeddingModel::new,
            BGE, BgeSmallEnV15EmbeddingModel::new);
    private static final int BATCH = 256;
    private static final Map<String, SentenceEncoder> shared = new HashMap<>();

    private final String name;
    private final EmbeddingModel model;

    private SentenceEncoder(String name, EmbeddingModel model) {
        this.name = name;
        this.model = model;
    }

    /** Whether this code can load the encoder of that name. */
    public static boolean known(String name) {
        return KNOWN.containsKey(name);
    }

    /** The process's encoder of that name, loaded on first use (~2 s). */
    public static synchronized SentenceEncoder shared(String name) {
        Supplier<EmbeddingModel> make = KNOWN.get(name);
        if (make == null) throw new IllegalArgumentException("unknown sentence encoder \"" + name + "\"; known: " + String.join(", ", KNOWN.keySet()));
        return shared.computeIfAbsent(name, n -> new SentenceEncoder(n, make.get()));
    }

    public String name() {
        return name;
    }

    public float[] encode(String text) {
        return model.embed(text).content().vector();
    }

    /** Each distinct text's vector, encoded in batches that the model spreads over the cores. */
    public Map<String, float[]> encodeDistinct(List<String> texts) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(texts));
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> part = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            var vectors = model.embedAll(part.stream().map(TextSegment::from).toList()).content();
            for (int i = 0; i < part.size(); i++) out.put(part.get(i), vectors.get(i).vector());
        }
        return out;
    }
}
