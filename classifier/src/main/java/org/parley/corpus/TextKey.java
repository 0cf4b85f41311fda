package org.parley.corpus;

import java.util.Locale;
import org.parley.text.TextPipeline;
import java.util.regex.Pattern;

/**
 * The normalised form of a text that decides whether two texts are "the same": lower-cased
 * (root locale), every run of Unicode whitespace (including no-break spaces) collapsed to one
 * space, trimmed. De-duplication and the dev split both use it, so duplicates can never land on
 * different sides of the split.
 */
final class TextKey {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private TextKey() {}

    static String of(String text) {
        return WHITESPACE.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static final Pattern ENTITY = Pattern.compile("&(#\\d+|[a-z]+);");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+", Pattern.UNICODE_CHARACTER_CLASS);

    /**
     * Letters and digits only, lower-cased, HTML entities dropped: the same comment copied by two
     * corpora with other quote marks, punctuation or escaping has the same loose key.
     */
    static String loose(String text) {
        return NOT_ALNUM.matcher(ENTITY.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll("");
    }

    /**
     * The key that tells a copy of a text in another spelling: {@link #loose} of the text as the model's
     * pipeline folds it ({@link TextPipeline#folded}: "Yоu аre" with Cyrillic о and а, or in fullwidth letters,
     * is the model's "You are", and was a training copy of a dev text the letters-and-digits key let through),
     * or, for a text with no letter or digit (emoji only), the text as {@link #of} writes it, so such texts are
     * not all one empty key.
     */
    static String copy(String text) {
        String loose = loose(TextPipeline.folded(text));
        return loose.isEmpty() ? "\u0000" + of(text) : loose;
    }
}
