package org.parley.thread;

import org.parley.text.BlankText;

/**
 * Bounds on thread fields. They keep one request from tying up the scorer and catch inputs that are
 * plainly not comments (a whole page pasted into one field); docs/thread-format.md lists them.
 */
final class Limits {
    static final int ID_CHARS = 200;
    static final int NAME_CHARS = 200;
    static final int TITLE_CHARS = 1_000;
    static final int URL_CHARS = 2_000;
    static final int BODY_CHARS = 200_000;
    static final int COMMENT_CHARS = 50_000;
    static final int COMMENTS_PER_THREAD = 10_000;
    /** Further comments one comment quotes (Comment#alsoQuotes): a page's comment quotes two or three. */
    static final int ALSO_QUOTES = 20;

    private Limits() {}

    static void required(String field, String value, int maxChars) {
        if (value == null) throw new InvalidThreadException(field, "missing");
        optional(field, value, maxChars);
    }

    /** Null passes (unknown); present values must have content and fit the limit. */
    static void optional(String field, String value, int maxChars) {
        if (value == null) return;
        if (isBlank(value)) throw new InvalidThreadException(field, "must not be blank");
        if (value.length() > maxChars) {
            throw new InvalidThreadException(field, "too long: " + value.length() + " characters, at most " + maxChars);
        }
    }

    /**
     * True when {@code value} shows nothing: String.isBlank counts only Java whitespace, so a no-break
     * space (U+00A0) or a zero-width space (U+200B) alone passed as a comment's text. The rule is the
     * one /v1/score and the stance checks use (BlankText).
     */
    static boolean isBlank(String value) {
        return BlankText.is(value);
    }

    static void positive(String field, Integer value) {
        if (value != null && value < 1) throw new InvalidThreadException(field, "must be at least 1, was " + value);
    }
}
