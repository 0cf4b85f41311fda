package org.parley.service.moderation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.access.Role;
import org.parley.service.api.moderation.CommentView;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A stored comment as the API shows it, and the small values around it (its first status, a clash's message). */
class CommentViewsTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static StoredComment comment(boolean seniorOnly, String rulesJson, String stanceJson) {
        return new StoredComment("c1", "a1", null, 1, null, null, "ann", "t", null, 2, null, 0, new float[] {0.9f, 0, 0, 0, 0, 0},
                0.9f, Attribute.values()[0], "[{\"begin\":0,\"end\":1,\"weight\":0.5}]", stanceJson, new StoredComment.ModelRef("m", "1", "sum"), Action.REVIEW,
                Status.ESCALATED, Decider.MODERATOR, 2, T, T, null, null, rulesJson, "a.example", "k1", seniorOnly);
    }

    /** seniorOnly is who among a site's moderators may decide it: a moderator sees it, a website key (which decides nothing) not. */
    @Test
    void seniorOnlyIsShownToModeratorsAlone() {
        CommentViews views = new CommentViews(new ObjectMapper());
        assertEquals(Boolean.TRUE, views.stored(comment(true, null, null), null, Role.MODERATOR).seniorOnly());
        assertNull(views.stored(comment(true, null, null), null, Role.WEBSITE).seniorOnly());
        assertNull(views.of(comment(false, null, null)).seniorOnly());
        assertEquals(Boolean.TRUE, views.of(comment(true, null, null)).seniorOnly());
    }

    @Test
    void theViewCarriesWhatWasStored() {
        CommentView v = new CommentViews(new ObjectMapper()).of(comment(false, "[\"r1\"]", "{\"stance\":\"AGAINST\"}"));
        assertEquals("ESCALATED", v.status());
        assertEquals(List.of("r1"), v.rules());
        assertEquals("AGAINST", v.stance().asText());
        assertNull(v.replyStance());
        assertEquals(List.of(new org.parley.service.api.ScoreResponse.SpanScore(0, 1, 0.5f)), v.spans());
        assertNull(v.stanceModel(), "a stance stored without its model's name shows none");
        String withModel = "{\"stance\":\"AGAINST\",\"stanceModel\":{\"name\":\"s\",\"version\":\"2\",\"checksum\":\"x\"}}";
        assertEquals(new org.parley.service.api.ScoreResponse.ModelInfo("s", "2", "x"),
                new CommentViews(new ObjectMapper()).of(comment(false, null, withModel)).stanceModel());
        assertEquals("FOR", new CommentViews(new ObjectMapper()).of(comment(false, null, "{\"replyStance\":\"FOR\"}")).replyStance().asText());
        assertEquals(2, v.communityRating().up());
        assertNull(v.communityRating().down());
        assertNull(new CommentViews(new ObjectMapper()).of(comment(false, null, null)).rules(), "stored before rules were kept");
    }

    @Test
    void thePolicysActionSetsTheFirstStatusAndAClashSaysWhich() {
        assertEquals(Status.PUBLISHED, Status.of(Action.PUBLISH));
        assertEquals(Status.PENDING, Status.of(Action.REVIEW));
        assertEquals(Status.REJECTED, Status.of(Action.REJECT));
        assertEquals(3, new IdTaken(3, "x").index());
        assertTrue(new IdTaken(3, "x", true).getMessage().contains("withdrew"));
        assertTrue(new IdTaken(3, "x").getMessage().contains("already used"));
    }

    /** A reply whose parent is erased keeps nothing its site copied of that parent: its quote and the parent's author. */
    @Test
    void aReplyLosesItsCopiesOfAnErasedParent() {
        NewComment reply = new NewComment("c2", "a1", null, 2, "c1", 1, "bob", "t", "quoted", null, null, new float[6], null,
                "[]", null, null, Action.PUBLISH, null, "ann", "[]", "a.example");
        NewComment without = reply.withoutCopies();
        assertNull(without.quote());
        assertNull(without.parentAuthor());
        assertEquals("c1", without.parentId());
        assertEquals("other", reply.withQuote("other").quote());
        assertEquals(List.of(), reply.alsoQuotes());
        List<AlsoQuoted> also = List.of(new AlsoQuoted("c0", null, null, null));
        assertEquals(also, reply.withAlsoQuotes(also).alsoQuotes());
    }
}
