package org.parley.service.moderation;

import org.parley.service.api.moderation.CommentSubmission;
import org.parley.service.api.moderation.DecisionRequest;
import org.parley.service.core.RequestChecks;
import org.parley.service.errors.ApiException;

/** Bad input on the moderation endpoints: a 400 naming the field and the limit. */
public final class Checks {
    public static final int MAX_NOTE = 2_000;
    /** A stored comment's id, as wide as the store's column (VARCHAR(420)): a thread's comments are THREAD/COMMENT. */
    public static final int MAX_STORED_ID = 420;
    /** A queue page's {@code after} cursor: what the page before gave, never near this. */
    public static final int MAX_CURSOR = 2_000;
    public static final int MAX_REPORT_REASON = 200;

    private Checks() {}

    /** @param prefix "" or "comments[3]." */
    public static Submission submission(CommentSubmission s, String prefix) {
        if (s == null) throw ApiException.badField("body", "a JSON object is required");
        String id = RequestChecks.required(s.id(), prefix + "id", RequestChecks.MAX_ID);
        String article = RequestChecks.required(s.articleId(), prefix + "articleId", RequestChecks.MAX_ID);
        // A blank optional field is one left out (a form's empty field), not stored as sent: a blank author could not
        // be erased by author (scripts/erase refuses a blank one), and the thread format has no blank values.
        String title = RequestChecks.blankAsAbsent(s.articleTitle(), prefix + "articleTitle", RequestChecks.MAX_TITLE);
        RequestChecks.text(s.text(), prefix + "text");
        positive(s.number(), prefix + "number");
        String parentId = RequestChecks.blankAsAbsent(s.parentId(), prefix + "parentId", RequestChecks.MAX_ID);
        positive(s.parentNumber(), prefix + "parentNumber");
        String author = RequestChecks.blankAsAbsent(s.author(), prefix + "author", RequestChecks.MAX_ID);
        String parentAuthor = RequestChecks.blankAsAbsent(s.parentAuthor(), prefix + "parentAuthor", RequestChecks.MAX_ID);
        String quote = RequestChecks.blankAsAbsent(s.quote(), prefix + "quote", RequestChecks.MAX_TEXT);
        if (id.equals(parentId)) throw ApiException.badField(prefix + "parentId", "a comment cannot answer itself");
        if (s.number() != null && s.number().equals(s.parentNumber()))
            throw ApiException.badField(prefix + "parentNumber", "a comment cannot answer itself (" + s.number() + " is its own number)");
        Integer up = null, down = null;
        if (s.rating() != null) {
            // As in the thread format: both counts or no rating; half a rating reads as a count of unknown votes.
            if (s.rating().up() == null || s.rating().down() == null)
                throw ApiException.badField(prefix + (s.rating().up() == null ? "rating.up" : "rating.down"),
                        prefix + "rating needs both up and down (or leave rating out)");
            up = notNegative(s.rating().up(), prefix + "rating.up");
            down = notNegative(s.rating().down(), prefix + "rating.down");
        }
        if (s.targets() != null) RequestChecks.targets(s.targets(), prefix + "targets");
        return new Submission(id, article, title, s.text(), s.number(), parentId,
                s.parentNumber(), author, quote, up, down, s.targets(), parentAuthor, alsoQuotes(s, id, prefix));
    }

    /** The thread format's count of further quoted comments (thread.Limits): a page's comment quotes two or three. */
    public static final int MAX_ALSO_QUOTES = 20;

