package org.parley.text;

import java.util.Arrays;

/**
 * The cleaned copy of a raw text that the lexer reads, with a map from every cleaned char back
 * to the raw span it came from. A decoded {@code &amp;} maps its one char to five raw chars; the
 * two chars of NFKC's "fi" both map to the one raw ligature. Tokens are found on the clean copy
 * and reported against the raw text, so highlighting shows what the author wrote.
 */
final class CleanText {
    private final String text;
    /** Raw span of clean char i is [rawBegin[i], rawEnd[i]); both null when clean == raw. */
    private final int[] rawBegin;
    private final int[] rawEnd;

    private CleanText(String text, int[] rawBegin, int[] rawEnd) {
        this.text = text;
        this.rawBegin = rawBegin;
        this.rawEnd = rawEnd;
    }

    static CleanText identity(String raw) {
        return new CleanText(raw, null, null);
    }

    String text() {
        return text;
    }

    /** Raw offset where the clean char at {@code cleanBegin} starts. */
    int rawBegin(int cleanBegin) {
        return rawBegin == null ? cleanBegin : rawBegin[cleanBegin];
    }

    /** Raw offset (exclusive) where the non-empty clean span ending at {@code cleanEnd} ends. */
    int rawEnd(int cleanEnd) {
        return rawEnd == null ? cleanEnd : rawEnd[cleanEnd - 1];
    }

    /**
     * Whether clean char {@code i} is the first of those one raw span became: a text cut before it leaves every raw char
     * on one side ("ﬃ" cleans to three chars of one raw char, "&amp;" to one of five).
     */
    boolean startsRawSpan(int i) {
        return rawBegin == null || i == 0 || rawBegin[i] >= rawEnd[i - 1];
    }

    /** Appends clean chars together with the raw span each came from. */
    static final class Builder {
        private final String raw;
        private char[] chars;
        private int[] begins;
        private int[] ends;
        private int length;

        Builder(String raw) {
            this.raw = raw;
            int capacity = raw.length() + 16;
            chars = new char[capacity];
            begins = new int[capacity];
            ends = new int[capacity];
        }

        /** Copies raw[from, to) unchanged. */
        void copy(int from, int to) {
            ensure(to - from);
            raw.getChars(from, to, chars, length);
            for (int i = from; i < to; i++, length++) {
                begins[length] = i;
                ends[length] = i + 1;
            }
        }

        /** Appends one char standing for raw[from, to). */
        void append(char c, int from, int to) {
            ensure(1);
            chars[length] = c;
            begins[length] = from;
            ends[length++] = to;
        }

        /** Appends chars that together stand for raw[from, to). */
        void append(String s, int from, int to) {
            ensure(s.length());
            for (int k = 0; k < s.length(); k++) {
                chars[length] = s.charAt(k);
                begins[length] = from;
                ends[length++] = to;
            }
        }

        int length() {
            return length;
        }

        char charAt(int i) {
            return chars[i];
        }

        void set(int i, char c) {
            chars[i] = c;
        }

        CleanText build() {
            return new CleanText(new String(chars, 0, length),
                    Arrays.copyOf(begins, length), Arrays.copyOf(ends, length));
        }

        private void ensure(int more) {
            if (length + more > chars.length) {
                int capacity = Math.max(chars.length * 2, length + more);
                chars = Arrays.copyOf(chars, capacity);
                begins = Arrays.copyOf(begins, capacity);
                ends = Arrays.copyOf(ends, capacity);
            }
        }
    }
}
