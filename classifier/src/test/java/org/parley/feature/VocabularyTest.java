package org.parley.feature;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VocabularyTest {
    @Test
    void keepsFrequentWordsInFrequencyOrderWithDeterministicTies() {
        Vocabulary v = Vocabulary.build(List.of(
                List.of("b", "a", "c", "a"), List.of("b", "a", "d"), List.of("c", "b")), 2, 10);
        assertEquals(List.of("a", "b", "c"), v.words());
        assertEquals(2, v.id("a"));
        assertEquals(Vocabulary.UNKNOWN, v.id("d"), "d occurs once, below minCount");
        assertEquals(5, v.size());
    }

    @Test
    void capsSize() {
        Vocabulary v = Vocabulary.build(List.of(List.of("a", "a", "b", "b", "c", "c")), 1, 2);
        assertEquals(2, v.words().size());
    }

    @Test
    void roundTripsThroughText() throws Exception {
        Vocabulary v = Vocabulary.of(List.of("x", "y", "ünïcode"));
        StringWriter sw = new StringWriter();
        v.write(new BufferedWriter(sw));
        Vocabulary back = Vocabulary.read(new BufferedReader(new StringReader(sw.toString())));
        assertEquals(v.words(), back.words());
        assertEquals(v.id("ünïcode"), back.id("ünïcode"));
    }

    @Test
    void refusesDuplicates() {
        assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "a")));
    }

    /** The open-addressing table answers as a map would: words sharing a String hash ("Aa", "BB"), prefixes, the empty word. */
    @Test
    void everyWordHasItsIdAndNothingElseHasOne() {
        java.util.Random r = new java.util.Random(3);
        java.util.Set<String> words = new java.util.LinkedHashSet<>(List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "", "idiot", "ünïcode", "😂"));
        while (words.size() < 5000) words.add(Integer.toString(r.nextInt(1_000_000), 36));
        List<String> list = List.copyOf(words);
        Vocabulary v = Vocabulary.of(list);
        for (int i = 0; i < list.size(); i++) assertEquals(i + 2, v.id(list.get(i)), list.get(i));
        for (String other : List.of("aA", "Bb", "AaA", "idio", "idiots", "Idiot", "ünïcod", "x".repeat(40)))
            assertEquals(Vocabulary.UNKNOWN, v.id(other), other);
        for (int k = 0; k < 20_000; k++) {
            String s = Integer.toString(r.nextInt(2_000_000), 36);
            assertEquals(words.contains(s) ? list.indexOf(s) + 2 : Vocabulary.UNKNOWN, v.id(s), s);
        }
    }

    /**
     * The table compares a word's length and chars after its hash: words of every length up to
     * 18, words one char off anywhere, a char more or less, trailing and leading NUL chars, chars
     * with the high bit set, surrogate pairs, and words that share a String hash at each length.
     */
    @Test
    void wordsOfEveryLengthAreToldApart() {
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        java.util.Set<String> others = new java.util.LinkedHashSet<>();
        String base = "abcdefghijklmnop";
        for (int n = 0; n <= 18; n++) {
            String w = base.substring(0, Math.min(n, base.length())) + "q".repeat(Math.max(0, n - base.length()));
            words.add(w);
            words.add("\uffff".repeat(n));
            words.add("é".repeat(n));
            for (int k = 0; k < n; k++) others.add(w.substring(0, k) + 'Z' + w.substring(k + 1)); // one char off
            others.add(w + "\0");
            others.add("\0" + w);
            others.add(w + "a");
            if (n > 0) others.add(w.substring(0, n - 1));
            others.add("\ufffe".repeat(n) + (n > 0 ? "" : "x"));
        }
        for (String pair : new String[] {"Aa", "BB"}) // same String hash, all lengths of even size
            for (int reps = 1; reps <= 6; reps++) words.add(pair.repeat(reps));
        others.add("AaBB");
        others.add("BBAaAa");
        others.add("AaAaAaBB");
        others.add("AaAaAaAaAB");
        words.add("😂😂😂😂");
        words.add("😂😂😂😂😂");
        others.add("😂😂😂");
        others.add("😂😂😂😃");
        others.add("😂😂😂😂😃");
        others.add("\0".repeat(4));
        others.removeAll(words);
        List<String> list = List.copyOf(words);
        Vocabulary v = Vocabulary.of(list);
        for (int i = 0; i < list.size(); i++) assertEquals(i + 2, v.id(list.get(i)), "'" + list.get(i) + "'");
        for (String other : others) assertEquals(Vocabulary.UNKNOWN, v.id(other), "'" + other + "'");
        assertEquals(Vocabulary.UNKNOWN, Vocabulary.of(List.of("a\0")).id("a"));
        assertEquals(2, Vocabulary.of(List.of("\0")).id("\0"));
        assertEquals(Vocabulary.UNKNOWN, Vocabulary.of(List.of("\0")).id(""));
    }
}
