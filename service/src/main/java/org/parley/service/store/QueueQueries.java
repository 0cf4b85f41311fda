package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.parley.service.moderation.Queue;

/**
 * The SQL of the moderation queues, each read in the order of its own index (changelog
 * 9-queue-indexes). {@code explain} prefixes it ("" to run it), so that a test asks PostgreSQL how it
 * runs exactly what the store sends (QueuePlansTest).
 */
final class QueueQueries {
    private QueueQueries() {}

    /**
     * One page: the ids first, in the queue's order, then their rows. The ids come from the index alone,
     * so an offset skips index entries, not rows read from the table and joined to their articles.
     */
    static Query page(Handle h, String explain, Queue queue, String articleId, int limit, int offset, Queue.Position after) {
        String where = " WHERE " + queue.where() + inArticle(articleId) + (after == null ? "" : " AND " + queue.after());
        Query page = h.createQuery(explain + "SELECT " + CommentStore.COLUMNS + CommentStore.FROM
                        + " JOIN (SELECT c.id FROM comments c" + where + " ORDER BY " + queue.orderBy()
                        + " LIMIT :limit OFFSET :offset) shown ON shown.id = c.id ORDER BY " + queue.orderBy())
                .bind("limit", limit).bind("offset", offset);
        if (articleId != null) page.bind("article", articleId);
        if (after != null) {  // only the names the condition holds: Jdbi refuses unused ones
            page.bind("afterId", after.id());
            if (queue.byRisk()) page.bind("afterRisk", after.risk()).bind("afterCreated", CommentStore.utc(after.createdAt()));
            else page.bind("afterUpdated", CommentStore.utc(after.updatedAt()));
        }
        return page;
    }

    /** How many the queue holds, counting no further than {@code most}. */
    static Query count(Handle h, String explain, Queue queue, String articleId, int most) {
        Query count = h.createQuery(explain + "SELECT COUNT(*) FROM (SELECT 1 FROM comments c WHERE " + queue.where()
                + inArticle(articleId) + " LIMIT :most) counted").bind("most", most);
        if (articleId != null) count.bind("article", articleId);
        return count;
    }

    /** The condition that narrows a queue to one article (bound as {@code :article}), or none. */
    private static String inArticle(String articleId) {
        return articleId == null ? "" : " AND c.article_id = :article";
    }

    /**
     * Articles, most pending first, then the newest. Only pending comments are grouped, and only the listed
     * articles' comments counted: grouping every comment by its article took 0.3 s at 400,000 comments.
     */
    static Query articles(Handle h, String explain, int limit) {
        return h.createQuery(explain + """
                        SELECT listed.id, listed.title, listed.pending,
                            (SELECT COUNT(*) FROM comments c WHERE c.article_id = listed.id) AS comments
                        FROM (SELECT a.id, a.title, a.created_at, COALESCE(p.pending, 0) AS pending
                              FROM articles a LEFT JOIN (SELECT article_id, COUNT(*) AS pending FROM comments
                                  WHERE status = 'PENDING' GROUP BY article_id) p ON p.article_id = a.id
                              ORDER BY pending DESC, a.created_at DESC, a.id LIMIT :limit) listed
                        ORDER BY listed.pending DESC, listed.created_at DESC, listed.id""")
                .bind("limit", limit);
    }
}
