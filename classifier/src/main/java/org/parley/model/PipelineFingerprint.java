package org.parley.model;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.feature.WideText;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a text pipeline reads a fixed set of probe texts: for each, the tokens the networks read and, for a bundle
 * whose wide part reads it, the wide text ({@link WideText}). A bundle records it at training time
 * ({@value #KEY} in its provenance); {@link PipelineCheck} reads the same texts again at load, so a checkout whose
 * text stages changed since (a speller, a new folding) is told which probes it reads otherwise, where before the
 * bundle named only its code commit.
 *
 * <p>The probes ({@value #PROBES}, committed) exercise every stage: links, glued sentences and hashtags, case and
 * shouting, masked, leet, spaced, misspelt and glued insults, repeated letters, numbers, entities, full-width,
 * styled and look-alike letters, accents, invisible and control characters, emoji, long words, other scripts. A
 * bundle keeps the texts it was read on, so a later change to the probe set leaves older bundles comparable.
 */
public final class PipelineFingerprint {
    /** The provenance field that holds it. */
    public static final String KEY = "textPipeline";
    static final String PROBES = "pipeline-probes.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One probe text and how the pipeline read it; {@code wideText} null where the bundle has no wide part. */
    public record Probe(String text, List<String> tokens, String wideText) {
        public Probe {
            Objects.requireNonNull(text, "text");
            tokens = List.copyOf(tokens);
        }

        /** Same text, read the same way. */
        boolean readAs(Probe other) {
            return text.equals(other.text) && tokens.equals(other.tokens) && Objects.equals(wideText, other.wideText);
        }
    }

    private final List<Probe> probes;
    private final boolean wide;
    private final String digest;

    private PipelineFingerprint(List<Probe> probes, boolean wide) {
        this.probes = List.copyOf(probes);
        this.wide = wide;
        this.digest = BundleFile.sha256(canonical(this.probes, wide));
    }

    /** The committed probe texts, in order. */
    public static List<String> probeTexts() {
        try (InputStream in = PipelineFingerprint.class.getResourceAsStream(PROBES)) {
            if (in == null) throw new IllegalStateException("resource " + PROBES + " is missing from the classifier jar");
            List<Map<String, String>> rows = JSON.readValue(in, new TypeReference<>() {});
            return rows.stream().map(r -> Objects.requireNonNull(r.get("text"), PROBES + ": a probe without \"text\"")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROBES, e);
        }
    }

    /** How {@code pipeline} reads the committed probes; {@code wide}: also the wide text (the toxicity bundle's). */
    public static PipelineFingerprint of(TextPipeline pipeline, boolean wide) {
        return read(probeTexts(), pipeline, wide);
    }

    /** How {@code pipeline} reads {@code texts} (a bundle's recorded probes, at load). */
    public static PipelineFingerprint read(List<String> texts, TextPipeline pipeline, boolean wide) {
        List<Probe> probes = new ArrayList<>(texts.size());
        for (String text : texts) {
            List<Token> tokens = pipeline.tokenize(text);
            probes.add(new Probe(text, tokens.stream().map(Token::text).toList(), wide ? WideText.of(text, tokens) : null));
        }
        return new PipelineFingerprint(probes, wide);
    }

    public List<Probe> probes() { return probes; }

    /** Whether the wide text is part of each reading. */
    public boolean wide() { return wide; }

    /** SHA-256 of the readings (texts, tokens, wide texts): equal digests, equal readings. */
    public String digest() { return digest; }

    /** The probes read otherwise by {@code now} (which read this one's texts), by index. */
    public List<Integer> differences(PipelineFingerprint now) {
        if (now.probes.size() != probes.size()) throw new IllegalArgumentException(now.probes.size() + " readings for " + probes.size() + " probes");
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) if (!probes.get(i).readAs(now.probes.get(i))) out.add(i);
        return out;
    }

    public ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        out.put("probeSet", "classifier/src/main/resources/org/parley/model/" + PROBES);
        out.putArray("reads").add("tokens");
        if (wide) ((ArrayNode) out.get("reads")).add("wideText");
        out.put("digest", digest);
        out.set("probes", probesJson(probes, wide));
        return out;
    }

    /** @throws IllegalArgumentException naming what is missing or wrong, or a digest its readings do not give */
    public static PipelineFingerprint fromJson(JsonNode json) {
        JsonNode reads = json.path("reads"), list = json.path("probes");
        if (!reads.isArray() || !list.isArray() || list.isEmpty())
            throw new IllegalArgumentException("needs \"reads\" and a non-empty \"probes\" array");
        boolean wide = false;
        for (JsonNode r : reads) wide |= r.asText().equals("wideText");
        List<Probe> probes = new ArrayList<>();
        for (JsonNode p : list) {
            if (!p.path("text").isTextual() || !p.path("tokens").isArray() || wide && !p.path("wideText").isTextual())
                throw new IllegalArgumentException("probe " + probes.size() + " needs \"text\", \"tokens\"" + (wide ? " and \"wideText\"" : ""));
            List<String> tokens = new ArrayList<>();
            for (JsonNode t : p.get("tokens")) tokens.add(t.asText());
            probes.add(new Probe(p.get("text").asText(), tokens, wide ? p.get("wideText").asText() : null));
        }
        PipelineFingerprint f = new PipelineFingerprint(probes, wide);
        if (json.hasNonNull("digest") && !json.get("digest").asText().equals(f.digest))
            throw new IllegalArgumentException("its digest " + json.get("digest").asText() + " is not its readings' (" + f.digest + ")");
        return f;
    }

    private static ArrayNode probesJson(List<Probe> probes, boolean wide) {
        ArrayNode out = JSON.createArrayNode();
        for (Probe p : probes) {
            ObjectNode o = out.addObject().put("text", p.text());
            ArrayNode tokens = o.putArray("tokens");
            p.tokens().forEach(tokens::add);
            if (wide) o.put("wideText", p.wideText());
        }
        return out;
    }

    /** The readings as compact JSON: what the digest is taken of. */
    private static byte[] canonical(List<Probe> probes, boolean wide) {
        try {
            return JSON.writeValueAsBytes(probesJson(probes, wide));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
