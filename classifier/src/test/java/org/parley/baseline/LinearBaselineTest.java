package org.parley.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parley.corpus.Example;
import org.parley.eval.Evaluation;
import org.parley.label.Attribute;
import org.parley.label.Labels;

class LinearBaselineTest {
    private static final String[] RUDE = {"you idiot", "what a moron", "shut up you fool", "you are stupid", "idiot troll"};
    private static final String[] NICE = {"nice day", "thanks for sharing", "great article", "well written piece", "have a good one"};
    private static final String[] FILLER = {"today", "again", "honestly", "in my view", "as usual", "lol", "really", "folks"};

    /** Toy rows: rude or nice phrase plus filler; toxic and insult labelled, threat never, severe all 0. */
    static List<Example> toy(int n, long seed, String source) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean rude = r.nextBoolean();
            String core = (rude ? RUDE : NICE)[r.nextInt(5)];
            String text = FILLER[r.nextInt(FILLER.length)] + " " + core + " " + FILLER[r.nextInt(FILLER.length)];
            if (r.nextBoolean()) text = text.toUpperCase();
            Labels labels = Labels.of(Map.of(Attribute.TOXICITY, rude ? 0.8 : 0.1, Attribute.INSULT, rude ? 1.0 : 0.0,
                    Attribute.SEVERE_TOXICITY, 0.0));
            out.add(new Example(source, source + i, text, labels));
        }
        return out;
    }

    @Test
    void learnsASeparableToyProblem() {
        LinearBaseline model = LinearBaseline.train(toy(200, 1, "train"), LinearBaseline.Options.defaults().quiet());
        List<Example> dev = toy(100, 2, "dev");
        Evaluation e = Evaluation.of(model, dev);
        assertEquals("linear-ngram", e.model());
        assertTrue(e.attribute(Attribute.TOXICITY).rocAuc() > 0.95, e.toJson());
        assertTrue(e.attribute(Attribute.INSULT).rocAuc() > 0.95, e.toJson());
        float[][] s = model.score(List.of("you idiot", "have a nice day"));
        assertTrue(s[0][Attribute.TOXICITY.ordinal()] > 0.5f && s[1][Attribute.TOXICITY.ordinal()] < 0.5f);
    }

    @Test
    void masksAttributesItCannotFit() {
        LinearBaseline model = LinearBaseline.train(toy(50, 3, "train"), LinearBaseline.Options.defaults().quiet());
        assertTrue(model.fitted(Attribute.TOXICITY));
        assertFalse(model.fitted(Attribute.THREAT));
        assertFalse(model.fitted(Attribute.SEVERE_TOXICITY));
        float[][] s = model.score(List.of("you idiot", "", "\n\t"));
        for (float[] row : s) {
            assertEquals(Attribute.COUNT, row.length);
            assertTrue(Float.isNaN(row[Attribute.THREAT.ordinal()]), "no labelled row: no opinion");
            assertEquals(0f, row[Attribute.SEVERE_TOXICITY.ordinal()], "only negatives: constant 0");
            float p = row[Attribute.TOXICITY.ordinal()];
            assertTrue(p >= 0 && p <= 1);
        }
        assertEquals(0, model.score(List.of()).length);
    }

    @Test
    void sameSeedSameScoresWhateverTheThreads() {
        List<Example> train = toy(120, 5, "train");
        List<String> dev = toy(30, 6, "dev").stream().map(Example::text).toList();
        LinearBaseline.Options o = LinearBaseline.Options.defaults().quiet();
        float[][] one = LinearBaseline.train(train, o.withThreads(1)).score(dev);
        float[][] two = LinearBaseline.train(train, o.withThreads(2)).score(dev);
        for (int i = 0; i < dev.size(); i++) assertArrayEquals(one[i], two[i]);
    }

    @Test
    void usesOnlyRowsLabelledForTheAttribute() {
        // Unlabelled rows that would contradict the labelled ones must not pull the model.
        List<Example> train = new ArrayList<>(toy(100, 4, "train"));
        for (int i = 0; i < 200; i++) {
            train.add(new Example("other", "o" + i, "you idiot", Labels.of(Map.of(Attribute.PROFANITY, 0.0))));
        }
        LinearBaseline model = LinearBaseline.train(train, LinearBaseline.Options.defaults().quiet().withThreads(1));
        assertTrue(model.score(List.of("you idiot"))[0][Attribute.INSULT.ordinal()] > 0.5f);
    }

    @Test
    void aLinkedRowTakesTheFoldOfItsSourceAndTheOtherRowsKeepTheirs() {
        java.util.List<Integer> order = java.util.List.of(4, 0, 3, 1, 2, 5);
        int[] plain = LinearBaseline.folds(order, 3, null);
        assertArrayEquals(new int[] {1, 0, 1, 2, 0, 2}, plain, "row order.get(k) is in fold k % 3");
        int[] linked = LinearBaseline.folds(order, 3, new int[] {-1, -1, -1, -1, -1, 1});
        assertEquals(plain[1], linked[5], "row 5 was made from row 1");
        for (int i = 0; i < 5; i++) assertEquals(plain[i], linked[i]);
    }

    /**
     * The weights table the network's wide part is given (train.Trainer) is the regressions themselves: a text's TF-IDF
     * row times it, plus the intercept row, is the text's logits, attribute by attribute; an attribute of one class is
     * its constant logit (±8) in the intercept, one without a labelled row 0.
     */
    @Test
    void theWeightsTableGivesEachTextsLogits() {
        List<Example> train = toy(150, 7, "train");
        org.parley.feature.NgramTfIdf tfIdf = org.parley.feature.NgramTfIdf.fit(train.stream().map(Example::text).toList(), 1 << 10, () -> {});
        LinearBaseline model = LinearBaseline.stack(train, tfIdf, 3, LinearBaseline.Options.defaults().quiet().withHashBits(10)).full();
        float[][] w = model.weights();
        assertEquals(tfIdf.dimension() + 1, w.length);
        List<String> texts = List.of("you idiot", "great article honestly", "", "IDIOT TROLL lol", "an unseen sentence");
        float[][] logits = model.logits(texts);
        for (int t = 0; t < texts.size(); t++) {
            org.parley.feature.NgramTfIdf.Row row = tfIdf.transform(texts.get(t));
            for (Attribute a : Attribute.values()) {
                double sum = w[tfIdf.dimension()][a.ordinal()];
                for (int k = 0; k < row.size(); k++) sum += row.value()[k] * w[row.index()[k]][a.ordinal()];
                assertEquals(logits[t][a.ordinal()], sum, 1e-4, texts.get(t) + " " + a);
            }
        }
        assertEquals(-8f, w[tfIdf.dimension()][Attribute.SEVERE_TOXICITY.ordinal()], "only negatives: the constant's logit");
        assertEquals(0f, w[tfIdf.dimension()][Attribute.THREAT.ordinal()], "no labelled row: no opinion");
        assertTrue(logits[0][Attribute.INSULT.ordinal()] > 0 && logits[1][Attribute.INSULT.ordinal()] < 0,
                "log-odds of the positive class: " + logits[0][Attribute.INSULT.ordinal()] + ", " + logits[1][Attribute.INSULT.ordinal()]);
    }

    /** Out-of-fold logits: one row per training row, and not the full fit's (which saw the row). */
    @Test
    void stackingGivesEachRowLogitsFromARegressionThatDidNotSeeIt() {
        List<Example> train = toy(90, 8, "train");
        org.parley.feature.NgramTfIdf tfIdf = org.parley.feature.NgramTfIdf.fit(train.stream().map(Example::text).toList(), 1 << 10, () -> {});
        LinearBaseline.Stacked stacked = LinearBaseline.stack(train, tfIdf, 3, LinearBaseline.Options.defaults().quiet().withHashBits(10));
        float[][] full = stacked.full().logits(train.stream().map(Example::text).toList());
        assertEquals(train.size(), stacked.outOfFoldLogits().length);
        int closer = 0;
        for (int i = 0; i < train.size(); i++) {
            float[] oof = stacked.outOfFoldLogits()[i];
            assertEquals(Attribute.COUNT, oof.length, "row " + i);
            boolean rude = train.get(i).labels().positive(Attribute.INSULT);
            // The full fit saw the row and its label: it is surer of it than a fit that did not.
            float seen = full[i][Attribute.INSULT.ordinal()], unseen = oof[Attribute.INSULT.ordinal()];
            if (rude ? seen > unseen : seen < unseen) closer++;
        }
        assertTrue(closer > 0.8 * train.size(), closer + " of " + train.size() + " rows surer under the fit that saw them");
    }
}
