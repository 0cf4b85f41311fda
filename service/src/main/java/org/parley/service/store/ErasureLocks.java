package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Locks every comment row an erasure will write before it writes any, one row at a time in the order of their keys, so
 * that two erasures whose rows overlap wait for each other rather than deadlock. Each locked its comment, then its
 * replies as it cleared them: two comments that answer each other, erased at once, each held one and waited for the
 * other (a database review, thirty-eighth session: 9 of 20 such races a 503 on PostgreSQL; ErasureRaceTest). One row at
 * a time, as the order of the rows a {@code SELECT … FOR UPDATE} locks is the engine's. A decision or a report locks
 * only its comment, and retention skips locked rows, so neither closes a cycle with an erasure.
 */
final class ErasureLocks {
    private ErasureLocks() {}

    /**
     * @param keys   the comments to erase: each, and its direct replies (as {@link CommentStore#replies} finds them)
     * @param others further rows the erasure writes ({@code eraseAuthor}'s replies that name the author)
     */
    static void lock(Handle h, Collection<String> keys, Collection<String> others) {
        SortedSet<String> rows = new TreeSet<>(keys);
        rows.addAll(others);
        for (String key : keys) {
            StoredComment c = CommentStore.byKey(h, key).orElse(null);
            if (c == null || c.status() == Status.ERASED) continue;  // nothing of it, or of its replies, is written
            for (var replies : CommentStore.replies(h, c, where -> h.createQuery(CommentStore.REPLY_KEYS + where)))
                rows.addAll(replies.mapTo(String.class).list());
        }
        for (String key : rows)
            h.createQuery("SELECT id FROM comments WHERE id = :key FOR UPDATE").bind("key", key).mapTo(String.class).findOne();
    }
}
