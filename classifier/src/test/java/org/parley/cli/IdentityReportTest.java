package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.corpus.Example;
import org.parley.eval.IdentityBias;
import org.parley.eval.IdentityBias.TermMetrics;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.score.Scorer;

/**
 * scripts/evaluate's identity figures on a few rows whose AUCs are worked by hand: which rows count, which sentences are
 * neutral, and how the JSON and the table show them.
 */
class IdentityReportTest {
    @TempDir
    Path dir;

    private static Example toxic(String text, double label) {
        return new Example("test", text, text, Labels.of(Map.of(Attribute.TOXICITY, label)));
    }

    /** A row of six scores: TOXICITY as given, every other attribute 1 - it, so a wrong column changes every AUC. */
    private static float[] row(double toxicity) {
        float[] r = new float[Attribute.COUNT];
        Arrays.fill(r, (float) (1 - toxicity));
        r[Attribute.TOXICITY.ordinal()] = (float) toxicity;
        return r;
    }

    /** Scores each text from a table; a text not in it is a test's mistake. */
    private static Scorer scorer(Map<String, float[]> rows) {
        return new Scorer() {
            @Override
            public float[][] score(List<String> texts) {
                return texts.stream().map(t -> {
                    float[] r = rows.get(t);
                    if (r == null) throw new AssertionError("scored an unexpected text: " + t);
                    return r;
                }).toArray(float[][]::new);
            }

            @Override
            public String name() {
                return "table";
            }
        };
    }

    private static final Scorer NOTHING = scorer(Map.of());

    /**
     * "gay" is in three labelled rows: one toxic at 0.9 and two clean at 0.1 and 0.95, so its subgroup AUC is 0.5; against
     * the background's toxic 0.8 (BPSN) 0.5, and its toxic row against the background's clean 0.2 (BNSP) 1. A fourth row
     * mentions it at 0.99 with no TOXICITY label: counted as clean it would make 4 rows and a subgroup AUC of 1/3.
     */
    private static final List<Example> ROWS = List.of(
            toxic("gay people are fine", 0), toxic("gay, you idiot", 1), toxic("gay and proud", 0.2),
            toxic("the weather", 0), toxic("you idiot", 0.7),
            new Example("test", "unlabelled", "gay gay gay", Labels.of(Map.of(Attribute.INSULT, 1.0))));
    private static final float[][] SCORES = {row(0.1), row(0.9), row(0.95), row(0.2), row(0.8), row(0.99)};

