package org.parley.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the scraped text of a BBC-style article page with one page of its reader comments into a
 * {@link CommentThread}.
 *
 * <p>Layout it expects: the article (parsed by {@link ArticlePageParser}), then the comments
 * section; each comment is introduced by a "rate this" line and a "Comment number N." line and
 * runs until the next "rate this", the next comment, or the page footer ("Page 14 of 32", "More …
 * stories", "BBC © …"). Timestamps such as "5 Minutes ago" are dropped from the comment text.
 *
 * <p>How quotes and replies are read, at the start of a comment only ({@link BbcCommentStart}):
 * <ul>
 *   <li>{@code 296.Seqenenre wrote:}, alone on its line, starts a quote of comment 296 by Seqenenre.
 *       The BBC renders the quoted passage as one block, so the scraped text shows it as one paragraph
 *       (its own line breaks kept, no blank line inside): the quote is the first paragraph after the
 *       marker (or the rest of the marker's own paragraph, if it has more lines) and the comment's own
 *       text is every paragraph after that. If nothing follows the passage, the passage is taken as
 *       the comment's own text, since a comment must have some. A quote that opens with a marker of its
 *       own (a quote of a quote) also takes that marker's passage and the quoted comment's own
 *       paragraph. "Kerry wrote: we have evidence", with words after "wrote:", is text.</li>
 *   <li>{@code @324. MidwayBattle} on a line of its own, the reply below it, answers comment 324 by
 *       MidwayBattle, quoting nothing; the name is that one word. Other words after the number
 *       ("@351 idiot", "@349. Absolutely right, …") are the reply's text and give no name. A marker
 *       with nothing after it is kept as the comment's text.</li>
 *   <li>A comment can only answer an earlier one: a marker naming 0, the comment's own number or a
 *       later one gives no parent (the quote is still set apart).</li>
 *   <li>Anything else, such as a passage in double quotes with no "wrote:" marker (comment 358 of
 *       the seed), is the commenter's own text: without a marker we cannot say where a quote ends or
 *       whom it quotes.</li>
 * </ul>
 * Comment ids are "c" + number. A parent that is on the same page gets {@code parentId}; one on
 * another page keeps only {@code parentNumber}. A comment left with no text at all is skipped.
 */
public final class BbcCommentPageParser {
    private static final Pattern COMMENT_HEADER = Pattern.compile("Comment number (\\d{1,9})\\.?"); // 9 digits always fit an int
    private static final String RATE_THIS = "rate this";
    private static final Set<String> SECTION_START = Set.of(
            "This entry is now closed for comments", "Jump to comments pagination", RATE_THIS);
    private static final Pattern FOOTER = Pattern.compile(
            "Page \\d+ of \\d+|More .* stories|BBC © .*|This page is best viewed .*");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d+ (?:second|minute|hour|day|week|month|year)s? ago", Pattern.CASE_INSENSITIVE);

    private BbcCommentPageParser() {}

    /**
     * @param threadId the id the thread gets (the page has none of its own)
     * @throws InvalidThreadException if the page has no title or repeats a comment number
     */
    public static CommentThread parse(String threadId, String page) {
        List<String> lines = PageLines.of(page);
        int sectionStart = 0;
        while (sectionStart < lines.size() && !startsCommentSection(lines.get(sectionStart))) sectionStart++;
        Article article = ArticlePageParser.parse(lines.subList(0, sectionStart));
        List<Comment> comments = comments(lines.subList(sectionStart, lines.size()));
        return new CommentThread(threadId, article, linkParentsOnPage(comments));
    }

    /** True when the page has at least one numbered comment, i.e. is not a bare article. */
    public static boolean isCommentPage(String page) {
        for (String line : PageLines.of(page)) if (COMMENT_HEADER.matcher(line).matches()) return true;
        return false;
    }

    private static boolean startsCommentSection(String line) {
        return SECTION_START.contains(line) || COMMENT_HEADER.matcher(line).matches();
    }

    private static List<Comment> comments(List<String> section) {
        List<Comment> comments = new ArrayList<>();
        Integer number = null;
        List<String> body = new ArrayList<>();
        for (String line : section) {
            Matcher header = COMMENT_HEADER.matcher(line);
            boolean endsComment = header.matches() || line.equals(RATE_THIS) || FOOTER.matcher(line).matches();
            if (endsComment && number != null) {
                Comment c = comment(number, body);
                if (c != null) comments.add(c);
                number = null;
            }
            if (header.matches()) {
                number = Integer.valueOf(header.group(1));
                body = new ArrayList<>();
            } else if (number != null && !TIMESTAMP.matcher(line).matches()) {
                body.add(line);
            }
        }
        if (number != null) {
            Comment c = comment(number, body);
            if (c != null) comments.add(c);
        }
        return comments;
    }

    private static Comment comment(int number, List<String> lines) {
        return BbcCommentStart.comment(number, PageLines.paragraphs(lines));
    }

    private static List<Comment> linkParentsOnPage(List<Comment> comments) {
        Map<Integer, String> idByNumber = new HashMap<>();
        for (Comment c : comments) idByNumber.putIfAbsent(c.number(), c.id());
        List<Comment> linked = new ArrayList<>();
        for (Comment c : comments) {
            String parentId = c.parentNumber() == null ? null : idByNumber.get(c.parentNumber());
            linked.add(parentId == null || parentId.equals(c.id()) ? c : c.withParentId(parentId));
        }
        return linked;
    }
}
