package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.DecisionRecord;
import org.parley.service.moderation.Status;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The export's read of moderators' decisions (scripts/export-decisions): each comment's latest, a chunk at a time, each
 * chunk in its own short transaction. The suggestions' read ({@link FeedbackStore#all}) goes a chunk at a time too,
 * through {@link #inChunks}.
 */
public final class ExportReads {
    private final Jdbi jdbi;

    public ExportReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * A moderator's decision with what its comment is now, for the export of decisions as labels.
     *
     * @param language the language the comment was stored with; null for English
     * @param reportedSince readers reported the comment after its last decision (reports no decision has closed)
     * @param erased the comment is {@link Status#ERASED erased}: its text is gone, and is no one's to train on
     */
    public record ModeratorDecision(DecisionRecord decision, String language, boolean reportedSince, boolean erased) {}

    /**
     * Rows read at a time, each chunk in its own short transaction, where a whole table is read (the export): one
     * transaction for the whole read (PostgreSQL's driver streams only inside one) held back vacuum for the export's
     * duration, and without a bound the driver read the whole result, 400,000 decisions of 1,000 characters past a 1 GB
     * heap. 200 rows of the longest text (20,480 characters) are a few MB.
     */
    static final int CHUNK = 200;

    /**
     * Each comment's latest moderator decision (the one of highest id), in the order they were made, with its comment's
     * language, open reports and status, read {@link #CHUNK} at a time by id, each chunk its own short transaction; no
     * decision is held after {@code sink} returns, and no transaction is open while it runs.
     * <p>
     * The decisions are those of ids up to the highest at the start: the same set, and the same lines, as one snapshot
     * then would give. A moderator decision made during the read is left to the next one (its comment's earlier decision
     * is read as the latest, as it was at the start). What a decision's comment is now (erased, reported since, its
     * language) is read with its chunk, so an erasure made during the read is honoured if it comes before the comment's
     * chunk. One race is left: a decision whose transaction took its id before the start but committed after it may be
     * read too, if committed before its chunk is read (it would then be a second line for its comment, the later one).
     */
    public void latestModeratorDecisions(Consumer<ModeratorDecision> sink) {
        latestModeratorDecisions(sink, CHUNK);
    }

    /** {@link #latestModeratorDecisions(Consumer)}, {@code chunk} rows at a time. */
    void latestModeratorDecisions(Consumer<ModeratorDecision> sink, int chunk) {
        Long bound = jdbi.withHandle(h -> h.createQuery("SELECT MAX(id) FROM decisions WHERE actor_kind = :kind")
                .bind("kind", Decider.MODERATOR.name()).mapTo(Long.class).one());
        if (bound == null) return;
        inChunks(chunk, last -> jdbi.withHandle(h -> h.createQuery(CommentStore.DECISIONS + """
                         WHERE d.actor_kind = :kind AND d.id > :after AND d.id <= :bound AND NOT EXISTS (SELECT 1 FROM decisions later
                            WHERE later.comment_id = d.comment_id AND later.actor_kind = :kind AND later.id > d.id AND later.id <= :bound)
                        ORDER BY d.id LIMIT :chunk""")
                .bind("kind", Decider.MODERATOR.name()).bind("after", last == null ? Long.MIN_VALUE : last.decision().id())
                .bind("bound", bound.longValue()).bind("chunk", chunk)
                .map((rs, ctx) -> new ModeratorDecision(CommentStore.decision(rs), rs.getString("comment_language"), rs.getInt("comment_open_reports") > 0,
                        Status.ERASED.name().equals(rs.getString("comment_status"))))
                .list()), sink);
    }

    /**
     * A whole result read a chunk at a time (the export): {@code next} reads, in a short transaction of its own, the up
     * to {@code chunk} rows after the row given (null: the first ones), and each row goes to {@code sink} before the next
     * chunk is read. A chunk shorter than {@code chunk} is the last.
     */
    static <T> void inChunks(int chunk, Function<T, List<T>> next, Consumer<T> sink) {
        T last = null;
        while (true) {
            List<T> read = next.apply(last);
            read.forEach(sink);
            if (read.size() < chunk) return;
            last = read.get(read.size() - 1);
        }
    }
}
