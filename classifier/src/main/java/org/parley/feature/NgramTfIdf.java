package org.parley.feature;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Text to a sparse TF-IDF row: the features of the classic strong linear toxicity model, used by
 * the network's wide part and by the linear baseline alike.
 *
 * <p>Two blocks of features, each hashed into half of 2^bits buckets: word 1–2-grams (words are
 * runs of ≥ 2 letters, digits or '_', lower-cased, like scikit-learn's default token pattern) and
 * character 2–5-grams taken inside space-padded words (scikit-learn's {@code char_wb}), which
 * catch misspellings and obfuscations ("id1ot", "f*ck") that word features miss. Term frequency is
 * sublinear (1 + ln tf), IDF is smoothed (ln((1+N)/(1+df)) + 1) over the training texts.
 *
 * <p>Each block is L2-normalised on its own and then scaled by 1/√2, so a row has unit norm and
 * the word view is not drowned by the ~10× more numerous character n-grams (the hstack of two
 * vectorizers in the usual Kaggle baseline does the same, up to the constant).
 *
 * <p>Hashing instead of a vocabulary keeps memory flat and needs no first pass to count terms;
 * at 2^20 buckets collisions cost little for a linear model. Immutable once fitted; thread-safe.
 */
public final class NgramTfIdf {
    private static final int MIN_CHAR_N = 2, MAX_CHAR_N = 5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int WORD_SEED = 0x811c9dc5, CHAR_SEED = 0x2f6b8e1d;
    /** 1 + ln(tf) for small tf: Math.log per distinct n-gram was a visible cost. */
    private static final float[] SUBLINEAR = new float[64];

    static {
        for (int tf = 1; tf < SUBLINEAR.length; tf++) SUBLINEAR[tf] = (float) (1.0 + Math.log(tf));
    }

    private static final int RADIX_BITS = 10, RADIX_MASK = (1 << RADIX_BITS) - 1;

    /** A sparse row: indices ascending in [0, dimension), one value each. */
    public record Row(int[] index, float[] value) {
        public int size() {
            return index.length;
        }
    }

    private final int half; // buckets per block
    private final float[] idf;

    private NgramTfIdf(int buckets, float[] idf) {
        if (Integer.bitCount(buckets) != 1 || buckets < 16 || buckets > (1 << 28))
            throw new IllegalArgumentException("buckets must be a power of two in [16, 2^28], was " + buckets);
        if (idf.length != buckets)
            throw new IllegalArgumentException("idf has " + idf.length + " entries for " + buckets + " buckets");
        this.half = buckets / 2;
        this.idf = idf;
    }

    /** A vectorizer with an IDF fitted earlier (as stored in a model bundle). */
    public static NgramTfIdf withIdf(float[] idf) {
        return new NgramTfIdf(idf.length, idf.clone());
    }

    /** Fits the IDF on the training texts; {@code step} is called once per text. */
    public static NgramTfIdf fit(List<String> texts, int buckets, Runnable step) {
        int[] df = new int[buckets];
        NgramTfIdf counter = new NgramTfIdf(buckets, new float[buckets]);
        List<int[]> distinct = IntStream.range(0, texts.size()).parallel().mapToObj(i -> {
            int[] d = counter.termFrequencies(texts.get(i)).index();
            step.run();
            return d;
        }).toList();
        for (int[] row : distinct) for (int j : row) df[j]++;
        float[] idf = new float[buckets];
        for (int j = 0; j < buckets; j++) idf[j] = (float) (Math.log((1.0 + texts.size()) / (1.0 + df[j])) + 1.0);
        return new NgramTfIdf(buckets, idf);
    }

    /** Number of features. */
    public int dimension() {
        return 2 * half;
    }

    /** True for an index of the word block (the rest are character n-grams). */
    public boolean isWord(int index) {
        return index < half;
    }

    /** The fitted IDF, one value per feature (a copy). */
    public float[] idf() {
        return idf.clone();
    }

    /** The IDF of one feature. */
    public float idf(int index) {
        return idf[index];
    }

    /** Term frequency as the rows weigh it: 1 + ln tf (0 for an absent term). */
    public static float sublinear(int tf) {
        if (tf == 0) return 0f;
        return tf < SUBLINEAR.length ? SUBLINEAR[tf] : (float) (1.0 + Math.log(tf));
    }

    /** The bucket of every n-gram occurrence of a text, ascending, repeats kept (what the rows count). */
    public int[] occurrences(String text) {
        return sorted(unsorted(text));
    }

    /** As {@link #occurrences}, in no order. */
    int[] unsorted(String text) {
        return hashes(text.toLowerCase(Locale.ROOT));
    }

    /** The TF-IDF row of a text, each block L2-normalised (see the class comment). */
    public Row transform(String text) {
        Row row = termFrequencies(text);
        float[] v = row.value();
        int[] ix = row.index();
        double wordNorm = 0, charNorm = 0;
        for (int k = 0; k < ix.length; k++) {
            v[k] *= idf[ix[k]];
            if (ix[k] < half) wordNorm += (double) v[k] * v[k];
            else charNorm += (double) v[k] * v[k];
        }
        int blocks = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
        if (blocks == 0) return row;
        double wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm * blocks) : 0;
        double charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm * blocks) : 0;
        for (int k = 0; k < ix.length; k++) v[k] *= (float) (ix[k] < half ? wordScale : charScale);
        return row;
    }

    /** Distinct n-gram buckets, ascending, with sublinear term frequency as values (no IDF). */
    Row termFrequencies(String text) {
        int[] buckets = occurrences(text);
        int distinct = 0;
        for (int k = 0; k < buckets.length; k++) if (k == 0 || buckets[k] != buckets[k - 1]) distinct++;
        int[] index = new int[distinct];
        float[] value = new float[distinct];
        int j = 0;
        for (int k = 0; k < buckets.length; ) {
            int end = k + 1;
            while (end < buckets.length && buckets[end] == buckets[k]) end++;
            index[j] = buckets[k];
            value[j++] = sublinear(end - k);
            k = end;
        }
        return new Row(index, value);
    }

    /**
     * The buckets in ascending order. A comment has hundreds of n-grams, and comparison sorting
     * them was a tenth of scoring time: an LSD radix sort on 10-bit digits takes two passes for
     * 2^20 buckets. Each pass counts into a new array: the allocator zeroes it faster than
     * {@code Arrays.fill}, which is a plain loop without the C2 compiler (as scripts/score runs).
     */
    int[] sorted(int[] a) {
        if (a.length < 64) {
            Arrays.sort(a);
            return a;
        }
        int[] from = a, to = new int[a.length];
        for (int shift = 0; (dimension() - 1) >>> shift != 0; shift += RADIX_BITS) {
            int[] count = new int[1 << RADIX_BITS];
            for (int v : from) count[(v >>> shift) & RADIX_MASK]++;
            for (int d = 0, sum = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int v : from) to[count[(v >>> shift) & RADIX_MASK]++] = v;
            int[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    /** One bucket per n-gram occurrence, unsorted. */
    private int[] hashes(String string) {
        // An array, not String.charAt: without the C2 compiler (scripts/score) each of those is a call with its own checks.
        char[] text = string.toCharArray();
        IntBuffer out = new IntBuffer(text.length * 5 + 16);
        int len = text.length;
        int prevWord = 0;
        boolean hasPrev = false;
        // Words: maximal runs of letters, digits and '_' of length >= 2.
        for (int i = 0; i < len; ) {
            if (!isWordChar(text[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && isWordChar(text[i])) i++;
            if (i - start < 2) continue;
            int h = fnv(WORD_SEED, text, start, i);
            out.add(wordBucket(h));
            if (hasPrev) out.add(wordBucket(fnv(fnvChar(prevWord, ' '), text, start, i)));
            prevWord = h;
            hasPrev = true;
        }
        // Character n-grams inside whitespace-delimited tokens padded with one space on each side.
        char[] padded = new char[len + 2];
        for (int i = 0; i < len; ) {
            if (Character.isWhitespace(text[i])) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(text[i])) i++;
            int w = i - start + 2;
            padded[0] = ' ';
            System.arraycopy(text, start, padded, 1, i - start);
            padded[w - 1] = ' ';
            for (int s = 0; s < w; s++) {
                int h = CHAR_SEED;
                for (int e = s; e < Math.min(w, s + MAX_CHAR_N); e++) {
                    h = fnvChar(h, padded[e]);
                    if (e - s + 1 >= MIN_CHAR_N) out.add(charBucket(h));
                }
            }
        }
        return out.toArray();
    }

    private int wordBucket(int fnv) {
        return FeatureExtractor.mix(fnv) & (half - 1);
    }

    private int charBucket(int fnv) {
        return half + (FeatureExtractor.mix(fnv) & (half - 1));
    }

    static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static int fnv(int h, char[] s, int from, int to) {
        for (int i = from; i < to; i++) h = fnvChar(h, s[i]);
        return h;
    }

    private static int fnvChar(int h, char c) {
        return (h ^ c) * FNV_PRIME;
    }
}
