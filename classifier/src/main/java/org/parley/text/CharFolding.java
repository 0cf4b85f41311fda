package org.parley.text;

import java.text.Normalizer;
import java.util.Arrays;
import java.text.Normalizer.Form;

/**
 * What one code point becomes in the cleaned text: NFKC (fullwidth, ligatures, math and
 * circled letters), Latin letters without diacritics ("ḟüçk" → "fuck"), small capitals and
 * unusual Latin letters as ASCII, fancy quotes and dashes as ASCII, invisible chars (zero-width,
 * soft hyphen, variation selectors, skin tones) dropped, control chars and lone surrogates as a
 * space so they never glue two words together. Case is kept: shape cues need it.
 *
 * <p>Results for the Basic Multilingual Plane are computed once and cached: the Normalizer
 * calls are far too slow to make per char. Racing writers store equal immutable strings, which
 * is harmless.
 */
public final class CharFolding {
    /** Marker result: the code point stays as it is (saves a String per emoji). Compared by identity. */
    static final String KEEP = new String("KEEP");
    private static final String[] BMP = new String[0x10000];

    private CharFolding() {}

    /**
     * Empties the cache; for tests. Mutation testing (PIT) reruns the tests in one JVM against changed code, and
     * answers cached by an earlier run would hide the change (or show an earlier mutant's).
     */
    static void clearCache() {
        Arrays.fill(BMP, null);
    }

    static String fold(int cp) {
        if (cp < 0x10000) {
            String s = BMP[cp];
            if (s == null) {
                s = computeBmp((char) cp);
                BMP[cp] = s;
            }
            return s;
        }
        return computeSupplementary(cp);
    }

