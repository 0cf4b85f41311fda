package org.parley.feature;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the model knows by name. Id 0 is padding and id 1 the unknown word; known words
 * follow from 2 in order of frequency. Rarer words still reach the model through their
 * character n-grams, which is why the list can stay short.
 */
public final class Vocabulary {
    public static final int PAD = 0;
    public static final int UNKNOWN = 1;
    static final int FIRST_WORD = 2;

    private final List<String> words;
    /**
     * Open addressing, four ints a slot: the word's String hash, its id (0, the padding's, marks an
     * empty slot), where its chars start in {@link #chars} and how many. A word the model knows costs
     * this slot's cache line and its chars', where a HashMap's table, node, key and key's array were
     * four misses apart (looking up every token was 8 % of scripts/score's samples).
     */
    private final int[] table;
    private final int mask;
    private final char[] chars;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        int slots = Integer.highestOneBit(Math.max(8, 3 * words.size())) << 1; // a third full at most
        this.table = new int[4 * slots];
        this.mask = slots - 1;
        StringBuilder all = new StringBuilder();
        for (String w : words) all.append(w);
        this.chars = all.toString().toCharArray();
        for (int i = 0, start = 0; i < words.size(); start += words.get(i).length(), i++) {
            String w = words.get(i);
            int slot = free(w);
            if (slot < 0) throw new IllegalArgumentException("duplicate word in vocabulary: " + w);
            table[4 * slot] = w.hashCode();
            table[4 * slot + 1] = FIRST_WORD + i;
            table[4 * slot + 2] = start;
            table[4 * slot + 3] = w.length();
        }
    }

    /** The empty slot where {@code word} goes, or -1 if it is there already. */
    private int free(String word) {
        int h = word.hashCode();
        for (int slot = FeatureExtractor.mix(h) & mask; ; slot = (slot + 1) & mask) {
            if (table[4 * slot + 1] == 0) return slot;
            if (table[4 * slot] == h && sameChars(word, 4 * slot)) return -1;
        }
    }

    private boolean sameChars(String word, int at) {
        int start = table[at + 2], n = table[at + 3];
        if (word.length() != n) return false;
        for (int k = 0; k < n; k++) if (chars[start + k] != word.charAt(k)) return false;
        return true;
    }

    public static Vocabulary of(List<String> words) {
        return new Vocabulary(words);
    }

    /** The most frequent words seen at least {@code minCount} times, at most {@code maxSize} of them. */
    public static Vocabulary build(Iterable<List<String>> tokenizedTexts, int minCount, int maxSize) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> tokens : tokenizedTexts)
            for (String t : tokens) counts.merge(t, 1, Integer::sum);
        List<Map.Entry<String, Integer>> kept = new ArrayList<>();
        for (Map.Entry<String, Integer> e : counts.entrySet()) if (e.getValue() >= minCount) kept.add(e);
        // Ties broken by the word itself so the same data always gives the same vocabulary.
        kept.sort(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                .thenComparing(Map.Entry::getKey));
        List<String> words = new ArrayList<>();
        for (int i = 0; i < Math.min(maxSize, kept.size()); i++) words.add(kept.get(i).getKey());
        return new Vocabulary(words);
    }

    public int id(String word) {
        int h = word.hashCode();
        for (int slot = FeatureExtractor.mix(h) & mask; ; slot = (slot + 1) & mask) {
            int at = 4 * slot, id = table[at + 1];
            if (id == 0) return UNKNOWN;
            if (table[at] == h && sameChars(word, at)) return id;
        }
    }

    /** Ids in use: padding, unknown and the words. */
    public int size() {
        return FIRST_WORD + words.size();
    }

    public List<String> words() {
        return Collections.unmodifiableList(words);
    }

    public void write(BufferedWriter out) throws IOException {
        for (String w : words) {
            out.write(w);
            out.write('\n');
        }
        out.flush();
    }

    public static Vocabulary read(BufferedReader in) throws IOException {
        List<String> words = new ArrayList<>();
        for (String line; (line = in.readLine()) != null; ) if (!line.isEmpty()) words.add(line);
        return new Vocabulary(words);
    }
}
