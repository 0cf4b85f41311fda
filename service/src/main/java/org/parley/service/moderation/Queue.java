package org.parley.service.moderation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;

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

    /** Open queues sort by risk; decided ones by the time of the decision. */
    public boolean byRisk() {
        return byRisk;
    }

    public String orderBy() {
        return byRisk ? "c.risk DESC, c.created_at ASC, c.id ASC" : "c.updated_at DESC, c.id ASC";
    }

    /**
     * The comments that come after a {@link Position}, bound as {@code :afterRisk}, {@code :afterCreated},
     * {@code :afterUpdated} and {@code :afterId}, in this order
     * (keyset paging): unlike an offset, it skips nothing when comments ahead leave the queue
     * meanwhile. Its first term repeats what the rest implies, as a range an index scan can start at:
     * without it PostgreSQL read the queue's index from the top and filtered (0.2 s for a cursor deep
     * into PUBLISHED at 400,000 comments, EXPLAIN ANALYZE).
     */
    public String after() {
        return byRisk
                // REAL, as the column: sent as text, pgjdbc types a float as double precision, and 0.734f
                // widened is not the double 0.734, so a cursor's ties would fall out of both tests.
                ? "c.risk <= CAST(:afterRisk AS REAL) AND (c.risk < CAST(:afterRisk AS REAL)"
                        + " OR (c.risk = CAST(:afterRisk AS REAL) AND (c.created_at > :afterCreated"
                        + " OR (c.created_at = :afterCreated AND c.id > :afterId))))"
                : "c.updated_at <= :afterUpdated AND (c.updated_at < :afterUpdated"
                        + " OR (c.updated_at = :afterUpdated AND c.id > :afterId))";
    }

    /**
     * Where a page ended: its last comment's sort values as they were then. A cursor holding only
     * the comment's id would move with the comment when it is decided again (decided queues sort
     * by the time of the decision), and the next page would start over near the top.
     */
    public record Position(float risk, Instant createdAt, Instant updatedAt, String id) {  // id: the comment's key
        public static Position of(StoredComment c) {
            return new Position(c.risk(), c.createdAt(), c.updatedAt(), c.key());  // the order's last term, c.id
        }

        /** Opaque to clients: URL-safe base64 of the four values. */
        public String token() {
            String plain = risk + "\n" + createdAt + "\n" + updatedAt + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }

        /** Empty when {@code token} was not made by {@link #token()}. */
        public static Optional<Position> parse(String token) {
            try {
                String[] v = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 4);
                // No NUL: PostgreSQL refuses it in text, which would be a server fault, not a 400.
                if (v.length < 4 || v[3].isEmpty() || v[3].indexOf('\0') >= 0) return Optional.empty();
                Instant created = Instant.parse(v[1]), updated = Instant.parse(v[2]);
                // Years a database can compare (PostgreSQL's timestamps end in 294276): a forged year is a 400.
                if (!plausible(created) || !plausible(updated)) return Optional.empty();
                return Optional.of(new Position(Float.parseFloat(v[0]), created, updated, v[3]));
            } catch (IllegalArgumentException | DateTimeParseException e) {  // NumberFormatException is one
                return Optional.empty();
            }
        }

        private static boolean plausible(Instant t) {
            return !t.isBefore(EARLIEST) && t.isBefore(LATEST);
        }

        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z"), LATEST = Instant.parse("9999-12-31T00:00:00Z");
    }
}
