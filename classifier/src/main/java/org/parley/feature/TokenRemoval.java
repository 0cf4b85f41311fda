package org.parley.feature;

import org.parley.text.Token;

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
     * The n-grams of {@code apply(text, tokens)} less those of {@code text}, as multisets. Outside the
     * whitespace-delimited chunks a token touches, character n-grams do not change; word n-grams
     * change only up to the nearest word on either side (a bigram links it to the chunk). So each
     * token's window runs from the word before its chunk to the word after it, windows that share
     * text are merged, and each window's n-grams are taken before and after: the words at its edges
     * are the same in both and cancel.
     */
    public static Change ngrams(NgramTfIdf tfIdf, String text, List<Token> tokens) {
        if (!lowercasesCharByChar(text)) // windows would not lower-case as the whole text does
            return new Change(tfIdf.occurrences(text), tfIdf.occurrences(apply(text, tokens)));
        IntBuffer removed = new IntBuffer(64), added = new IntBuffer(64);
        int first = 0;
        while (first < tokens.size()) {
            int from = windowStart(text, tokens.get(first).begin()), to = windowEnd(text, tokens.get(first).end());
            int last = first + 1;
            for (; last < tokens.size() && windowStart(text, tokens.get(last).begin()) < to; last++)
                to = Math.max(to, windowEnd(text, tokens.get(last).end()));
            removed.addAll(tfIdf.occurrences(text.substring(from, to)));
            added.addAll(tfIdf.occurrences(apply(text, from, to, tokens.subList(first, last))));
            first = last;
        }
        return new Change(tfIdf.sorted(removed.toArray()), tfIdf.sorted(added.toArray()));
    }

    /**
     * With Locale.ROOT only 'İ' (two chars in lower case) and 'Σ' (lower case depends on the next
     * letters) do not lower-case one char at a time; elsewhere a window lower-cases as it would in place.
     */
    private static boolean lowercasesCharByChar(String text) {
        return text.indexOf('\u0130') < 0 && text.indexOf('\u03A3') < 0;
    }

    /** Start of the word before the whitespace-delimited chunk holding {@code begin}, else of the chunk. */
    private static int windowStart(String text, int begin) {
        int i = begin;
        while (i > 0 && !Character.isWhitespace(text.charAt(i - 1))) i--;
        for (int end = i; end > 0; ) { // scan back for a run of >= 2 word chars
            while (end > 0 && !NgramTfIdf.isWordChar(text.charAt(end - 1))) end--;
            int start = end;
            while (start > 0 && NgramTfIdf.isWordChar(text.charAt(start - 1))) start--;
            if (end - start >= 2) return start;
            end = start;
        }
        return i;
    }

    /** End of the word after the whitespace-delimited chunk holding {@code end - 1}, else of the chunk. */
    private static int windowEnd(String text, int end) {
        int i = end;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) i++;
        for (int start = i; start < text.length(); ) {
            while (start < text.length() && !NgramTfIdf.isWordChar(text.charAt(start))) start++;
            int stop = start;
            while (stop < text.length() && NgramTfIdf.isWordChar(text.charAt(stop))) stop++;
            if (stop - start >= 2) return stop;
            start = stop;
        }
        return i;
    }
}
