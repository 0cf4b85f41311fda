package org.parley.text;

/**
 * What kinds of chars a token's surface holds, found in one pass and cached on the {@link Draft},
 * so that each stage can skip the tokens it has nothing to do with by testing a bit instead of
 * scanning the chars again. Letter classes ignore case except {@link #UPPER} and {@link #LOWER}.
 */
final class Shape {
    static final int KNOWN = 1;
    static final int LETTER = 1 << 1;
    static final int UPPER = 1 << 2;
    static final int LOWER = 1 << 3;
    static final int DIGIT = 1 << 4;
    /** A masking or leet symbol: see {@link Lexicon#isMask}. */
    static final int MASK = 1 << 5;
    /** Anything else: apostrophes, quotes, brackets, commas, emoji, symbols. */
    static final int OTHER = 1 << 6;
    /** A '.' followed by a letter, as in every URL and e-mail address. */
    static final int DOT_LETTER = 1 << 7;
    /** Some char three times in a row, case aside ("sooo", "!!!"). */
    static final int RUN3 = 1 << 8;
    private static final int UPPER_COUNT_SHIFT = 16;

    private Shape() {}

    /** The shape bits of clean[begin, end), with the number of capitals (up to 0x7FFF) in the high bits. */
    static int of(String clean, int begin, int end) {
        int bits = KNOWN;
        int upper = 0;
        char prev2 = 0;
        char prev = 0;
        for (int i = begin; i < end; i++) {
            char c = clean.charAt(i);
            if (c < 0x80) {
                if (c >= 'a' && c <= 'z') {
                    bits |= LETTER | LOWER;
                } else if (c >= 'A' && c <= 'Z') {
                    bits |= LETTER | UPPER;
                    upper++;
                    c = (char) (c + ('a' - 'A')); // runs ignore case
                } else if (c >= '0' && c <= '9') {
                    bits |= DIGIT;
                } else {
                    bits |= Lexicon.isMask(c) ? MASK : OTHER;
                    if (c == '.' && i + 1 < end && Character.isLetter(clean.charAt(i + 1))) {
                        bits |= DOT_LETTER;
                    }
                }
            } else if (Character.isLetter(c)) {
                bits |= LETTER;
                if (Character.isUpperCase(c)) {
                    bits |= UPPER;
                    upper++;
                } else if (Character.isLowerCase(c)) {
                    bits |= LOWER;
                }
            } else {
                bits |= Character.isDigit(c) ? DIGIT : OTHER;
            }
            if (c == prev && c == prev2) {
                bits |= RUN3;
            }
            prev2 = prev;
            prev = c;
        }
        return bits | Math.min(upper, 0x7FFF) << UPPER_COUNT_SHIFT;
    }

    static boolean has(int shape, int bit) {
        return (shape & bit) != 0;
    }

    static int capitals(int shape) {
        return shape >>> UPPER_COUNT_SHIFT;
    }
}
