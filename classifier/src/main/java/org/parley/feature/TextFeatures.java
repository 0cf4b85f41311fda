package org.parley.feature;

/**
 * The inputs of one text: {@code deep} indexes the embedding table (words, bigrams, and character
 * n-grams of unknown words); {@code wide} and {@code wideWeights} are its sparse TF-IDF row, which
 * the linear part weighs.
 */
public record TextFeatures(int[] deep, int[] wide, float[] wideWeights) {
    public TextFeatures {
        if (wide.length != wideWeights.length)
            throw new IllegalArgumentException(wide.length + " wide ids but " + wideWeights.length + " weights");
    }
}
