package org.parley.service.moderation;

import org.junit.jupiter.api.Test;
import org.parley.service.api.moderation.CommentSubmission;
import org.parley.service.errors.ApiException;

import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The moderation endpoints' 400s at their edges: each limit accepted where it stands, refused one past it, by field. */
class ChecksTest {
    private static CommentSubmission sub(Integer number, String parentId, Integer parentNumber, CommentSubmission.Votes rating,
                                         List<CommentSubmission.Quoted> also) {
        return new CommentSubmission("c1", "a1", null, "some text", number, parentId, parentNumber, null, null, rating,
                null, null, also);
    }

    private static ApiException refused(Runnable r) {
        return assertThrows(ApiException.class, r::run);
    }

    @Test
    void numbersStartAtOneAndVotesAtZero() {
        Submission ok = Checks.submission(sub(1, "p", 2, new CommentSubmission.Votes(0, 0), null), "");
        assertEquals(0, ok.ratingUp());
        assertEquals(0, ok.ratingDown());
        Submission rated = Checks.submission(sub(1, null, null, new CommentSubmission.Votes(3, 5), null), "");
        assertEquals(3, rated.ratingUp());
        assertEquals(5, rated.ratingDown());
        assertEquals(List.of(), ok.alsoQuotes());
        ApiException e = refused(() -> Checks.submission(sub(0, null, null, null, null), "comments[3]."));
        assertEquals("comments[3].number", e.field());
        assertEquals(1L, e.limit());
        assertEquals("parentNumber", refused(() -> Checks.submission(sub(2, "p", 0, null, null), "")).field());
        e = refused(() -> Checks.submission(sub(1, null, null, new CommentSubmission.Votes(-1, 0), null), ""));
        assertEquals("rating.up", e.field());
        assertEquals(0L, e.limit());
        assertEquals("rating.down", refused(() -> Checks.submission(sub(1, null, null, new CommentSubmission.Votes(0, -1), null), "")).field());
    }

    @Test
    void halfARatingNamesTheMissingHalfAndACommentCannotAnswerItself() {
        assertEquals("rating.down", refused(() -> Checks.submission(sub(1, null, null, new CommentSubmission.Votes(3, null), null), "")).field());
        assertEquals("rating.up", refused(() -> Checks.submission(sub(1, null, null, new CommentSubmission.Votes(null, 3), null), "")).field());
        assertEquals("parentId", refused(() -> Checks.submission(sub(2, "c1", null, null, null), "")).field());
    }

