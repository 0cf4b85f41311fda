package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.parley.corpus.Example;
import org.parley.eval.IdentityBias;
import org.parley.eval.IdentityBias.TermMetrics;
import org.parley.io.JsonLine;
import org.parley.io.Utf8Files;
import org.parley.label.Attribute;
import org.parley.score.Scorer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * scripts/evaluate's identity figures for one model: {@link IdentityBias} on TOXICITY over the
 * evaluated rows, and the mean score of the neutral sentences of docs/identity-sentences.jsonl
 * (every line whose id does not start with "ctrl-": those are the abusive controls).
 */
record IdentityReport(List<TermMetrics> terms, Neutral neutral) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Neutral sentences: how many, mean TOXICITY and IDENTITY_ATTACK, highest TOXICITY; null when no file. */
    record Neutral(String file, int n, double meanToxicity, double meanIdentityAttack, double maxToxicity) {}

    /** The default sentences file, under -Dparley.home when the scripts set it. */
    static Path defaultSentences() {
        String home = System.getProperty("parley.home");
        return (home != null ? Path.of(home) : Path.of("")).resolve("docs/identity-sentences.jsonl");
    }

    /** @param scores one row per example, six attributes each, as {@link Scorer#score} returns them */
    static IdentityReport of(List<Example> examples, float[][] scores, Scorer model, Path sentences) {
        List<String> texts = new ArrayList<>();
        List<Float> s = new ArrayList<>();
        List<Boolean> p = new ArrayList<>();
        int t = Attribute.TOXICITY.ordinal();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            if (!e.labels().has(Attribute.TOXICITY)) continue;
            texts.add(e.text());
            s.add(scores[i][t]);
            p.add(e.labels().positive(Attribute.TOXICITY));
        }
        float[] sa = new float[s.size()];
        boolean[] pa = new boolean[p.size()];
        for (int i = 0; i < sa.length; i++) {
            sa[i] = s.get(i);
            pa[i] = p.get(i);
        }
        return new IdentityReport(IdentityBias.of(texts, sa, pa), neutral(model, sentences));
    }

    private static Neutral neutral(Scorer model, Path file) {
        if (file == null || !Files.exists(file)) return null;
        float[][] scores = model.score(neutralTexts(file));
        double tox = 0, ida = 0, max = 0;
        for (float[] row : scores) {
            tox += row[Attribute.TOXICITY.ordinal()];
            ida += row[Attribute.IDENTITY_ATTACK.ordinal()];
            max = Math.max(max, row[Attribute.TOXICITY.ordinal()]);
        }
        int n = scores.length;
        return new Neutral(file.toString(), n, n == 0 ? Double.NaN : tox / n, n == 0 ? Double.NaN : ida / n, max);
    }

    /**
     * The neutral sentences of an --identity-sentences file ({"id","text"} per line; "ctrl-" ids left out). A line that
     * is not such an object is refused naming the file and line: one without "text" was scored as an empty sentence.
     */
    static List<String> neutralTexts(Path file) {
        List<String> texts = new ArrayList<>();
        List<String> lines;
        try {
            lines = Utf8Files.lines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            String where = "--identity-sentences " + file + " line " + (i + 1) + ": ";
            JsonNode n;
            try {
                n = JsonLine.read(lines.get(i));
            } catch (IOException e) {
                throw new IllegalArgumentException(where + "invalid JSON (expected {\"id\": ..., \"text\": ...})");
            }
            if (!n.path("text").isTextual() || n.path("text").asText().isBlank())
                throw new IllegalArgumentException(where + "field 'text' must be a non-empty string");
            if (!n.path("id").asText().startsWith("ctrl-")) texts.add(n.path("text").asText());
        }
        return texts;
    }

    ObjectNode toJson() {
        ObjectNode out = JSON.createObjectNode();
        var list = out.putArray("toxicityByTerm");
        for (TermMetrics m : terms) {
            ObjectNode o = list.addObject().put("term", m.term()).put("n", m.n()).put("positives", m.positives());
            put(o, "subgroupAuc", m.subgroupAuc());
            put(o, "bpsnAuc", m.bpsnAuc());
            put(o, "bnspAuc", m.bnspAuc());
        }
        ObjectNode means = out.putObject("meanOverTerms");
        put(means, "subgroupAuc", IdentityBias.mean(terms, TermMetrics::subgroupAuc));
        put(means, "bpsnAuc", IdentityBias.mean(terms, TermMetrics::bpsnAuc));
        put(means, "bnspAuc", IdentityBias.mean(terms, TermMetrics::bnspAuc));
        if (neutral != null) {
            ObjectNode n = out.putObject("neutralSentences").put("file", neutral.file()).put("n", neutral.n());
            put(n, "meanToxicity", neutral.meanToxicity());
            put(n, "meanIdentityAttack", neutral.meanIdentityAttack());
            put(n, "maxToxicity", neutral.maxToxicity());
        }
        return out;
    }

    /** One model's table, or before/after columns when {@code before} is given. */
    static String table(String data, IdentityReport before, IdentityReport after) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Identity terms on %s, TOXICITY (subgroup = rows mentioning the term)%n", data));
        if (before == null) {
            s.append(String.format(Locale.ROOT, "%-18s %6s %6s %9s %7s %7s%n", "term", "n", "pos", "subgroup", "BPSN", "BNSP"));
            for (TermMetrics m : after.terms)
                s.append(String.format(Locale.ROOT, "%-18s %6d %6d %9s %7s %7s%n", m.term(), m.n(), m.positives(),
                        f(m.subgroupAuc()), f(m.bpsnAuc()), f(m.bnspAuc())));
            s.append(String.format(Locale.ROOT, "%-18s %6s %6s %9s %7s %7s%n", "mean", "", "",
                    f(IdentityBias.mean(after.terms, TermMetrics::subgroupAuc)),
                    f(IdentityBias.mean(after.terms, TermMetrics::bpsnAuc)),
                    f(IdentityBias.mean(after.terms, TermMetrics::bnspAuc))));
        } else {
            s.append(String.format(Locale.ROOT, "%-18s %6s %6s %17s %17s %17s%n", "term", "n", "pos",
                    "subgroup bef/aft", "BPSN bef/aft", "BNSP bef/aft"));
            for (int i = 0; i < after.terms.size(); i++) {
                TermMetrics b = before.terms.get(i), a = after.terms.get(i);
                s.append(String.format(Locale.ROOT, "%-18s %6d %6d %8s/%-8s %8s/%-8s %8s/%-8s%n", a.term(), a.n(), a.positives(),
                        f(b.subgroupAuc()), f(a.subgroupAuc()), f(b.bpsnAuc()), f(a.bpsnAuc()), f(b.bnspAuc()), f(a.bnspAuc())));
            }
            s.append(String.format(Locale.ROOT, "%-18s %6s %6s %8s/%-8s %8s/%-8s %8s/%-8s%n", "mean", "", "",
                    f(IdentityBias.mean(before.terms, TermMetrics::subgroupAuc)), f(IdentityBias.mean(after.terms, TermMetrics::subgroupAuc)),
                    f(IdentityBias.mean(before.terms, TermMetrics::bpsnAuc)), f(IdentityBias.mean(after.terms, TermMetrics::bpsnAuc)),
                    f(IdentityBias.mean(before.terms, TermMetrics::bnspAuc)), f(IdentityBias.mean(after.terms, TermMetrics::bnspAuc))));
        }
        Neutral a = after.neutral, b = before == null ? null : before.neutral;
        if (a != null) {
            s.append(String.format(Locale.ROOT, "Neutral identity sentences (%s, %d): mean TOXICITY %s, mean IDENTITY_ATTACK %s, max TOXICITY %s",
                    a.file(), a.n(), f(a.meanToxicity()), f(a.meanIdentityAttack()), f(a.maxToxicity())));
            if (b != null) s.append(String.format(Locale.ROOT, " (before: %s, %s, %s)",
                    f(b.meanToxicity()), f(b.meanIdentityAttack()), f(b.maxToxicity())));
            s.append(System.lineSeparator());
        }
        return s.toString();
    }

    private static void put(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) o.put(field, "NaN");
        else o.put(field, v);
    }

    private static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
