package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * "#BuildTheWall" → build, the, wall: the '#' is dropped and the tag is split where camel case
 * or digits change ("#MeToo", "#HTMLParser" → html, parser, "#covid19" → covid, 19), and at
 * underscores. Each piece keeps its own offsets. A tag in one case ("#maga", "#BLM") stays one word.
 */
final class HashtagSplitter implements Stage {
    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.TOKENS, Layer.WEB);
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.HASHTAGS);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        return Stage.replacing(drafts, d -> {
            if (!isHashtag(d)) return null;
            List<Draft> pieces = new ArrayList<>();
            split(text.text(), d.begin + 1, d.end, pieces);
            return pieces;
        });
    }

    private static boolean isHashtag(Draft d) {
        String s = d.text;
        if (!d.isWord() || s.length() < 2 || s.charAt(0) != '#' || !Character.isLetter(s.charAt(1))) {
            return false;
        }
        for (int i = 2; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    /** Adds the pieces of clean[from, to) to out. */
    static void split(String clean, int from, int to, List<Draft> out) {
        int start = from;
        for (int i = from; i < to; i++) {
            if (clean.charAt(i) == '_') {
                addPiece(clean, start, i, out);
                start = i + 1;
            } else if (i > start && isBoundary(clean, i, to)) {
                addPiece(clean, start, i, out);
                start = i;
            }
        }
        addPiece(clean, start, to, out);
    }

    private static void addPiece(String clean, int begin, int end, List<Draft> out) {
        if (end > begin) {
            out.add(Draft.word(begin, end, clean.substring(begin, end)));
        }
    }

    /** Whether a new word starts at i: aB, ABc (before the B), a1, 1a. */
    private static boolean isBoundary(String s, int i, int to) {
        char prev = s.charAt(i - 1);
        char c = s.charAt(i);
        if (Character.isDigit(prev) != Character.isDigit(c)) {
            return true;
        }
        if (!Character.isUpperCase(c)) {
            return false;
        }
        return Character.isLowerCase(prev)
                || (Character.isUpperCase(prev) && i + 1 < to && Character.isLowerCase(s.charAt(i + 1)));
    }
}
