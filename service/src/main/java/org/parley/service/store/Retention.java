package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Deletes what the store has kept past the operator's periods (docs/moderation.md, Retention), in batches of at most
 * {@code batchSize} comments, each batch its own short transaction: comments the policy alone decided (published or
 * rejected at ingestion, never reviewed) {@code unreviewed} after they were stored; comments a person decided (a
 * moderator, or their site or an operator who erased them) {@code reviewed} after that last decision, with the
 * decision trail the audit and {@code scripts/export-decisions} read; and {@code :suggestscore}'s suggestions, labels
 * for training as the decisions are, {@code reviewed} after they came. A comment goes with its decisions and reports:
 * the rows, not only the text. Comments waiting for a moderator (pending, escalated, or published with open reports)
 * are never deleted, however old; a rejected comment's reports do not keep it. A zero period keeps that kind for good.
 * <p>
 * Rows are taken {@code FOR UPDATE SKIP LOCKED}: several instances on one PostgreSQL (and a run of the admin task beside
 * the schedule) delete disjoint batches, and a comment a moderator is deciding at that moment is left for the next
 * run rather than waited for. A comment's site id is free again once it is deleted.
 */
public final class Retention {
    /** What a run deleted. */
    public record Removed(int comments, int decisions, int reports, int suggestions, int batches) {
        /** Nothing deleted. */
        public static final Removed NONE = new Removed(0, 0, 0, 0, 0);

        Removed plus(Removed o) {
            return new Removed(comments + o.comments, decisions + o.decisions, reports + o.reports,
                    suggestions + o.suggestions, batches + o.batches);
        }
    }

    /**
     * Comments no moderator needs: decided, and, if published, no reports open (a rejected comment's reports, which came
     * after it was rejected, are in no queue: they kept it for good). Read from comments_published_queue (status,
     * updated_at) or comments_decided_queue (status, decided_by, updated_at), changeset 9, as PostgreSQL plans it.
     */
    private static final String CLOSED = " (open_reports = 0 OR status <> 'PUBLISHED') AND updated_at < :before";
    static final String UNREVIEWED = "status IN ('PUBLISHED', 'REJECTED') AND decided_by = 'RULE' AND" + CLOSED;
    static final String REVIEWED = "status IN ('PUBLISHED', 'REJECTED', 'ERASED')"
            + " AND decided_by IN ('MODERATOR', 'WEBSITE', 'OPERATOR') AND" + CLOSED;

    /** A batch of suggestions, by feedback_by_age (changeset 18). */
    static final String SUGGESTIONS = "SELECT id FROM feedback WHERE created_at < :before LIMIT :n FOR UPDATE SKIP LOCKED";

    /** A batch of comments, locked; those another transaction holds are left. */
    static String comments(String which) {
        return "SELECT id FROM comments WHERE " + which + " LIMIT :n FOR UPDATE SKIP LOCKED";
    }

    private final Jdbi jdbi;
    private final Duration unreviewed, reviewed;
    private final int batchSize;

    /** @param unreviewed, reviewed zero: kept for good */
    public Retention(Jdbi jdbi, Duration unreviewed, Duration reviewed, int batchSize) {
        if (batchSize < 1) throw new IllegalArgumentException("batchSize must be at least 1");
        this.jdbi = jdbi;
        this.unreviewed = unreviewed;
        this.reviewed = reviewed;
        this.batchSize = batchSize;
    }

    /** Whether any period is set: else a run deletes nothing. */
    public boolean on() {
        return !unreviewed.isZero() || !reviewed.isZero();
    }

    /** Deletes, batch after batch, everything past its period at {@code now}. */
    public Removed run(Instant now) {
        Removed total = Removed.NONE;
        if (!unreviewed.isZero()) total = total.plus(comments(UNREVIEWED, now.minus(unreviewed)));
        if (!reviewed.isZero()) total = total.plus(comments(REVIEWED, now.minus(reviewed))).plus(suggestions(now.minus(reviewed)));
        return total;
    }

    private Removed comments(String which, Instant before) {
        Removed total = Removed.NONE;
        Removed batch;
        do {
            batch = jdbi.inTransaction(h -> {
                List<String> keys = h.createQuery(comments(which))
                        .bind("before", CommentStore.utc(before)).bind("n", batchSize).mapTo(String.class).list();
                if (keys.isEmpty()) return Removed.NONE;
                int reports = delete(h, "DELETE FROM reports WHERE comment_id IN (<keys>)", keys);
                int decisions = delete(h, "DELETE FROM decisions WHERE comment_id IN (<keys>)", keys);
                delete(h, "DELETE FROM comment_quotes WHERE comment_id IN (<keys>)", keys);
                return new Removed(delete(h, "DELETE FROM comments WHERE id IN (<keys>)", keys), decisions, reports, 0, 1);
            });
            total = total.plus(batch);
        } while (batch.comments() == batchSize);  // fewer: none left, or the rest locked (the next run's)
        return total;
    }

    private Removed suggestions(Instant before) {
        Removed total = Removed.NONE;
        int deleted;
        do {
            deleted = jdbi.inTransaction(h -> {
                List<String> ids = h.createQuery(SUGGESTIONS)
                        .bind("before", CommentStore.utc(before)).bind("n", batchSize).mapTo(String.class).list();
                return ids.isEmpty() ? 0 : delete(h, "DELETE FROM feedback WHERE id IN (<keys>)", ids);
            });
            if (deleted > 0) total = total.plus(new Removed(0, 0, 0, deleted, 1));
        } while (deleted == batchSize);
        return total;
    }

    private static int delete(Handle h, String sql, List<String> keys) {
        return h.createUpdate(sql).bindList("keys", keys).execute();
    }
}
