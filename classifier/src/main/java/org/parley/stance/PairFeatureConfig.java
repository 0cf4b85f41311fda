package org.parley.stance;

/**
 * How the two texts of a pair become ids; saved in the bundle, since a network only makes sense
 * with the ids it was trained on.
 *
 * @param maxTextTokens    tokens kept of the comment (the rest is cut)
 * @param maxContextTokens tokens kept of the target or parent
 * @param vocabularySize   most words with their own id
 * @param minCount         fewest occurrences for a word to get its own id
 * @param bigramBuckets    hash buckets for word bigrams
 * @param charBuckets      hash buckets for character n-grams of words outside the vocabulary
 * @param charMin          shortest character n-gram (on the word padded as {@code <word>})
 * @param charMax          longest character n-gram
 * @param seed             hash seed
 */
public record PairFeatureConfig(int maxTextTokens, int maxContextTokens, int vocabularySize, int minCount,
                                int bigramBuckets, int charBuckets, int charMin, int charMax, int seed) {
    public PairFeatureConfig {
        if (maxTextTokens < 1 || maxContextTokens < 1) throw new IllegalArgumentException("token limits must be >= 1");
        if (bigramBuckets < 1 || charBuckets < 1) throw new IllegalArgumentException("bucket counts must be >= 1");
        if (charMin < 1 || charMax < charMin) throw new IllegalArgumentException("need 1 <= charMin <= charMax");
    }

    /**
     * Target stance: the first 100 tokens of a comment (long ARC and VAST posts state their stance
     * early; the cut halves training time), targets up to 16 tokens.
     */
    public static PairFeatureConfig targetDefaults() {
        return new PairFeatureConfig(100, 16, 20_000, 2, 1 << 15, 1 << 14, 3, 4, 0x57a7ce);
    }

    /** Reply stance: tweets and short comments on both sides. */
    public static PairFeatureConfig replyDefaults() {
        return new PairFeatureConfig(60, 60, 12_000, 2, 1 << 14, 1 << 13, 3, 4, 0x7e91);
    }
}
