package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.parley.service.moderation.AlsoQuoted;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The further comments each stored comment quotes besides its parent ({@link AlsoQuoted}; table {@code comment_quotes},
 * changeset 21), one row per entry in the order quoted. Written with the comment's own row, in its transaction; read for
 * its view; cleared by an erasure ({@link Erasures}).
 */
final class CommentQuotes {
    private CommentQuotes() {}

    /** Stores {@code quoted} for the comment {@code key} just inserted, on its article {@code article} and site. */
    static void insert(Handle h, String key, String article, String site, List<AlsoQuoted> quoted) {
        if (quoted.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("INSERT INTO comment_quotes (comment_id, position, article_id, site, quoted_id,"
                + " quoted_number, author, passage) VALUES (:key, :position, :article, :site, :id, :number, :author, :passage)");
        for (int i = 0; i < quoted.size(); i++) {
            AlsoQuoted q = quoted.get(i);
            batch.bind("key", key).bind("position", i).bind("article", article).bind("site", site)
                    .bind("id", q.id()).bind("number", q.number()).bind("author", q.author()).bind("passage", q.passage()).add();
        }
        batch.execute();  // one round trip for a comment's entries (up to 20), not one each
    }

    /** Clears the copies entry {@code position} of comment {@code key} holds (the quoted comment's name and words): erased. */
    static void forget(Handle h, String key, int position) {
        h.createUpdate("UPDATE comment_quotes SET author = NULL, passage = NULL WHERE comment_id = :key AND position = :position")
                .bind("key", key).bind("position", position).execute();
    }

    /** Clears the copies every entry of the comments {@code keys} holds: those comments are erased, their quotes with them. */
    static void forgetAll(Handle h, List<String> keys) {
        h.createUpdate("UPDATE comment_quotes SET author = NULL, passage = NULL WHERE comment_id IN (<keys>)").bindList("keys", keys).execute();
    }

    /** What comment {@code key} quotes besides its parent, in order; empty when nothing (or stored before changeset 21). */
    static List<AlsoQuoted> of(Handle h, String key) {
        return h.createQuery("SELECT quoted_id, quoted_number, author, passage FROM comment_quotes WHERE comment_id = :key ORDER BY position")
                .bind("key", key)
                .map((rs, ctx) -> entry(rs)).list();
    }

    /** {@link #of} for each of {@code keys} (those with no entries absent), in one query: a thread's re-sent comments. */
    static Map<String, List<AlsoQuoted>> of(Handle h, Collection<String> keys) {
        Map<String, List<AlsoQuoted>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        h.createQuery("SELECT comment_id, quoted_id, quoted_number, author, passage FROM comment_quotes WHERE comment_id IN (<keys>)"
                        + " ORDER BY comment_id, position")
                .bindList("keys", List.copyOf(keys))
                .map((rs, ctx) -> Map.entry(rs.getString("comment_id"), entry(rs)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    private static AlsoQuoted entry(ResultSet rs) throws SQLException {
        int n = rs.getInt("quoted_number");
        Integer number = rs.wasNull() ? null : n;  // before the next column is read
        return new AlsoQuoted(rs.getString("quoted_id"), number, rs.getString("author"), rs.getString("passage"));
    }
}
