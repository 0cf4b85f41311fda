package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.Status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A site's comments decided since their arrival (by a moderator, an erasure), in the order of their last decision, for the
 * site to learn of moderators' decisions without asking each comment's status; those the policy alone decided are left
 * out, the site has their answer. Read by (site, updated_at, local_id), changeset 24. Nothing here writes.
 */
public final class SiteChanges {
    /** Where a page ends: the last change's time and the comment's id on its site. */
    public record After(Instant changedAt, String id) {
        private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z"), LATEST = Instant.parse("9999-12-31T00:00:00Z");

        /** Opaque to the site, which sends it back as it came. */
        public String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((changedAt + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        /** Empty when {@code token} was not made by {@link #token()}: a year no database compares, a NUL, no id. */
        public static Optional<After> parse(String token) {
            try {
                String[] v = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
                if (v.length < 2 || v[1].isEmpty() || v[1].indexOf('\0') >= 0) return Optional.empty();
                Instant t = Instant.parse(v[0]);
                return t.isBefore(EARLIEST) || !t.isBefore(LATEST) ? Optional.empty() : Optional.of(new After(t, v[1]));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    /** A comment where it stands now, and when it last changed; {@code reason} a rejection's, where a moderator gave one. */
    public record Change(String id, Status status, int version, Decider decidedBy, String reason, Instant changedAt) {}

    /**
     * The site's changes after {@code after} (null: from its first), up to {@code settled}, oldest first. The row
     * comparison reads the index from where the last page ended.
     */
    static final String CHANGES = """
            SELECT c.local_id, c.status, c.version, c.decided_by, c.updated_at,
                CASE WHEN c.status = 'REJECTED' THEN (SELECT d.reason FROM decisions d WHERE d.comment_id = c.id
                    AND d.decision = 'REJECT' ORDER BY d.version DESC LIMIT 1) END AS reason
            FROM comments c
            WHERE c.site = :site AND c.decided_by <> 'RULE' AND c.updated_at <= :settled
                AND (c.updated_at, c.local_id) > (:afterChanged, :afterId)
            ORDER BY c.updated_at, c.local_id LIMIT :most""";

    private static final Instant BEFORE_ANY = Instant.EPOCH;
    private final Jdbi jdbi;

    public SiteChanges(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<Change> page(String site, After after, Instant settled, int most) {
        return jdbi.withHandle(h -> query(h, "", site, after, settled, most).map((rs, ctx) -> new Change(rs.getString("local_id"),
                Status.valueOf(rs.getString("status")), rs.getInt("version"), Decider.valueOf(rs.getString("decided_by")),
                rs.getString("reason"), CommentStore.instant(rs, "updated_at"))).list());
    }

    /** {@code explain} before the SQL ("" to run it): QueuePlansTest asks PostgreSQL how it reads it. */
    static Query query(Handle h, String explain, String site, After after, Instant settled, int most) {
        return h.createQuery(explain + CHANGES).bind("site", site).bind("settled", CommentStore.utc(settled))
                .bind("afterChanged", CommentStore.utc(after == null ? BEFORE_ANY : after.changedAt()))
                .bind("afterId", after == null ? "" : after.id()).bind("most", most);
    }
}
