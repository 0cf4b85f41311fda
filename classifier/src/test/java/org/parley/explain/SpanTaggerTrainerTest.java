package org.parley.explain;

import org.junit.jupiter.api.Test;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The trainer's parts that need no network (its whole run on synthetic posts is in {@link SpanTaggerTest}). */
class SpanTaggerTrainerTest {
    private static final TextPipeline PIPELINE = TextPipeline.standard();

    /**
     * A training post's lexicon rates are the shipped formula ({@link SpanLexicon#learn}) on the posts of the other
     * folds: a post never reads a rate its own marks made, so the tagger does not learn to trust a rate that would be
     * weaker on comments it has not seen. Checked on random posts whose rare words sit near {@link SpanLexicon#MIN_COUNT}.
     */
    @Test
    void aPostsRatesAreTheLexiconOfTheOtherFoldsAlone() {
        Random r = new Random(11);
        String[] vocabulary = {"you", "idiot", "moron", "the", "rare", "clown", ",", "IDIOT", "once"};
        List<String> texts = new ArrayList<>();
        List<List<Token>> tokens = new ArrayList<>();
        List<BitSet> gold = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < 2 + r.nextInt(5); k++) text.append(k == 0 ? "" : " ").append(vocabulary[r.nextInt(i % 3 == 0 ? 9 : 5)]);
            List<Token> ts = PIPELINE.tokenize(text.toString());
            BitSet marks = new BitSet();
            for (Token t : ts)
                if (r.nextInt(3) > 0 && List.of("idiot", "moron", "clown").contains(t.text())) marks.set(t.begin(), t.end());
                else if (r.nextInt(8) == 0) marks.set(t.begin(), t.begin() + (t.end() - t.begin()) / 2); // half a word: not marked
            texts.add(text.toString());
            tokens.add(ts);
            gold.add(marks);
        }
        List<float[]> rates = SpanTaggerTrainer.outOfFoldRates(tokens, gold);
        assertEquals(40, rates.size());
        int nonZero = 0;
        for (int i = 0; i < 40; i++) {
            List<String> otherTexts = new ArrayList<>();
            List<BitSet> otherGold = new ArrayList<>();
            for (int j = 0; j < 40; j++)
                if (j % SpanTaggerTrainer.FOLDS != i % SpanTaggerTrainer.FOLDS) {
                    otherTexts.add(texts.get(j));
                    otherGold.add(gold.get(j));
                }
            SpanLexicon others = SpanLexicon.learn(otherTexts, otherGold, PIPELINE);
            assertEquals(tokens.get(i).size(), rates.get(i).length);
            for (int k = 0; k < tokens.get(i).size(); k++) {
                String form = tokens.get(i).get(k).text();
                assertEquals(others.rate(form), rates.get(i)[k], 1e-6, "\"" + form + "\" in post " + i + ": " + texts.get(i));
                if (rates.get(i)[k] > 0) nonZero++;
            }
        }
        assertTrue(nonZero > 20, "the check compared rates, not zeros: " + nonZero);
    }

    /** A form seen exactly {@link SpanLexicon#MIN_COUNT} times in the other folds, once marked, has its rate; seen fewer, none. */
    @Test
    void aRateNeedsTheMinimumCountInTheOtherFolds() {
        // five posts, each a fold of its own; post 0's "jerk" is read against posts 1 and 2: three sightings, one marked
        List<String> texts = List.of("jerk", "jerk", "jerk jerk", "calm", "calm");
        List<List<Token>> tokens = texts.stream().map(PIPELINE::tokenize).toList();
        BitSet marked = new BitSet();
        marked.set(0, 4);
        List<BitSet> gold = List.of(new BitSet(), marked, new BitSet(), marked, new BitSet());
        List<float[]> rates = SpanTaggerTrainer.outOfFoldRates(tokens, gold);
        assertEquals(1 / 4f, rates.get(0)[0], 1e-6, "three sightings elsewhere, one marked");
        assertEquals(0f, rates.get(1)[0], "the only marked one is its own");
        assertEquals(0f, rates.get(4)[0], "\"calm\": seen once elsewhere");
    }

    /** The task's measure is the mean of the posts' F1s. */
    @Test
    void theMeanF1IsThePostsMean() {
        BitSet idiot = new BitSet();
        idiot.set(4, 9);
        List<org.parley.corpus.GoldSpans.Post> posts = List.of(new org.parley.corpus.GoldSpans.Post("you idiot", idiot),
                new org.parley.corpus.GoldSpans.Post("you idiot", new BitSet()));
        List<List<Token>> tokens = posts.stream().map(p -> PIPELINE.tokenize(p.text())).toList();
        float[][] p = {{0.1f, 0.9f}, {0.1f, 0.9f}};
        // the first post's span is found (F1 1); the second has none and one is shown (F1 0)
        assertEquals(0.5, SpanTaggerTrainer.meanF1(posts, tokens, p, new SpanCombination(0.5, false, Double.NaN, false), null), 1e-12);
        assertEquals(0, SpanTaggerTrainer.meanF1(List.of(), List.of(), new float[0][], new SpanCombination(0.5, false, Double.NaN, false), null));
    }

    /**
     * The tagger's vocabulary: forms seen at least the minimum count, the most frequent first, ties alphabetical, cut at
     * the maximum; no empty form and none with a line break (the vocabulary file has a form a line).
     */
    @Test
    void theVocabularyIsTheFrequentFormsMostFrequentFirstTiesAlphabetical() {
        List<List<Token>> tokens = List.of(PIPELINE.tokenize("zeta mid alpha zeta kilo mid alpha zeta"), PIPELINE.tokenize("kilo"),
                List.of(new Token("\nx", "x", 0, 1), new Token("\nx", "x", 2, 3), new Token("x\ny", "x y", 4, 7), new Token("x\ny", "x y", 8, 11),
                        new Token("", "", 12, 12), new Token("", "", 13, 13)));
        assertEquals(List.of("zeta", "alpha", "kilo", "mid"), SpanTaggerTrainer.vocabulary(tokens, 2, 100), "zeta 3; the others 2");
        assertEquals(List.of("zeta", "alpha"), SpanTaggerTrainer.vocabulary(tokens, 2, 2));
        assertEquals(List.of("zeta"), SpanTaggerTrainer.vocabulary(tokens, 3, 100), "three sightings reach a minimum of three");
        assertEquals(List.of("bat", "cat", "ant"), SpanTaggerTrainer.vocabulary(List.of(PIPELINE.tokenize("cat bat ant bat cat bat")), 1, 100),
                "by count, neither alphabetical nor its reverse");
    }
}
