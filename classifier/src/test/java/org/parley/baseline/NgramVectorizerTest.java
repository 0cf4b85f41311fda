package org.parley.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.liblinear.Feature;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgramVectorizerTest {
    private final NgramVectorizer v = new NgramVectorizer(20);

    @Test
    void countsTheExpectedNgrams() {
        // "ab": words: "ab" (1 unigram). char_wb on " ab ": 2-grams " a","ab","b " (3), 3-grams " ab","ab " (2),
        // 4-gram " ab " (1) -> 7 occurrences, all distinct with overwhelming probability at 2^20 buckets.
        Feature[] row = v.termFrequencies("ab");
        assertEquals(7 + 1, row.length); // + bias
        assertEquals(v.dimension() + 1, row[row.length - 1].getIndex());
        // "x" is no word (too short) but still gives char n-grams " x", "x ", " x ".
        assertEquals(3 + 1, v.termFrequencies("x").length);
        assertEquals(1, v.termFrequencies("").length);
        assertEquals(1, v.termFrequencies(" \t\n").length);
    }

    @Test
    void repeatsAreSublinearAndCaseIsIgnored() {
        Feature[] once = v.termFrequencies("Idiot");
        Feature[] thrice = v.termFrequencies("idiot idiot IDIOT");
        // The unigram "idiot" appears three times: 1 + ln 3.
        boolean found = false;
        for (Feature f : thrice) if (Math.abs(f.getValue() - (1 + Math.log(3))) < 1e-12) found = true;
        assertTrue(found);
        // Same n-gram set, plus the bigram "idiot idiot".
        assertEquals(once.length + 1, thrice.length);
    }

    @Test
    void indicesAscendAndWordsPrecedeCharacters() {
        Feature[] row = v.termFrequencies("you are such an idiot, honestly!!");
        for (int k = 1; k < row.length; k++) assertTrue(row[k].getIndex() > row[k - 1].getIndex());
        int words = 0;
        for (int k = 0; k < row.length - 1; k++) if (row[k].getIndex() <= v.dimension() / 2) words++;
        assertEquals(6 + 5, words); // 6 words of length >= 2 ("you are such an idiot honestly") + 5 bigrams
    }

    @Test
    void rowsAreUnitLengthWithBalancedBlocks() {
        v.fitTransform(List.of("you idiot", "nice day", "have a nice day, friend"), () -> {});
        Feature[] row = v.transform("what a nice idiot");
        double word = 0, chars = 0;
        for (int k = 0; k < row.length - 1; k++) {
            double x = row[k].getValue();
            if (row[k].getIndex() <= v.dimension() / 2) word += x * x;
            else chars += x * x;
        }
        assertEquals(0.5, word, 1e-9);
        assertEquals(0.5, chars, 1e-9);
        assertEquals(1.0, row[row.length - 1].getValue()); // the bias is left alone
        // Only character n-grams: the one block carries the whole norm.
        Feature[] x = v.transform("a");
        double norm = 0;
        for (int k = 0; k < x.length - 1; k++) norm += x[k].getValue() * x[k].getValue();
        assertEquals(1.0, norm, 1e-9);
    }

    @Test
    void rarerTermsWeighMore() {
        v.fitTransform(List.of("the cat", "the dog", "the cow"), () -> {});
        Feature[] row = v.transform("the cat");
        Feature the = null, cat = null;
        Feature[] theOnly = v.termFrequencies("the");
        Feature[] catOnly = v.termFrequencies("cat");
        for (Feature f : row) {
            if (f.getIndex() == theOnly[0].getIndex()) the = f;
            if (f.getIndex() == catOnly[0].getIndex()) cat = f;
        }
        assertTrue(cat.getValue() > the.getValue());
        assertNotEquals(the.getIndex(), cat.getIndex());
    }

    @Test
    void transformNeedsFit() {
        var e = assertThrows(IllegalStateException.class, () -> new NgramVectorizer(20).transform("x"));
        assertEquals("IDF not fitted: call fitTransform on the training texts first", e.getMessage());
    }
}
