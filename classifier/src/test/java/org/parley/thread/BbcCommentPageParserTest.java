package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BbcCommentPageParserTest {
    private static final String SEED_TEXT = Seeds.read(Seeds.COMMENT_PAGE);
    private static final CommentThread SEED = BbcCommentPageParser.parse("seed-001", SEED_TEXT);

    @Test
    void seedHasTwentyCommentsNumbered366DownTo347InPageOrder() {
        List<Integer> expected = IntStream.iterate(366, n -> n >= 347, n -> n - 1).boxed().toList();
        assertEquals(expected, SEED.comments().stream().map(Comment::number).toList());
        assertEquals("c366", SEED.comments().get(0).id());
        assertEquals("seed-001", SEED.id());
    }

    @Test
    void wroteMarkerSeparatesQuoteFromReply() {
        Comment c = comment(365);
        assertEquals(296, c.parentNumber());
        assertEquals("Seqenenre", c.parentAuthor());
        assertNull(c.author(), "the page does not name the author of 365 itself");
        assertNull(c.parentId(), "296 is on another page, so there is no id to point at");
        assertEquals("...And who starves here to find £52m aid??\n"
                + "Obama - should have just kept his mouth shut. We can't bomb people to save his face.\n"
                + "Putin - Seemingly more in touch with us than Cameron", c.quote());
        assertEquals("... Mostly true, except Russia is also supplying arms to Syria, therefore fuelling the conflict "
                + "further. Both the US and Russia want Syria for their own ends.", c.text());
    }

    @Test
    void aCommentThatNamesItsOwnNumberHasNoParent() {
        String page = Seeds.read(Seeds.COMMENT_PAGE).replace("@324. MidwayBattle", "@361. MidwayBattle");
        Comment c = BbcCommentPageParser.parse("t", page).comments().stream().filter(x -> x.number() == 361).findFirst().orElseThrow();
        assertNull(c.parentNumber(), "\"@361.\" in comment 361 is not a reply to itself");
        assertNull(c.parentId());
    }

    @Test
    void atMarkerIsAReplyWithoutQuote() {
        Comment c = comment(361);
        assertEquals(324, c.parentNumber());
        assertEquals("MidwayBattle", c.parentAuthor());
        assertNull(c.quote());
        assertTrue(c.text().startsWith("Open western democracies? Western countries"), c.text());
        assertFalse(c.text().contains("@324"), c.text());
    }

    @Test
    void doubleQuotedOpeningWithoutMarkerStaysText() {
        Comment c = comment(358);
        assertNull(c.quote());
        assertNull(c.parentNumber());
        assertTrue(c.text().startsWith("\"I absolutely HATE it when the news channels"), c.text());
        assertTrue(c.text().endsWith("Help is off the agenda, sadly."), c.text());
    }

    @Test
    void commentsWithoutMarkersHaveNoParent() {
        long replies = SEED.comments().stream().filter(c -> c.parentNumber() != null).count();
        assertEquals(2, replies, "only 365 and 361 quote or answer another comment");
    }

    @Test
    void timestampLineIsDropped() {
        Comment c = comment(348);
        assertTrue(c.text().startsWith("Only taking issue when the side he doesn't like uses Chems\""), c.text());
        assertFalse(c.text().contains("ago"), c.text());
    }

    @Test
    void noPageChromeInAnyComment() {
        List<String> chrome = List.of("rate this", "Comment number", "closed for comments", "Jump to comments",
                "Page 14 of 32", "More Middle East stories", "BBC ©", "style sheets", "Minutes ago", "More on This Story");
        for (Comment c : SEED.comments()) {
            for (String piece : chrome) {
                assertFalse(c.text().contains(piece), c.id() + " text contains \"" + piece + "\": " + c.text());
                if (c.quote() != null) assertFalse(c.quote().contains(piece), c.id() + " quote contains " + piece);
            }
        }
        assertEquals("Obama is like a stray dog, who ever he want, he can bite..", comment(347).text(),
                "the footer after the last comment is not part of it");
    }

    @Test
    void paragraphsAndLineBreaksOfACommentAreKept() {
        String text = comment(363).text();
        assertTrue(text.startsWith("As an American, everyone here I know is against intervention in Syria\n\nAll Americans"), text);
        assertTrue(text.contains("processed in America\n(not Chinese chicken"), text);
        assertTrue(text.endsWith("Obama has turned into Frankenstein"), text);
    }

    @Test
    void articleBeforeTheCommentsBecomesTheArticle() {
        Article a = SEED.article();
        assertEquals("Syria crisis: Russia and US no closer", a.title());
        assertNotNull(a.body());
        assertTrue(a.body().contains("Speeches by key leaders at the end of the G20 summit"), a.body());
        assertTrue(a.body().endsWith("is also withdrawing non-essential staff."), a.body());
        for (String chrome : List.of("More on This Story", "Start Quote", "End Quote", "not responsible", "rate this",
                "closed for comments", "Comment number")) {
            assertFalse(a.body().contains(chrome), "article body contains " + chrome);
        }
    }

    @Test
    void parentOnTheSamePageIsLinkedById() {
        String page = """
                A headline

                Some article text.

                This entry is now closed for comments
                  • rate this

                    Comment number 3.

                    @1. Bob

                    you are wrong

                    second paragraph
                  • rate this

                    Comment number 2.

                    1.Alice Smith wrote:

                    only a passage, nothing after it
                  • rate this

                    Comment number 1.

                    2 hours ago

                Page 1 of 1
                """;
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(3, 2), thread.comments().stream().map(Comment::number).toList(),
                "comment 1 has no text left once its timestamp is dropped, so it is skipped");

        Comment three = thread.comments().get(0);
        assertEquals(1, three.parentNumber());
        assertNull(three.parentId(), "comment 1 was skipped, so there is nothing on the page to point at");
        assertEquals("Bob", three.parentAuthor());
        assertEquals("you are wrong\n\nsecond paragraph", three.text());

        Comment two = thread.comments().get(1);
        assertEquals("Alice Smith", two.parentAuthor());
        assertNull(two.quote(), "a passage with nothing after it is the comment's own text");
        assertEquals("only a passage, nothing after it", two.text());
    }

    @Test
    void replyToACommentOnThePageGetsItsId() {
        String page = """
                Headline
                rate this
                Comment number 2.
                @1. Bob
                Agreed.
                rate this
                Comment number 1.
                First!
                """;
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        Comment reply = thread.comments().get(0);
        assertEquals("c1", reply.parentId());
        assertEquals(1, reply.parentNumber());
        assertEquals("Agreed.", reply.text());
        assertEquals("First!", thread.comments().get(1).text());
    }

    @Test
    void aCommentOfOnlyInvisibleSpacesIsSkippedNotAnError() {
        // The thread format refuses such text as blank; the page is not wrong, that comment just says nothing.
        String page = "Headline\nrate this\nComment number 2.\n\u200B\n\u3164\nrate this\nComment number 1.\n\u00A0\u2007\nFirst!\n";
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(List.of(1), thread.comments().stream().map(Comment::number).toList());
        assertEquals("First!", thread.comments().get(0).text());
    }

    @Test
    void htmlEntitiesLeftByTheSaverAreDecoded() {
        String page = Seeds.read(Seeds.COMMENT_PAGE).replace("said & done", "said &amp; done")
                .replace("There's no way", "There&#8217;s no way").replace("Syria crisis:", "Syria&nbsp;crisis:");
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals("Syria crisis: Russia and US no closer", thread.article().title());
        String text = thread.comments().get(0).text();
        assertTrue(text.startsWith("There\u2019s no way the US"), text);
        assertTrue(text.contains("after all they've said & done,"), text);
    }

    @Test
    void aCommentShownTwiceIsKeptOnceAtItsPlaceInTheList() {
        // An "Editors' Picks" block repeats 351 above the full list; the page failed with "c351 is already used".
        String seed = Seeds.read(Seeds.COMMENT_PAGE);
        int pick = seed.indexOf("  • rate this\n\n    Comment number 351.");
        int pickEnd = seed.indexOf("  • rate this\n\n    Comment number 350.");
        int list = seed.indexOf("Jump to comments pagination\n") + "Jump to comments pagination\n".length();
        String page = seed.substring(0, list) + "Editors' Picks\n" + seed.substring(pick, pickEnd) + "All comments\n" + seed.substring(list);
        assertEquals(SEED.comments(), BbcCommentPageParser.parse("seed-001", page).comments());
    }

    @Test
    void oneNumberOnTwoDifferentCommentsIsFoldedNotRefused() {
        // The page was refused ("comment number 1 heads two different comments (lines 2 and 4)"): any commenter could
        // keep a page out. Nothing here says which header is typed; the later one is folded into the comment above it.
        String page = "Headline\nComment number 1.\nA\nComment number 1.\nB\n";
        List<Comment> comments = BbcCommentPageParser.parse("t", page).comments();
        assertEquals(1, comments.size());
        assertEquals("A\nComment number 1.\nB", comments.get(0).text());
    }

    @Test
    void aRateThisAndHeaderTypedInACommentAreItsTextWhereTheLayoutTellsThem() {
        // The page's "  • rate this" against the commenter's "    rate this": the typed header made comment 9 of the
        // rest of comment 3, and a typed "Comment number 1." refused the page, as 1 heads another comment.
        List<Comment> comments = BbcCommentPageParser.parse("t", Fixtures.page("typed-headers.txt")).comments();
        assertEquals(List.of(4, 3, 2, 1), comments.stream().map(Comment::number).toList());
        assertEquals("Not so sure.\n\nrate this\n\nComment number 9.\n\nNobody wrote this.", comments.get(1).text());
        assertEquals("Agreed, totally\n\nrate this\n\nComment number 1.\n\nI am not comment 1.", comments.get(2).text());
        assertEquals("First!\n\nrate this", comments.get(3).text(), "laid out as the commenter's, the last line is theirs");
    }

    @Test
    void onTheSeedATypedHeaderOfACommentOnThePageIsTheCommentersText() {
        String page = SEED_TEXT.replace("Tragi-comic.", "Tragi-comic.\n\n    rate this\n\n    Comment number 350.\n\n    Fake words.");
        List<Comment> comments = BbcCommentPageParser.parse("t", page).comments();
        assertEquals(SEED.comments().stream().map(Comment::number).toList(), comments.stream().map(Comment::number).toList());
        for (int i = 0; i < comments.size(); i++) {
            Comment c = comments.get(i);
            if (c.number() != 353) assertEquals(SEED.comments().get(i), c);
        }
        Comment c353 = comments.stream().filter(c -> c.number() == 353).findFirst().orElseThrow();
        assertEquals(comment(353).text() + "\n\nrate this\n\nComment number 350.\n\nFake words.", c353.text());
    }

    @Test
    void theSeedsLayoutChangesNothingItParsesTo() {
        // Every line at the margin, the layout tells nothing: the seed parses as it does with its bullets and indents.
        String flat = SEED_TEXT.lines().map(String::strip).map(l -> l.startsWith("• ") ? l.substring(2) : l)
                .collect(Collectors.joining("\n"));
        assertEquals(BbcCommentPageParser.parse("seed-001", flat).comments(), SEED.comments());
    }

    @Test
    void onAPlainScrapeTheTypedHeaderOutOfOrderIsFolded() {
        // No layout to go by: the typed "Comment number 1." in comment 3 (between 3 and 2) refused the page.
        List<Comment> comments = BbcCommentPageParser.parse("t", Fixtures.page("typed-header-plain.txt")).comments();
        assertEquals(List.of(4, 3, 2, 1), comments.stream().map(Comment::number).toList());
        assertEquals("Not so sure.\n\nrate this\n\nComment number 1.\n\nI am not comment 1.", comments.get(1).text());
        assertEquals("First!", comments.get(3).text());
    }

    @Test
    void onAPlainScrapeATypedHeaderBetweenTwoCommentsNumberedOneApartIsFolded() {
        // Every line at the margin, the typed "Comment number 12." in 353 (between 353 and 352) made a comment 12 of
        // the words after it: nothing stands between two comments numbered one apart on a page whose numbers run down.
        String flat = SEED_TEXT.replace("Tragi-comic.", "Tragi-comic.\n\nrate this\n\nComment number 12.\n\nFake words.")
                .lines().map(String::strip).map(l -> l.startsWith("• ") ? l.substring(2) : l).collect(Collectors.joining("\n"));
        List<Comment> comments = BbcCommentPageParser.parse("t", flat).comments();
        assertEquals(SEED.comments().stream().map(Comment::number).toList(), comments.stream().map(Comment::number).toList());
        for (int i = 0; i < comments.size(); i++) if (comments.get(i).number() != 353) assertEquals(SEED.comments().get(i), comments.get(i));
        Comment c353 = comments.stream().filter(c -> c.number() == 353).findFirst().orElseThrow();
        assertEquals(comment(353).text() + "\n\nrate this\n\nComment number 12.\n\nFake words.", c353.text());
        // So on a page whose numbers run up.
        String up = "Talks stall\n\nBody.\n\nrate this\n\nComment number 1.\n\nFirst!\n\nrate this\n\nComment number 2.\n\n"
                + "Agreed.\n\nrate this\n\nComment number 40.\n\nNot comment 40.\n\nrate this\n\nComment number 3.\n\nNo.\n";
        assertEquals(List.of(1, 2, 3), BbcCommentPageParser.parse("t", up).comments().stream().map(Comment::number).toList());
    }

    @Test
    void aHeaderOutOfOrderIsTheCommentsOwnWhereThePagesNumbersKeepNoOrder() {
        // A page sorted by rating, or one whose numbers skip: a header there may well be the page's own.
        String rated = "Talks stall\n\nrate this\n\nComment number 7.\n\nA\n\nrate this\n\nComment number 3.\n\nB\n\n"
                + "rate this\n\nComment number 40.\n\nC\n\nrate this\n\nComment number 4.\n\nD\n\nrate this\n\nComment number 9.\n\nE\n";
        assertEquals(List.of(7, 3, 40, 4, 9), BbcCommentPageParser.parse("t", rated).comments().stream().map(Comment::number).toList());
        String skipping = "Talks stall\n\nrate this\n\nComment number 9.\n\nA\n\nrate this\n\nComment number 40.\n\nB\n\n"
                + "rate this\n\nComment number 7.\n\nC\n";
        assertEquals(List.of(9, 40, 7), BbcCommentPageParser.parse("t", skipping).comments().stream().map(Comment::number).toList());
    }

    @Test
    void headersWithExtraSpacesOrThousandsSeparatorsAreRead() {
        // Both comments were dropped without a word: lines were skipped until a header matched exactly.
        String page = SEED_TEXT.replace("Comment number 362.", "Comment  number 362.").replace("Comment number 366.", "Comment number 1,366.");
        List<Comment> comments = BbcCommentPageParser.parse("t", page).comments();
        assertEquals(20, comments.size());
        assertEquals(1366, comments.get(0).number());
        assertEquals(comment(362).text(), comments.get(4).text());
    }

    @Test
    void anUnusableHeaderWhereOneMustBeFailsNamingTheLine() {
        // "Comment number 0." failed the page with "number: must be at least 1, was 0", naming no comment.
        String page = "Headline\n\nrate this\n\nComment number 0.\n\nHello\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", page));
        assertTrue(e.getMessage().startsWith("comments: line 5: \"Comment number 0.\" is where a comment header must be"), e.getMessage());
    }

    @Test
    void rateThisIsChromeWhateverItsBullet() {
        // Firefox's text save, an entity left in, a cp1252 bullet read as UTF-8: each ended up in every comment's text.
        for (String variant : List.of("* rate this", "&nbsp;rate this", "\uFFFD rate this")) {
            CommentThread thread = BbcCommentPageParser.parse("seed-001", SEED_TEXT.replace("• rate this", variant));
            assertEquals(SEED.comments(), thread.comments(), variant);
        }
    }

    @Test
    void chromeLikeLinesInsideACommentAreItsText() {
        String page = SEED_TEXT
                .replace("wont help one jot.", "wont help one jot.\n\n    More made-up stories\n\n    So I will not believe any of it.")
                .replace("Tragi-comic.", "Tragi-comic.\n\n    rate this\n\n    and then ignore it.")
                .replace("Help is off the agenda, sadly.", "Help is off the agenda, sadly.\n\n    Comment number 12\n\n    said it all.\n\n    Comment number 355\n\n    so did 355.");
        CommentThread thread = BbcCommentPageParser.parse("t", page);
        assertEquals(SEED.comments().stream().map(Comment::id).toList(), thread.comments().stream().map(Comment::id).toList(),
                "no comment lost, no phantom 12, no clash over 355");
        Map<String, Comment> byId = thread.comments().stream().collect(Collectors.toMap(Comment::id, c -> c));
        assertTrue(byId.get("c360").text().endsWith("jot.\n\nMore made-up stories\n\nSo I will not believe any of it."), byId.get("c360").text());
        assertTrue(byId.get("c353").text().endsWith("Tragi-comic.\n\nrate this\n\nand then ignore it."), byId.get("c353").text());
        assertTrue(byId.get("c358").text().endsWith("sadly.\n\nComment number 12\n\nsaid it all.\n\nComment number 355\n\nso did 355."),
                byId.get("c358").text());
    }

    @Test
    void theFooterEndsOnlyTheLastComment() {
        String page = SEED_TEXT.replace("he can bite..", "he can bite..\n\n    More made-up stories\n\n    Believe it.");
        Comment last = BbcCommentPageParser.parse("t", page).comments().get(19);
        assertEquals("Obama is like a stray dog, who ever he want, he can bite..\n\nMore made-up stories\n\nBelieve it.", last.text(),
                "the page's pagination line, not a lookalike in the text, starts the footer");
    }

    @Test
    void aFooterLikeLineInTheLastCommentOfAPageWithoutPaginationIsText() {
        // Without "Page 14 of 32" the first footer-like line ended the last comment: "Believe it." was lost.
        String unpaged = SEED_TEXT.replace("Page 14 of 32\n", "");
        assertEquals(SEED.comments(), BbcCommentPageParser.parse("seed-001", unpaged).comments(), "the footer still ends the last comment");
        String page = unpaged.replace("he can bite..", "he can bite..\n\n    More made-up stories\n\n    Believe it.");
        Comment last = BbcCommentPageParser.parse("t", page).comments().get(19);
        assertEquals("Obama is like a stray dog, who ever he want, he can bite..\n\nMore made-up stories\n\nBelieve it.", last.text(),
                "the footer lines that end the page start the footer, not a lookalike followed by the commenter's words");
    }

    @Test
    void aFooterLikeLineIsTheFootersStartWhereNothingTellsThemApart() {
        // Documented limits (docs/thread-format.md): the line ends the comment, or is followed only by footer lines.
        String noFooter = "Headline\n\nrate this\n\nComment number 2.\n\nAgreed.\n\nMore made-up stories\n\nBelieve it.\n";
        assertEquals("Agreed.", BbcCommentPageParser.parse("t", noFooter).comments().get(0).text());
        String endsInIt = SEED_TEXT.replace("Page 14 of 32\n", "").replace("he can bite..", "he can bite..\n\n    More made-up stories");
        assertEquals(comment(347).text(), BbcCommentPageParser.parse("t", endsInIt).comments().get(19).text());
        // The fix's cost: a footer line not known here, between known ones, reads as the commenter's, as do those above it.
        String unknownFooterLine = SEED_TEXT.replace("Page 14 of 32\n", "")
                .replace("More Middle East stories\n", "More Middle East stories\n\nShare this page\n");
        String last = BbcCommentPageParser.parse("t", unknownFooterLine).comments().get(19).text();
        assertTrue(last.endsWith("bite..\n\nMore Middle East stories\n\nShare this page"), last);
        String paged = SEED_TEXT.replace("he can bite..", "he can bite..\n\n    More made-up stories"); // the pagination line tells
        assertTrue(BbcCommentPageParser.parse("t", paged).comments().get(19).text().endsWith("bite..\n\nMore made-up stories"));
    }

    @Test
    void aRateThisTheCommenterTypedIsTheirText() {
        // Every "rate this" line was dropped, wherever it stood; only the one before the next header (or the page's end) is chrome.
        String page = SEED_TEXT.replace("Tragi-comic.", "Tragi-comic.\n\n    rate this\n\n    if you dare.")
                .replace("Chelsea football club.", "Chelsea football club.\n\n    Rate this!\n\n    rate this");
        Map<String, Comment> byId = BbcCommentPageParser.parse("t", page).comments().stream().collect(Collectors.toMap(Comment::id, c -> c));
        assertTrue(byId.get("c353").text().endsWith("Tragi-comic.\n\nrate this\n\nif you dare."), byId.get("c353").text());
        assertEquals("Boycott all Russian goods: vodka, bear traps, fur hats and Chelsea football club.\n\nRate this!\n\nrate this",
                byId.get("c351").text(), "the commenter's last line, then the page's own \"rate this\" before the next header");
        assertEquals(SEED.comments().size(), byId.size());
    }

    @Test
    void aRateThisTypedOnAPlainScrapeDoesNotMergeTheCommentsAfterIt() {
        // Any "rate this" line made headers count only after one: comments 2 and 1 became comment 3's text.
        String page = "Headline\n\nComment number 3.\nfoo\nrate this\nbar\nComment number 2.\nbaz\nComment number 1.\nqux\n";
        List<Comment> comments = BbcCommentPageParser.parse("t", page).comments();
        assertEquals(List.of(3, 2, 1), comments.stream().map(Comment::number).toList());
        assertEquals("foo\nrate this\nbar", comments.get(0).text());
    }

    @Test
    void aRemovedCommentIsSkipped() {
        String page = SEED_TEXT.replace(comment(357).text(),
                "This comment was removed because the moderators found it broke the house rules. Explain.");
        List<Integer> numbers = BbcCommentPageParser.parse("t", page).comments().stream().map(Comment::number).toList();
        assertEquals(19, numbers.size());
        assertFalse(numbers.contains(357), numbers.toString());
    }

    @Test
    void onlyAWholeModerationNoticeIsSkipped() {
        // Any text opening "This comment was removed because" was skipped, so 6 went unscored; the notices of a comment
        // held back (4, 3) were imported as its text.
        CommentThread thread = BbcCommentPageParser.parse("t", Fixtures.page("moderation-notices.txt"));
        assertEquals(List.of(7, 6, 1), thread.comments().stream().map(Comment::number).toList());
        assertEquals("This comment was removed because I said what everyone thinks.\n\nYou are all idiots.",
                thread.comments().get(1).text());
        Comment reply = thread.comments().get(0);
        assertEquals(4, reply.parentNumber());
        assertNull(reply.parentId(), "4 is held back, so not in the thread");
    }

    @Test
    void aScoreBesideRateThisIsChrome() {
        // "+12", "rate this -3", "0", "−27": the headers no longer followed a "rate this", so the page read as a plain
        // scrape and each comment's text ended in the next one's "rate this" and score.
        CommentThread thread = BbcCommentPageParser.parse("t", Fixtures.page("scores-beside-rate-this.txt"));
        assertEquals(List.of("The answer is\n\n42", "Not so sure.", "Agreed, totally", "First!"),
                thread.comments().stream().map(Comment::text).toList());
        assertEquals(List.of(4, 3, 2, 1), thread.comments().stream().map(Comment::number).toList());
        assertTrue(thread.comments().stream().allMatch(c -> c.rating() == null), "a net score gives no up and down counts");
    }

    @Test
    void rateThisWithOtherSpacesBetweenItsWordsIsChrome() {
        // "rate  this" and "rate<tab>this" were text: the page read as a plain scrape, each comment ending in them.
        CommentThread thread = BbcCommentPageParser.parse("t", Fixtures.page("rate-this-spacing.txt"));
        assertEquals(List.of("Not so sure.", "Agreed, totally", "First!"), thread.comments().stream().map(Comment::text).toList());
    }

    @Test
    void theEditorsPickLabelIsNotText() {
        String page = SEED_TEXT.replace("Comment number 361.\n", "Comment number 361.\n\n    Editors' Pick\n")
                .replace("Comment number 351.\n", "Comment number 351.\n\n    Editors’ Pick\n");
        assertEquals(SEED.comments(), BbcCommentPageParser.parse("seed-001", page).comments(),
                "361 keeps its reply to 324, 351 its text");
    }

    @Test
    void aTimestampIsDroppedOnlyWhereThePageShowsIt() {
        String page = SEED_TEXT.replace("Boycott all Russian goods: vodka, bear traps, fur hats and Chelsea football club.",
                "Where was the outrage?\n\n    10 years ago\n\n    Iraq.");
        Comment c = BbcCommentPageParser.parse("t", page).comments().get(15);
        assertEquals("Where was the outrage?\n\n10 years ago\n\nIraq.", c.text());
    }

    @Test
    void aPageOfCommentsOnlySaysItHasNoArticle() {
        String page = SEED_TEXT.substring(SEED_TEXT.indexOf("This entry is now closed for comments"));
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", page));
        assertEquals("title: missing: the page has no article before its comments to take a title from", e.getMessage());
    }

    @Test
    void aCommentOverTheLengthLimitIsNamed() {
        String page = "Headline\n\nrate this\n\nComment number 7.\n\n" + "x".repeat(Limits.COMMENT_CHARS + 1) + "\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", page));
        assertEquals("comments: comment number 7 (line 5): text: too long: 50001 characters, at most 50000", e.getMessage());
    }

    @Test
    void recognisesCommentPages() {
        assertTrue(BbcCommentPageParser.isCommentPage(Seeds.read(Seeds.COMMENT_PAGE)));
        assertFalse(BbcCommentPageParser.isCommentPage(Seeds.read(Seeds.ARTICLE)));
    }

    private static Comment comment(int number) {
        return SEED.comments().stream().filter(c -> c.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no comment " + number));
    }
}
