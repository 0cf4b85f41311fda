package org.parley.feature;

/**
 * The two id sequences of one text: {@code deep} indexes the embedding table (words, bigrams, and
 * character n-grams of unknown words); {@code wide} indexes the linear part's weights (words,
 * bigrams and character n-grams of every word).
 */
public record TextFeatures(int[] deep, int[] wide) {
    /** Work a forward pass does on this text; used to batch texts of similar cost. */
    public int length() {
        return deep.length + wide.length;
    }
}
