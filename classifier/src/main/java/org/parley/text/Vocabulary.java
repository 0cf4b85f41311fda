package org.parley.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * The words people write, for {@link Speller} to tell them from a misspelt insult ("idot") or glued words
 * ("youareanidiot"). Two resources, both written by {@code scripts/word-counts}: {@code english-words.txt.gz}, an
 * English dictionary (SCOWL's American and British lists, as Debian packages them; licence in
 * {@code english-words.COPYRIGHT}), and {@code word-counts.tsv.gz}, "word TAB count" of the plain words (letters
 * a–z) in the toxicity training split, as {@link TextPipeline#unspelled()} writes them, those seen
 * {@link #MIN_COUNT} times or more. The dictionary knows the real words 174,000 comments lack ("disk", "carp",
 * "raked"); the counts know the comments' own ("lol", "trump") and how common each word is.
 */
final class Vocabulary {
    /** Fewer sightings than this, and not in the dictionary, and a word is unknown. */
    static final int MIN_COUNT = 3;
    static final Vocabulary STANDARD = new Vocabulary(loadDictionary("english-words.txt.gz"), loadCounts("word-counts.tsv.gz"));

    private final Set<String> dictionary;
    private final Map<String, Integer> counts;
    private final double logTotal;

    Vocabulary(Set<String> dictionary, Map<String, Integer> counts) {
        this.dictionary = new HashSet<>(dictionary);
        this.counts = new HashMap<>(counts);
        this.logTotal = Math.log(counts.values().stream().mapToLong(Integer::longValue).sum());
    }

    /** Sightings in the training split (those under {@link #MIN_COUNT} are not kept: 0). */
    int count(String word) {
        return counts.getOrDefault(word, 0);
    }

    boolean inDictionary(String word) {
        return dictionary.contains(word);
    }

    boolean known(String word) {
        return count(word) >= MIN_COUNT || dictionary.contains(word);
    }

    /** The natural log of the word's share of all sightings; minus infinity for a word not counted. */
    double logShare(String word) {
        int n = count(word);
        return n == 0 ? Double.NEGATIVE_INFINITY : Math.log(n) - logTotal;
    }

    private static Set<String> loadDictionary(String resource) {
        Set<String> words = new HashSet<>();
        read(resource, words::add);
        return words;
    }

    private static Map<String, Integer> loadCounts(String resource) {
        Map<String, Integer> counts = new HashMap<>();
        read(resource, line -> {
            int tab = line.indexOf('\t');
            counts.put(line.substring(0, tab), Integer.parseInt(line.substring(tab + 1)));
        });
        return counts;
    }

    private static void read(String resource, Consumer<String> line) {
        try (InputStream in = Vocabulary.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("word list not found: org/parley/text/" + resource);
            BufferedReader reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            for (String l; (l = reader.readLine()) != null; ) line.accept(l);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + resource, e);
        }
    }
}
