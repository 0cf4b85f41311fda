package org.parley.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.label.Attribute;
import org.parley.label.Labels;
import org.parley.score.Scorer;

class EvaluationTest {
    static final Attribute TOX = Attribute.TOXICITY;
    static final Attribute INS = Attribute.INSULT;

    /** Source "a" labels TOXICITY and INSULT, source "b" only TOXICITY. */
    static List<Example> examples() {
        List<Example> ex = new ArrayList<>();
        ex.add(new Example("a", "1", "you idiot", Labels.of(Map.of(TOX, 1.0, INS, 1.0))));
        ex.add(new Example("a", "2", "nice day", Labels.of(Map.of(TOX, 0.0, INS, 0.0))));
        ex.add(new Example("a", "3", "meh", Labels.of(Map.of(TOX, 0.6, INS, 0.2))));
        ex.add(new Example("b", "1", "awful take", Labels.of(Map.of(TOX, 0.4))));
        ex.add(new Example("b", "2", "shut up", Labels.of(Map.of(TOX, 1.0))));
        ex.add(new Example("b", "3", "lovely", Labels.none()));
        return ex;
    }

    /** Scores for {@link #examples()}: the insult column is high on b's rows, which must not count. */
    static float[][] scores(float shift) {
        float[][] s = new float[6][Attribute.COUNT];
        float[] tox = {0.9f, 0.1f, 0.3f, 0.4f, 0.8f, 0.5f};
        float[] ins = {0.7f, 0.2f, 0.3f, 0.99f, 0.99f, 0.99f};
        for (int i = 0; i < 6; i++) {
            s[i][TOX.ordinal()] = tox[i] + shift;
            s[i][INS.ordinal()] = ins[i];
        }
        return s;
    }

    @Test
    void perAttributeCountsOnlyLabelledRows() {
        Evaluation e = Evaluation.of("m", examples(), scores(0));
        assertEquals(6, e.n());
        AttributeMetrics tox = e.attribute(TOX);
        assertEquals(5, tox.n());
        assertEquals(3, tox.positives()); // 1.0, 0.6, 1.0; 0.4 is negative
        // positives 0.9, 0.3, 0.8 vs negatives 0.1, 0.4: wins 2 + 1 + 2 = 5 of 6.
        assertEquals(5.0 / 6, tox.rocAuc(), 1e-12);
        AttributeMetrics ins = e.attribute(INS);
        assertEquals(3, ins.n());
        assertEquals(1, ins.positives());
        assertEquals(1.0, ins.rocAuc(), 1e-12); // b's 0.99s would spoil it if counted
        AttributeMetrics thr = e.attribute(Attribute.THREAT);
        assertEquals(0, thr.n());
        assertTrue(Double.isNaN(thr.rocAuc()));
        assertEquals((5.0 / 6 + 1.0) / 2, e.meanRocAuc(), 1e-12);
    }

    @Test
    void perSource() {
        Evaluation e = Evaluation.of("m", examples(), scores(0));
        assertEquals(List.of("a", "b"), List.copyOf(e.sources().keySet()));
        assertEquals(List.of(TOX, INS), List.copyOf(e.sources().get("a").keySet()));
        assertEquals(List.of(TOX), List.copyOf(e.sources().get("b").keySet()));
        AttributeMetrics aTox = e.sources().get("a").get(TOX);
        assertEquals(3, aTox.n());
        assertEquals(2, aTox.positives());
        // Within each source the ranking is perfect; pooled it is not (a's positive 0.3 < b's negative 0.4).
        assertEquals(1.0, aTox.rocAuc(), 1e-12);
        assertEquals(1.0, e.sources().get("b").get(TOX).rocAuc(), 1e-12);
        assertEquals(new AttributeMetrics(2, 1, 1.0, 1.0), e.sources().get("b").get(TOX));
    }

    /**
     * A data scientist's fourth audit: a source whose rows labelled for an attribute are all positive (one Kaggle dev row)
     * showed PR-AUC 1.0000 beside no ROC-AUC; average precision is 1 there whatever the model scores.
     */
    @Test
    void noPrAucWhereEveryRowIsPositive() {
        float[][] s = scores(0);
        s[4][TOX.ordinal()] = 0.01f; // b's one positive scored lowest of all: no figure could call that perfect
        Evaluation e = Evaluation.of("m", examples().subList(0, 5).stream()
                .filter(x -> !x.id().equals("1") || x.source().equals("a")).toList(), new float[][] {s[0], s[1], s[2], s[4]});
        AttributeMetrics bTox = e.sources().get("b").get(TOX);
        assertEquals(1, bTox.n());
        assertEquals(1, bTox.positives());
        assertTrue(Double.isNaN(bTox.rocAuc()));
        assertTrue(Double.isNaN(bTox.prAuc()), "no negatives: " + bTox);
        assertFalse(Double.isNaN(e.attribute(TOX).prAuc()), "pooled, the rows have both classes");
    }

