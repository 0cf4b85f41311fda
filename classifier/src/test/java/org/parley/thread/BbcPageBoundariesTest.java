package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-built pages, each on the boundary of one rule of docs/thread-format.md, "How a page is read": a line either side
 * of where the rule changes its answer. The seed pages never stand there, so without these the rules went unpinned
 * (PIT's boundary and negated-condition mutants of BbcCommentPageParser survived them).
 */
class BbcPageBoundariesTest {

    private static List<Integer> numbers(CommentThread thread) {
        return thread.comments().stream().map(Comment::number).toList();
    }

    private static List<String> texts(CommentThread thread) {
        return thread.comments().stream().map(Comment::text).toList();
    }

    @Test
    void aPageWithNothingThatStartsTheCommentsIsAllArticle() {
        CommentThread thread = BbcCommentPageParser.parse("t", "Headline\n\nJust an article.\n");
        assertEquals(List.of(), thread.comments());
        assertEquals("Headline", thread.article().title());
        assertEquals("Just an article.", thread.article().body());
        // With no comments below, an empty page is refused as an article would be, not as a page of comments only.
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", "\n \n"));
        assertEquals("title: missing: the page has no text", e.getMessage());
    }

    @Test
    void theSectionsFirstHeaderCountsWithoutARateThisAboveIt() {
        String page = "Headline\n\nThis entry is now closed for comments\n\nComment number 3.\n\nA\n\nrate this\n\nComment number 2.\n\nB\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(3, 2), numbers(thread));
        assertEquals(List.of("A", "B"), texts(thread));
    }

    @Test
    void oneHeaderAfterARateThisMakesItTheBbcsLayoutEvenNumberOneBelowAScore() {
        // Only header 1 follows a "rate this" (its score between): that is enough, so the typed "Comment number 7."
        // that follows none is comment 3's text. Read as a plain scrape, 7 would head a comment of its own.
        for (String score : List.of("", "+5\n\n")) {
            String page = "Headline\n\nComment number 3.\n\nA\n\nComment number 7.\n\nmore A\n\nrate this\n\n" + score
                    + "Comment number 1.\n\nB\n";
            CommentThread thread = BbcCommentPageParser.parse("t", page);
            assertEquals(List.of(3, 1), numbers(thread), score);
            assertEquals(List.of("A\n\nComment number 7.\n\nmore A", "B"), texts(thread), score);
        }
        // No header right after a "rate this": every header counts (a plain scrape).
        String plain = "Headline\n\nComment number 3.\n\nA\n\nComment number 7.\n\nmore A\n\nrate this\n\nB\n\nComment number 1.\n\nC\n";
        assertEquals(List.of(3, 7, 1), numbers(BbcCommentPageParser.parse("t", plain)));
    }

    @Test
    void theCommentersLayoutIsReadFromTheirTextNotFromTheHeaders() {
        // Headers at the margin, comments' text indented: a "rate this" indented as the text is the commenter's.
        String page = "Headline\n\n  \u2022 rate this\n\nComment number 2.\n\n    Agreed.\n\n  \u2022 rate this\n\nComment number 1.\n\n"
                + "    First!\n\n    rate this\n\n    Comment number 9.\n\n    Not nine.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(2, 1), numbers(thread));
        assertEquals("First!\n\nrate this\n\nComment number 9.\n\nNot nine.", thread.comments().get(1).text());
    }

    @Test
    void aBulletTheCleaningKeepsIsPartOfTheRateThisLayout() {
        // "* rate this" at the margin is the page's; a bare "rate this" at the margin, as the text is, the commenter's.
        String page = "Headline\n\n* rate this\n\nComment number 2.\n\nAgreed.\n\n* rate this\n\nComment number 1.\n\n"
                + "First!\n\nrate this\n\nComment number 9.\n\nNot nine.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(2, 1), numbers(thread));
        assertEquals("First!\n\nrate this\n\nComment number 9.\n\nNot nine.", thread.comments().get(1).text());
    }

    @Test
    void aRepeatedNumberFoldsTheEarlierHeaderWhereTheLaterIsInOrder() {
        // 4, 3, 3, 2: the later 3 stands between 4 and 2, so the earlier one was typed (in comment 4).
        String page = "Headline\n\nComment number 4.\n\nFour.\n\nComment number 3.\n\nTyped in four.\n\nComment number 3.\n\n"
                + "Three.\n\nComment number 2.\n\nTwo.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(4, 3, 2), numbers(thread));
        assertEquals(List.of("Four.\n\nComment number 3.\n\nTyped in four.", "Three.", "Two."), texts(thread));
    }

    @Test
    void aRepeatedNumberFoldsTheLaterHeaderWhereItIsOutOfOrder() {
        // 9, 3, 3, 4: the later 3 is not between 9 (the nearest other number above it) and 4, so it is the typed one.
        String page = "Headline\n\nComment number 9.\n\nNine.\n\nComment number 3.\n\nTyped in nine.\n\nComment number 3.\n\n"
                + "Three.\n\nComment number 4.\n\nFour.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(9, 3, 4), numbers(thread));
        assertEquals(List.of("Nine.", "Typed in nine.\n\nComment number 3.\n\nThree.", "Four."), texts(thread));
    }

    @Test
    void aRepeatedNumberOnThePagesLastHeaderIsInOrder() {
        // 2, 9, 1, 9: nothing follows the later 9 to put it out of order, so the earlier 9 (in comment 2) is folded.
        String page = "Headline\n\nComment number 2.\n\nTwo.\n\nComment number 9.\n\nTyped in two.\n\nComment number 1.\n\n"
                + "One.\n\nComment number 9.\n\nNine.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(2, 1, 9), numbers(thread));
        assertEquals(List.of("Two.\n\nComment number 9.\n\nTyped in two.", "One.", "Nine."), texts(thread));
    }

    @Test
    void anUnusableHeaderIsQuotedWholeUpTo80Characters() {
        String at80 = "Comment number " + "0".repeat(65);
        for (String line : List.of(at80, at80 + "0")) {
            String page = "Headline\n\nrate this\n\n" + line + "\n\nHello\n";
            InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", page));
            String shown = line.length() <= 80 ? line : at80 + "\u2026";
            assertTrue(e.getMessage().startsWith("comments: line 5: \"" + shown + "\" is where"), e.getMessage());
        }
    }

    @Test
    void chromeOnACommentsFirstLineIsDroppedToo() {
        // No blank lines, so each piece of chrome is the first line after its header: 4 is only the heading of the
        // block below it, 3 only the next comment's "rate this", 2 only that and its score. None has text.
        String page = "Headline\nrate this\nComment number 4.\nAll comments\nrate this\nComment number 3.\nrate this\n"
                + "Comment number 2.\nrate this\n+4\nComment number 1.\nOne.\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(1), numbers(thread));
        assertEquals(List.of("One."), texts(thread));
    }

    @Test
    void theFooterIsLookedForOnlyBelowTheLastHeader() {
        // A footer-like line right above the last header is the comment before it's text, and ends nothing.
        String page = "Headline\nComment number 2.\nA\nMore made-up stories\nComment number 1.\nB\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of("A\nMore made-up stories", "B"), texts(thread));
    }
}
