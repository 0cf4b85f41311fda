package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.Status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A site's comments decided since their arrival (by a moderator, an erasure), in the order their last decisions
 * committed, for the site to learn of moderators' decisions without asking each comment's status; those the policy alone
 * decided are left out, the site has their answer. Nothing here writes.
 * <p>
 * On PostgreSQL a decision's row holds its transaction's id ({@code decided_xid}, set by a trigger: changeset 24), and a
 * change is listed once every transaction with a lower id has ended ({@code pg_snapshot_xmin}): a page never passes one
 * that commits later, however long it waited for its locks. A time taken before the transaction could be passed so (a
 * penetration test, sixty-seventh session: an arrival 55 s behind two locks). On H2, one instance's store whose lock waits
 * end within its LOCK_TIMEOUT, a change is listed once its time is {@code settle} old.
 */
public final class SiteChanges {
    /**
     * Where a page ends: the last change's place (its transaction's id on PostgreSQL, its time in microseconds on H2) and
     * the comment's id on its site.
     */
    public record After(long place, String id) {
        /** Opaque to the site, which sends it back as it came. */
        public String token() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((place + "\n" + id).getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Empty when {@code token} was not made by {@link #token()}: a negative place, or one past the year 9999 as an H2
         * time (a time no database compares; transaction ids are far below it), a NUL, no id.
         */
        public static Optional<After> parse(String token) {
            try {
                String[] v = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", 2);
                if (v.length < 2 || v[1].isEmpty() || v[1].indexOf('\0') >= 0 || !v[0].matches("[0-9]{1,18}")) return Optional.empty();
                long place = Long.parseLong(v[0]);
                return place > LATEST_MICROS ? Optional.empty() : Optional.of(new After(place, v[1]));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** A comment where it stands now, its last decision's time and place; {@code reason} a moderator's rejection reason. */
    public record Change(String id, Status status, int version, Decider decidedBy, String reason, Instant changedAt, long place) {}

    private static final String COLUMNS = """
            SELECT c.local_id, c.status, c.version, c.decided_by, c.updated_at, %s AS place,
                CASE WHEN c.status = 'REJECTED' THEN (%s) END AS reason
            FROM comments c
            WHERE c.site = :site AND c.decided_by <> 'RULE'""";
    /** Ended: every transaction below the oldest one running. The row comparison reads the index from the page's end. */
    static final String BY_TRANSACTION = COLUMNS.formatted("c.decided_xid", CommentStore.rejectReasonOf("c.id")) + """

                AND c.decided_xid < pg_snapshot_xmin(pg_current_snapshot())::text::bigint
                AND (c.decided_xid, c.local_id) > (:afterPlace, :afterId)
            ORDER BY c.decided_xid, c.local_id LIMIT :most""";
    /** H2: by time, once settled. */
    static final String BY_TIME = COLUMNS.formatted("c.updated_at", CommentStore.rejectReasonOf("c.id")) + """

                AND c.updated_at <= :settled AND (c.updated_at, c.local_id) > (:afterChanged, :afterId)
            ORDER BY c.updated_at, c.local_id LIMIT :most""";
    /** The latest place a cursor may name: the year 9999 as an H2 time. */
    private static final long LATEST_MICROS = micros(Instant.parse("9999-12-31T00:00:00Z"));

    private final Jdbi jdbi;
    private final boolean byTransaction;

    public SiteChanges(Jdbi jdbi) {
        this(jdbi, Database.isPostgreSQL(jdbi));
    }

    SiteChanges(Jdbi jdbi, boolean byTransaction) {
        this.jdbi = jdbi;
        this.byTransaction = byTransaction;
    }

    /** The site's changes after {@code after} (null: from its first), oldest first; on H2 those up to {@code settled}. */
    public List<Change> page(String site, After after, Instant settled, int most) {
        return jdbi.withHandle(h -> query(h, "", byTransaction, site, after, settled, most).map((rs, ctx) -> {
            Instant changed = CommentStore.instant(rs, "updated_at");
            return new Change(rs.getString("local_id"), Status.valueOf(rs.getString("status")), rs.getInt("version"),
                    Decider.valueOf(rs.getString("decided_by")), rs.getString("reason"), changed,
                    byTransaction ? rs.getLong("place") : micros(changed));
        }).list());
    }

    /** An H2 place: microseconds since 1970, as the database keeps a time (ChronoUnit's, through nanoseconds, ends in 2262). */
    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** {@code explain} before the SQL ("" to run it): QueuePlansTest asks PostgreSQL how it reads it. */
    static Query query(Handle h, String explain, boolean byTransaction, String site, After after, Instant settled, int most) {
        Query q = h.createQuery(explain + (byTransaction ? BY_TRANSACTION : BY_TIME)).bind("site", site)
                .bind("afterId", after == null ? "" : after.id()).bind("most", most);
        if (byTransaction) return q.bind("afterPlace", after == null ? -1L : after.place());
        return q.bind("settled", CommentStore.utc(settled))
                .bind("afterChanged", CommentStore.utc(Instant.EPOCH.plus(after == null ? 0 : after.place(), ChronoUnit.MICROS)));
    }
}
