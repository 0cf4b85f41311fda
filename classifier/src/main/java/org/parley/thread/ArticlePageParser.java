package org.parley.thread;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the scraped text of a news article page into an {@link Article}.
 *
 * <p>The heuristic, which holds for the RFE/RL and BBC pages we have seen:
 * <ul>
 *   <li>Some lines are chrome wherever they appear ("Accessibility links", "Skip to content",
 *       "Breaking News", the "Start Quote"/"End Quote" markers around a pull quote) and are dropped.</li>
 *   <li>The title is the first remaining non-empty line, after any site menu above it: a block of
 *       three or more lines of one or two words each ("BBC News / Home / UK / World"), which no
 *       headline is.</li>
 *   <li>The body is what follows, up to the first line that ends the article: a byline
 *       ("Written by …", "By Jane Doe"), an image placeholder ("16x9 Image"), or a footer
 *       ("More on This Story", the publisher's boilerplate).</li>
 *   <li>A line repeated back to back is a photo caption (the scraper emits the image's alt text
 *       and its caption); article prose never repeats itself, so both copies go.</li>
 * </ul>
 * Captions that appear only once (BBC) cannot be told from a one-line paragraph and stay in the body.
 */
public final class ArticlePageParser {
    private static final Set<String> CHROME = Set.of("Accessibility links", "Accessibility Help", "Skip to content",
            "Breaking News", "Start Quote", "End Quote");
    private static final int MENU_LINES = 3;
    private static final int MENU_ITEM_WORDS = 2;

    private static final Pattern END_OF_BODY = Pattern.compile(String.join("|",
            "(?:Written|Reported|Compiled) by .*",
            "By \\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,3}", // a byline, not a sentence starting "By"
            "16x9 Image",
            "More on This Story",
            "Related Stories",
            "The BBC is not responsible for the content of external .*",
            "RFE/RL (?:journalists|has been declared) .*"));

    private ArticlePageParser() {}

    /** @throws InvalidThreadException if the page has no text to take a title from */
    public static Article parse(String page) {
        return parse(PageLines.of(page));
    }

    /** As {@link #parse(String)}, with the headline {@code title} in place of the page's; null: the page's. */
    public static Article parse(String page, String title) {
        return parse(PageLines.of(page), title);
    }

    /** Takes lines already cleaned by {@link PageLines}. */
    static Article parse(List<String> lines) {
        return parse(lines, null);
    }

    /**
     * As {@link #parse(List)}, with the headline {@code title} in place of the page's (null: the page's): the line
     * the page would give as its title is still not body. A page with no text is then an article of that title alone.
     */
    static Article parse(List<String> lines, String title) {
        List<String> content = new ArrayList<>();
        for (String line : lines) content.add(CHROME.contains(line) ? "" : line);

        int titleAt = titleLine(content);
        if (titleAt == content.size()) {
            if (title != null) return Article.titled(title);
            throw new InvalidThreadException("title", "missing: the page has no text");
        }

        List<String> body = new ArrayList<>();
        for (String line : content.subList(titleAt + 1, content.size())) {
            if (END_OF_BODY.matcher(line).matches()) break;
            body.add(line);
        }
        dropRepeatedLines(body);
        return new Article(null, title != null ? title : content.get(titleAt), null, PageLines.text(PageLines.paragraphs(body)));
    }

    /** Index of the first non-empty line that does not start a site menu; {@code lines.size()} if none. */
    private static int titleLine(List<String> lines) {
        int at = 0;
        while (at < lines.size()) {
            if (lines.get(at).isEmpty()) {
                at++;
                continue;
            }
            int end = at;
            boolean menu = true;
            while (end < lines.size() && !lines.get(end).isEmpty()) menu &= lines.get(end++).split(" ").length <= MENU_ITEM_WORDS;
            if (!menu || end - at < MENU_LINES) return at;
            at = end;
        }
        return at;
    }

    /** Blanks every line that equals the previous non-empty line, and that previous line too. */
    private static void dropRepeatedLines(List<String> lines) {
        int previous = -1;
        boolean[] repeated = new boolean[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) continue;
            if (previous >= 0 && lines.get(previous).equals(lines.get(i))) {
                repeated[previous] = true;
                repeated[i] = true;
            }
            previous = i;
        }
        for (int i = 0; i < lines.size(); i++) if (repeated[i]) lines.set(i, "");
    }
}
