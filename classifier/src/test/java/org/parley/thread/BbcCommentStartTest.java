package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** How a comment's opening marks a quote or a reply (BbcCommentStart), read through the page parser. */
class BbcCommentStartTest {
    @Test
    void aShortReplyIsTextNotAName() {
        // Each was lost or misread: "@351 idiot" and "@324. Agreed." gave no comment, the others a name.
        assertComment(comment(362, "@351 idiot"), "idiot", 351, null, null);
        assertComment(comment(362, "@324. Agreed."), "Agreed.", 324, null, null);
        assertComment(comment(362, "@349. Absolutely right, they should pay for it"), "Absolutely right, they should pay for it", 349, null, null);
        assertComment(comment(400, "@10 Downing Street should resign"), "Downing Street should resign", 10, null, null);
        assertComment(comment(362, "@324.\n\nI agree"), "I agree", 324, null, null);
        assertComment(comment(362, "@324."), "@324.", 324, null, null);
    }

    @Test
    void aNumberRunIntoAWordIsNoMarker() {
        assertComment(comment(400, "@5pm the vote starts"), "@5pm the vote starts", null, null, null);
    }

    @Test
    void theReplyLinkOnItsOwnLineNamesTheParent() {
        assertComment(comment(361, "@324. MidwayBattle\n\nOpen western democracies?"), "Open western democracies?", 324, "MidwayBattle", null);
        assertComment(comment(2, "@1. Bob\nAgreed."), "Agreed.", 1, "Bob", null);
    }

    @Test
    void aReplyNameOfSeveralWordsIsTakenWhereAQuoteMarkerOnThePageGivesIt() {
        // "@324. Some Name" stayed text with no parentAuthor. The BBC page shows no authors, but "324.Some Name wrote:"
        // on it names 324.
        String page = "Title\n\nrate this\n\nComment number 362.\n\n@324. Some Name\n\nI agree with you\n\n"
                + "rate this\n\nComment number 361.\n\n@300. Mary Ann de Souza\n\nNo.\n\n"
                + "rate this\n\nComment number 360.\n\n324.Some Name wrote:\n\nthe passage\n\nmy reply\n\n"
                + "rate this\n\nComment number 359.\n\n300.Mary Ann de Souza wrote:\n\nanother passage\n\nmine\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertComment(thread.comment("c362"), "I agree with you", 324, "Some Name", null);
        assertComment(thread.comment("c361"), "No.", 300, "Mary Ann de Souza", null);
    }

    @Test
    void aReplyNameOfSeveralWordsIsTakenFromAQuoteMarkerFurtherDownAComment() {
        // Only a marker opening a comment named 5: "5.Dana Smith wrote:" as a second quote, or as the marker of a quoted
        // quote, left "@5. Dana Smith" text with no parentAuthor.
        String secondQuote = "Title\n\nrate this\n\nComment number 9.\n\n@5. Dana Smith\n\nI agree with you\n\n"
                + "rate this\n\nComment number 8.\n\n6.Seqenenre wrote:\n\nPutin is right.\n\n5.Dana Smith wrote:\n\n"
                + "You are all idiots.\n\nCalm down.\n";
        assertComment(BbcCommentPageParser.parse("t", secondQuote).comment("c9"), "I agree with you", 5, "Dana Smith", null);
        String quotedQuote = "Title\n\nrate this\n\nComment number 9.\n\n@5. Dana Smith\n\nI agree with you\n\n"
                + "rate this\n\nComment number 8.\n\n6.Seqenenre wrote:\n\n5.Dana Smith wrote:\n\nYou are all idiots.\n\n"
                + "Putin is right.\n\nCalm down.\n";
        assertComment(BbcCommentPageParser.parse("t", quotedQuote).comment("c9"), "I agree with you", 5, "Dana Smith", null);
        // A marker line with nothing after it sets no passage apart, so it is the commenter's text and names nobody.
        String lastLine = "Title\n\nrate this\n\nComment number 9.\n\n@5. Dana Smith\n\nI agree with you\n\n"
                + "rate this\n\nComment number 8.\n\nCalm down.\n\n5.Dana Smith wrote:\n";
        assertComment(BbcCommentPageParser.parse("t", lastLine).comment("c9"), "Dana Smith\n\nI agree with you", 5, null, null);
    }

