package org.parley.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.thread.Article;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;
import org.parley.thread.InvalidThreadException;

class ReplyContextTest {
    static CommentThread seedThread() throws Exception {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path seed = dir.resolve("seeds/001_ebaeb092d28a86a2.txt");
            if (Files.exists(seed)) return BbcCommentPageParser.parse("001", Files.readString(seed));
        }
        throw new IllegalStateException("seeds/ not found");
    }

    @Test
    void aQuotedCommentOnAnotherPageIsKnownByItsQuote() throws Exception {
        CommentThread thread = seedThread();
        Comment c365 = thread.comment("c365");
        String parent = ReplyContext.parentText(thread, c365).orElseThrow();
        assertTrue(parent.startsWith("...And who starves here to find £52m aid??"), parent);
        assertTrue(parent.contains("We can't bomb people to save his face."), parent);
        assertTrue(c365.text().startsWith("... Mostly true, except Russia"), "the reply's own words stay its text");
    }

    @Test
    void theQuoteIsWhatAReplyAnswersEvenWhenItsParentIsOnThePage() {
        Comment parent = Comment.of("c1", "Bombing Syria is the only answer. Taxes are too high.");
        Comment reply = new Comment("c2", 2, null, "No it is not.", "c1", null, "Ann", "Bombing Syria", null);
        CommentThread thread = new CommentThread("t", Article.titled("Syria"), List.of(parent, reply));
        ReplyContext.Parent p = ReplyContext.parent(thread, reply).orElseThrow();
        assertEquals("Bombing Syria", p.text());
        assertTrue(p.isQuote());
        assertTrue(ReplyContext.parentText(thread, parent).isEmpty(), "a comment that answers nothing has no parent");
    }

    /**
     * Reply stance was read against a zero-width quote, where /v1/score reads none. The thread format
     * now refuses such a quote (Limits uses the same BlankText rule), but stored comments
     * (intake.Ingestion) still come through parent(quote, …).
     */
    @Test
    void aQuoteWithNothingVisibleInItIsNoQuote() {
        ReplyContext.Parent onThePage = new ReplyContext.Parent("Bombing Syria is the only answer.", "c1");
        assertEquals(onThePage, ReplyContext.parent("\u200b", () -> Optional.of(onThePage)).orElseThrow());
        assertTrue(ReplyContext.parent("\u200b", Optional::empty).isEmpty());
        assertThrows(InvalidThreadException.class, () -> new Comment("c2", 2, null, "No it is not.", "c1", null, null, "\u200b", null));
    }

    @Test
    void withoutAQuoteTheParentOnThePageGivesItsWholeTextByIdOrByNumber() {
        Comment parent = new Comment("c1", 1, null, "Bombing Syria is the only answer.", null, null, null, null, null);
        Comment byId = new Comment("c2", 2, null, "No it is not.", "c1", null, null, null, null);
        Comment byNumber = new Comment("c3", 3, null, "Agreed.", null, 1, null, null, null);
        CommentThread thread = new CommentThread("t", Article.titled("Syria"), List.of(parent, byId, byNumber));
        assertEquals(new ReplyContext.Parent("Bombing Syria is the only answer.", "c1"), ReplyContext.parent(thread, byId).orElseThrow());
        assertEquals(new ReplyContext.Parent("Bombing Syria is the only answer.", "c1"), ReplyContext.parent(thread, byNumber).orElseThrow());
        assertFalse(ReplyContext.parent(thread, byId).orElseThrow().isQuote(), "a parent comment's text is no quote");
        assertTrue(new ReplyContext.Parent("quoted words", null).isQuote());
    }

    @Test
    void anAnswerToACommentOnAnotherPageWithoutAQuoteHasNoParentText() throws Exception {
        CommentThread thread = seedThread();
        Comment c361 = thread.comment("c361"); // "@324. MidwayBattle" and no quoted passage
        assertEquals(324, c361.parentNumber());
        assertTrue(ReplyContext.parentText(thread, c361).isEmpty());
    }
}
