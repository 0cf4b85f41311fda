package org.parley.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.Lists;
import org.jdbi.v3.core.Handle;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore.Erasure;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes of an erasure ({@link CommentStore#erase}, {@link CommentStore#eraseAuthor}; docs/moderation.md, Erasure),
 * in a transaction {@link ErasureLocks} holds: every table's copy of a comment's text and names cleared, and the erasure
 * recorded as a decision. Out of CommentStore, whose other writes each change one comment, as it reaches every table:
 * comments, their replies, reports, decisions and feedback.
 */
final class Erasures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Erasures() {}

    /** {@link CommentStore#eraseAuthor} in the open transaction {@code h}: the comments it erased now. */
    static List<StoredComment> ofAuthor(Handle h, String site, String author, String actor, Decider kind, Instant now) {
        // One read finds the author's comments and the replies that name them as their parent's author, which lose
        // their copies also where that parent is none of the comments erased (never stored, or not found by number).
        List<String> keys = new ArrayList<>(), namers = new ArrayList<>();
        h.createQuery("SELECT id, author FROM comments WHERE site = :site AND (author = :author OR parent_author = :author)"
                        + " ORDER BY created_at, id")
                .bind("site", site).bind("author", author)
                .map((rs, ctx) -> Map.entry(rs.getString("id"), author.equals(rs.getString("author"))))
                .forEach(row -> (row.getValue() ? keys : namers).add(row.getKey()));
        return erase(h, keys, namers, new ErasedPassages.Author(site, author), actor, kind, now).stream().filter(Erasure::erased).map(Erasure::comment).toList();
    }

    /**
     * Erases {@code keys} in the open transaction {@code h}, with the copies of them their replies carry, those
     * {@code namers} carry, and the passages of them (and of {@code author}, unless null) that other quotes hold, once it
     * has locked all these rows ({@link ErasureLocks#lock}): each comment found, erased now or before. The rows are
     * written by key, as locked, not found again by what they hold.
     */
    static List<Erasure> erase(Handle h, List<String> keys, Collection<String> namers, ErasedPassages.Author author,
                               String actor, Decider kind, Instant now) {
        ErasureLocks.Replies replies = ErasureLocks.lock(h, keys, namers, author);
        forgetSuggestions(h, keys);
        List<Erasure> out = new ArrayList<>(keys.size());
        for (String key : keys) erase(h, key, actor, kind, CommentStore.utc(now)).ifPresent(out::add);
        // An erased comment's quote goes whole (below): so do the words of others its alsoQuotes rows copied.
        for (List<String> part : Lists.partition(keys, 1000)) CommentQuotes.forgetAll(h, part);
        // A reply's quote is the text it answers and its parent author the name the page gave the comment's author
        // (ReplyContext): copies of an erased comment's, made by its site.
        for (List<String> part : Lists.partition(List.copyOf(replies.cleared()), 1000))
            h.createUpdate("UPDATE comments SET quote = NULL, parent_author = NULL WHERE id IN (<keys>)").bindList("keys", part).execute();
        // Further down a quote, a passage of it after the marker naming it: that passage and marker alone.
        Set<String> quoting = new HashSet<>(replies.quoting());
        quoting.removeAll(replies.cleared());
        replies.passages().takeOut(h, quoting);
        return out;
    }

    /**
     * Deletes the scores each comment's site suggested for its very text (:suggestscore keeps the text for training): a
     * copy of it, which the export would train on. Matched by text, as a suggestion names no comment: a scan of the
     * feedback table (no index holds texts of 20,480 characters), once per call rather than once per comment, before the
     * comments lose their texts. An erased comment's text is gone already.
     */
    private static void forgetSuggestions(Handle h, List<String> keys) {
        for (List<String> part : Lists.partition(keys, 1000))
            h.createUpdate("DELETE FROM feedback f WHERE EXISTS (SELECT 1 FROM comments c WHERE c.id IN (<keys>)"
                            + " AND c.status <> 'ERASED' AND c.text = f.text AND c.site IS NOT DISTINCT FROM f.site)")
                    .bindList("keys", part).execute();
    }

    /** The comment's own row, its reports' reasons and its decisions' texts; its row locked beforehand, not its article's. */
    private static Optional<Erasure> erase(Handle h, String id, String actor, Decider kind, OffsetDateTime at) {
        Optional<StoredComment> found = CommentStore.byKey(h, id);
        if (found.isEmpty()) return Optional.empty();
        StoredComment c = found.get();
        if (c.status() == Status.ERASED) return Optional.of(new Erasure(c, false));
        h.createUpdate("""
                UPDATE comments SET text = '', quote = NULL, author = NULL, parent_author = NULL, spans = '[]', stance = :stance,
                    status = 'ERASED', decided_by = :kind, open_reports = 0, version = version + 1, updated_at = :at
                WHERE id = :id""")
                .bind("stance", withoutTargets(c.stanceJson())).bind("kind", kind.name()).bind("at", at).bind("id", id).execute();
        h.createUpdate("UPDATE reports SET reason = NULL WHERE comment_id = :id").bind("id", id).execute();
        h.createUpdate("UPDATE decisions SET text = '' WHERE comment_id = :id").bind("id", id).execute();
        StoredComment erased = CommentStore.byKey(h, id).orElseThrow();
        CommentStore.appendDecision(h, erased, "ERASE", null, null, actor, kind, at);
        return Optional.of(new Erasure(erased, true));
    }

    /**
     * A comment's stance without its stance on the site's targets: which target the author was for or against is
     * their opinion, named. Its stance toward its parent (a label and probabilities) and the stance model stay.
     */
    private static String withoutTargets(String stanceJson) {
        if (stanceJson == null) return null;
        try {
            ObjectNode stance = (ObjectNode) JSON.readTree(stanceJson);
            stance.remove("stance");
            return JSON.writeValueAsString(stance);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored stance is not JSON", e);
        }
    }
}
