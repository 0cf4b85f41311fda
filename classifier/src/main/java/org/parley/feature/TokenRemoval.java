package org.parley.feature;

import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tokens taken out of a text, each replaced by one space (how occlusion takes a word out): the
 * text that leaves, and how that changes the text's {@link NgramTfIdf} n-grams. The change is
 * found from a window around each token instead of the whole text, so it costs the same for a
 * long comment as for a short one.
 */
public final class TokenRemoval {
    private TokenRemoval() {}

    /** The n-gram occurrences (buckets, ascending) the removal takes away and those it adds. */
    public record Change(int[] removed, int[] added) {}

    /** The text with each token replaced by one space. */
    public static String apply(String text, List<Token> tokens) {
        return apply(text, 0, text.length(), tokens);
    }

    /** text[from, to) with the tokens in it replaced by one space each (tokens in text order). */
    private static String apply(String text, int from, int to, List<Token> tokens) {
        StringBuilder sb = new StringBuilder(to - from);
        int at = from;
        for (Token t : tokens) {
            if (t.begin() < at) continue; // overlapping offsets (a split glued word): already blanked
            sb.append(text, at, t.begin()).append(' ');
            at = t.end();
        }
        return sb.append(text, at, to).toString();
    }

    /**
     * The normalised forms left when the removed tokens are taken out of all the text's tokens: the
     * deep ids of a variant without tokenising it again. A token overlapping a removed one goes too
     * (the parts of a split glued word share its offsets, and the variant string blanks them all); an
     * all-caps marker, which spans its run, follows the run's last word left, as the normaliser puts
     * it, and goes when no word of the run is left. This differs from tokenising {@link #apply} only where
     * the normaliser would decide otherwise on the shorter text (a run no longer shouted, words glued
     * or masked anew, punctuation lexed otherwise): under 1% of variants of real comments.
     */
    public static List<String> forms(List<Token> tokens, List<Token> removed) {
        int n = tokens.size();
        boolean[] gone = gone(tokens, removed);
        int[] marker = new int[n]; // the marker to put after token i, or -1
        Arrays.fill(marker, -1);
        for (int m = 0; m < n; m++) {
            Token run = tokens.get(m);
            if (!isMarker(run)) continue;
            for (int j = m - 1; j >= 0 && tokens.get(j).begin() >= run.begin(); j--)
                if (!gone[j] && isWord(tokens.get(j)) && tokens.get(j).end() <= run.end()) {
                    marker[j] = m;
                    break;
                }
        }
        List<String> forms = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (isMarker(tokens.get(i)) || gone[i]) continue;
            forms.add(tokens.get(i).text());
            if (marker[i] >= 0) forms.add(tokens.get(marker[i]).text());
        }
        return forms;
    }

    /**
     * Which tokens overlap a removed one. Both lists run in text order, so one sweep does: checking
     * every pair cost tokens × removed, 2·10^8 for a comment of 10,000 "a"s without one of them.
     */
    private static boolean[] gone(List<Token> tokens, List<Token> removed) {
        int n = tokens.size();
        boolean[] gone = new boolean[n];
        List<Token> out = new ArrayList<>(removed);
        out.sort(java.util.Comparator.comparingInt(Token::begin));
        int first = 0, lastBegin = 0;
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (isMarker(t)) continue;
            if (t.begin() < lastBegin) return goneByPairs(tokens, removed); // not in text order: check every pair
            lastBegin = t.begin();
            while (first < out.size() && out.get(first).end() <= t.begin()) first++; // ends before this and every later token
            for (int k = first; k < out.size() && out.get(k).begin() < t.end() && !gone[i]; k++) gone[i] = overlap(t, out.get(k));
        }
        return gone;
    }

    private static boolean[] goneByPairs(List<Token> tokens, List<Token> removed) {
        boolean[] gone = new boolean[tokens.size()];
        for (int i = 0; i < gone.length; i++)
            if (!isMarker(tokens.get(i))) for (Token r : removed) gone[i] |= overlap(tokens.get(i), r);
        return gone;
    }

    /** A shouted run ends with a word of two letters or more (punctuation, "I" and "A" do not count). */
    private static boolean isWord(Token t) {
        if (isMarker(t)) return false;
        String s = t.original();
        int letters = 0;
        for (int i = 0; i < s.length() && letters < 2; ) { // a loop, not a stream: this runs per token per request
            int c = s.codePointAt(i);
            if (Character.isLetter(c)) letters++;
            i += Character.charCount(c);
        }
        return letters == 2;
    }

    private static boolean isMarker(Token t) {
        return t.text().equals(TextPipeline.ALL_CAPS);
    }

    private static boolean overlap(Token a, Token b) {
        return a.begin() < b.end() && b.begin() < a.end();
    }

    /**
     * The n-grams of {@code apply(text, tokens)} less those of {@code text}, as multisets. Outside the
     * whitespace-delimited chunks a token touches, character n-grams do not change; word n-grams
     * change only up to the nearest word on either side (a bigram links it to the chunk). So each
     * token's window runs from the word before its chunk to the word after it, windows that share
     * text are merged, and each window's n-grams are taken before and after: the words at its edges
     * are the same in both and cancel.
     */
    public static Change ngrams(NgramTfIdf tfIdf, String text, List<Token> tokens) {
        return ngrams(tfIdf, new Windows(text), tokens);
    }

    /**
     * As {@link #ngrams(NgramTfIdf, String, List)}, with the text's windows made once for all the
     * removals from it: made for each, their four tables were 5 % of a scored comment's bytes.
     */
    public static Change ngrams(NgramTfIdf tfIdf, Windows windows, List<Token> tokens) {
        String text = windows.text;
        if (!lowercasesCharByChar(text)) // windows would not lower-case as the whole text does
            return new Change(tfIdf.occurrences(text), tfIdf.occurrences(apply(text, tokens)));
        IntBuffer removed = REMOVED.start(), added = ADDED.start();
        int first = 0;
        while (first < tokens.size()) {
            int from = windows.start(tokens.get(first).begin()), to = windows.end(tokens.get(first).end());
            int last = first + 1;
            for (; last < tokens.size() && windows.start(tokens.get(last).begin()) < to; last++)
                to = Math.max(to, windows.end(tokens.get(last).end()));
            tfIdf.unsorted(text.substring(from, to), removed);
            tfIdf.unsorted(apply(text, from, to, tokens.subList(first, last)), added);
            first = last;
        }
        // A few hundred at most: a plain sort beats the radix sort, whose counts are sized for whole texts.
        int[] out = REMOVED.finish(removed), in = ADDED.finish(added);
        Arrays.sort(out);
        Arrays.sort(in);
        return new Change(out, in);
    }

    /**
     * Each thread's buffers for a change's n-grams: made anew for each variant, with their growth,
     * they were a fifth of this method's bytes. 8,192 ints (32 kB) of each are kept.
     */
    static final IntBuffer.PerThread REMOVED = new IntBuffer.PerThread(256, 1 << 13), ADDED = new IntBuffer.PerThread(256, 1 << 13);

    /**
     * With Locale.ROOT only 'İ' (two chars in lower case) and 'Σ' (lower case depends on the next
     * letters) do not lower-case one char at a time; elsewhere a window lower-cases as it would in place.
     */
    private static boolean lowercasesCharByChar(String text) {
        return text.indexOf('\u0130') < 0 && text.indexOf('\u03A3') < 0;
    }

    /**
     * Where each token's window in a text starts and ends, from tables made in one pass over it. Scanning
     * from each token instead cost occurrences × length where no word of two letters was near (10,000
     * "a"s) or no whitespace was (one 20,000-character run).
     */
    public static final class Windows {
        private final String text;
        private final int[] chunkStart, chunkEnd, wordBefore, wordAfter;

        public Windows(String text) {
            this.text = text;
            int n = text.length();
            chunkStart = new int[n + 1];
            chunkEnd = new int[n + 1];
            wordBefore = new int[n + 1];
            wordAfter = new int[n + 1];
            // Each char's class asked once, not in each of the tests below (up to eight times).
            boolean[] word = new boolean[n + 2], space = new boolean[n + 2]; // [p + 1] for char p; the ends are neither
            for (int p = 0; p < n; p++) {
                char c = text.charAt(p);
                word[p + 1] = NgramTfIdf.isWordChar(c);
                space[p + 1] = Character.isWhitespace(c);
            }
            int last = -1, runStart = -1;
            for (int p = 0; p <= n; p++) {
                chunkStart[p] = p == 0 || space[p] ? p : chunkStart[p - 1];
                if (word[p] && !word[p + 1] && p - runStart >= 2) last = runStart;  // a run of word chars ends at p
                wordBefore[p] = last;
                if (word[p + 1] && !word[p]) runStart = p;
            }
            int next = -1, runEnd = -1;
            for (int p = n; p >= 0; p--) {
                chunkEnd[p] = p == n || space[p + 1] ? p : chunkEnd[p + 1];
                if (word[p + 1] && !word[p] && runEnd - p >= 2) next = runEnd;  // a run of word chars starts at p
                wordAfter[p] = next;
                if (word[p] && !word[p + 1]) runEnd = p;
            }
        }

        /** Start of the word (a run of ≥ 2 word chars) before the whitespace-delimited chunk holding {@code begin}, else of the chunk. */
        int start(int begin) {
            int chunk = chunkStart[begin];
            return wordBefore[chunk] >= 0 ? wordBefore[chunk] : chunk;
        }

        /** End of the word after the whitespace-delimited chunk holding {@code end - 1}, else of the chunk. */
        int end(int end) {
            int chunk = chunkEnd[end];
            return wordAfter[chunk] >= 0 ? wordAfter[chunk] : chunk;
        }
    }
}