    @Test
    void nanScoresGiveNoFigureAndNoMean() {
        float[][] s = scores(0);
        s[2][INS.ordinal()] = Float.NaN;
        Evaluation e = Evaluation.of("m", examples(), s);
        assertTrue(Double.isNaN(e.attribute(INS).rocAuc()));
        assertTrue(Double.isNaN(e.attribute(INS).prAuc()));
        assertEquals(3, e.attribute(INS).n());
        assertTrue(Double.isNaN(e.meanRocAuc()));
        assertTrue(e.curve(INS).isEmpty());
        assertFalse(e.curve(TOX).isEmpty());
        // NaN on a row nobody labels for the attribute does not matter.
        s = scores(0);
        s[5][INS.ordinal()] = Float.NaN;
        assertEquals(1.0, Evaluation.of("m", examples(), s).attribute(INS).rocAuc(), 1e-12);
    }

    @Test
    void scorerIsAskedForTheTexts() {
        Scorer scorer = new Scorer() {
            @Override public float[][] score(List<String> texts) {
                assertEquals("you idiot", texts.get(0));
                return scores(0);
            }

            @Override public String name() {
                return "fake";
            }
        };
        Evaluation e = Evaluation.of(scorer, examples());
        assertEquals("fake", e.model());
        assertEquals(5.0 / 6, e.attribute(TOX).rocAuc(), 1e-12);
    }

    @Test
    void rejectsMisshapenScores() {
        var e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of("m", examples(), new float[5][6]));
        assertEquals("m: 5 score rows for 6 examples", e.getMessage());
        float[][] s = scores(0);
        s[3] = new float[2];
        e = assertThrows(IllegalArgumentException.class, () -> Evaluation.of("m", examples(), s));
        assertEquals("m: score row 3 (b/1) has 2 values, expected 6", e.getMessage());
    }

    @Test
    void jsonHasStableFieldsAndRoundTrips() throws Exception {
        Evaluation e = Evaluation.of("linear-ngram", examples(), scores(0));
        String json = e.toJson();
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(List.of("model", "n", "split", "meanRocAuc", "attributes", "sources"), fields(root));
        assertEquals("linear-ngram", root.get("model").asText());
        assertEquals(List.of("TOXICITY", "SEVERE_TOXICITY", "IDENTITY_ATTACK", "INSULT", "PROFANITY", "THREAT"),
                fields(root.get("attributes")));
        assertEquals(List.of("n", "positives", "rocAuc", "prAuc"), fields(root.get("attributes").get("TOXICITY")));
        assertEquals(5, root.get("attributes").get("TOXICITY").get("n").asInt());
        assertEquals("NaN", root.get("attributes").get("THREAT").get("rocAuc").asText());
        assertEquals(List.of("TOXICITY"), fields(root.get("sources").get("b")));
        assertFalse(json.contains("fpr"), "curves stay out of the JSON");

        Evaluation back = Evaluation.fromJson(json);
        assertEquals(e.model(), back.model());
        assertEquals(e.split(), back.split());
        assertEquals(e.meanRocAuc(), back.meanRocAuc());
        assertEquals(e.attributes(), back.attributes());
        assertEquals(e.sources(), back.sources());
        assertTrue(back.curve(TOX).isEmpty());
        assertEquals(json, back.toJson());
    }

    @Test
    void splitFingerprintIgnoresOrderButNotMembership() {
        List<Example> ex = examples();
        String split = Evaluation.of("m", ex, scores(0)).split();
        List<Example> reversed = new ArrayList<>(ex);
        java.util.Collections.reverse(reversed);
        assertEquals(split, Evaluation.of("m", reversed, scores(0)).split());
        List<Example> other = new ArrayList<>(ex);
        other.set(5, new Example("b", "4", "lovely", Labels.none()));
        assertFalse(split.equals(Evaluation.of("m", other, scores(0)).split()));
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
