package org.parley.service.moderation;

/**
 * The lists a moderator works from, in the manner of established moderation tools. Each is a
 * condition on a comment's current state; the open ones are sorted by risk, highest first, the
 * decided ones by the time of the decision, newest first.
 */
public enum Queue {
    /** Held by the policy (or by a moderator's revision) for review. */
    PENDING("status = 'PENDING'", true),
    /** Published, but reported by readers since the last decision. */
    REPORTED("status = 'PUBLISHED' AND open_reports > 0", true),
    /** Passed up by a moderator to a senior one. */
    ESCALATED("status = 'ESCALATED'", true),
    /** Rejected by the policy, no person has looked at it. */
    AUTO_REJECTED("status = 'REJECTED' AND decided_by = 'RULE'", false),
    /** Approved by a moderator. */
    APPROVED("status = 'PUBLISHED' AND decided_by = 'MODERATOR'", false),
    /** Rejected by a moderator. */
    REJECTED("status = 'REJECTED' AND decided_by = 'MODERATOR'", false),
    /** Everything on the site now, whoever decided. */
    PUBLISHED("status = 'PUBLISHED'", false);

    private final String where;
    private final boolean byRisk;

    Queue(String where, boolean byRisk) {
        this.where = where;
        this.byRisk = byRisk;
    }

    /** A fixed SQL condition: never built from request input. */
    public String where() {
        return where;
    }

    public String orderBy() {
        return byRisk ? "c.risk DESC, c.created_at ASC, c.id ASC" : "c.updated_at DESC, c.id ASC";
    }

    /**
     * The comments that come after the one bound as {@code :after} in this order (keyset paging):
     * unlike an offset, it skips nothing when comments ahead leave the queue meanwhile. The cursor
     * comment need not be in the queue any more.
     */
    public String after() {
        String risk = cursor("risk"), created = cursor("created_at"), updated = cursor("updated_at"), id = cursor("id");
        return byRisk
                ? "(c.risk < " + risk + " OR (c.risk = " + risk + " AND (c.created_at > " + created
                        + " OR (c.created_at = " + created + " AND c.id > " + id + "))))"
                : "(c.updated_at < " + updated + " OR (c.updated_at = " + updated + " AND c.id > " + id + "))";
    }

    private static String cursor(String column) {
        return "(SELECT " + column + " FROM comments WHERE id = :after)";
    }
}
