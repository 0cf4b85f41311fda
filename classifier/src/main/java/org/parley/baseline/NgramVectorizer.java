package org.parley.baseline;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Text to a sparse TF-IDF row, as liblinear wants it (1-based ascending indices, bias node last).
 *
 * <p>Two blocks of features, each hashed into half of 2^bits buckets: word 1–2-grams (words are
 * runs of ≥ 2 letters, digits or '_', lower-cased, like scikit-learn's default token pattern) and
 * character 2–5-grams taken inside space-padded words (scikit-learn's {@code char_wb}), which
 * catch misspellings and obfuscations ("id1ot", "f*ck") that word features miss. Term frequency is
 * sublinear (1 + ln tf), IDF is smoothed (ln((1+N)/(1+df)) + 1) over the training rows.
 *
 * <p>Each block is L2-normalised on its own and then scaled by 1/√2, so a row has unit norm and
 * the word view is not drowned by the ~10× more numerous character n-grams (the hstack of two
 * vectorizers in the usual Kaggle baseline does the same, up to the constant).
 *
 * <p>Hashing instead of a vocabulary keeps memory flat and needs no first pass to count terms;
 * at 2^20 buckets collisions cost little for a linear model.
 */
final class NgramVectorizer {
    private static final int MIN_CHAR_N = 2, MAX_CHAR_N = 5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int WORD_SEED = 0x811c9dc5, CHAR_SEED = 0x2f6b8e1d;

    private final int half; // buckets per block
    private final FeatureNode bias;
    private float[] idf;

    NgramVectorizer(int hashBits) {
        if (hashBits < 4 || hashBits > 28) throw new IllegalArgumentException("hashBits must be in [4, 28], was " + hashBits);
        this.half = 1 << (hashBits - 1);
        // One shared, never-modified node: liblinear's intercept, index n + 1.
        this.bias = new FeatureNode(2 * half + 1, 1.0);
    }

    /** Features excluding the bias. */
    int dimension() {
        return 2 * half;
    }

    /**
     * Term-frequency rows of the training texts, then IDF fitted on them and applied in place.
     * The rows are built in parallel; {@code step} is called once per text.
     */
    Feature[][] fitTransform(List<String> texts, Runnable step) {
        Feature[][] rows = new Feature[texts.size()][];
        java.util.stream.IntStream.range(0, texts.size()).parallel().forEach(i -> {
            rows[i] = termFrequencies(texts.get(i));
            step.run();
        });
        int[] df = new int[dimension() + 1];
        for (Feature[] row : rows) for (int k = 0; k < row.length - 1; k++) df[row[k].getIndex()]++;
        float[] idf = new float[dimension() + 1];
        for (int j = 1; j < idf.length; j++) idf[j] = (float) (Math.log((1.0 + rows.length) / (1.0 + df[j])) + 1.0);
        this.idf = idf;
        java.util.stream.IntStream.range(0, rows.length).parallel().forEach(i -> weigh(rows[i]));
        return rows;
    }

    /** A TF-IDF row with the fitted IDF. */
    Feature[] transform(String text) {
        if (idf == null) throw new IllegalStateException("IDF not fitted: call fitTransform on the training texts first");
        Feature[] row = termFrequencies(text);
        weigh(row);
        return row;
    }

    /** Rows with sublinear tf as values, indices ascending, the bias node last. */
    Feature[] termFrequencies(String text) {
        int[] buckets = hashes(text.toLowerCase(Locale.ROOT));
        Arrays.sort(buckets);
        int distinct = 0;
        for (int k = 0; k < buckets.length; k++) if (k == 0 || buckets[k] != buckets[k - 1]) distinct++;
        Feature[] row = new Feature[distinct + 1];
        int j = 0;
        for (int k = 0; k < buckets.length; ) {
            int end = k + 1;
            while (end < buckets.length && buckets[end] == buckets[k]) end++;
            row[j++] = new FeatureNode(buckets[k], 1.0 + Math.log(end - k));
            k = end;
        }
        row[j] = bias;
        return row;
    }

    private void weigh(Feature[] row) {
        int n = row.length - 1;
        double wordNorm = 0, charNorm = 0;
        for (int k = 0; k < n; k++) {
            double v = row[k].getValue() * idf[row[k].getIndex()];
            row[k].setValue(v);
            if (row[k].getIndex() <= half) wordNorm += v * v;
            else charNorm += v * v;
        }
        int blocks = (wordNorm > 0 ? 1 : 0) + (charNorm > 0 ? 1 : 0);
        if (blocks == 0) return;
        double wordScale = wordNorm > 0 ? 1 / Math.sqrt(wordNorm * blocks) : 0;
        double charScale = charNorm > 0 ? 1 / Math.sqrt(charNorm * blocks) : 0;
        for (int k = 0; k < n; k++) {
            row[k].setValue(row[k].getValue() * (row[k].getIndex() <= half ? wordScale : charScale));
        }
    }

    /** One bucket (1-based feature index) per n-gram occurrence, unsorted. */
    private int[] hashes(String text) {
        IntBuffer out = new IntBuffer(text.length() * 5 + 16);
        int len = text.length();
        int prevWord = 0;
        boolean hasPrev = false;
        // Words: maximal runs of letters, digits and '_' of length >= 2.
        for (int i = 0; i < len; ) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && isWordChar(text.charAt(i))) i++;
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
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < len && !Character.isWhitespace(text.charAt(i))) i++;
            int w = i - start + 2;
            padded[0] = ' ';
            text.getChars(start, i, padded, 1);
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
        return 1 + (mix(fnv) & (half - 1));
    }

    private int charBucket(int fnv) {
        return 1 + half + (mix(fnv) & (half - 1));
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static int fnv(int h, String s, int from, int to) {
        for (int i = from; i < to; i++) h = fnvChar(h, s.charAt(i));
        return h;
    }

    private static int fnvChar(int h, char c) {
        return (h ^ c) * FNV_PRIME;
    }

    /** MurmurHash3's finaliser: FNV's low bits alone are too regular to use as a bucket. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    private static final class IntBuffer {
        private int[] a;
        private int size;

        IntBuffer(int capacity) {
            a = new int[capacity];
        }

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