    @Test
    void aReplyNameOfSeveralWordsThatNoQuoteMarkerGivesStaysText() {
        // Documented: "@349. Absolutely right" looks the same, so without the page naming 324 no name is taken.
        assertComment(comment(362, "@324. Some Name\n\nI agree with you"), "Some Name\n\nI agree with you", 324, null, null);
        String otherName = "Title\n\nrate this\n\nComment number 362.\n\n@324. Some Name\n\nI agree\n\n"
                + "rate this\n\nComment number 360.\n\n324.Another Name wrote:\n\nthe passage\n\nmy reply\n";
        assertComment(BbcCommentPageParser.parse("t", otherName).comment("c362"), "Some Name\n\nI agree", 324, null, null);
    }

    @Test
    void aQuoteOnAPageSavedWithoutBlankLinesEndsWhereTheQuotedCommentsLinesEnd() {
        // The passage and the reply ran together: all of it was the comment's text, with no quote.
        String page = "Title\nrate this\nComment number 5.\n3.Alice Smith wrote:\nfirst quoted line\nsecond quoted line\nmy own reply\n"
                + "and its second line\nrate this\nComment number 3.\nfirst quoted line\nsecond quoted line\n";
        Comment c = BbcCommentPageParser.parse("t", page).comment("c5");
        assertComment(c, "my own reply\nand its second line", 3, "Alice Smith", "first quoted line\nsecond quoted line");
        assertEquals("c3", c.parentId());
    }

    @Test
    void aQuoteOnAPageSavedWithoutBlankLinesWhoseParentIsNotOnThePageStaysText() {
        // Documented: nothing on the page says where the passage ends.
        assertComment(comment(5, "3.Alice Smith wrote:\nfirst quoted line\nmy own reply"),
                "first quoted line\nmy own reply", 3, "Alice Smith", null);
    }

    @Test
    void wroteWithWordsAfterItIsText() {
        // A numbered list or a year, not the BBC's marker, which stands alone on its line.
        assertComment(comment(351, "1. Kerry wrote: we have evidence\n\nI doubt it"), "1. Kerry wrote: we have evidence\n\nI doubt it", null, null, null);
        assertComment(comment(400, "2003. Blair wrote: 45 minutes\n\nand we believed him"), "2003. Blair wrote: 45 minutes\n\nand we believed him", null, null, null);
    }

    @Test
    void onlyAnEarlierCommentCanBeAParent() {
        // 351 and 352 naming each other failed the page with a cycle error that named neither comment.
        CommentThread thread = BbcCommentPageParser.parse("t", "Headline\n\nrate this\n\nComment number 352.\n\n@351. Chelsea\n\nDid anyone\n\n"
                + "rate this\n\nComment number 351.\n\n@352. Ras\n\nBoycott\n");
        assertEquals("c351", thread.comments().get(0).parentId());
        assertComment(thread.comments().get(1), "Boycott", null, null, null);

        // "@0." failed the page with "parentNumber: must be at least 1, was 0", naming no comment.
        assertComment(comment(361, "@0. MidwayBattle\n\nOpen western"), "Open western", null, null, null);
        assertComment(comment(362, "@362. Me\n\nmy own words"), "my own words", null, null, null);
        // A quote is still set apart from the text when its number is impossible.
        assertComment(comment(362, "365.Frank wrote:\n\nquoted\n\nmine"), "mine", null, null, "quoted");
    }

    @Test
    void aQuoteOfAQuoteIsOneQuote() {
        Comment c = comment(366, "365.Frank wrote:\n\n296.Seqenenre wrote:\n\n...And who starves here to find £52m aid??\n\n"
                + "... Mostly true, except Russia is also supplying arms to Syria.\n\nRussia is not the only one.");
        assertComment(c, "Russia is not the only one.", 365, "Frank",
                "296.Seqenenre wrote:\n\n...And who starves here to find £52m aid??\n\n... Mostly true, except Russia is also supplying arms to Syria.");
        assertEquals(List.of(new QuotedComment(null, 296, "Seqenenre", "...And who starves here to find £52m aid??")), c.alsoQuotes());
    }

