package org.parley.explain;

import org.parley.text.Token;

/**
 * The cheap per-token inputs the span tagger reads next to the word's embedding: what the
 * embedding cannot know (the lexicon's rate for this exact form, whether the word is new to the
 * tagger) or loses in normalisation (shouting, a disguised spelling such as "f*ck" or "1d1ot").
 */
final class TokenFeatures {
    static final int COUNT = 5;

    private TokenFeatures() {}

    /** Writes the features of {@code t} into {@code out[0..COUNT)}. */
    static void of(Token t, float lexiconRate, boolean unknown, float[] out) {
        boolean word = SpanExplainer.isWord(t);
        out[0] = lexiconRate;
        out[1] = word ? 1 : 0;
        out[2] = word && shouted(t.original()) ? 1 : 0;
        out[3] = word && disguised(t) ? 1 : 0;
        out[4] = word && unknown ? 1 : 0;
    }

    /** Two or more letters, none lower case. */
    static boolean shouted(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLowerCase(c)) return false;
            if (Character.isLetter(c)) letters++;
        }
        return letters >= 2;
    }

    /** Letters mixed with symbols or digits, or a surface form the pipeline had to rewrite. */
    static boolean disguised(Token t) {
        String o = t.original();
        boolean letter = false, other = false;
        for (int i = 0; i < o.length(); i++) {
            char c = o.charAt(i);
            if (Character.isLetter(c)) letter = true;
            else if (c != '\'' && c != '-') other = true;
        }
        if (letter && other) return true;
        return !t.text().startsWith("<") && !o.toLowerCase(java.util.Locale.ROOT).equals(t.text())
                && !o.toLowerCase(java.util.Locale.ROOT).startsWith(t.text());
    }
}
