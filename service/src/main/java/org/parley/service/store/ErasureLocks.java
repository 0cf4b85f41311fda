package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionException;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.thread.QuotedPassages;

import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The row locks that keep an erasure whole. An erasure locks every comment row it will write before it writes any, one
 * row at a time in the order of their keys, so that two erasures whose rows overlap wait for each other rather than
 * deadlock. Each locked its comment, then its replies as it cleared them: two comments that answer each other, erased
 * at once, each held one and waited for the other (a database review, thirty-eighth session: 9 of 20 such races a 503
 * on PostgreSQL; ErasureRaceTest). One row at a time, as the order of the rows a {@code SELECT … FOR UPDATE} locks is
 * the engine's. A decision or a report locks only its comment, and retention skips locked rows, so neither closes a
 * cycle with an erasure.
 * <p>
 * The insert of a reply that carries copies of a stored comment locks that comment too ({@link #lockParents}), so that
 * an erasure never misses a reply: one stored while an erasure of its parent was open kept the erased comment's author
 * and text, unlocked (the same review). An erasure that waited for such an insert finds, under its locks, a reply it had
 * not locked: it starts again ({@link #retrying}) rather than lock that row out of order.
 */
final class ErasureLocks {
    private ErasureLocks() {}

    /** Replies that carry copies of the comment they answer: the only ones an erasure writes, or an insert locks for. */
    private static final String CARRYING = " AND (quote IS NOT NULL OR parent_author IS NOT NULL)";
    /**
     * An erased comment's replies: those that name it by id, read through comments_replies (changeset 19), and, for the
     * first comment of its number, those that name only that number on its article, read through comments_site_article.
     * One statement with an OR, and {@code site IS NOT DISTINCT FROM}, read the whole table for each comment erased
     * (472 ms at 300,000 comments; a database review). {@code <site>}: {@link #sameSite}.
     */
    static final String REPLIES_BY_ID = "SELECT id FROM comments WHERE <site> AND parent_id = :localId" + CARRYING;
    static final String REPLIES_BY_NUMBER = "SELECT id FROM comments WHERE <site>"
            + " AND article_id = (SELECT article_id FROM comments WHERE id = :id) AND parent_id IS NULL AND parent_number = :number"
            + CARRYING;
    /** Tries of an erasure that replies kept joining while it waited; then the 503 of a transaction to retry. */
    private static final int ATTEMPTS = 10;

    /** The erasure went to write a reply it had not locked: stored while it waited for a lock. */
    static final class Moved extends RuntimeException {
        Moved() {
            super(null, null, false, false);
        }
    }

    /** {@code erasure} in a transaction, begun again (with nothing of the try kept) while {@link #lock} finds it must. */
    static <T> T retrying(Jdbi jdbi, HandleCallback<T, RuntimeException> erasure) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(erasure);
            } catch (Moved e) {
                if (attempt == ATTEMPTS) throw new TransactionException("replies to the comments to erase were stored "
                        + "while it waited, " + ATTEMPTS + " times", new SQLTransientException("erasure outrun", "40001"));
            }
        }
    }

    /**
     * What an erasure writes besides its comments: the replies it clears ({@link #REPLIES_BY_ID}, {@link #REPLIES_BY_NUMBER},
     * and the others it was given), and those whose quote loses the passages {@code passages} names.
     */
    record Replies(Set<String> cleared, Set<String> quoting, ErasedPassages passages) {}

    /**
     * Locks the rows an erasure writes and returns the replies it writes (of {@code keys}, and {@code others}). Throws
     * {@link Moved} where, under the locks, a reply to write is one it did not lock.
     *
     * @param keys   the comments to erase: each, its direct replies that carry copies of it, and the replies that quote
     *               it further down their quote
     * @param others further rows the erasure clears ({@code eraseAuthor}'s replies that name the author)
     * @param author the author erased, whose passages every quote of their site loses; null for an erasure by id
     */
    static Replies lock(Handle h, Collection<String> keys, Collection<String> others, ErasedPassages.Author author) {
        Replies found = replies(h, keys, author);
        SortedSet<String> rows = new TreeSet<>(keys);
        rows.addAll(others);
        rows.addAll(found.cleared());
        rows.addAll(found.quoting());
        for (String key : rows)
            h.createQuery("SELECT id FROM comments WHERE id = :key FOR UPDATE").bind("key", key).mapTo(String.class).findOne();
        // Read again, the comments locked: no reply to them is stored now before this commits (lockParents).
        Replies replies = replies(h, keys, author);
        if (!rows.containsAll(replies.cleared()) || !rows.containsAll(replies.quoting())) throw new Moved();
        replies.cleared().addAll(others);
        return replies;
    }

    /** The replies that carry copies of those of {@code keys} not erased yet, or quote them (or {@code author}) further down. */
    private static Replies replies(Handle h, Collection<String> keys, ErasedPassages.Author author) {
        Set<String> out = new HashSet<>();
        Map<String, Set<Integer>> numbers = new HashMap<>();
        Set<String> ids = new HashSet<>();
        String site = author == null ? null : author.site();  // an erasure's comments are all of one site
        for (String key : keys) {
            StoredComment c = CommentStore.byKey(h, key).orElse(null);
            if (c == null || c.status() == Status.ERASED) continue;  // nothing of it, or of its replies, is written
            site = c.site();
            ids.add(c.id());
            out.addAll(ofSite(h.createQuery(REPLIES_BY_ID.replace("<site>", sameSite(c.site()))), c.site())
                    .bind("localId", c.id()).mapTo(String.class).list());
            // By number, a reply answers the first comment of it (CommentStore#parent): only that one's are its.
            boolean firstOfNumber = c.number() != null && h.createQuery("SELECT id FROM comments WHERE article_id = "
                            + "(SELECT article_id FROM comments WHERE id = :id) AND number = :number AND site IS NOT DISTINCT FROM :site"
                            + " ORDER BY created_at, id LIMIT 1")
                    .bind("id", c.key()).bind("number", c.number()).bind("site", c.site()).mapTo(String.class).one().equals(c.key());
            if (firstOfNumber) {
                out.addAll(ofSite(h.createQuery(REPLIES_BY_NUMBER.replace("<site>", sameSite(c.site()))), c.site())
                        .bind("number", c.number()).bind("id", c.key()).mapTo(String.class).list());
                String article = h.createQuery("SELECT article_id FROM comments WHERE id = :id").bind("id", c.key())
                        .mapTo(String.class).one();
                numbers.computeIfAbsent(article, a -> new HashSet<>()).add(c.number());
            }
        }
        ErasedPassages passages = new ErasedPassages(site, numbers, ids, author == null ? null : author.name());
        Set<String> quoting = passages.quoting(h);
        quoting.removeAll(keys);
        return new Replies(out, quoting, passages);
    }

    /**
     * The insert's side: locks, in key order, the stored comments that those of {@code comments} carrying copies answer
     * ({@link CommentStore#parent}'s rule), and returns {@code comments} with the copies of an erased one dropped. Under
     * the lock no erasure of the parent is open: it committed (the parent reads erased), or waits for this insert and
     * finds the reply. So with the comments its quote names further down ({@link ReplyParents#quoted}): the passage of
     * an erased one goes, with its marker ({@link ErasedPassages}). A comment no one stored yet has no erasure to race.
     * {@code others}, stored comments the same transaction writes ({@link CommentStore#store}'s stance), are locked with
     * them, in the one key order.
     */
    static List<NewComment> lockParents(Handle h, List<NewComment> comments, Collection<String> others) {
        List<Integer> carrying = new ArrayList<>();
        for (int i = 0; i < comments.size(); i++)
            if (comments.get(i).quote() != null || comments.get(i).parentAuthor() != null || !comments.get(i).alsoQuotes().isEmpty())
                carrying.add(i);
        // Found a few statements to the call, not one for each reply (ReplyParents).
        List<NewComment> replies = carrying.stream().map(comments::get).toList();
        String[] parents = ReplyParents.keys(h, replies);
        List<Map<Integer, String>> quoted = ReplyParents.quoted(h, replies);
        List<List<String>> also = ReplyParents.alsoQuoted(h, replies);
        SortedSet<String> keys = new TreeSet<>(others);
        for (String key : parents) if (key != null) keys.add(key);
        for (Map<Integer, String> named : quoted) keys.addAll(named.values());
        for (List<String> named : also) for (String key : named) if (key != null) keys.add(key);
        Set<String> erased = new HashSet<>();
        for (String key : keys)
            if (h.createQuery("SELECT status FROM comments WHERE id = :key FOR UPDATE").bind("key", key).mapTo(String.class)
                    .findOne().filter(Status.ERASED.name()::equals).isPresent()) erased.add(key);
        List<NewComment> out = new ArrayList<>(comments);
        for (int k = 0; k < parents.length; k++) {
            NewComment reply = replies.get(k);
            Map<Integer, String> named = quoted.get(k);
            if (parents[k] != null && erased.contains(parents[k])) reply = reply.withoutCopies();
            else if (named.values().stream().anyMatch(erased::contains))  // a passage it quotes further down is erased
                reply = reply.withQuote(QuotedPassages.without(reply.quote(), m -> erased.contains(named.get(m.number()))));
            out.set(carrying.get(k), withoutErasedAlsoQuotes(reply, also.get(k), erased));
        }
        return out;
    }

    /**
     * {@code reply} without the copies its alsoQuotes entries hold of an erased comment ({@code named}: each entry's
     * stored comment, or null): the entry keeps whom it names, not their name or words, and the quote loses the passage.
     */
    private static NewComment withoutErasedAlsoQuotes(NewComment reply, List<String> named, Set<String> erased) {
        if (named.stream().noneMatch(erased::contains)) return reply;
        List<AlsoQuoted> kept = new ArrayList<>(reply.alsoQuotes());
        String quote = reply.quote();
        for (int i = 0; i < kept.size(); i++) {
            if (!erased.contains(named.get(i))) continue;
            quote = ErasedPassages.withoutPassage(quote, kept.get(i).passage());
            kept.set(i, new AlsoQuoted(kept.get(i).id(), kept.get(i).number(), null, null));
        }
        return reply.withQuote(quote).withAlsoQuotes(kept);
    }

    /** The comments of one site, or of none (rows an old release stored), as an index can read them. */
    static String sameSite(String site) {
        return sameSite("site", site);
    }

    /**
     * As {@link #sameSite(String)}, of the site column {@code column} ({@code c.site} in a join): {@code IS NOT DISTINCT
     * FROM}, which says the same, no index can read.
     */
    static String sameSite(String column, String site) {
        return site == null ? column + " IS NULL" : column + " = :site";
    }

    /** {@code query} with {@link #sameSite}'s parameter bound, where it has one. */
    static Query ofSite(Query query, String site) {
        return site == null ? query : query.bind("site", site);
    }
}
