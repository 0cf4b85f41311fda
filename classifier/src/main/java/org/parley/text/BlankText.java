package org.parley.text;

import java.util.Set;

/**
 * Text with nothing a reader could see. {@link String#isBlank} keeps a zero-width space, so a
 * target or parent text of one passed as text: the service refused such a target and ignored such
 * a parent while {@code scripts/score} and the thread endpoint read stance against nothing. One
 * rule for all of them.
 */
public final class BlankText {
    /** Hangul choseong and jungseong fillers, Hangul filler, halfwidth Hangul filler, Braille pattern blank. */
    private static final Set<Integer> BLANK_GLYPHS = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    private BlankText() {}

    /**
     * Nothing a reader could see: white space, including the no-break and ideographic spaces that
     * {@link String#isBlank} keeps; invisible format and control characters (zero-width space,
     * joiners, BOM); combining marks and variation selectors with no letter to sit on; and the
     * letters fonts draw as blank (the Hangul fillers, the blank Braille pattern).
     */
    public static boolean is(String s) {
        return s.codePoints().allMatch(c -> {
            int type = Character.getType(c);
            return Character.isWhitespace(c) || Character.isSpaceChar(c) || type == Character.FORMAT
                    || type == Character.CONTROL || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || BLANK_GLYPHS.contains(c);
        });
    }
}
