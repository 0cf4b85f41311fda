package org.parley.thread;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BbcCommentPageParserTest {
    private static final CommentThread SEED = BbcCommentPageParser.parse("seed-001", Seeds.read(Seeds.COMMENT_PAGE));

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
        String page = "Headline\nrate this\nComment number 2.\n\u200B\nrate this\nComment number 1.\n\u00A0\u2007\nFirst!\n";
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
    void repeatedCommentNumberIsRejected() {
        String page = "Headline\nComment number 1.\nA\nComment number 1.\nB\n";
        InvalidThreadException e = assertThrows(InvalidThreadException.class, () -> BbcCommentPageParser.parse("t", page));
        assertEquals("comments[1].id", e.field());
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
