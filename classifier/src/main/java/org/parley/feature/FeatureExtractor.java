package org.parley.feature;

import java.util.List;

/**
 * Turns normalised tokens into the two id sequences the network reads.
 * <p>
 * Deep ids, in the manner of fastText: each kept token contributes its word id and the bigram it
 * ends (hashed); a word outside the vocabulary also contributes its character n-grams (hashed), so
 * misspellings, rare inflections and obfuscations the normaliser missed still carry signal. Known
 * words get no n-grams there: they would multiply the sequence length, and training time, of the
 * embedding part. Deep ids are laid out as [padding, unknown, words…, bigram buckets…, char buckets…].
 * <p>
 * Wide: the TF-IDF row of the raw text ({@link NgramTfIdf}: word 1–2-grams and character 2–5-grams),
 * the features of the classic linear toxicity model; the wide part has one weight per feature and
 * attribute and sums them weighted by TF-IDF, so it can learn what that model learns.
 */
public final class FeatureExtractor {
    private final FeatureConfig config;
    private final Vocabulary vocabulary;
    private final NgramTfIdf tfIdf;
    private final int bigramOffset;
    private final int charOffset;

    public FeatureExtractor(FeatureConfig config, Vocabulary vocabulary, NgramTfIdf tfIdf) {
        if (tfIdf.dimension() != config.wideBuckets())
            throw new IllegalArgumentException("TF-IDF has " + tfIdf.dimension() + " features, the settings say " + config.wideBuckets());
        this.config = config;
        this.vocabulary = vocabulary;
        this.tfIdf = tfIdf;
        this.bigramOffset = vocabulary.size();
        this.charOffset = bigramOffset + config.bigramBuckets();
    }

    /** Size of the embedding table the deep ids index into. */
    public int idSpace() {
        return charOffset + config.charBuckets();
    }

    /** Number of wide ids (weights per attribute in the linear part): the n-gram buckets and the intercept. */
    public int wideSpace() {
        return config.wideBuckets() + 1;
    }

    /** The wide id every text has, with value 1: its weights are the wide part's intercepts. */
    public int biasId() {
        return config.wideBuckets();
    }

    public FeatureConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public NgramTfIdf tfIdf() {
        return tfIdf;
    }

    /** Features of a text: {@code tokens} are its normalised tokens (deep part), {@code text} the raw text (wide part). */
    public TextFeatures extract(String text, List<String> tokens) {
        // One more feature, always 1: the wide part's intercept, as liblinear adds it.
        NgramTfIdf.Row row = tfIdf.transformWithBias(text, biasId());
        return new TextFeatures(deepIds(tokens), row.index(), row.value());
    }

    /**
     * Each thread's deep-id buffer: made anew for each text, with its growth, it was half the bytes
     * of deep ids. 256 ints hold the ids of 94 % of scripts/benchmark's comments (107 on average);
     * 8,192 (32 kB) are kept.
     */
    static final IntBuffer.PerThread DEEP_IDS = new IntBuffer.PerThread(256, 1 << 13);

    /** The deep part's ids alone (what training the deep part needs). */
    public int[] deepIds(List<String> tokens) {
        int n = Math.min(tokens.size(), config.maxTokens());
        IntBuffer deep = DEEP_IDS.start();
        int previousHash = 0;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            int word = vocabulary.id(t);
            int h = hash(t, config.seed());
            deep.add(word);
            if (i > 0 && config.bigramBuckets() > 0)
                deep.add(bigramOffset + bucket(mix(previousHash * 31 + h), config.bigramBuckets()));
            previousHash = h;
            if (word == Vocabulary.UNKNOWN && config.charBuckets() > 0 && hasCharNgrams(t))
                addCharNgrams(t, deep, charOffset, config.charBuckets());
        }
        return DEEP_IDS.finish(deep);
    }

    /** Placeholders such as {@code <url>} and punctuation carry no spelling worth hashing. */
    private static boolean hasCharNgrams(String t) {
        if (t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') return false;
        for (int i = 0; i < t.length(); i++) if (Character.isLetterOrDigit(t.charAt(i))) return true;
        return false;
    }

    private void addCharNgrams(String token, IntBuffer out, int offset, int buckets) {
        // Hash n-grams of "<token>" without building the padded string.
        int len = token.length() + 2;
        for (int n = config.charMin(); n <= config.charMax() && n < len; n++) {
            for (int start = 0; start + n <= len; start++) {
                int h = config.seed() ^ n;
                for (int k = start; k < start + n; k++) h = h * 31 + padded(token, k);
                out.add(offset + bucket(mix(h), buckets));
            }
        }
    }

    private static char padded(String token, int k) {
        return k == 0 ? '<' : k == token.length() + 1 ? '>' : token.charAt(k - 1);
    }

    private static int hash(String s, int seed) {
        int h = seed;
        for (int i = 0; i < s.length(); i++) h = h * 31 + s.charAt(i);
        return mix(h);
    }

    /** Murmur3's finaliser: spreads String-style polynomial hashes over all bits (also used by the stance features). */
    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static int bucket(int h, int buckets) {
        return Math.floorMod(h, buckets);
    }
}
