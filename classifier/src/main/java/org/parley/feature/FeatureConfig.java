package org.parley.feature;

/**
 * How tokens become embedding ids. Saved in every model bundle: a model only makes sense with the
 * exact feature settings it was trained with.
 *
 * @param maxTokens     tokens kept per text (the rest is cut; comments rarely need more)
 * @param bigramBuckets hash buckets for word bigrams (0 = no bigrams)
 * @param charBuckets   hash buckets for character n-grams of out-of-vocabulary words (0 = none)
 * @param charMin       shortest character n-gram, counted on the word padded as {@code <word>}
 * @param charMax       longest character n-gram
 * @param seed          hash seed; changing it changes every n-gram id
 */
public record FeatureConfig(int maxTokens, int bigramBuckets, int charBuckets, int charMin, int charMax, int seed) {

    public FeatureConfig {
        if (maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1, was " + maxTokens);
        if (bigramBuckets < 0 || charBuckets < 0) throw new IllegalArgumentException("bucket counts must be >= 0");
        if (charBuckets > 0 && (charMin < 1 || charMax < charMin))
            throw new IllegalArgumentException("need 1 <= charMin <= charMax, was " + charMin + ".." + charMax);
    }

    public static FeatureConfig defaults() {
        return new FeatureConfig(256, 1 << 17, 1 << 16, 3, 5, 0x5eed);
    }
}
