package org.parley.feature;

import java.util.List;

/**
 * Turns normalised tokens into the id sequence the network embeds, in the manner of fastText:
 * each kept token contributes its word id and the bigram it ends (hashed); a word outside the
 * vocabulary also contributes its character n-grams (hashed), so misspellings, rare inflections
 * and obfuscations the normaliser missed still carry signal. Known words get no n-grams: they
 * would multiply the sequence length, and training time with it, for little gain.
 * Ids are laid out as [padding, unknown, words…, bigram buckets…, char buckets…], so one
 * embedding table serves all three.
 */
public final class FeatureExtractor {
    private final FeatureConfig config;
    private final Vocabulary vocabulary;
    private final int bigramOffset;
    private final int charOffset;

    public FeatureExtractor(FeatureConfig config, Vocabulary vocabulary) {
        this.config = config;
        this.vocabulary = vocabulary;
        this.bigramOffset = vocabulary.size();
        this.charOffset = bigramOffset + config.bigramBuckets();
    }

    /** Size of the embedding table the ids index into. */
    public int idSpace() {
        return charOffset + config.charBuckets();
    }

    public FeatureConfig config() {
        return config;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The id sequence of one text; empty when there are no tokens. */
    public int[] ids(List<String> tokens) {
        int n = Math.min(tokens.size(), config.maxTokens());
        IntBuffer out = new IntBuffer(n * 4);
        int previousHash = 0;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            int word = vocabulary.id(t);
            out.add(word);
            int h = hash(t, 0, t.length(), config.seed());
            if (config.bigramBuckets() > 0 && i > 0)
                out.add(bigramOffset + bucket(mix(previousHash * 31 + h), config.bigramBuckets()));
            previousHash = h;
            if (word == Vocabulary.UNKNOWN && config.charBuckets() > 0 && hasCharNgrams(t)) addCharNgrams(t, out);
        }
        return out.toArray();
    }

    /** Placeholders such as {@code <url>} and punctuation carry no spelling worth hashing. */
    private static boolean hasCharNgrams(String t) {
        if (t.length() >= 2 && t.charAt(0) == '<' && t.charAt(t.length() - 1) == '>') return false;
        for (int i = 0; i < t.length(); i++) if (Character.isLetterOrDigit(t.charAt(i))) return true;
        return false;
    }

    private void addCharNgrams(String token, IntBuffer out) {
        // Hash n-grams of "<token>" without building the padded string.
        int len = token.length() + 2;
        for (int n = config.charMin(); n <= config.charMax(); n++) {
            if (n > len) break;
            for (int start = 0; start + n <= len; start++) {
                if (n == len) continue; // the whole padded word is the word id's job
                int h = config.seed() ^ n;
                for (int k = start; k < start + n; k++) h = h * 31 + padded(token, k);
                out.add(charOffset + bucket(mix(h), config.charBuckets()));
            }
        }
    }

    private static char padded(String token, int k) {
        return k == 0 ? '<' : k == token.length() + 1 ? '>' : token.charAt(k - 1);
    }

    private static int hash(String s, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) h = h * 31 + s.charAt(i);
        return mix(h);
    }

    /** Murmur3's finaliser: spreads String-style polynomial hashes over all bits. */
    static int mix(int h) {
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

    /** A growable int array: avoids boxing on the hot path. */
    private static final class IntBuffer {
        private int[] a;
        private int n;

        IntBuffer(int capacity) {
            a = new int[Math.max(16, capacity)];
        }

        void add(int v) {
            if (n == a.length) a = java.util.Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(a, n);
        }
    }
}
