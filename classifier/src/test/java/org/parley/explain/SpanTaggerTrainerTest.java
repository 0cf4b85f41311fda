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
}
