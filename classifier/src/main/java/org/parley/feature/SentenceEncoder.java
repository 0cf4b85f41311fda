package org.parley.feature;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pretrained sentence encoder: text in, a unit-length vector of {@value #DIMENSION} floats out
 * (zeros for a text with nothing in it the model reads).
 * The model is all-MiniLM-L6-v2 (a 6-layer transformer trained on a billion sentence pairs, Reddit
 * and forum replies among them), run in-process by ONNX Runtime from the jar that ships it. It
 * brings what no corpus here can: words and phrasings never seen in the stance training data.
 *
 * <p>It costs ~10–20 ms per short text and ~90 MB of model, so it is loaded once per process
 * ({@link #shared()}) and only where stance is asked for, never on the toxicity path. Thread-safe.
 */
public final class SentenceEncoder {
    /** The model's name, recorded in bundles that were trained on its vectors. */
    public static final String NAME = "all-MiniLM-L6-v2";
    public static final int DIMENSION = 384;
    private static final int BATCH = 256;
    private static SentenceEncoder shared;

    private final EmbeddingModel model;

    private SentenceEncoder(EmbeddingModel model) {
        this.model = model;
    }

    /** The process's encoder, loaded on first use (~2 s). */
    public static synchronized SentenceEncoder shared() {
        if (shared == null) shared = new SentenceEncoder(new AllMiniLmL6V2EmbeddingModel());
        return shared;
    }

    /** The text's vector; zeros for a text in which the model finds nothing to read. */
    public float[] encode(String text) {
        try {
            return model.embed(TextSegment.from(text)).content().vector();
        } catch (RuntimeException e) {
            if (!refusedText(e)) throw e;
            return new float[DIMENSION];
        }
    }

    /**
     * Each distinct text's vector, encoded in batches that the model spreads over the cores. A text
     * the model finds nothing in (blank, or only control characters, accents, U+FFFD…) gets zeros:
     * the model refuses it, and it says as little as no text. Such a text makes its batch go one by one.
     */
    public Map<String, float[]> encodeDistinct(List<String> texts) {
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(texts));
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<String> part = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            List<float[]> vectors;
            try {
                vectors = model.embedAll(part.stream().map(TextSegment::from).toList()).content().stream().map(v -> v.vector()).toList();
            } catch (RuntimeException e) {
                if (!refusedText(e)) throw e;
                vectors = part.stream().map(this::encode).toList();
            }
            for (int i = 0; i < part.size(); i++) out.put(part.get(i), vectors.get(i));
        }
        return out;
    }

    /** The model's refusal of a text it cannot read, as such or wrapped by its parallel batch. */
    private static boolean refusedText(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof IllegalArgumentException) return true;
        return false;
    }
}
