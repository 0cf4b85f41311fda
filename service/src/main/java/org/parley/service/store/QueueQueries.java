package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.parley.service.access.Sites;
import org.parley.service.moderation.Queue;

/**
 * The SQL of the moderation queues, each read in the order of its own index (changelog
 * 9-queue-indexes; for one site, 10-moderator-site). {@code explain} prefixes it ("" to run it), so that a test asks PostgreSQL how it
 * runs exactly what the store sends (QueuePlansTest).
 */
final class QueueQueries {
    private QueueQueries() {}

    /**
     * One page: the ids first, in the queue's order, then their rows. The ids come from the index alone,
     * so an offset skips index entries, not rows read from the table and joined to their articles.
     */
    static Query page(Handle h, String explain, Queue queue, QueueReads.Narrowing in, int limit, int offset, Queue.Position after) {
        String where = " WHERE " + queue.where() + in.condition() + (after == null ? "" : " AND " + queue.after());
        Query page = in.bind(h.createQuery(explain + "SELECT " + CommentStore.COLUMNS + CommentStore.FROM
                        + " JOIN (SELECT c.id FROM comments c" + where + " ORDER BY " + queue.orderBy()
                        + " LIMIT :limit OFFSET :offset) shown ON shown.id = c.id ORDER BY " + queue.orderBy())
                .bind("limit", limit).bind("offset", offset));
        if (after != null) {  // only the names the condition holds: Jdbi refuses unused ones
            page.bind("afterId", after.id());
            if (queue.byRisk()) page.bind("afterRisk", after.risk()).bind("afterCreated", CommentStore.utc(after.createdAt()));
            else page.bind("afterUpdated", CommentStore.utc(after.updatedAt()));
        }
        return page;
    }

    /** How many the queue holds, counting no further than {@code most}. */
    static Query count(Handle h, String explain, Queue queue, QueueReads.Narrowing in, int most) {
        return in.bind(h.createQuery(explain + "SELECT COUNT(*) FROM (SELECT 1 FROM comments c WHERE " + queue.where()
                + in.condition() + " LIMIT :most) counted").bind("most", most));
    }

    /**
     * When the comment that has waited longest in {@code queue} (PENDING or ESCALATED) entered it: its status's range of
     * comments_published_queue (status, updated_at DESC), read from its far end, every site together. A comment's
     * updated_at is its arrival until a decision: for PENDING its arrival, or its reopening (REOPEN), for ESCALATED its escalation.
     */
    static Query waitingSince(Handle h, String explain, Queue queue) {
        return h.createQuery(explain + "SELECT c.updated_at FROM comments c WHERE c." + queue.where()
                + " ORDER BY c.updated_at LIMIT 1");
    }

    /**
     * Articles, most pending first, then the newest; with sites, only those they have comments on, counted for
     * them alone (erased comments are no article's), and titled only where the article's row is one of theirs. Only pending comments are grouped,
     * and only the listed articles' comments counted: grouping every comment by its article took 0.3 s at
     * 400,000 comments.
     */
    static Query articles(Handle h, String explain, Sites sites, int limit) {
        String ofSite = CommentStore.ofSites("c.site", sites);
        boolean every = sites.every();
        Query q = h.createQuery(explain + """
                        SELECT listed.local_id, listed.site, listed.title, listed.pending,
                            (SELECT COUNT(*) FROM comments c WHERE c.article_id = listed.id AND c.status <> 'ERASED'%1$s) AS comments
                        FROM (SELECT a.id, a.local_id, a.site, %3$s AS title, a.created_at, COALESCE(p.pending, 0) AS pending
                              FROM articles a LEFT JOIN (SELECT article_id, COUNT(*) AS pending FROM comments c
                                  WHERE status = 'PENDING'%1$s GROUP BY article_id) p ON p.article_id = a.id
                              %2$s
                              ORDER BY pending DESC, a.created_at DESC, a.id LIMIT :limit) listed
                        ORDER BY listed.pending DESC, listed.created_at DESC, listed.id""".formatted(ofSite,
                        every ? "" : "WHERE EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id" + ofSite + ")",
                        // Another site's title is not this one's (CommentStore.COLUMNS): a row from before may hold comments
                        // stored before sites were kept.
                        every ? "a.title" : "CASE WHEN TRUE" + CommentStore.ofSites("a.site", sites) + " THEN a.title END"))
                .bind("limit", limit);
        return CommentStore.bindSites(q, sites);
    }

    /**
     * The sites with open work (pending, reported or escalated comments), most pending first. Comments stored
     * before sites were recorded have none and are left out. The open queues are a small share of the
     * comments, each read from its own index.
     */
    static Query sites(Handle h, String explain, Sites sites, int limit) {
        Query q = h.createQuery(explain + """
                        SELECT c.site, SUM(CASE WHEN c.status = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                            SUM(CASE WHEN c.status = 'PUBLISHED' THEN 1 ELSE 0 END) AS reported,
                            SUM(CASE WHEN c.status = 'ESCALATED' THEN 1 ELSE 0 END) AS escalated
                        FROM comments c
                        WHERE c.site IS NOT NULL%s AND (c.status IN ('PENDING', 'ESCALATED')
                            OR (c.status = 'PUBLISHED' AND c.open_reports > 0))
                        GROUP BY c.site ORDER BY pending DESC, c.site LIMIT :limit""".formatted(CommentStore.ofSites("c.site", sites)))
                .bind("limit", limit);
        return CommentStore.bindSites(q, sites);
    }
}
