package org.parley.feature;

/**
 * How tokens become ids. Saved in every model bundle: a model only makes sense with the exact
 * feature settings it was trained with.
 *
 * @param maxTokens     tokens kept per text (the rest is cut; comments rarely need more)
 * @param bigramBuckets deep input: hash buckets for word bigrams (0 = no bigrams)
 * @param charBuckets   deep input: hash buckets for character n-grams of out-of-vocabulary words (0 = none)
 * @param charMin       shortest character n-gram, counted on the word padded as {@code <word>}
 * @param charMax       longest character n-gram
 * @param wideBuckets   wide input: hash buckets for words, bigrams and character n-grams of every word
 * @param seed          hash seed; changing it changes every n-gram id
 */
public record FeatureConfig(int maxTokens, int bigramBuckets, int charBuckets, int charMin, int charMax,
                            int wideBuckets, int seed) {

    public FeatureConfig {
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        if (bigramBuckets < 0 || charBuckets < 0) throw new IllegalArgumentException("bucket counts must be >= 0");
        if (wideBuckets < 1) throw new IllegalArgumentException("wideBuckets must be >= 1, was " + wideBuckets);
        if (charMin < 1 || charMax < charMin)
            throw new IllegalArgumentException("need 1 <= charMin <= charMax, was " + charMin + ".." + charMax);
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(256, 1 << 17, 1 << 16, 3, 5, 1 << 20, 0x5eed);
    }
}
