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
 * they are decoded, since the scorer would otherwise read "There&#8217;s" as words.
 */
final class PageLines {
    private static final Pattern LEADING_BULLET = Pattern.compile("^[•·▪◦]\\s*");

    private PageLines() {}

    static List<String> of(String page) {
        List<String> lines = new ArrayList<>();
        for (String raw : decodeEntities(page).split("\\R", -1)) {
            String line = strip(raw.replace('\u00A0', ' '));
            lines.add(strip(LEADING_BULLET.matcher(line).replaceFirst("")));
        }
        return lines;
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
     * Trims what {@link Limits#isBlank} counts as blank (Unicode spaces, zero-width characters), not
     * only Java whitespace: a line holding just a no-break or zero-width space is an empty line, not
     * a comment whose text the thread format then refuses as blank.
     */
    private static String strip(String line) {
        int from = 0;
        int to = line.length();
        while (from < to && Limits.isBlank(line.codePointAt(from))) from += Character.charCount(line.codePointAt(from));
        while (to > from && Limits.isBlank(line.codePointBefore(to))) to -= Character.charCount(line.codePointBefore(to));
        return line.substring(from, to);
    }

    /** Runs of non-blank lines, split at blank lines. */
    static List<List<String>> paragraphs(List<String> lines) {
        List<List<String>> paragraphs = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
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