    /**
     * A parent given by the comment's own number is refused, as /v1/threads refuses it; a blank (a zero-width space
     * alone) author, parent author, quote, title or parent id is read as left out, not stored as sent (an audit of the
     * sixty-third session: a blank author could not be erased by author). An entry of alsoQuotes and an id stay refused.
     */
    @Test
    void aCommentCannotAnswerItsOwnNumberAndABlankOptionalFieldIsOneLeftOut() {
        ApiException self = refused(() -> Checks.submission(sub(5, null, 5, null, null), "comments[2]."));
        assertEquals("comments[2].parentNumber", self.field());
        assertTrue(self.getMessage().contains("cannot answer itself (5 is its own number)"), self.getMessage());
        assertEquals(4, Checks.submission(sub(5, null, 4, null, null), "").parentNumber());
        assertNull(Checks.submission(sub(null, null, 5, null, null), "").number(), "no number of its own: nothing to compare");

        java.util.Map<String, java.util.function.Function<Submission, String>> fields = new java.util.LinkedHashMap<>();
        fields.put("articleTitle", Submission::articleTitle);
        fields.put("parentId", Submission::parentId);
        fields.put("author", Submission::author);
        fields.put("parentAuthor", Submission::parentAuthor);
        fields.put("quote", Submission::quote);
        fields.forEach((field, read) -> {
            for (String blank : new String[] {"", " ", "\u200b", "\u00a0\u3000"})
                assertNull(read.apply(Checks.submission(with(field, blank), "")), field + " = " + blank.codePoints().mapToObj(Integer::toHexString).toList());
            assertEquals(" Dana ", read.apply(Checks.submission(with(field, " Dana "), "")), field + ": kept as sent when not blank");
        });
        assertEquals("alsoQuotes[0].author", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, 4, "\u200b", null))), "")).field());
        assertEquals("id", refused(() -> Checks.submission(new CommentSubmission("\u200b", "a1", null, "some text", null, null,
                null, null, null, null, null, null, null), "")).field(), "an id of a zero-width space alone is blank");
    }

    /** sub(1, …) with one of its optional text fields set. */
    private static CommentSubmission with(String field, String value) {
        return new CommentSubmission("c1", "a1", field.equals("articleTitle") ? value : null, "some text", 1,
                field.equals("parentId") ? value : null, null, field.equals("author") ? value : null,
                field.equals("quote") ? value : null, null, null, field.equals("parentAuthor") ? value : null, null);
    }

    @Test
    void alsoQuotesHoldTwentyEarlierOthers() {
        List<CommentSubmission.Quoted> twenty = Collections.nCopies(20, new CommentSubmission.Quoted(null, 4, "ann", "passage"));
        Submission ok = Checks.submission(sub(5, null, null, null, twenty), "");
        assertEquals(20, ok.alsoQuotes().size());
        assertEquals(new AlsoQuoted(null, 4, "ann", "passage"), ok.alsoQuotes().get(0));
        List<CommentSubmission.Quoted> more = Collections.nCopies(21, new CommentSubmission.Quoted(null, 4, null, null));
        ApiException e = refused(() -> Checks.submission(sub(5, null, null, null, more), ""));
        assertEquals("alsoQuotes", e.field());
        assertEquals(20L, e.limit());
        assertEquals("alsoQuotes[0].number", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, 5, null, null))), "")).field());
        assertEquals("alsoQuotes[0].id", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted("c1", null, null, null))), "")).field());
        ApiException zero = refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, 0, null, null))), ""));
        assertEquals("alsoQuotes[0].number", zero.field());
        assertEquals(1L, zero.limit());
        assertEquals("alsoQuotes[0].author", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, 4, " ", null))), "")).field());
        assertEquals("alsoQuotes[0].text", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, 4, null, ""))), "")).field());
        assertEquals("alsoQuotes[0]", refused(() -> Checks.submission(
                sub(5, null, null, null, List.of(new CommentSubmission.Quoted(null, null, "ann", null))), "")).field());
    }

    @Test
    void aRejectionNeedsAReasonAndAnApprovalOrReopenTakesNone() {
        Checks.Decision d = Checks.decision("reject", "insult", 1, null, "");
        assertEquals(Verdict.REJECT, d.verdict());
        assertEquals(Reason.INSULT, d.reason());
        assertEquals(1, d.expectedVersion());
        assertEquals(Reason.SPAM, Checks.decision("ESCALATE", "spam", 2, "n", "").reason());
        assertNull(Checks.decision("approve", null, 2, null, "").reason());
        assertEquals("comments[1].reason", refused(() -> Checks.decision("reject", null, 1, null, "comments[1].")).field());
        assertEquals("reason", refused(() -> Checks.decision("approve", "spam", 1, null, "")).field());
        assertEquals("reason", refused(() -> Checks.decision("reopen", "spam", 1, null, "")).field());
        assertEquals("reason", refused(() -> Checks.shared("reopen", "spam", null)).field());
        assertEquals("decision", refused(() -> Checks.decision("maybe", null, 1, null, "")).field());
        assertEquals("body", refused(() -> Checks.decision(null)).field());
        assertEquals(Verdict.APPROVE, Checks.decision(new org.parley.service.api.moderation.DecisionRequest("approve", null, 3, null)).verdict());
    }

    @Test
    void expectedVersionIsRequiredAndAtLeastOne() {
        assertEquals("expectedVersion", refused(() -> Checks.decision("approve", null, null, null, "")).field());
        ApiException e = refused(() -> Checks.decision("approve", null, 0, null, ""));
        assertEquals("expectedVersion", e.field());
        assertEquals(1L, e.limit());
        assertEquals("x".repeat(2_000), Checks.decision("approve", null, 1, "x".repeat(2_000), "").note());
        assertEquals("note", refused(() -> Checks.decision("approve", null, 1, "x".repeat(2_001), "")).field());
    }
}
