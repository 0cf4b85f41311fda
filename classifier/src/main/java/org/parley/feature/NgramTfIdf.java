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

    /** Whether the wide part can have {@code buckets}: a power of two from 16 to 2^28 (half a block each for words and n-grams). */
    public static boolean validBuckets(int buckets) {
        return Integer.bitCount(buckets) == 1 && buckets >= 16 && buckets <= (1 << 28);
    }

    private NgramTfIdf(int buckets, float[] idf) {
        if (!validBuckets(buckets))
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
        Scratch s = SCRATCH.get();
        int n = sortedGrams(text, s); // before reading s.grams, which it may replace
        int[] out = Arrays.copyOf(s.grams, n);
        s.trim();
        return out;
    }

    /** As {@link #occurrences}, in no order, added to {@code into} (no copy of its own: occlusion calls it per variant). */
    void unsorted(String text, IntBuffer into) {
        Scratch s = SCRATCH.get();
        int n = hashes(text, s); // before reading s.grams, which it may replace
        into.addAll(s.grams, n);
        s.trim();
    }

    /** The TF-IDF row of a text, each block L2-normalised (see the class comment). */
    public Row transform(String text) {
        return row(text, -1, true);
    }

    /**
     * As {@link #transform}, with one more entry after the n-grams: {@code biasId} with the value 1
     * (the wide part's intercept, {@link FeatureExtractor#extract}), so that no copy is needed to add it.
     */
    Row transformWithBias(String text, int biasId) {
        return row(text, biasId, true);
    }

    /** Distinct n-gram buckets, ascending, with sublinear term frequency as values (no IDF). */
    Row termFrequencies(String text) {
        return row(text, -1, false);
    }

    /**
     * Distinct buckets ascending, sublinear tf, then (if {@code weighted}) times IDF and each block
     * L2-normalised; {@code biasId >= 0} adds that id with value 1 at the end. The n-grams are
     * hashed and sorted in this thread's buffers: they were most of this method's allocation
     * (about 10 kB a comment), and the row's two arrays are the only ones it allocates now.
     */
    private Row row(String text, int biasId, boolean weighted) {
        Scratch s = SCRATCH.get();
        int n = sortedGrams(text, s);
        int distinct = runs(s.grams, n, s.spare);
        int extra = biasId >= 0 ? 1 : 0;
        int[] ix = Arrays.copyOf(s.grams, distinct + extra);
        float[] v = new float[distinct + extra];
        for (int j = 0, last = -1; j < distinct; j++) {
            v[j] = sublinear(s.spare[j] - last);
            last = s.spare[j];
        }
        s.trim();
        if (extra > 0) {
            ix[distinct] = biasId;
            v[distinct] = 1f;
        }
        if (weighted) weigh(ix, v, distinct);
        return new Row(ix, v);
    }

    /**
     * Folds the ascending a[0, n) into its distinct values, in place in a[0, runs), and writes the
     * index of each run's last element to ends[0, runs); returns the number of runs. Each element
     * adds 0 or 1 to the run index by arithmetic, where a branch on "same as the one before" went
     * either way with the data (most n-grams are distinct, some repeat): the loop that counted the
     * runs that way held 6 % of scripts/score's JFR samples, the most of any line in {@link #row}.
     */
    static int runs(int[] a, int n, int[] ends) {
        if (n == 0) return 0;
        int j = -1, previous = ~a[0];
        for (int k = 0; k < n; k++) {
            int b = a[k], differs = b ^ previous;
            j += (differs | -differs) >>> 31; // 1 when b != previous
            a[j] = b; // j <= k: a[k] is read before it can be overwritten
            ends[j] = k;
            previous = b;
        }
        return j + 1;
    }

    /** Times IDF, then each block L2-normalised, over the first {@code n} entries. */
    private void weigh(int[] ix, float[] v, int n) {
        double wordNorm = 0, charNorm = 0;
        for (int k = 0; k < n; k++) {
            v[k] *= idf[ix[k]];
            if (ix[k] < half) wordNorm += (double) v[k] * v[k];
            else charNorm += (double) v[k] * v[k];
        }
        int blocks = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
        if (blocks == 0) return;
        double wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm * blocks) : 0;
        double charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm * blocks) : 0;
        for (int k = 0; k < n; k++) v[k] *= (float) (ix[k] < half ? wordScale : charScale);
    }

    /**
     * One thread's buffers for a text's n-grams, reused from text to text. A text long enough to
     * grow them past {@link #KEPT_CHARS} gets its buffers for that text only: a service thread
     * that once scored a 20,000-char comment would otherwise hold 1.5 MB of them for good.
     */
    static final class Scratch {
        static final int GRAMS = 1024, CHARS = 256;
        /** Buffers for texts up to this long are kept: longer than nearly all comments. */
        static final int KEPT_CHARS = 4096;
        int[] grams = new int[GRAMS];
        int[] spare = new int[GRAMS];
        final int[] count = new int[1 << RADIX_BITS];
        char[] text = new char[CHARS];
        char[] padded = new char[CHARS + 2];

        /** Room for the n-grams of a text of {@code chars} (at most 9L + 5, {@link #hashes}). */
        static int gramsFor(int chars) {
            return 9 * chars + 16;
        }

        /** Back to the first sizes if a text grew the buffers past what is kept. */
        void trim() {
            if (grams.length > gramsFor(KEPT_CHARS)) {
                grams = new int[GRAMS];
                spare = new int[GRAMS];
            }
            if (text.length > KEPT_CHARS || padded.length > KEPT_CHARS + 2) {
                text = new char[CHARS];
                padded = new char[CHARS + 2];
            }
        }

        /** Ints and chars held (what a test checks stays bounded). */
        long held() {
            return (long) grams.length + spare.length + text.length + padded.length;
        }
    }

    /** This thread's buffers (for tests). */
    static Scratch scratch() {
        return SCRATCH.get();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** The text's n-gram buckets, ascending, in {@code s.grams[0, n)}; returns n. */
    private int sortedGrams(String text, Scratch s) {
        int n = hashes(text, s);
        if (sort(s.grams, n, s.spare, s.count) != s.grams) { // an odd number of radix passes ends in the spare array
            int[] t = s.grams;
            s.grams = s.spare;
            s.spare = t;
        }
        return n;
    }

    /** A sorted copy of {@code a}'s values (the array itself, sorted, or a new one). */
    int[] sorted(int[] a) {
        return sort(a, a.length, new int[a.length], new int[1 << RADIX_BITS]);
    }

    /**
     * Sorts a[0, n) and returns the array that holds the result: {@code a} or {@code spare} (at
     * least n long). A comment has hundreds of n-grams, and comparison sorting them was a tenth of
     * scoring time: an LSD radix sort on 10-bit digits takes two passes for 2^20 buckets.
     */
    private int[] sort(int[] a, int n, int[] spare, int[] count) {
        if (n < 64) {
            Arrays.sort(a, 0, n);
            return a;
        }
        int[] from = a, to = spare;
        for (int shift = 0; (dimension() - 1) >>> shift != 0; shift += RADIX_BITS) {
            Arrays.fill(count, 0);
            for (int k = 0; k < n; k++) count[(from[k] >>> shift) & RADIX_MASK]++;
            for (int d = 0, sum = 0; d < count.length; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int k = 0; k < n; k++) {
                int v = from[k];
                to[count[(v >>> shift) & RADIX_MASK]++] = v;
            }
            int[] t = from;
            from = to;
            to = t;
        }
        return from;
    }

    /**
     * Writes one bucket per n-gram occurrence of the lower-cased text, unsorted, into
     * {@code s.grams}; returns how many. A text of length L has at most 9L + 5 of them: word 1- and
     * 2-grams at most L + 1 (a word is two chars at least), char 2–5-grams at most 4 per position of
     * each space-padded token, 8L + 4 in all.
     */
    private int hashes(String string, Scratch s) {
        int len = lowerCase(string, s);
        char[] text = s.text;
        int room = Scratch.gramsFor(len);
        if (s.grams.length < room) {
            s.grams = new int[room];
            s.spare = new int[room];
        }
        int[] out = s.grams;
        int n = 0;
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
            out[n++] = wordBucket(h);
            if (hasPrev) out[n++] = wordBucket(fnv(fnvChar(prevWord, ' '), text, start, i));
            prevWord = h;
            hasPrev = true;
        }
        // Character n-grams inside whitespace-delimited tokens padded with one space on each side.
        if (s.padded.length < len + 2) s.padded = new char[len + 2];
        char[] padded = s.padded;
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
            for (int p = 0; p < w; p++) {
                int h = CHAR_SEED;
                for (int e = p; e < Math.min(w, p + MAX_CHAR_N); e++) {
                    h = fnvChar(h, padded[e]);
                    if (e - p + 1 >= MIN_CHAR_N) out[n++] = charBucket(h);
                }
            }
        }
        return n;
    }

    /**
     * {@code string.toLowerCase(Locale.ROOT)} into {@code s.text}; returns its length. ASCII, most
     * comments, is lowered char by char without the intermediate string; other text goes through
     * String.toLowerCase, whose result can differ in length ("İ" is two chars lowered).
     */
    private static int lowerCase(String string, Scratch s) {
        string = string.toLowerCase(Locale.ROOT);
        int len = string.length();
        if (s.text.length < len) s.text = new char[Math.max(len, 2 * s.text.length)];
        string.getChars(0, len, s.text, 0);
        return len;
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