    @Test
    void aFurtherQuotedCommentNamesOnlyAnEarlierOne() {
        // A second marker naming the comment's own number, or a later one, quotes nothing the thread can name.
        assertEquals(List.of(), comment(9, "6.Ann wrote:\n\nA\n\nmine\n\n12.Bob wrote:\n\nB\n\nmore").alsoQuotes());
        assertEquals(List.of(new QuotedComment(null, 5, "Bob", "B\nB2")),
                comment(9, "6.Ann wrote:\n\nA\n\nmine\n\n5.Bob wrote:\nB\nB2\n\nmore").alsoQuotes());
    }

    @Test
    void aSecondQuotedPassageIsNotTheCommentersText() {
        // The second passage, and the marker naming its author, were read as the commenter's own words (8 and 7); a
        // quote after the commenter's first line was text and gave no parent (9).
        CommentThread thread = BbcCommentPageParser.parse("t", Fixtures.page("two-quotes.txt"));
        String both = "Putin is right.\n\n5.Dana Smith wrote:\n\nYou are all idiots.";
        assertComment(thread.comments().get(0), "I agree with this:\n\nQuite.", 7, "Frank", "Both of you are wrong.");
        assertEquals("c7", thread.comments().get(0).parentId());
        assertComment(thread.comments().get(1), "Nonsense.\n\nCalm down.", 6, "Seqenenre", both);
        assertComment(thread.comments().get(2), "Both of you are wrong.", 6, "Seqenenre", both);
        // Whom the second passage quotes is in the structure too (it was in the quote's marker line alone).
        List<QuotedComment> dana = List.of(new QuotedComment(null, 5, "Dana Smith", "You are all idiots."));
        assertEquals(dana, thread.comments().get(1).alsoQuotes());
        assertEquals(dana, thread.comments().get(2).alsoQuotes());
        assertEquals(List.of(), thread.comments().get(0).alsoQuotes());
        // Quotes and nothing else: the last passage stays the comment's text, as with one quote.
        assertComment(comment(9, "6.Ann wrote:\n\nA\n\n5.Bob wrote:\n\nB"), "5.Bob wrote:\n\nB", 6, "Ann", "A");
    }

    @Test
    void aFurtherQuotedCommentOnThePageIsNamedByItsIdToo() {
        // As a parent on the page gets parentId: the entry names the comment the service stores, not a number alone.
        String page = Fixtures.page("two-quotes.txt").replace("Page 2 of 2",
                "  \u2022 rate this\n\n    Comment number 5.\n\n    You are all idiots.\n\nPage 2 of 2");
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals("c5", thread.comments().get(4).id());
        List<QuotedComment> dana = List.of(new QuotedComment("c5", 5, "Dana Smith", "You are all idiots."));
        assertEquals(dana, thread.comments().get(1).alsoQuotes());
        assertEquals(dana, thread.comments().get(2).alsoQuotes());
        assertEquals("c6", thread.comments().get(1).parentId());
        // Off the page (aSecondQuotedPassageIsNotTheCommentersText): the number alone, as before.
    }

    @Test
    void aLongLineIsReadInLinearTime() {
        // The old marker pattern backtracked over the run of spaces: 15.9 s for 80,000 of them, ~5 s for these.
        String line = "1.x" + " ".repeat(48_000) + "y";
        Comment c = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> comment(2, line));
        assertEquals(line, c.text());
        String longName = "1." + "x ".repeat(150) + "wrote:"; // a name over 200 characters is not a name
        assertComment(comment(2, longName + "\n\nmine"), longName + "\n\nmine", null, null, null);
    }

    private static void assertComment(Comment c, String text, Integer parentNumber, String parentAuthor, String quote) {
        assertEquals(text, c.text(), "text");
        assertEquals(parentNumber, c.parentNumber(), "parentNumber");
        assertEquals(parentAuthor, c.parentAuthor(), "parentAuthor");
        assertEquals(quote, c.quote(), "quote");
    }

    /** The only comment of a page whose comment {@code number} has {@code body}. */
    private static Comment comment(int number, String body) {
        CommentThread thread = BbcCommentPageParser.parse("t", "Title\n\nrate this\n\nComment number " + number + ".\n\n" + body + "\n");
        assertEquals(1, thread.comments().size(), "one comment");
        assertNull(thread.comments().get(0).parentId(), "no parent on the page");
        return thread.comments().get(0);
    }
}
