package org.parley.corpus;

import java.util.Locale;
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
}
