package org.parley.feature;

import org.parley.text.CharFolding;
import org.parley.text.TextPipeline;
import org.parley.text.Token;

import java.util.List;

/**
 * The text the wide part reads: the raw text with each obfuscated word ("id1ot", "f*ck", "sh1t",
 * "i d i o t") and each respelled one ("btich", {@link #respelled}) written out as the normaliser reads it, padded
 * with spaces to its raw length (a form longer than its spelling, "idot" → idiot, is left as written). The
 * wide part's n-grams are raw spellings: without this, "you are an id1ot" is an unknown word to
 * them whatever the deep part makes of "idiot", and their logit outweighs the deep part's. Same
 * length, same offsets, so occlusion ({@link TokenRemoval}) and spans read either text alike.
 *
 * <p>Words spelled with look-alike letters ("fuсking" with Cyrillic с, "ıdıot") are written out
 * only in a comment where such a spelling hides a word of the normaliser's profanity and insult
 * lexicon, and then all of them ("Yоu аrе а fuсking idiоt"): elsewhere they are stylised names
 * or foreign words whose raw n-grams the model saw in training (a Wikipedia signature "dαlus"
 * among the golden comments scores TOXICITY 0.147 as written, 0.191 written out).
 */
public final class WideText {
    private WideText() {}

    /** @param tokens {@code raw}'s tokens, as {@link org.parley.text.TextPipeline#tokenize} gives them */
    public static String of(String raw, List<Token> tokens) {
        boolean disguised = disguised(raw, tokens);
        char[] out = null;
        for (Token t : tokens) {
            // (obfuscated(t) || styled(t) || disguised && lookAlike(t)), with one look at the form and the raw chars, || respelled(t)
            if (!plainForm(t) || !(writtenOut(t.original(), disguised) || respelled(t))) continue;
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
        if (!plainForm(t)) return false;
        String raw = t.original();
        for (int i = 0; i < raw.length(); i++) if (!Character.isLetter(raw.charAt(i))) return true;
        return false;
    }

    /**
     * A plain word in full-width letters or small capitals ("ｉｄｉｏｔ", "ɪᴅɪᴏᴛ"), which the normaliser reads as
     * the word and the raw n-grams hardly ever saw: a Node.js integrator's audit found "Ｙｏｕ ａｒｅ ａ ｃｏｍｐｌｅｔｅ
     * ｉｄｉｏｔ." at TOXICITY 0.17 and published, where the plain text has 0.92. Mathematical letters, outside the
     * BMP, are written out already: their surrogate halves are no letters to {@link #obfuscated}.
     */
    static boolean styled(Token t) {
        if (!plainForm(t)) return false;
        String raw = t.original();
        for (int i = 0; i < raw.length(); i++) if (CharFolding.isStyledLatin(raw.charAt(i))) return true;
        return false;
    }

    /** A plain word the normaliser read from Cyrillic or Greek look-alikes or a dotless ı among its letters. */
    static boolean lookAlike(Token t) {
        if (!plainForm(t)) return false;
        String raw = t.original();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\u0131') return true;
            if (c >= 0x370 && Character.isLetter(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK) return true;
            }
        }
        return false;
    }

    /**
     * Whether a plain form's raw spelling has a char that {@link #obfuscated}, {@link #styled} or
     * (in a disguised comment) {@link #lookAlike} looks for: one pass, where the three took one
     * each and checked the form three times (WideText was 3 % of scripts/score's samples).
     */
    private static boolean writtenOut(String raw, boolean disguised) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return true; // not a letter: obfuscated
                continue;
            }
            if (!Character.isLetter(c) || CharFolding.isStyledLatin(c)) return true;
            if (disguised && (c == '\u0131' || c >= 0x370 && isGreekOrCyrillic(c))) return true;
        }
        return false;
    }

    private static boolean isGreekOrCyrillic(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.CYRILLIC || script == Character.UnicodeScript.GREEK;
    }

    /** Whether a look-alike spelling in the comment hides a lexicon word. */
    private static boolean disguised(String raw, List<Token> tokens) {
        boolean nonLatin1 = false;
        for (int i = 0; i < raw.length() && !nonLatin1; i++) nonLatin1 = raw.charAt(i) > 0xFF;
        if (!nonLatin1) return false; // most comments: no look-alike to look for
        for (Token t : tokens) if (lookAlike(t) && TextPipeline.lexiconWord(t.text())) return true;
        return false;
    }

    /**
     * A word of plain letters that the normaliser read as another, not by squeezing a run of one letter: a misspelt
     * insult ("btich", "iddiot", "sutpid"; the speller's) or a lexicon variant ("stoopid", "biatch"). Without it the
     * wide part read the misspelling as an unknown word however sure the deep part was (TOXICITY of the robustness
     * suite's misspellings 0.430 with the speller alone, 0.535 with this; docs/results.md). Elongated words ("shiiit")
     * and letters beyond ASCII (accents, look-alikes) stay as written, as above.
     */
    private static boolean respelled(Token t) {
        String raw = t.original();
        if (raw.equalsIgnoreCase(t.text())) return false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) return false;
            if (i >= 2 && c == raw.charAt(i - 1) && c == raw.charAt(i - 2)) return false;
        }
        return true;
    }

    /** A form of letters a-z no longer than its raw spelling. */
    private static boolean plainForm(Token t) {
        String form = t.text();
        if (form.isEmpty() || form.length() > t.original().length()) return false;
        for (int i = 0; i < form.length(); i++) if (form.charAt(i) < 'a' || form.charAt(i) > 'z') return false;
        return true;
    }
}
