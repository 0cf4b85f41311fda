package org.parley.text;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Caps runs of one repeated char: "sooooo" → "soo", "!!!!!!" → "!!" (by code point, so
 * surrogate pairs stay whole; a run is found by char, as {@link Shape}'s RUN3 finds it, so a run
 * of one code point outside the BMP in one token is kept as written). Runs of '.' are capped at 3
 * so that every long ellipsis becomes "...". Digits are never squeezed: "1000" is not elongation.
 * The lexer makes each emoji its own token, so runs of one repeated symbol token ("😂 😂 😂 😂",
 * "! ! ! !") are capped at 2 too.
 */
final class RepeatSqueezer implements Stage {
    @Override
    public Set<Layer> needs() {
        return EnumSet.of(Layer.LOWERCASE, Layer.DEOBFUSCATED); // elongated lexicon words resolve first
    }

    @Override
    public Set<Layer> adds() {
        return EnumSet.of(Layer.SQUEEZED);
    }

    @Override
    public List<Draft> apply(List<Draft> drafts, CleanText text) {
        String clean = text.text();
        boolean repeats = false;
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            if (!d.isWord()) {
                continue;
            }
            if (d.has(Shape.RUN3, clean)) {
                d.text = squeeze(d.text, 2, 3);
            }
            repeats |= i >= 2 && !d.has(Shape.LETTER | Shape.DIGIT, clean)
                    && isRepeat(drafts.get(i - 2), d) && isRepeat(drafts.get(i - 1), d);
        }
        if (!repeats) {
            return drafts;
        }
        List<Draft> out = new ArrayList<>(drafts.size());
        for (Draft d : drafts) {
            int n = out.size();
            boolean symbol = !d.has(Shape.LETTER | Shape.DIGIT, clean);
            if (!(symbol && n >= 2 && isRepeat(out.get(n - 2), d) && isRepeat(out.get(n - 1), d))) {
                out.add(d);
            }
        }
        return out;
    }

    /** Whether some char repeats {@code length} times in a row (a cheap test before the code point walk). */
    private static boolean hasRun(String s, int length) {
        int run = 1;
        for (int i = 1; i < s.length(); i++) {
            run = s.charAt(i) == s.charAt(i - 1) ? run + 1 : 1;
            if (run >= length) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code d}, a symbol token, repeats {@code previous}. */
    private static boolean isRepeat(Draft previous, Draft d) {
        return d.isWord() && previous.isWord() && previous.text.equals(d.text);
    }

    /** Caps runs at {@code cap} ({@code dotCap} for '.'); returns s itself when nothing changes. */
    static String squeeze(String s, int cap, int dotCap) {
        int n = s.length();
        if (n <= cap || !hasRun(s, cap + 1)) {
            return s;
        }
        StringBuilder out = null;
        int prev = -1;
        int run = 0;
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            run = cp == prev ? run + 1 : 1;
            prev = cp;
            boolean drop = run > (cp == '.' ? dotCap : cap) && !(cp >= '0' && cp <= '9');
            if (drop && out == null) {
                out = new StringBuilder(n).append(s, 0, i);
            } else if (!drop && out != null) {
                out.append(s, i, i + len);
            }
            i += len;
        }
        return out == null ? s : out.toString();
    }
}