    private static TermMetrics term(IdentityReport report, String name) {
        return report.terms().stream().filter(m -> m.term().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void onlyRowsLabelledForToxicityCountAndEachTermIsReported() {
        IdentityReport report = IdentityReport.of(ROWS, SCORES, NOTHING, null);
        assertEquals(IdentityBias.TERMS.size(), report.terms().size());
        TermMetrics gay = term(report, "gay");
        assertEquals(3, gay.n(), "the unlabelled row is not a clean one");
        assertEquals(1, gay.positives(), "0.2 is clean, 1 toxic: a label counts as toxic from 0.5");
        assertEquals(0.5, gay.subgroupAuc(), 1e-9);
        assertEquals(0.5, gay.bpsnAuc(), 1e-9);
        assertEquals(1.0, gay.bnspAuc(), 1e-9);
        assertEquals(0, term(report, "muslim").n());
        assertTrue(Double.isNaN(term(report, "muslim").subgroupAuc()), "no rows, no figure");
        assertNull(report.neutral(), "no sentences file");
    }

    @Test
    void theNeutralSentencesAreScoredAndTheControlsLeftOut() throws IOException {
        Path file = Files.writeString(dir.resolve("sentences.jsonl"), """
                {"id": "n-1", "text": "I am gay."}

                {"id": "ctrl-1", "text": "I hate gays, the scum."}
                {"id": "n-2", "text": "I am a Muslim."}
                """);
        float[] first = row(0.3), second = row(0.1);
        first[Attribute.IDENTITY_ATTACK.ordinal()] = 0.1f;
        second[Attribute.IDENTITY_ATTACK.ordinal()] = 0.5f;
        Scorer model = scorer(Map.of("I am gay.", first, "I am a Muslim.", second)); // the control would be an unexpected text
        IdentityReport.Neutral neutral = IdentityReport.of(ROWS, SCORES, model, file).neutral();
        assertEquals(file.toString(), neutral.file());
        assertEquals(2, neutral.n());
        assertEquals(0.2, neutral.meanToxicity(), 1e-6);
        assertEquals(0.3, neutral.meanIdentityAttack(), 1e-6);
        assertEquals(0.3, neutral.maxToxicity(), 1e-6, "the highest, not the last");
        assertNull(IdentityReport.of(ROWS, SCORES, model, dir.resolve("missing.jsonl")).neutral(), "a file that is not there");

        Path controls = Files.writeString(dir.resolve("controls.jsonl"), "{\"id\": \"ctrl-1\", \"text\": \"scum\"}\n");
        IdentityReport.Neutral none = IdentityReport.of(ROWS, SCORES, model, controls).neutral();
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.meanToxicity()) && Double.isNaN(none.meanIdentityAttack()), "no sentences, no mean");

        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": \"n-1\", \"text\": \"I am gay.\"}\n\n{\"id\": \"n-2\"}\n");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IdentityReport.neutralTexts(bad));
        assertEquals("--identity-sentences " + bad + " line 3: field 'text' must be a non-empty string", e.getMessage(),
                "the file's own line number, blank lines counted");
    }

    @Test
    void theJsonHoldsEachTermTheMeansAndTheSentencesWithNaNSpelledOut() throws IOException {
        Path file = Files.writeString(dir.resolve("sentences.jsonl"), "{\"id\": \"n-1\", \"text\": \"I am gay.\"}\n");
        JsonNode json = IdentityReport.of(ROWS, SCORES, scorer(Map.of("I am gay.", row(0.25))), file).toJson();
        JsonNode gay = json.at("/toxicityByTerm/0");
        assertEquals("gay", gay.get("term").asText());
        assertEquals(3, gay.get("n").asInt());
        assertEquals(1, gay.get("positives").asInt());
        assertEquals(0.5, gay.get("subgroupAuc").asDouble(), 1e-9);
        assertEquals(0.5, gay.get("bpsnAuc").asDouble(), 1e-9);
        assertEquals(1.0, gay.get("bnspAuc").asDouble(), 1e-9);
        JsonNode lesbian = json.at("/toxicityByTerm/1");
        assertEquals("NaN", lesbian.get("subgroupAuc").asText(), "JSON has no NaN: spelled as a string");
        assertTrue(lesbian.get("subgroupAuc").isTextual());
        // Only "gay" has rows, so the means over terms are its figures, the NaNs of the others left out.
        assertEquals(0.5, json.at("/meanOverTerms/subgroupAuc").asDouble(), 1e-9);
        assertEquals(0.5, json.at("/meanOverTerms/bpsnAuc").asDouble(), 1e-9);
        assertEquals(1.0, json.at("/meanOverTerms/bnspAuc").asDouble(), 1e-9);
        assertEquals(file.toString(), json.at("/neutralSentences/file").asText());
        assertEquals(1, json.at("/neutralSentences/n").asInt());
        assertEquals(0.25, json.at("/neutralSentences/meanToxicity").asDouble(), 1e-6);
        assertEquals(0.75, json.at("/neutralSentences/meanIdentityAttack").asDouble(), 1e-6);
        assertEquals(0.25, json.at("/neutralSentences/maxToxicity").asDouble(), 1e-6);
        assertFalse(IdentityReport.of(ROWS, SCORES, NOTHING, null).toJson().has("neutralSentences"));
    }

    private static List<String> line(String table, String first) {
        return table.lines().map(l -> List.of(l.trim().split("\\s+"))).filter(w -> w.get(0).equals(first)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + first + " in\n" + table));
    }

    @Test
    void theTableHasALineEachTermAndTheMeanAndBeforeAfterColumnsWhenCompared() throws IOException {
        Path file = Files.writeString(dir.resolve("sentences.jsonl"), "{\"id\": \"n-1\", \"text\": \"I am gay.\"}\n");
        IdentityReport after = IdentityReport.of(ROWS, SCORES, scorer(Map.of("I am gay.", row(0.25))), file);
        String one = IdentityReport.table("dev split", null, after);
        assertTrue(one.startsWith("Identity terms on dev split, TOXICITY"), one);
        assertEquals(List.of("gay", "3", "1", "0.500", "0.500", "1.000"), line(one, "gay"));
        assertEquals(List.of("lesbian", "0", "0", "n/a", "n/a", "n/a"), line(one, "lesbian"));
        assertEquals(List.of("mean", "0.500", "0.500", "1.000"), line(one, "mean"));
        assertTrue(one.contains("Neutral identity sentences (" + file + ", 1): mean TOXICITY 0.250, mean IDENTITY_ATTACK 0.750,"
                + " max TOXICITY 0.250" + System.lineSeparator()), one);

        // Before: the clean 0.95 row scored 0.05 instead, so every "gay" AUC is 1.
        float[][] better = SCORES.clone();
        better[2] = row(0.05);
        IdentityReport before = IdentityReport.of(ROWS, better, scorer(Map.of("I am gay.", row(0.5))), file);
        String both = IdentityReport.table("dev split", before, after);
        assertTrue(both.contains("subgroup bef/aft"), both);
        assertEquals(List.of("gay", "3", "1", "1.000/0.500", "1.000/0.500", "1.000/1.000"), line(both, "gay"));
        assertEquals(List.of("mean", "1.000/0.500", "1.000/0.500", "1.000/1.000"), line(both, "mean"));
        assertTrue(both.contains("max TOXICITY 0.250 (before: 0.500, 0.500, 0.500)"), both);
        assertFalse(IdentityReport.table("dev split", null, IdentityReport.of(ROWS, SCORES, NOTHING, null)).contains("Neutral"));
    }

    @Test
    void theDefaultSentencesAreUnderTheScriptsHome() {
        String was = System.getProperty("parley.home");
        try {
            System.setProperty("parley.home", dir.toString());
            assertEquals(dir.resolve("docs/identity-sentences.jsonl"), IdentityReport.defaultSentences());
            System.clearProperty("parley.home");
            assertEquals(Path.of("docs/identity-sentences.jsonl"), IdentityReport.defaultSentences());
        } finally {
            if (was == null) System.clearProperty("parley.home");
            else System.setProperty("parley.home", was);
        }
    }
}
