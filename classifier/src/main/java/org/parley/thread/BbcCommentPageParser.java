package org.parley.thread;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * section; each comment is introduced by a "rate this" line and a "Comment number N." line. The
 * page's structure, not a line's look, says what is chrome, because commenters write anything:
 * <ul>
 *   <li>A header counts only as the first line after a "rate this" (blank lines between), so a line
 *       "Comment number 12" inside a comment is text. A page where no header follows a "rate this" is a
 *       plainer scrape: there every header line counts. Headers may have extra spaces and thousands
 *       separators ("Comment  number 1,366."); a line that looks like a header where one must be but
 *       whose number is unusable ("Comment number 0.") fails the page, naming the line, rather than
 *       losing the comment.</li>
 *   <li>A comment runs to the next header's "rate this", however the saver wrote it ("• rate this",
 *       "* rate this", "� rate this"), and the comment's score beside it ("rate this +12", or "+12", "0",
 *       "-3" on the line below) goes with it. A "rate this" line with more of the comment after it is the
 *       commenter's text; one that ends the last comment is taken for chrome.</li>
 *   <li>The page footer ("Page 14 of 32", "More … stories", "BBC © …") ends the last comment only:
 *       at its pagination line, else where the run of footer lines that ends the page begins. Inside
 *       earlier comments, or followed by the commenter's words, such lines are text. On a page with
 *       neither, the last comment's first footer-like line still ends it.</li>
 *   <li>Lines the BBC puts first in a comment, a timestamp ("5 Minutes ago") and the "Editors' Pick"
 *       label, are dropped there and only there; the heading of the next block ("All comments",
 *       "Editors' Picks") is dropped from the end of the comment before it.</li>
 *   <li>A comment whose whole text is the BBC's notice in its place ("This comment was removed because the
 *       moderators found it broke the house rules. Explain.", "… has been referred for further consideration",
 *       "… is awaiting moderation") is skipped: nobody's words are there to score. Text that only opens like a
 *       notice is the commenter's.</li>
 *   <li>A comment shown twice (an "Editors' Picks" block repeats comments of the list below it) is
 *       kept once, where it last appears.</li>
 *   <li>A commenter who types "rate this" and a header inside their comment does not make the rest a comment of its
 *       own where the page lays out its "rate this" apart from comments' text (the BBC's "  • rate this" against the
 *       commenter's "    rate this"; {@link PageLines#read}). Where nothing tells them apart and the typed number
 *       heads another comment on the page, the earlier header where the later is in order with the numbers around
 *       it (else the later one) is folded into the comment it stands in: one commenter cannot keep the page out. A
 *       typed number on no other header is folded where it stands between two comments numbered one apart on a page
 *       whose other numbers run in order.</li>
 * </ul>
 *
 * <p>How quotes and replies are read, at the start of a comment ({@link BbcCommentStart}):
 * <ul>
 *   <li>{@code 296.Seqenenre wrote:}, alone on its line, starts a quote of comment 296 by Seqenenre.
 *       The BBC renders the quoted passage as one block, so the scraped text shows it as one paragraph
 *       (its own line breaks kept, no blank line inside): the quote is the first paragraph after the
 *       marker (or the rest of the marker's own paragraph, if it has more lines) and the comment's own
 *       text is every paragraph after that. If nothing follows the passage, the passage is taken as
 *       the comment's own text, since a comment must have some, unless the quoted comment is on the
 *       page: then the passage's first lines that it shows are the quote, the rest the comment's own
 *       (a page saved without blank lines runs quote and reply together). A quote that opens with a
 *       marker of its own (a quote of a quote) also takes that marker's passage and the quoted
 *       comment's own paragraph. "Kerry wrote: we have evidence", with words after "wrote:", is text.
 *       A marker further down (a comment quoting two others, or quoting after a line of its own) sets
 *       its passage apart too, with the marker, in the quote; the first marker names the parent. A
 *       comment of quotes and nothing else keeps its last passage as its text.</li>
 *   <li>{@code @324. MidwayBattle} on a line of its own, the reply below it, answers comment 324 by
 *       MidwayBattle, quoting nothing; the name is that one word, or several ("@324. Some Name") when a
 *       quote marker on the page ("324.Some Name wrote:", opening a comment or further down one) gives 324 that
 *       name: the page shows no authors. Other words after the number ("@351 idiot", "@349. Absolutely right, …") are the
 *       reply's text and give no name. A marker with nothing after it is kept as the comment's text.</li>
 *   <li>A comment can only answer an earlier one: a marker naming 0, the comment's own number or a
 *       later one gives no parent (the quote is still set apart).</li>
 *   <li>Anything else, such as a passage in double quotes with no "wrote:" marker (comment 358 of
 *       the seed), is the commenter's own text: without a marker we cannot say where a quote ends or
 *       whom it quotes.</li>
 * </ul>
 * Comment ids are "c" + number. A parent that is on the same page gets {@code parentId}; one on
 * another page keeps only {@code parentNumber}. So does a further quoted comment ({@code alsoQuotes}): its {@code id}
 * where it is on the page, its number alone where not. A comment left with no text at all is skipped.
 */
public final class BbcCommentPageParser {
    private static final Pattern HEADER = Pattern.compile( // at most 9 digits, so it always fits an int
            "Comment\\s+number\\s+(\\d{1,3}(?:,\\d{3}){1,2}|\\d{1,9})\\s*\\.?", Pattern.CASE_INSENSITIVE);
    /** A header whatever its number: where one must be, a line like this that is not a {@link #HEADER} is an error. */
    private static final Pattern HEADER_LIKE = Pattern.compile("Comment\\s+number[\\s\\d,.]*", Pattern.CASE_INSENSITIVE);
    /** The comment's net score as the page shows it beside "rate this": "+12", "0", "-3" (a hyphen or a minus sign). */
    private static final String SCORE = "[+\\-\u2212]?\\d{1,9}";
    private static final Pattern SCORE_LINE = Pattern.compile(SCORE);
    /**
     * Savers write the bullet as "•", "*", or "�" (a cp1252 bullet read as UTF-8); PageLines drops only the first. The
     * score may share the line ("rate this +12") or have one of its own after it ({@link #SCORE_LINE}). Any spaces
     * between the words, as between a header's: a tab or two spaces made every "rate this" the comment's text.
     */
    private static final Pattern RATE_THIS = Pattern.compile("([^\\p{L}\\p{N}]{0,3})rate\\s+this(?:\\s*" + SCORE + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> SECTION_START = Set.of("This entry is now closed for comments", "Jump to comments pagination");
    private static final Pattern PAGINATION = Pattern.compile("Page \\d+ of \\d+");
    private static final Pattern FOOTER = Pattern.compile(
            "Page \\d+ of \\d+|More .* stories|BBC © .*|This page is best viewed .*");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d+ (?:second|minute|hour|day|week|month|year)s? ago", Pattern.CASE_INSENSITIVE);
    private static final Pattern PICK_LABEL = Pattern.compile("Editors['’] Pick", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLOCK_HEADING = Pattern.compile("Editors['’] Picks|All comments", Pattern.CASE_INSENSITIVE);
    /**
     * What the BBC shows in place of a comment it removed or holds back. The notice must be the whole text: any text
     * that merely began "This comment was removed because" was skipped, so a commenter who opened with it went unscored.
     */
    private static final Pattern MODERATION_NOTICE = Pattern.compile("This comment (?:was removed because (?:the moderators "
            + "found )?it broke the house rules|has been referred for further consideration|is awaiting moderation)\\.?"
            + "(?:\\s+Explain\\.?)?", Pattern.CASE_INSENSITIVE);

    private BbcCommentPageParser() {}

    /** A comment and the 1-based page line of its header, for messages. */
    private record Placed(Comment comment, int line) {}

    /** A comment's number, the 1-based page line of its header and its paragraphs, chrome removed. */
    private record Span(int number, int line, List<List<String>> paragraphs) {}

    /**
     * The page's clean lines, what cleaning cut from their starts ({@link PageLines#read}), and where the comments
     * begin. {@code typedRateThis} is the layout of a "rate this" a commenter typed where the page lays its own out
     * otherwise: on the BBC's page its own is "  • rate this", a commenter's line "    rate this", laid out as the rest
     * of the comments' text. Null where nothing tells them apart (a plain scrape: every line at the margin).
     */
    private record Section(List<String> lines, List<String> layouts, int start, String typedRateThis) {
        static Section of(List<String> lines, List<String> layouts, int start) {
            Map<String, Integer> rateThis = new LinkedHashMap<>();
            Map<String, Integer> text = new LinkedHashMap<>();
            for (int i = start; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isEmpty()) continue;
                if (RATE_THIS.matcher(line).matches()) rateThis.merge(rateThisLayout(lines, layouts, i), 1, Integer::sum);
                else if (!HEADER_LIKE.matcher(line).matches()) text.merge(layouts.get(i), 1, Integer::sum);
            }
            String pages = mostCommon(rateThis);
            String commenters = mostCommon(text);
            return new Section(lines, layouts, start, pages == null || pages.equals(commenters) ? null : commenters);
        }

        /** A "rate this" that is the page's, as far as its layout tells: one laid out as comment text is typed. */
        boolean isPagesRateThis(int i) {
            return RATE_THIS.matcher(lines.get(i)).matches()
                    && (typedRateThis == null || !typedRateThis.equals(rateThisLayout(lines, layouts, i)));
        }

        /** The line's cut start and any bullet the cleaning kept ("* rate this"). */
        private static String rateThisLayout(List<String> lines, List<String> layouts, int i) {
            Matcher m = RATE_THIS.matcher(lines.get(i));
            return m.matches() ? layouts.get(i) + m.group(1) : layouts.get(i);
        }

        private static String mostCommon(Map<String, Integer> counts) {
            String most = null;
            for (Map.Entry<String, Integer> e : counts.entrySet()) if (most == null || e.getValue() > counts.get(most)) most = e.getKey();
            return most;
        }
    }

    /**
     * @param threadId the id the thread gets (the page has none of its own)
     * @throws InvalidThreadException if the page has no article text to take a title from, a header
     *     where one must be has an unusable number, a comment breaks a limit of the thread format (text over 50,000 characters), or the page has
     *     more than 10,000 comments; the message names the page line or the comment number
     */
    public static CommentThread parse(String threadId, String page) {
        return parse(threadId, page, null);
    }

    /**
     * As {@link #parse(String, String)}, the article titled {@code title} (null: the page's headline). A page saved
     * without its article, the comments alone, was refused for want of a title; with one given it is that title's.
     * The page's own headline, where it has one, gives way to it, and its article text is kept.
     */
    public static CommentThread parse(String threadId, String page, String title) {
        PageLines.Read read = PageLines.read(page);
        List<String> lines = read.lines();
        int sectionStart = 0;
        while (sectionStart < lines.size() && !startsCommentSection(lines.get(sectionStart))) sectionStart++;
        Article article = article(lines.subList(0, sectionStart), sectionStart < lines.size(), title);
        List<Placed> comments = comments(Section.of(lines, read.layouts(), sectionStart));
        return new CommentThread(threadId, article, linkParentsOnPage(withoutRepeats(comments)));
    }

    private static Article article(List<String> lines, boolean commentsFollow, String title) {
        try {
            return ArticlePageParser.parse(lines, title);
        } catch (InvalidThreadException e) {
            // ArticlePageParser says "the page has no text", which is untrue of a page of comments only.
            if (!commentsFollow || !e.problem().startsWith("missing")) throw e;
            throw new InvalidThreadException(e.field(), "missing: the page has no article before its comments to take a title from");
        }
    }

    /** True when the page has at least one numbered comment, i.e. is not a bare article. */
    public static boolean isCommentPage(String page) {
        for (String line : PageLines.of(page)) if (HEADER.matcher(line).matches()) return true;
        return false;
    }

    private static boolean startsCommentSection(String line) {
        return SECTION_START.contains(line) || RATE_THIS.matcher(line).matches() || HEADER.matcher(line).matches();
    }

    /**
     * The comments under the page's headers. Where one number heads two different comments, one header was typed by
     * a commenter whose "rate this" the layout did not tell (a plain scrape): it is folded into the comment it stands
     * in, as that commenter's text, rather than refusing the page, which let any commenter keep a page out.
     */
    private static List<Placed> comments(Section section) {
        List<Integer> headers = headers(section);
        while (true) { // folding changes the comment above, which may meet its own repeat: read the page again
            List<Placed> comments = comments(section, headers);
            Set<Integer> typed = typedHeaders(comments, headers, section.lines());
            if (typed.isEmpty()) typed = outOfRunHeaders(headers, section.lines());
            if (typed.isEmpty()) return comments;
            List<Integer> kept = new ArrayList<>();
            for (int k = 0; k < headers.size(); k++) if (!typed.contains(k)) kept.add(headers.get(k));
            headers = kept;
        }
    }

    /**
     * Of two headers with one number over different comments, the index (in {@code headers}) of the one to fold: the
     * earlier one where the later is in order with the headers around it (the page's numbers run down, or up), as a
     * commenter typing the number of the comment below theirs would have it; else the later one. The section's first
     * header is the page's, as no comment precedes it. All such at once, so that a page of many costs one more
     * reading, not one per header.
     */
    private static Set<Integer> typedHeaders(List<Placed> comments, List<Integer> headers, List<String> lines) {
        Map<Integer, Integer> indexByLine = new HashMap<>();
        for (int k = 0; k < headers.size(); k++) indexByLine.put(headers.get(k) + 1, k);
        Map<Integer, Placed> kept = new HashMap<>();
        Set<Integer> typed = new HashSet<>();
        for (Placed p : comments) {
            Placed seen = kept.putIfAbsent(p.comment().number(), p);
            if (seen == null || seen.comment().equals(p.comment())) continue;
            int earlier = indexByLine.get(seen.line());
            int later = indexByLine.get(p.line());
            if (earlier > 0 && inOrder(headers, lines, later)) {
                typed.add(earlier);
                kept.put(p.comment().number(), p);
            } else {
                typed.add(later);
            }
        }
        return typed;
    }

    /**
     * Headers (indexes in {@code headers}) whose number is on no other header and breaks the run of the page's numbers
     * where nothing can stand: between two comments numbered one apart (351, 12, 350), on a page whose other numbers run
     * strictly down, or up. A commenter typed it; it is folded into the comment above. Where the page's numbers are in
     * no such order (sorted by rating, Editors' Picks of comments on other pages), nothing is folded: a header there may
     * be the page's own. A comment shown twice counts once, at its last place, as {@link #withoutRepeats} keeps it.
     */
    private static Set<Integer> outOfRunHeaders(List<Integer> headers, List<String> lines) {
        int[] numbers = new int[headers.size()];
        Map<Integer, Integer> count = new HashMap<>();
        Map<Integer, Integer> last = new HashMap<>();
        for (int k = 0; k < headers.size(); k++) {
            numbers[k] = headerNumber(lines.get(headers.get(k)));
            count.merge(numbers[k], 1, Integer::sum);
            last.put(numbers[k], k);
        }
        List<Integer> run = new ArrayList<>();
        for (int k = 0; k < headers.size(); k++) if (last.get(numbers[k]) == k) run.add(k);
        Set<Integer> typed = new HashSet<>();
        List<Integer> rest = new ArrayList<>();
        for (int p = 0; p < run.size(); p++) {
            int n = numbers[run.get(p)];
            boolean between = p > 0 && p + 1 < run.size() && Math.abs(numbers[run.get(p - 1)] - numbers[run.get(p + 1)]) == 1;
            if (between && count.get(n) == 1) typed.add(run.get(p));
            else rest.add(numbers[run.get(p)]);
        }
        return typed.isEmpty() || !strictlyMonotonic(rest) ? Set.of() : typed;
    }

    private static boolean strictlyMonotonic(List<Integer> numbers) {
        boolean down = true;
        boolean up = true;
        for (int i = 1; i < numbers.size(); i++) {
            down &= numbers.get(i) < numbers.get(i - 1);
            up &= numbers.get(i) > numbers.get(i - 1);
        }
        return down || up;
    }

    /** True when header {@code k}'s number lies between those of the nearest headers around it with other numbers. */
    private static boolean inOrder(List<Integer> headers, List<String> lines, int k) {
        int n = headerNumber(lines.get(headers.get(k)));
        int before = -1;
        int after = -1;
        for (int j = k - 1; j >= 0 && before < 0; j--) if (headerNumber(lines.get(headers.get(j))) != n) before = headerNumber(lines.get(headers.get(j)));
        for (int j = k + 1; j < headers.size() && after < 0; j++) if (headerNumber(lines.get(headers.get(j))) != n) after = headerNumber(lines.get(headers.get(j)));
        return before < 0 || after < 0 || Math.min(before, after) < n && n < Math.max(before, after);
    }

    private static List<Placed> comments(Section section, List<Integer> headers) {
        List<String> lines = section.lines();
        List<Span> spans = new ArrayList<>();
        PageComments page = new PageComments();
        for (int k = 0; k < headers.size(); k++) {
            int header = headers.get(k);
            int end = k + 1 < headers.size() ? headers.get(k + 1) : footerStart(lines, header);
            List<List<String>> paragraphs = PageLines.paragraphs(body(section, header + 1, end));
            Span span = new Span(headerNumber(lines.get(header)), header + 1, paragraphs);
            spans.add(span);
            page.add(span.number(), span.paragraphs());
        }
        List<Placed> comments = new ArrayList<>();
        for (Span span : spans) {
            Comment c = comment(span, page);
            if (c != null) comments.add(new Placed(c, span.line()));
        }
        return comments;
    }

    /**
     * Indexes of the header lines. Where "rate this" lines introduce headers, a header is the first
     * line after the page's own one (not one laid out as a commenter's line, {@link Section}), or the
     * section's first header (nothing before it is a comment it could be part of); else every header line.
     */
    private static List<Integer> headers(Section section) {
        List<String> lines = section.lines();
        boolean rateThisMarksComments = rateThisIntroducesAHeader(lines, section.start());
        List<Integer> headers = new ArrayList<>();
        boolean afterRateThis = false;
        for (int i = section.start(); i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || afterRateThis && SCORE_LINE.matcher(line).matches()) continue;
            if (afterRateThis || !rateThisMarksComments || headers.isEmpty()) {
                if (headerNumber(line) >= 1) {
                    headers.add(i);
                } else if (HEADER_LIKE.matcher(line).matches()) {
                    String shown = line.length() <= 80 ? line : line.substring(0, 80) + "…";  // a page's line may be megabytes
                    throw new InvalidThreadException("comments", "line " + (i + 1) + ": \"" + shown
                            + "\" is where a comment header must be, but its number is not a comment number (1 to 999,999,999)");
                }
            }
            afterRateThis = section.isPagesRateThis(i);
        }
        return headers;
    }

    /**
     * True when some header line comes right after a "rate this" line (blank lines between), as on the
     * BBC's page. A "rate this" a commenter typed among their words, on a plainer scrape, made every
     * header after it but the first count as text, merging the comments into one.
     */
    private static boolean rateThisIntroducesAHeader(List<String> lines, int sectionStart) {
        boolean afterRateThis = false;
        for (String line : lines.subList(sectionStart, lines.size())) {
            if (line.isEmpty() || afterRateThis && SCORE_LINE.matcher(line).matches()) continue;
            if (afterRateThis && headerNumber(line) >= 1) return true;
            afterRateThis = RATE_THIS.matcher(line).matches();
        }
        return false;
    }

    /** The number a header line gives ("Comment number 1,366." gives 1366), or -1 for any other line. */
    private static int headerNumber(String line) {
        Matcher m = HEADER.matcher(line);
        return m.matches() ? Integer.parseInt(m.group(1).replace(",", "")) : -1;
    }

    /**
     * Where the last comment, starting at {@code header}, ends: at its pagination line; without one,
     * where the run of footer lines that ends the page begins, so that a footer-like line followed by
     * the commenter's words ("More made-up stories", then more) is theirs. A page that ends in no
     * footer line (no footer, or one whose last line is not known here) ends it at its first footer
     * line, as before: there a commenter's line and the footer's first line cannot be told apart.
     */
    private static int footerStart(List<String> lines, int header) {
        int firstFooter = lines.size();
        for (int i = header + 1; i < lines.size(); i++) {
            if (PAGINATION.matcher(lines.get(i)).matches()) return i;
            if (firstFooter == lines.size() && FOOTER.matcher(lines.get(i)).matches()) firstFooter = i;
        }
        int closingFooter = lines.size();
        for (int i = lines.size() - 1; i > header; i--) {
            if (lines.get(i).isEmpty()) continue;
            if (!FOOTER.matcher(lines.get(i)).matches()) break;
            closingFooter = i;
        }
        return closingFooter < lines.size() ? closingFooter : firstFooter;
    }

    /**
     * The comment's lines ({@code from} to {@code end} of the page) without chrome: a "rate this" that ends them (the
     * next comment's, or the page's last), a leading timestamp or pick label, a trailing block heading. A "rate this"
     * with more of the comment after it, or laid out as the commenter's text, is the commenter's.
     */
    private static List<String> body(Section section, int from, int end) {
        List<String> body = new ArrayList<>(section.lines().subList(from, end));
        int last = lastLine(body, body.size());
        int beforeLast = last < 0 ? -1 : lastLine(body, last);
        if (last >= 0 && section.isPagesRateThis(from + last)) {
            body.set(last, "");
        } else if (beforeLast >= 0 && SCORE_LINE.matcher(body.get(last)).matches() && section.isPagesRateThis(from + beforeLast)) {
            body.set(last, "");  // the next comment's score, below its "rate this"
            body.set(beforeLast, "");
        }
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i);
            if (line.isEmpty()) continue;
            if (!TIMESTAMP.matcher(line).matches() && !PICK_LABEL.matcher(line).matches()) break;
            body.set(i, "");
        }
        for (int i = body.size() - 1; i >= 0; i--) {
            if (body.get(i).isEmpty()) continue;
            if (BLOCK_HEADING.matcher(body.get(i)).matches()) body.set(i, "");
            break;
        }
        return body;
    }

    /** Index of the last non-empty line before {@code end}, or -1. */
    private static int lastLine(List<String> lines, int end) {
        for (int i = end - 1; i >= 0; i--) if (!lines.get(i).isEmpty()) return i;
        return -1;
    }

    private static Comment comment(Span span, PageComments page) {
        String all = PageLines.text(span.paragraphs());
        if (all == null || MODERATION_NOTICE.matcher(all).matches()) return null;
        try {
            return BbcCommentStart.comment(span.number(), span.paragraphs(), page);
        } catch (InvalidThreadException e) {
            throw new InvalidThreadException("comments",
                    "comment number " + span.number() + " (line " + span.line() + "): " + e.getMessage());
        }
    }

    /** Keeps one of each comment shown twice, at its last place ({@link #comments} left no number on two different ones). */
    private static List<Comment> withoutRepeats(List<Placed> comments) {
        Map<Integer, Placed> last = new HashMap<>();
        for (Placed p : comments) last.put(p.comment().number(), p);
        List<Comment> kept = new ArrayList<>();
        for (Placed p : comments) if (last.get(p.comment().number()) == p) kept.add(p.comment());
        return kept;
    }

    private static List<Comment> linkParentsOnPage(List<Comment> comments) {
        Map<Integer, String> idByNumber = new HashMap<>();
        for (Comment c : comments) idByNumber.put(c.number(), c.id());
        List<Comment> linked = new ArrayList<>();
        for (Comment c : comments) {
            String parentId = c.parentNumber() == null ? null : idByNumber.get(c.parentNumber());
            Comment withIds = c.alsoQuotes().isEmpty() ? c : c.withAlsoQuotes(c.alsoQuotes().stream().map(q -> {
                String id = idByNumber.get(q.number());
                return id == null ? q : new QuotedComment(id, q.number(), q.author(), q.text());
            }).toList());
            linked.add(parentId == null ? withIds : withIds.withParentId(parentId));
        }
        return linked;
    }
}
