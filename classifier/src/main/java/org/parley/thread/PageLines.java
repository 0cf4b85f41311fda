package org.parley.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.lang3.StringEscapeUtils;

/**
 * Scraped page text as clean lines. Scrapers indent, pad with no-break spaces and render list items
 * and some chrome ("• rate this") with bullets; none of that is content, so every line is trimmed of
 * spaces of every kind (no-break, zero-width), no-break spaces inside become spaces and a leading
 * bullet is dropped. Blank lines are kept as "" because they carry the paragraph structure the
 * parsers rely on. Some savers leave HTML entities in the text ("There&#8217;s", "&amp;", "&nbsp;");
 * they are decoded, since the scorer would otherwise read "There&#8217;s" as words. What was cut from a
 * line's start is kept apart ({@link #read}): on the BBC's page it tells the page's own "• rate this"
 * from one a commenter typed.
 */
final class PageLines {
    private static final Pattern LEADING_BULLET = Pattern.compile("^[•·▪◦]\\s*");

    private PageLines() {}

    /** A page's clean lines, and for each what cleaning cut from its start ({@link #read}). */
    record Read(List<String> lines, List<String> layouts) {}

    static List<String> of(String page) {
        return read(page).lines();
    }

    /**
     * The clean lines of {@link #of}, and for each what cleaning cut from its start: the indentation and a bullet
     * ("  • " on the BBC's "rate this", "    " on a commenter's line); "" for a blank line. One pass over the page.
     */
    static Read read(String page) {
        List<String> lines = new ArrayList<>();
        List<String> layouts = new ArrayList<>();
        for (String raw : decodeEntities(page).split("\\R", -1)) {
            String spaced = raw.replace('\u00A0', ' ');
            String line = clean(spaced);
            lines.add(line);
            layouts.add(line.isEmpty() ? "" : spaced.substring(0, Math.max(0, spaced.indexOf(line))));
        }
        return new Read(lines, layouts);
    }

    /** {@code spaced}: a raw line whose no-break spaces are spaces. */
    private static String clean(String spaced) {
        String line = strip(LEADING_BULLET.matcher(strip(spaced)).replaceFirst(""));
        return Limits.isBlank(line) ? "" : line; // nothing visible: a blank line, not text the format refuses
    }

    /**
     * commons-lang3's decoder (deprecated there in favour of commons-text, which is not on our classpath;
     * the code is the same): every HTML 4 named entity and numeric references. A bare "&" stays as it is.
     */
    @SuppressWarnings("deprecation")
    private static String decodeEntities(String page) {
        return page.indexOf('&') < 0 ? page : StringEscapeUtils.unescapeHtml4(page);
    }

    /**
     * Trims spaces of every kind and invisible format characters (zero-width space, BOM), not only
     * Java whitespace. Not every character {@link Limits#isBlank} counts: a combining mark at a line's
     * end belongs to the letter before it.
     */
    private static String strip(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && isSpace(line.codePointAt(from))) from += Character.charCount(line.codePointAt(from));
        while (to > from && isSpace(line.codePointBefore(to))) to -= Character.charCount(line.codePointBefore(to));
        return line.substring(from, to);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
    }

    /** Runs of non-blank lines, split at blank lines (a page's are empty, a stored quote's may hold spaces). */
    static List<List<String>> paragraphs(List<String> lines) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) paragraphs.add(current);
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) paragraphs.add(current);
        return paragraphs;
    }

    /** Lines of a paragraph joined by a newline, paragraphs by a blank line; null when there is nothing. */
    static String text(List<List<String>> paragraphs) {
        List<String> joined = new ArrayList<>();
        for (List<String> p : paragraphs) joined.add(String.join("\n", p));
        String text = String.join("\n\n", joined);
        return text.isEmpty() ? null : text;
    }
}
