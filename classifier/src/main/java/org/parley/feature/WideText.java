package org.parley.feature;

import org.parley.text.Token;

import java.util.List;

/**
 * The text the wide part reads: the raw text with each obfuscated word ("id1ot", "f*ck", "sh1t",
 * "i d i o t") written out as the normaliser reads it, padded with spaces to its raw length. The
 * wide part's n-grams are raw spellings: without this, "you are an id1ot" is an unknown word to
 * them whatever the deep part makes of "idiot", and their logit outweighs the deep part's. Same
 * length, same offsets, so occlusion ({@link TokenRemoval}) and spans read either text alike.
 */
public final class WideText {
    private WideText() {}

    /** @param tokens {@code raw}'s tokens, as {@link org.parley.text.TextPipeline#tokenize} gives them */
    public static String of(String raw, List<Token> tokens) {
        char[] out = null;
        for (Token t : tokens) {
            if (!obfuscated(t)) continue;
            if (out == null) out = raw.toCharArray();
            String form = t.text();
            for (int i = t.begin(); i < t.end(); i++) out[i] = i - t.begin() < form.length() ? form.charAt(i - t.begin()) : ' ';
        }
        return out == null ? raw : new String(out);
    }

    /**
     * A plain word read from a spelling that is not one: digits, masks, dots or spaces among the
     * letters. Case, accents and repeated letters are left to the raw n-grams, which saw them in training.
     */
    static boolean obfuscated(Token t) {
        String form = t.text(), raw = t.original();
        if (form.isEmpty() || form.length() > raw.length()) return false;
        for (int i = 0; i < form.length(); i++) if (form.charAt(i) < 'a' || form.charAt(i) > 'z') return false;
        for (int i = 0; i < raw.length(); i++) if (!Character.isLetter(raw.charAt(i))) return true;
        return false;
    }
}
