package org.parley.corpus;

import static org.parley.label.Attribute.IDENTITY_ATTACK;
import static org.parley.label.Attribute.INSULT;
import static org.parley.label.Attribute.PROFANITY;
import static org.parley.label.Attribute.THREAT;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parley.label.Attribute;

/**
 * toxic_spans, ACL 2022 per-rater release (comments.csv, annotations.csv, spans.csv).
 *
 * <p>Every post was rated toxic in Civil Comments, so TOXICITY is deliberately left unlabelled:
 * labelling all of them 1 would teach "Civil Comments style means toxic". What varies within the
 * corpus is the type of the highlighted spans, so each post gets, per typed attribute, the share
 * of its span-marking raters who marked a span of that type (a rater majority gives more than 0.5;
 * an even split leaves the type unlabelled, as {@link LabelSet} does for every corpus).
 * Raters who highlighted nothing say nothing about types (the release ticks both "all toxic" and
 * "not toxic" for most of them), so they are not counted; posts with fewer than
 * {@value #MIN_RATERS} span-marking raters are dropped. The SemEval-2021 {@code tsd_*} files have
 * untyped spans only and are used as unlabelled text ({@link Corpora#unlabelledTexts}).
 */
final class ToxicSpansCorpus {
    static final String NAME = "toxic_spans";
    static final int MIN_RATERS = 2;

    /** Span type → attribute; "Other Toxicity" maps to none. Matched by prefix: a few types are truncated. */
    private static final Map<String, Attribute> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Identity based Attack", IDENTITY_ATTACK);
        TYPES.put("Insult", INSULT);
        TYPES.put("Profane/Obscene", PROFANITY);
        TYPES.put("Threat", THREAT);
    }

    private ToxicSpansCorpus() {}

    static List<Example> read(Path dir) throws IOException {
        Map<String, Set<Attribute>> typesByAnnotation = new HashMap<>();
        for (Row r : Table.read(dir, "spans.csv", Table.CSV)) {
            Set<Attribute> types = typesByAnnotation.computeIfAbsent(r.get("annotation"), k -> EnumSet.noneOf(Attribute.class));
            Attribute a = attributeOf(r.get("type"));
            if (a != null) types.add(a);
        }
        // comment id -> the type sets of its raters who highlighted at least one span
        Map<String, List<Set<Attribute>>> raters = new HashMap<>();
        for (Row r : Table.read(dir, "annotations.csv", Table.CSV)) {
            Set<Attribute> types = typesByAnnotation.get(r.get("annotation"));
            if (types != null) raters.computeIfAbsent(r.get("comment_id"), k -> new ArrayList<>()).add(types);
        }
        return Table.map(Table.read(dir, "comments.csv", Table.CSV), r -> {
            List<Set<Attribute>> marked = raters.getOrDefault(r.get("comment_id"), List.of());
            if (marked.size() < MIN_RATERS) return null;
            LabelSet labels = new LabelSet();
            for (Attribute a : TYPES.values()) {
                long n = marked.stream().filter(t -> t.contains(a)).count();
                labels.set(a, (double) n / marked.size());  // most posts have two raters: 1 of 2 is unlabelled
            }
            return new Example(NAME, r.get("comment_id"), r.get("comment_text"), labels.build());
        });
    }

    static Attribute attributeOf(String type) {
        String t = type.strip();
        if (t.length() < 4) return null;
        for (Map.Entry<String, Attribute> e : TYPES.entrySet()) if (e.getKey().startsWith(t)) return e.getValue();
        return null;
    }
}