    /** As the thread format checks alsoQuotes: each names another comment (id or number, an earlier number), at most 20. */
    private static java.util.List<AlsoQuoted> alsoQuotes(CommentSubmission s, String id, String prefix) {
        if (s.alsoQuotes() == null) return java.util.List.of();
        String field = prefix + "alsoQuotes";
        if (s.alsoQuotes().size() > MAX_ALSO_QUOTES)
            throw new ApiException(400, field, MAX_ALSO_QUOTES, field + " holds at most " + MAX_ALSO_QUOTES + " entries (was " + s.alsoQuotes().size() + ")");
        java.util.List<AlsoQuoted> out = new java.util.ArrayList<>();
        for (int i = 0; i < s.alsoQuotes().size(); i++) {
            CommentSubmission.Quoted q = s.alsoQuotes().get(i);
            String at = field + "[" + i + "]";
            if (q == null || q.id() == null && q.number() == null)
                throw ApiException.badField(at, at + " names no comment: give its number or id");
            if (q.id() != null) RequestChecks.required(q.id(), at + ".id", RequestChecks.MAX_ID);
            if (id.equals(q.id())) throw ApiException.badField(at + ".id", "a comment cannot quote itself");
            positive(q.number(), at + ".number");
            if (q.number() != null && s.number() != null && q.number() >= s.number())
                throw ApiException.badField(at + ".number", at + ".number must name an earlier comment: below the comment's number " + s.number());
            RequestChecks.nonBlank(q.author(), at + ".author", RequestChecks.MAX_ID);
            RequestChecks.nonBlank(q.text(), at + ".text", RequestChecks.MAX_TEXT);
            out.add(new AlsoQuoted(q.id(), q.number(), q.author(), q.text()));
        }
        return out;
    }

    /** A checked decision. */
    public record Decision(Verdict verdict, Reason reason, int expectedVersion, String note) {}

    public static Decision decision(DecisionRequest d) {
        if (d == null) throw ApiException.badField("body", "a JSON object is required");
        return decision(d.decision(), d.reason(), d.expectedVersion(), d.note(), "");
    }

    /**
     * @param itemPrefix "" or "comments[3].": names {@code reason} and {@code expectedVersion} in errors,
     *                   for a bulk item whose reason is its own (or missing); a shared reason is checked
     *                   once by {@link #shared}
     */
    public static Decision decision(String decision, String reason, Integer expectedVersion, String note, String itemPrefix) {
        Verdict verdict = verdict(decision);
        Reason r = reason(reason, verdict, itemPrefix + "reason");
        if (verdict == Verdict.REJECT && r == null)
            throw ApiException.badField(itemPrefix + "reason", "a rejection needs a reason: one of " + Reason.codes());
        if (expectedVersion == null)
            throw ApiException.badField(itemPrefix + "expectedVersion", "expectedVersion is required: the version you saw (GET /v1/comments/{id})");
        if (expectedVersion < 1) throw new ApiException(400, itemPrefix + "expectedVersion", 1, "expectedVersion is at least 1");
        RequestChecks.optional(note, "note", MAX_NOTE);
        return new Decision(verdict, r, expectedVersion, note);
    }

    /** The part of a bulk decision every item shares: the decision, the shared reason if any, the note. */
    public static void shared(String decision, String reason, String note) {
        reason(reason, verdict(decision), "reason");
        RequestChecks.optional(note, "note", MAX_NOTE);
    }

    private static Verdict verdict(String decision) {
        if (decision == null) throw ApiException.badField("decision", "decision is required: " + Verdict.NAMES);
        try {
            return Verdict.parse(decision);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("decision", e.getMessage());
        }
    }

    /** The reason, if any, that goes with {@code verdict}: an approval takes none, nor a reopen (it labels nothing). */
    private static Reason reason(String reason, Verdict verdict, String field) {
        if (reason == null) return null;
        Reason r;
        try {
            r = Reason.parse(reason);
        } catch (IllegalArgumentException e) {
            throw ApiException.badField(field, e.getMessage());
        }
        if (verdict == Verdict.APPROVE) throw ApiException.badField(field, "an approval takes no reason code (use note)");
        if (verdict == Verdict.REOPEN) throw ApiException.badField(field, "a reopen takes no reason code (use note)");
        return r;
    }

    private static void positive(Integer value, String field) {
        if (value != null && value < 1) throw new ApiException(400, field, 1, field + " must be at least 1 (was " + value + ")");
    }

    private static Integer notNegative(Integer value, String field) {
        if (value != null && value < 0) throw new ApiException(400, field, 0, field + " must not be negative (was " + value + ")");
        return value;
    }
}