    /** Folds a base char with the combining marks after it ("u" + U+0308 + U+0336). */
    static String foldCluster(String raw, int from, int to) {
        String s = Normalizer.normalize(raw.substring(from, to), Form.NFKC);
        Character.UnicodeScript script = Character.UnicodeScript.of(s.codePointAt(0));
        if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                && script != Character.UnicodeScript.INHERITED) {
            return s; // e.g. Devanagari vowel signs are part of the letter, not decoration
        }
        return foldAll(s);
    }

    /**
     * Every code point of {@code s} folded as {@link #fold} folds it, case kept. Public for the
     * policy's word lists, which match what a reader sees ("wätch your b\u200Back"), not how it is spelt.
     */
    public static String foldAll(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String f = fold(cp);
            if (f == KEEP) {
                out.appendCodePoint(cp);
            } else {
                out.append(f);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * A letter that only styles a Latin one, which no language spells words with: a compatibility form
     * NFKC writes as one ASCII letter (full-width "ｉ", superscript "ᵈ", letterlike "ℑ") or a small capital
     * ("ɪ", "ᴅ"). Accented letters, "ß", "ø", the ordinals "º" and "ª" ("nº 5") or the dotless "ı" are not: they are
     * spellings.
     */
    public static boolean isStyledLatin(char c) {
        if (c < 0x100 || !Character.isLetter(c)) return false;
        if (c >= 0x250 && latinLetter(c) != null) return true; // the small capitals below; ß æ ø ł … come before U+0250
        String n = Normalizer.normalize(String.valueOf(c), Form.NFKC);
        return n.length() == 1 && n.charAt(0) < 0x80 && Character.isLetter(n.charAt(0));
    }

    static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    private static String computeBmp(char c) {
        if (isInvisible(c)) {
            return "";
        }
        if (Character.isSurrogate(c)) {
            return " "; // a lone surrogate: pairs never get here
        }
        if (Character.getType(c) == Character.CONTROL) {
            return c == '\t' || c == '\n' || c == '\r' ? KEEP : " ";
        }
        if (c == '\u2028' || c == '\u2029') {
            return "\n";
        }
        String punct = punctuation(c);
        if (punct != null) {
            return punct;
        }
        if (c < 0x80) {
            return KEEP;
        }
        if (isMark(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.INHERITED) {
            return ""; // a stray diacritic (Zalgo text), not a script's vowel sign
        }
        String decomposed = Normalizer.normalize(
                Normalizer.normalize(String.valueOf(c), Form.NFKC), Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean latinBase = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char d = decomposed.charAt(i);
            if (isMark(d)) {
                if (!latinBase) {
                    out.append(d);
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(d);
            latinBase = script == Character.UnicodeScript.LATIN || script == Character.UnicodeScript.COMMON;
            String mapped = latinLetter(d);
            if (mapped == null) {
                mapped = punctuation(d);
            }
            if (mapped != null) {
                out.append(mapped);
            } else {
                out.append(d);
            }
        }
        String result = Normalizer.normalize(out, Form.NFC);
        return result.length() == 1 && result.charAt(0) == c ? KEEP : result;
    }

    private static String computeSupplementary(int cp) {
        if ((cp >= 0x1F3FB && cp <= 0x1F3FF) // skin-tone modifiers
                || (cp >= 0xE0000 && cp <= 0xE007F) // tag characters
                || (cp >= 0xE0100 && cp <= 0xE01EF)) { // variation selectors supplement
            return "";
        }
        if (cp >= 0x1F130 && cp <= 0x1F189) { // squared and negative circled/squared letters
            int letter = (cp - 0x1F130) % 0x20;
            return letter < 26 ? String.valueOf((char) ('A' + letter)) : KEEP;
        }
        if ((cp >= 0x1D400 && cp <= 0x1D7FF) || (cp >= 0x1F100 && cp < 0x1F130)) {
            String s = Normalizer.normalize(new String(Character.toChars(cp)), Form.NFKC);
            return isAscii(s) ? s : KEEP; // mathematical alphanumerics: "𝐟𝐮𝐜𝐤"
        }
        return KEEP;
    }

    private static boolean isInvisible(char c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160
                || c == 0x17B4 || c == 0x17B5 || (c >= 0x180B && c <= 0x180E)
                || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2060 && c <= 0x206F) || c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F)
                || c == 0xFEFF || c == 0xFFA0 || (c >= 0xFFF9 && c <= 0xFFFB);
    }

    private static String punctuation(char c) {
        switch (c) {
            case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u2035':
            case '\u00B4': case '\u02BC': case '\u02B9': case '\u02BB':
                return "'";
            case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u2036':
            case '\u00AB': case '\u00BB': case '\u301D': case '\u301E':
                return "\"";
            case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015':
            case '\u2212': case '\u2043': case '\uFE58': case '\uFE63': case '\u2E3A': case '\u2E3B':
                return "-";
            default:
                return null;
        }
    }

    /** Latin letters that NFD does not decompose, and look-alike small capitals. */
    private static String latinLetter(char c) {
        switch (c) {
            case 'ß': return "ss";
            case 'æ': return "ae";
            case 'Æ': return "AE";
            case 'œ': return "oe";
            case 'Œ': return "OE";
            case 'ø': return "o";
            case 'Ø': return "O";
            case 'ł': return "l";
            case 'Ł': return "L";
            case 'đ': case 'ð': return "d";
            case 'Đ': case 'Ð': return "D";
            case 'þ': return "th";
            case 'Þ': return "Th";
            case 'ı': return "i";
            case 'ħ': return "h";
            case 'Ħ': return "H";
            case 'ŧ': return "t";
            case 'ƒ': return "f";
            case '\u1D00': case '\u0251': return "a";
            case '\u0299': return "b";
            case '\u1D04': return "c";
            case '\u1D05': return "d";
            case '\u1D07': return "e";
            case '\uA730': return "f";
            case '\u0262': case '\u0261': return "g";
            case '\u029C': return "h";
            case '\u026A': case '\u0269': return "i";
            case '\u1D0A': return "j";
            case '\u1D0B': return "k";
            case '\u029F': return "l";
            case '\u1D0D': return "m";
            case '\u0274': return "n";
            case '\u1D0F': return "o";
            case '\u1D18': return "p";
            case '\u0280': return "r";
            case '\uA731': return "s";
            case '\u1D1B': return "t";
            case '\u1D1C': return "u";
            case '\u1D20': return "v";
            case '\u1D21': return "w";
            case '\u028F': return "y";
            case '\u1D22': return "z";
            default: return null;
        }
    }

    public static boolean isAscii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
