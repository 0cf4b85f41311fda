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
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> words) {
        this.words = List.copyOf(words);
        this.ids = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            if (ids.put(words.get(i), FIRST_WORD + i) != null)
                throw new IllegalArgumentException("duplicate word in vocabulary: " + words.get(i));
        }
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
        Integer id = ids.get(word);
        return id == null ? UNKNOWN : id;
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
