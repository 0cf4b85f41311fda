package org.parley.text;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Comment texts for the property tests: pieces of what the text pipeline meets, mixed at random from a seeded
 * {@link SplittableRandom} (see {@link GeneratedCase}). Each piece is a frequent source of offset trouble: chars that
 * cleaning turns into several (ligatures, entities, clusters) or none (zero-width, variation selectors), surrogate pairs
 * and lone halves, right-to-left and control chars, runs long enough to be lexed in segments, and the obfuscations the
 * deobfuscator resolves.
 */
public final class HostileTexts {
    private static final List<String> PIECES = List.of(
            "a", "B", "é", "e\u0301", "u\u0308\u0336", "Z\u0336a\u0337l\u0338g\u0339o", " ", "  ", "\n", "\r\n", "\t", ".", "!", "?",
            ",", "'", "\"", "-", "(", ")", "*", "$", "#", "@", "&", "1", "0",
            "&amp;", "&amp;amp;", "&#39;", "&#128514;", "&#x1F4A9;", "&lt;b&gt;", "&nbsp;", "&#0;", "&#xD800;",
            "\uFB01", "\uFB03", "\uFB06", "\uFDFA", "\u2474", "\u3231", "\u00BD", "\uFF46\uFF55\uFF43\uFF4B", "\uD835\uDC1F\uD835\uDC2E\uD835\uDC1C\uD835\uDC24", "\u1E1F\u00FC\u00E7k",
            "\u200B", "\u200D", "\u00AD", "\uFEFF", "\uFE0F", "\u202E", "\u2066", "\u0000", "\u0007", "\u007F", "\u0085",
            "\u2028", "\u00A0", "\u3000",
            "\uD83D\uDE02", "\uD83D\uDC4D\uD83C\uDFFD", "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDEC\uD83C\uDDE7",
            "\u2764\uFE0F", "\uD800", "\uDC00", "\uDBFF", "\uDFFF",
            "\u0645\u0631\u062D\u0628\u0627", "\u05E9\u05DC\u05D5\u05DD", "\u0915\u093F", "\u4F60\u597D", "\u0416",
            "\u0456d\u0456\u043Et", "\u0441\u0443\u043A\u0430",
            "f*ck", "f**k", "fu*k", "id1ot", "1d10t", "sh1t", "a$$", "f u c k", "s.h.i.t", "FUUUUCK", "fuuuuuuuck", "SHUT UP",
            "idiot", "moron", "you", "http://x.co/a?b=c", "https://example.org/", "www.x.com", "bob@example.com", "@bob",
            "#BuildTheWall", "#idiotsRUs", "youidiot", "stupid.Idiot", "123", "3.14", "<b>", "</i>");
    /** What a long run repeats. */
    private static final List<String> RUN_UNITS = List.of(
            "a", "A", "!", "&", "\"", "\uFB03", "\uFDFA", "\uD83D\uDE02", "e\u0301", "\u0301", "f*", "&amp;", "a ", "\u200B");

    private HostileTexts() {}

    /** A text of 0 to {@code maxPieces} pieces (each length equally likely). */
    public static String text(SplittableRandom random, int maxPieces) {
        int n = random.nextInt(maxPieces + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(piece(random));
        return out.toString();
    }

    /** 1 to 6 long runs, one after another. */
    public static String longTexts(SplittableRandom random) {
        int n = random.nextInt(1, 7);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) out.append(longRun(random));
        return out.toString();
    }

    /** A piece above (6 in 10), any code point (2 in 10), a lone surrogate half (1 in 10) or a long run (1 in 10). */
    static String piece(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind < 6) return PIECES.get(random.nextInt(PIECES.size()));
        if (kind < 8) return anyCodePoint(random);
        if (kind < 9) return String.valueOf((char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1));
        return longRun(random);
    }

    /** Any code point but a surrogate, assigned or not, as Java writes it (a supplementary one as its surrogate pair). */
    static String anyCodePoint(SplittableRandom random) {
        int surrogates = Character.MAX_SURROGATE - Character.MIN_SURROGATE + 1;
        int cp = random.nextInt(Character.MAX_CODE_POINT + 1 - surrogates);
        return Character.toString(cp < Character.MIN_SURROGATE ? cp : cp + surrogates);
    }

    /** One unit repeated 50 to 700 times, past the lexer's segment length, so some runs are cut mid-token. */
    static String longRun(SplittableRandom random) {
        return RUN_UNITS.get(random.nextInt(RUN_UNITS.size())).repeat(random.nextInt(50, 701));
    }

    /** Whether offset {@code at} of {@code s} falls between the two halves of a surrogate pair. */
    public static boolean splitsPair(String s, int at) {
        return at > 0 && at < s.length() && Character.isHighSurrogate(s.charAt(at - 1)) && Character.isLowSurrogate(s.charAt(at));
    }
}
