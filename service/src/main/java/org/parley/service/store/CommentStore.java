package org.parley.service.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.access.Sites;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.DecisionRecord;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.ReaderReport;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Function;

/**
 * Comments, their decisions and reader reports. Every write is one transaction: when a method
 * returns, what it wrote is committed, so an acknowledged request is never lost. The moderators' lists
 * are read by {@link QueueReads}, and the export's decisions by {@link ExportReads}.
 */
public final class CommentStore {
    /** The actor named on the policy's decisions. */
    public static final String POLICY_ACTOR = "policy";
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A comment with its site's article id and the article's title. A comment joins its own site's article row
     * (changelog 16-article-local-id); only one stored before sites were kept may sit on a site's row, and another
     * site's title is not its to read (changelog 11-article-site).
     */
    static final String COLUMNS = "c.*, a.local_id AS article_local_id,"
            + " CASE WHEN a.site IS NOT DISTINCT FROM c.site THEN a.title END AS article_title";
    static final String FROM = " FROM comments c JOIN articles a ON a.id = c.article_id";

    private final Jdbi jdbi;

    public CommentStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * @param created    false when the site had already stored a comment with this id: {@code comment} is that one
     * @param alsoQuotes what a created comment's alsoQuotes were stored as (without an erased comment's copies); for one
     *                   stored before, what {@link #withStoredAlsoQuotes} read (else empty)
     */
    public record Insert(boolean created, StoredComment comment, List<AlsoQuoted> alsoQuotes) {
        public Insert(boolean created, StoredComment comment) {
            this(created, comment, List.of());
        }
    }

    /**
     * The primary key of a site's new comment (changelog 15-comment-local-id): internal, never shown. Rows from
     * before keep theirs, their local id, and no id from before starts with '/'. The SHA-256 is of an encoding
     * that tells site and id apart whatever they hold (the site's length first): two sites' comments never
     * share a key, and two stores of one comment (a retry racing the first) make the same one and collide.
     * A comment without a site (tests, and rows from before sites were kept) is keyed by its id, as then.
     */
    public static String key(String site, String localId) {
        if (site == null) return localId;
        return "//" + AccountStore.sha256(site.length() + ":" + site + localId);
    }

    /**
     * A new comment whose key another stored comment holds: a comment of no site keyed by an id that is this site's key
     * of the new one's id (an id sent before ids were checked for '/', {@link #key}). The new comment cannot be stored
     * under its id, and nothing of the call is: the caller answers a 409 naming it ({@code intake.Ingestion}).
     */
    public static final class KeyTaken extends RuntimeException {
        private final int index;
        private final boolean article;

        KeyTaken(int index, String id, boolean article) {
            super("the key of " + (article ? "article '" : "comment '") + id + "' is a stored " + (article ? "article's" : "comment's")
                    + " id", null, false, false);
            this.index = index;
            this.article = article;
        }

        /** Whether it is the comment's article id whose key a stored article (of no site, or from before) holds. */
        public boolean article() {
            return article;
        }

        /** Which of the call's comments ({@link #insertAll}'s index). */
        public int index() {
            return index;
        }
    }

    /**
     * Stores a scored comment with the policy's decision as version 1, unless its site already stored one
     * with its id (a retry, or another comment): then the stored one is returned unchanged, for the caller
     * to tell which. Another site's comment with the same id is another comment, and no hindrance.
     */
    public Insert insert(NewComment c, Instant now) {
        return insertAll(List.of(c), now, (r, i) -> {}).get(0);
    }

    /**
     * As {@link #insert}, for several comments in one transaction: all of them are stored, or (on any
     * failure) none. {@code each} sees each result in turn, with its index, and may throw to roll back
     * the whole call (a clash found only now).
     */
    public List<Insert> insertAll(List<NewComment> comments, Instant now, ObjIntConsumer<Insert> each) {
        return store(comments, List.of(), List.of(), now, each).inserted();
    }

    /**
     * A stored comment's stance to write again: {@code rewrite} gets the comment as it is under its row's lock and returns
     * its stance JSON as it is to be (the same string: left as it is), or throws to roll the call back. Only the stance
     * column is written: not the version, status, scores or times, so no decision goes stale and no queue moves.
     *
     * @param key the comment's {@link StoredComment#key() key}
     */
    public record StanceRewrite(String key, Function<StoredComment, String> rewrite) {}

    /**
     * What {@link #store} wrote: the inserts, and each rewritten comment as it is after (in the order given; empty where
     * it is no longer stored). An {@link Status#ERASED erased} one is returned as it is, its stance not written.
     * {@code alsoQuotes}: the entries stored for each comment answered as stored before (the {@code answered} ones, and
     * each insert that found one), by {@link StoredComment#key() key}, those with none absent ({@link #withAlsoQuotes}).
     */
    public record Written(List<Insert> inserted, List<Optional<StoredComment>> rewritten, Map<String, List<AlsoQuoted>> alsoQuotes) {}

    /**
     * As {@link #insertAll}, and in the same transaction the stance of stored comments rewritten: a stored thread sent
     * again with new targets (intake.Ingestion). The rows rewritten are locked with the parents the inserts lock, in one
     * key order, and {@code rewrite} reads the stance under the lock: of two calls adding the same target at once, the
     * second finds it stored. The entries the answer shows of comments stored before are read in the transaction too:
     * read once it committed, a database lost in between answered a call whose comments were stored with the 503 of
     * one "most likely not applied" (errors.DatabaseExceptionMapper; docs/known-gaps.md, fiftieth session).
     *
     * @param answered the keys of comments stored before that the caller answers with (a re-sent thread's)
     */
    public Written store(List<NewComment> comments, List<StanceRewrite> rewrites, Collection<String> answered, Instant now,
                         ObjIntConsumer<Insert> each) {
        return jdbi.inTransaction(h -> {
            List<Insert> inserted = insertAll(h, comments, rewrites.stream().map(StanceRewrite::key).toList(), utc(now), each);
            List<Optional<StoredComment>> rewritten = new ArrayList<>(rewrites.size());
            for (StanceRewrite r : rewrites) rewritten.add(rewrite(h, r));
            Set<String> quoting = new LinkedHashSet<>(answered);
            for (Insert r : inserted) if (!r.created()) quoting.add(r.comment().key());
            return new Written(inserted, rewritten, CommentQuotes.of(h, quoting));
        });
    }

    private static Optional<StoredComment> rewrite(Handle h, StanceRewrite r) {
        Optional<StoredComment> found = byKey(h, r.key());
        if (found.isEmpty()) return found;
        String stance = r.rewrite().apply(found.get());
        // An erased comment keeps no stance on targets (Erasures.withoutTargets): its author's opinion, named.
        if (found.get().status() == Status.ERASED || java.util.Objects.equals(stance, found.get().stanceJson())) return found;
        h.createUpdate("UPDATE comments SET stance = :stance WHERE id = :id").bind("stance", stance).bind("id", r.key()).execute();
        return byKey(h, r.key());
    }

    /**
     * As {@link #insertAll}, in the open transaction {@code h}. The comments the replies answer are locked first
     * ({@link ErasureLocks#lockParents}), with {@code others} that the transaction writes: a reply of an erased comment
     * keeps nothing its site copied of it.
     */
    static List<Insert> insertAll(Handle h, List<NewComment> comments, OffsetDateTime at, ObjIntConsumer<Insert> each) {
        return insertAll(h, comments, List.of(), at, each);
    }

    private static List<Insert> insertAll(Handle h, List<NewComment> comments, Collection<String> others, OffsetDateTime at,
                                          ObjIntConsumer<Insert> each) {
        List<NewComment> ready = ErasureLocks.lockParents(h, comments, others);
        List<Insert> out = new ArrayList<>(ready.size());
        for (int i = 0; i < ready.size(); i++) {
            Insert r = insert(h, ready.get(i), at, i);
            each.accept(r, i);
            out.add(r);
        }
        return out;
    }

    /**
     * The key of {@code site}'s article {@code localId}, stored now if it is the site's first comment on it. Article
     * ids are each site's own (changelog 16-article-local-id): another site's article with the same id is another
     * row, with its own title. A row from before keeps its key (its id); a new one is keyed as a comment is
     * ({@link #key}), and a key that an article id of no site, or sent before, took is no article of this site's:
     * {@link KeyTaken}.
     */
    private static String article(Handle h, NewComment c, OffsetDateTime at, int index) {
        h.createUpdate("INSERT INTO articles (id, local_id, title, created_at, site) VALUES (:key, :id, :title, :at, :site)"
                        + " ON CONFLICT DO NOTHING")
                .bind("key", key(c.site(), c.articleId())).bind("id", c.articleId()).bind("title", c.articleTitle())
                .bind("at", at).bind("site", c.site()).execute();
        if (c.articleTitle() != null)  // the first comment of an article may come without its title
            h.createUpdate("UPDATE articles SET title = :title WHERE local_id = :id AND title IS NULL AND site IS NOT DISTINCT FROM :site")
                    .bind("id", c.articleId()).bind("title", c.articleTitle()).bind("site", c.site()).execute();
        return h.createQuery("SELECT id FROM articles WHERE local_id = :id AND site IS NOT DISTINCT FROM :site")
                .bind("id", c.articleId()).bind("site", c.site()).mapTo(String.class).findOne()
                .orElseThrow(() -> new KeyTaken(index, c.articleId(), true));  // a 409 on it, not a 500
    }

    private static Insert insert(Handle h, NewComment c, OffsetDateTime at, int index) {
        String article = article(h, c, at, index);
        Status status = Status.of(c.action());
        int rows = h.createUpdate("""
                INSERT INTO comments (id, local_id, article_id, number, parent_id, parent_number, author, text, quote,
                    rating_up, rating_down, open_reports, toxicity, severe_toxicity, identity_attack, insult,
                    profanity, threat, risk, top_attribute, spans, stance, model_name, model_version,
                    model_checksum, action, status, decided_by, version, created_at, updated_at, language, parent_author, rules, site)
                VALUES (:key, :id, :articleId, :number, :parentId, :parentNumber, :author, :text, :quote,
                    :ratingUp, :ratingDown, 0, :s0, :s1, :s2, :s3, :s4, :s5, :risk, :top, :spans, :stance,
                    :modelName, :modelVersion, :modelChecksum, :action, :status, 'RULE', 1, :at, :at, :language, :parentAuthor, :rules, :site)
                ON CONFLICT DO NOTHING""")
                .bind("key", key(c.site(), c.id())).bind("id", c.id()).bind("articleId", article).bind("number", c.number())
                .bind("parentId", c.parentId()).bind("parentNumber", c.parentNumber())
                .bind("author", c.author()).bind("text", c.text()).bind("quote", c.quote())
                .bind("ratingUp", c.ratingUp()).bind("ratingDown", c.ratingDown())
                .bind("s0", c.scores()[0]).bind("s1", c.scores()[1]).bind("s2", c.scores()[2])
                .bind("s3", c.scores()[3]).bind("s4", c.scores()[4]).bind("s5", c.scores()[5])
                .bind("risk", c.risk()).bind("top", c.topAttribute().name())
                .bind("spans", c.spansJson()).bind("stance", c.stanceJson())
                .bind("modelName", c.model().name()).bind("modelVersion", c.model().version())
                .bind("modelChecksum", c.model().checksum())
                .bind("action", c.action().name()).bind("status", status.name()).bind("at", at)
                .bind("language", c.language()).bind("parentAuthor", c.parentAuthor()).bind("rules", c.rulesJson())
                .bind("site", c.site()).execute();
        if (rows == 1) {
            CommentQuotes.insert(h, key(c.site(), c.id()), article, c.site(), c.alsoQuotes());
            StoredComment stored = byKey(h, key(c.site(), c.id())).orElseThrow();
            appendDecision(h, stored, c.action().name(), null, null, POLICY_ACTOR, Decider.RULE, at);
            return new Insert(true, stored, c.alsoQuotes());
        }
        // Only a key that an id sent before ids were checked for '/' took (the SHA-256 of this site and id), or a site's
        // key that a comment of no site's id is, is no comment of this site's: that id cannot be stored, and says so to
        // the caller (a 409 on it), where an IllegalStateException made it a 500 (CommentKeyClashTest).
        return new Insert(false, find(h, c.site(), c.id()).orElseThrow(() -> new KeyTaken(index, c.id(), false)));
    }

    /** The comment {@code site} stored as {@code id} (site null: a comment stored before sites were kept). */
    public Optional<StoredComment> find(String site, String id) {
        return jdbi.withHandle(h -> find(h, site, id));
    }

    private static Optional<StoredComment> find(Handle h, String site, String id) {
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE c.local_id = :id AND c.site IS NOT DISTINCT FROM :site")
                .bind("id", id).bind("site", site).map((rs, ctx) -> comment(rs)).findOne();
    }

    /**
     * The comments stored as {@code id} by {@code sites} (a caller's {@link org.parley.service.auth.Caller#reachedSites},
     * {@link Sites#EVERY}: whichever site's): ids are each site's own. Another site's row is not read, so a comment out
     * of reach costs what one never stored does; none is locked, so that another of the caller's sites' is not waited for.
     */
    public List<StoredComment> named(String id, Sites sites) {
        return jdbi.withHandle(h -> bindSites(h.createQuery("SELECT " + COLUMNS + FROM + " WHERE c.local_id = :id"
                + ofSites("c.site", sites)).bind("id", id), sites).map((rs, ctx) -> comment(rs)).list());
    }

    /** The further comments the comment {@code key} quotes besides its parent, in the order quoted; empty when none. */
    public List<AlsoQuoted> alsoQuotes(String key) {
        return jdbi.withHandle(h -> CommentQuotes.of(h, key));
    }

    /**
     * {@code inserts} with each one not created (stored before) given the entries the store holds for it, read in one
     * query: what GET /v1/comments/{id} shows, so that a re-sent comment is answered as stored.
     */
    public List<Insert> withStoredAlsoQuotes(List<Insert> inserts) {
        List<String> keys = inserts.stream().filter(r -> !r.created()).map(r -> r.comment().key()).toList();
        if (keys.isEmpty()) return inserts;
        return withAlsoQuotes(inserts, jdbi.withHandle(h -> CommentQuotes.of(h, keys)));
    }

    /** {@code inserts} with each one not created given its entries in {@code held} ({@link Written#alsoQuotes}), else none. */
    public static List<Insert> withAlsoQuotes(List<Insert> inserts, Map<String, List<AlsoQuoted>> held) {
        return inserts.stream().map(r -> r.created() ? r
                : new Insert(false, r.comment(), held.getOrDefault(r.comment().key(), List.of()))).toList();
    }

    /** By the internal key, {@link StoredComment#key()}. */
    public Optional<StoredComment> byKey(String key) {
        return jdbi.withHandle(h -> byKey(h, key));
    }

    static Optional<StoredComment> byKey(Handle h, String key) {
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE c.id = :key").bind("key", key)
                .map((rs, ctx) -> comment(rs)).findOne();
    }

    /** The comment it answers: by the site's parent id, else by number within the same article. */
    public Optional<StoredComment> parent(StoredComment c) {
        return parent(c.site(), c.articleId(), c.parentId(), c.parentNumber());
    }

    /**
     * Only among {@code site}'s comments (null: those stored before owners were kept): a site's comments
     * answer its own, and a reply's stance toward another site's comment would tell its sender about that
     * comment's text. By number, the first stored, ties (one thread's comments share a time) by key: the
     * rule {@link ErasureLocks} follows to find the replies that copied a comment, and {@link ReplyParents} (a call's
     * replies at once) to find the comments an insert locks.
     */
    public Optional<StoredComment> parent(String site, String articleId, String parentId, Integer parentNumber) {
        return jdbi.withHandle(h -> parent(h, site, articleId, parentId, parentNumber));
    }

    static Optional<StoredComment> parent(Handle h, String site, String articleId, String parentId, Integer parentNumber) {
        if (parentId != null) return find(h, site, parentId);
        if (parentNumber == null) return Optional.empty();
        return h.createQuery("SELECT " + COLUMNS + FROM + " WHERE a.local_id = :article"
                        + " AND c.number = :number AND c.site IS NOT DISTINCT FROM :site ORDER BY c.created_at, c.id LIMIT 1")
                .bind("article", articleId).bind("number", parentNumber).bind("site", site)
                .map((rs, ctx) -> comment(rs)).findOne();
    }

    /**
     * The site's stored replies to the comments {@code ids} (by id, in any article, as {@link #parent} finds a parent by
     * its id; until the sixty-fifth session in {@code articleId} alone) or {@code numbers} (those that name no parent id,
     * by number in the article {@code articleId}), not erased: a reply stored before its parent (a BBC thread sent newest
     * page first) is read for its reply stance when the parent comes (intake.Ingestion, which tells which have one: a
     * filter on the stance's text here took a target named "replyStance" for one, a several-instances audit, sixty-fifth
     * session). Two statements, each through an index ({@link #REPLIES_BY_ID}: comments_replies); one with an OR across
     * the two tables read the whole of comments (106 ms at 300,000 comments against 0.84; a code-health audit, as
     * {@link ErasureLocks#REPLIES_BY_ID} found before). Read for a call's new comments before its commit and again after.
     * Only those without a reply stance, and at most {@code most} (a seventh penetration test, sixty-fifth session: every
     * reply was read, those read before too, so a site that stored thousands of replies to a number had each new comment
     * of that number load them all, and one parent read them all in one turn of a lane).
     */
    public List<StoredComment> repliesTo(String site, String articleId, Collection<String> ids, Collection<Integer> numbers,
                                         int most) {
        if (ids.isEmpty() || most <= 0) return List.of();
        return jdbi.withHandle(h -> {
            TreeMap<String, StoredComment> out = new TreeMap<>();  // by key, as the queue's ties are
            for (StoredComment c : ofSite(h, REPLIES_BY_ID, site).bindList("ids", List.copyOf(ids)).bind("most", most)
                    .map((rs, ctx) -> comment(rs)).list()) out.put(c.key(), c);
            if (!numbers.isEmpty() && out.size() < most)
                for (StoredComment c : ofSite(h, REPLIES_BY_NUMBER, site).bind("article", articleId)
                        .bindList("numbers", List.copyOf(numbers)).bind("most", most - out.size()).map((rs, ctx) -> comment(rs)).list())
                    out.put(c.key(), c);
            return List.copyOf(out.values());
        });
    }

    /**
     * The key of the first stored comment of each of {@code numbers} in the article, by the rule {@link #parent} reads a
     * reply's parent by number with (the first stored, ties by key); a number no comment has is absent. One read.
     */
    public Map<Integer, String> firstOfNumbers(String site, String articleId, Collection<Integer> numbers) {
        if (numbers.isEmpty()) return Map.of();
        Map<Integer, String> out = new HashMap<>();
        jdbi.useHandle(h -> ofSite(h, "SELECT c.number, c.id FROM comments c JOIN articles a ON a.id = c.article_id WHERE <site>"
                        + " AND a.local_id = :article AND c.number IN (<numbers>) ORDER BY c.created_at, c.id", site)
                .bind("article", articleId).bindList("numbers", List.copyOf(numbers))
                .map((rs, ctx) -> Map.entry(rs.getInt(1), rs.getString(2))).forEach(e -> out.putIfAbsent(e.getKey(), e.getValue())));
        return out;
    }

    /**
     * Without a reply stance: the key as Jackson writes it, followed by its object. A target of that name cannot match,
     * as a JSON string holds no bare quote ({@code "target":"replyStance"} is followed by a comma or a brace, and any
     * quote inside a target is escaped); the filter on {@code "replyStance"} alone took such a target for the key.
     * intake.StoredStance.hasReply, which parses it, is asked too.
     */
    private static final String NO_REPLY_STANCE = " AND (c.stance IS NULL OR c.stance NOT LIKE '%\"replyStance\":{%')";
    /** {@link #repliesTo}'s reads; {@code <site>}: {@link #ofSite}'s. */
    static final String REPLIES_BY_ID = "SELECT " + COLUMNS + FROM + " WHERE <site> AND c.parent_id IN (<ids>) AND c.status <> 'ERASED'"
            + NO_REPLY_STANCE + " LIMIT :most";
    static final String REPLIES_BY_NUMBER = "SELECT " + COLUMNS + FROM + " WHERE <site> AND a.local_id = :article"
            + " AND c.parent_id IS NULL AND c.parent_number IN (<numbers>) AND c.status <> 'ERASED'" + NO_REPLY_STANCE + " LIMIT :most";

    /**
     * Every site's replies without a reply stance, not erased, stored at {@code from} after the key {@code afterKey} (""
     * for all) or later, oldest first, at most {@code most}, of those with a quote or a parent stored since
     * ({@link #UNREAD_REPLIES}): intake.ReplySweep walks them.
     */
    public List<StoredComment> unreadReplies(Instant from, String afterKey, int most) {
        return jdbi.withHandle(h -> h.createQuery(UNREAD_REPLIES).bind("from", utc(from)).bind("afterKey", afterKey)
                .bind("most", most).map((rs, ctx) -> comment(rs)).list());
    }

    /**
     * {@link #unreadReplies}'s read, through comments_unread_replies (changeset 22), whose predicate it repeats; the row
     * comparison is the index's range, so a page that starts inside replies stored at one time skips those passed
     * without reading them (an OR of the two columns read them all again: a code-health audit, sixty-sixth session).
     * Only replies that may have a parent to answer: a quote, or a stored comment, not erased, of the parent's id or
     * number (of the same site; by number, in the article of that id as {@link #parent} reads it, which tells which of
     * that number: a legacy row's article may be another site's). Replies to comments never sent (a thread's
     * other pages) are passed over in the database, one index read each: read in pages, each took a place of a run's
     * 1,000, and one site's thousands made every site's replies wait minutes (a several-instances audit, sixty-fifth
     * session).
     */
    static final String UNREAD_REPLIES = "SELECT " + COLUMNS + FROM + " WHERE (c.parent_id IS NOT NULL OR c.parent_number IS NOT NULL)"
            + " AND c.status <> 'ERASED'" + NO_REPLY_STANCE
            + " AND (c.created_at, c.id) > (:from, :afterKey)"
            + " AND (c.quote IS NOT NULL"
            + " OR c.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM comments p WHERE p.local_id = c.parent_id"
            + " AND (p.site = c.site OR p.site IS NULL AND c.site IS NULL) AND p.status <> 'ERASED')"
            + " OR c.parent_id IS NULL AND EXISTS (SELECT 1 FROM articles pa JOIN comments p ON p.article_id = pa.id"
            + " WHERE pa.local_id = a.local_id AND p.number = c.parent_number"
            + " AND (p.site = c.site OR p.site IS NULL AND c.site IS NULL) AND p.status <> 'ERASED'))"
            + " ORDER BY c.created_at, c.id LIMIT :most";

    /** {@code sql} with its {@code <site>} the comment's ({@code c.site}, as an index reads it) and the site bound. */
    private static org.jdbi.v3.core.statement.Query ofSite(Handle h, String sql, String site) {
        return ErasureLocks.ofSite(h.createQuery(sql.replace("<site>", ErasureLocks.sameSite("c.site", site))), site);
    }

    /** What {@link #decide} did. */
    public sealed interface Outcome {
        /**
         * {@code history}: every decision on the comment, this one included, read in the decision's transaction: the answer
         * is built from it, so a database lost once it committed cannot fail the request (a 503 "most likely not applied").
         */
        record Decided(StoredComment comment, List<DecisionRecord> history) implements Outcome {}
        /**
         * {@code expectedVersion} was stale, or the comment is {@link Status#ERASED erased} (at any version: nothing
         * decides it again); {@code current} is now. {@code decided}: a decision was recorded since {@code expectedVersion}
         * (the erasure is one); false when only readers' reports (each a new version) came since.
         */
        record Conflict(StoredComment current, boolean decided) implements Outcome {}
        /**
         * The comment is escalated, or was decided after an escalation and not reopened since ({@link
         * StoredComment#seniorOnly}), and such comments are not this actor's to decide.
         */
        record Reserved(StoredComment current) implements Outcome {}
        /** A {@link Verdict#REOPEN reopen} of a comment that is PENDING already, at {@code expectedVersion}: nothing written. */
        record AlreadyPending(StoredComment current) implements Outcome {}
        record NotFound() implements Outcome {}
    }

    /**
     * A moderator's decision, applied only if the comment is still at {@code expectedVersion}: of two
     * moderators deciding the same version at once, exactly one commits, the other gets a Conflict.
     * An escalated comment is decided only by a {@code senior} actor, and so is one decided after its escalation until
     * a senior reopens it ({@link StoredComment#seniorOnly}: a senior's decision sticks); the check is in the same
     * UPDATE, so an escalation that commits first is never overruled by the moderator it was meant to pass.
     * A {@link Verdict#REOPEN reopen} puts the comment back in PENDING and leaves its open reports open: no one has
     * settled them; of a comment PENDING already it writes nothing ({@link Outcome.AlreadyPending}).
     *
     * @param id the comment's {@link StoredComment#key() key}
     */
    public Outcome decide(String id, Verdict verdict, Reason reason, String note, String actor, boolean senior,
                          int expectedVersion, Instant now) {
        boolean reopen = verdict == Verdict.REOPEN;
        return jdbi.inTransaction(h -> {
            OffsetDateTime at = utc(now);
            int rows = h.createUpdate("""
                    UPDATE comments SET status = :status, decided_by = 'MODERATOR',
                        open_reports = CASE WHEN :reopen THEN open_reports ELSE 0 END, version = version + 1, updated_at = :at,
                        senior_only = CASE WHEN :reopen THEN FALSE WHEN :status = 'ESCALATED' OR status = 'ESCALATED' THEN TRUE
                            ELSE senior_only END
                    WHERE id = :id AND version = :expected AND (:senior OR status <> 'ESCALATED' AND NOT senior_only)
                        AND status <> 'ERASED' AND NOT (:reopen AND status = 'PENDING')""")
                    .bind("status", verdict.status().name()).bind("at", at).bind("id", id)
                    .bind("expected", expectedVersion).bind("senior", senior).bind("reopen", reopen).execute();
            Optional<StoredComment> current = byKey(h, id);
            if (current.isEmpty()) return new Outcome.NotFound();
            if (rows == 0) {
                StoredComment c = current.get();
                if (c.status() == Status.ERASED) return new Outcome.Conflict(c, true);
                // A retry of this very decision, whose commit went through while its answer was lost (a 503 as the
                // connection broke): answered as applied, as the 503 promises, not as "someone decided first". Readers'
                // reports since may have moved the version on; another decision since may not (a database review: a
                // report in between made the retry a 409 blaming someone else for the sender's own decision).
                if (c.version() > expectedVersion && recorded(h, id, expectedVersion + 1, verdict, reason, note, actor)
                        && !decidedAfter(h, id, expectedVersion + 1))
                    return new Outcome.Decided(c, history(h, id));
                boolean reserved = !senior && c.version() == expectedVersion && (c.status() == Status.ESCALATED || c.seniorOnly());
                if (reserved) return new Outcome.Reserved(c);
                if (reopen && c.version() == expectedVersion && c.status() == Status.PENDING) return new Outcome.AlreadyPending(c);
                return new Outcome.Conflict(c, decidedAfter(h, id, expectedVersion));
            }
            appendDecision(h, current.get(), verdict.name(), reason == null ? null : reason.code(), note, actor,
                    Decider.MODERATOR, at);
            return new Outcome.Decided(current.get(), history(h, id));
        });
    }

    /** Open reports that each make a new version of the comment; more are stored and counted, not versioned. */
    public static final int STALE_REPORTS = 10;

    /** A stored report: the comment after it, and whether it repeated an earlier one (counted once). */
    public record Report(StoredComment comment, boolean duplicate) {}

    /**
     * A reader's report: the comment joins the REPORTED queue if published. Empty if no such comment; an
     * {@link Status#ERASED erased} one is returned as it is, and nothing is stored.
     * Whoever calls it found the comment among those of the reporter's sites ({@link #named}, no lock): locking
     * another site's comment made its 404 wait for that site's moderators and, on PostgreSQL, commit a write
     * (~0.7 ms more than for no comment at all, a per-site isolation audit), which told the caller the id was stored.
     *
     * @param id       the comment's {@link StoredComment#key() key}
     * @param reportId null, or the client's id for this report: the same id again from the same client on
     *                 the same comment (a retry) is answered as the first was and counts once
     */
    public Optional<Report> report(String id, String reason, String client, String reportId, Instant now) {
        return jdbi.inTransaction(h -> {
            // The row is locked, so that of two reports racing on one reportId the second sees the first's.
            Optional<String> status = h.createQuery("SELECT status FROM comments WHERE id = :id FOR UPDATE").bind("id", id)
                    .mapTo(String.class).findOne();
            if (status.isEmpty()) return Optional.empty();
            // An erased comment takes no report: a reader's reason is personal data, and nobody would read it.
            if (status.get().equals(Status.ERASED.name())) return byKey(h, id).map(c -> new Report(c, false));
            boolean repeated = reportId != null && h.createQuery(
                            "SELECT 1 FROM reports WHERE comment_id = :id AND client = :client AND report_id = :reportId")
                    .bind("id", id).bind("client", client).bind("reportId", reportId).mapTo(Integer.class).findFirst().isPresent();
            if (!repeated) {
                h.createUpdate("INSERT INTO reports (comment_id, reason, client, report_id, reported_at) "
                                + "VALUES (:id, :reason, :client, :reportId, :at)")
                        .bind("id", id).bind("reason", reason).bind("client", client).bind("reportId", reportId)
                        .bind("at", utc(now)).execute();
                // A new version: a moderator deciding on what they saw before it gets the 409 and sees the
                // report, where the decision closed it unseen (a moderator's audit). Only up to
                // STALE_REPORTS open ones: a moderator who saw that many knows readers object, and a stream of
                // reports (any of the site's keys may send them) must not keep every decision on the comment stale.
                h.createUpdate("UPDATE comments SET version = version + CASE WHEN open_reports < :stale THEN 1 ELSE 0 END, "
                                + "open_reports = open_reports + 1 WHERE id = :id")
                        .bind("id", id).bind("stale", STALE_REPORTS).execute();
            }
            return byKey(h, id).map(c -> new Report(c, repeated));
        });
    }

    /** What {@link #erase} did: the comment as it is now, and whether this call erased it (false: it was already). */
    public record Erasure(StoredComment comment, boolean erased) {}

    /**
     * Erases a comment (its site withdrew it, or an operator erased its author's comments; docs/moderation.md,
     * Erasure), in one transaction: its text, quote, author and parent author, its spans (where in the text the
     * model looked) and its stance on the site's targets (the author's opinion, named); its readers' reasons; the copy
     * of its text on every decision; the scores its site suggested for the same text (feedback); and what its direct
     * replies copied from it, their quote and parent author ({@link #parent}'s rule finds them; a reply stored later, or
     * while this runs, is stored without them: {@link ErasureLocks}), and its passage, with the marker naming it, where
     * another reply quotes it further down its quote ({@link ErasedPassages}). Ids, scores, model versions, the policy's rules and
     * who decided what and when stay: the audit of what was decided. The erasure is a decision, {@code ERASE} to
     * {@link Status#ERASED}, one version more. A comment erased before is returned as it is, and nothing changes.
     *
     * @param id the comment's {@link StoredComment#key() key}
     * @return empty if no such comment
     * @see #erase(String, String, Decider, Instant, Consumer) the same with its erasure line, as the callers that answer
     *      an erasure need: this one logs none (the store's tests)
     */
    public Optional<Erasure> erase(String id, String actor, Decider kind, Instant now) {
        return erase(id, actor, kind, now, e -> {});
    }

    /**
     * {@link #erase(String, String, Decider, Instant)}, with {@code logged} given the erasure inside its transaction,
     * before it commits: an erasure whose line it fails to write (it throws) is rolled back ({@link LineNotWritten}), and
     * one that commits has its line. A commit that fails after the line leaves the line of an erasure not done, which a restore's
     * re-applying does: what was asked (docs/moderation.md, Backup and restore).
     */
    public Optional<Erasure> erase(String id, String actor, Decider kind, Instant now, Consumer<Erasure> logged) {
        return ErasureLocks.retrying(jdbi, h -> {
            Optional<Erasure> e = Erasures.erase(h, List.of(id), List.of(), null, actor, kind, now).stream().findFirst();
            e.ifPresent(done -> logged(done, logged));
            return e;
        });
    }

    /**
     * An erasure whose line was not written: {@code logged} threw inside the transaction, which rolled back. {@link #tried}
     * is the erasure it was given (whether it erased the comment or found it erased before), for the caller's answer;
     * the message is what the line's writer said.
     */
    public static final class LineNotWritten extends RuntimeException {
        private final transient Erasure tried;

        LineNotWritten(Erasure tried, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.tried = tried;
        }

        public Erasure tried() {
            return tried;
        }
    }

    private static void logged(Erasure done, Consumer<Erasure> logged) {
        try {
            logged.accept(done);
        } catch (RuntimeException x) {
            throw new LineNotWritten(done, x);
        }
    }

    /**
     * Erases each of {@code site}'s comments whose author is {@code author} (as the site sent it, exactly), in one
     * transaction: all of them or, on a failure, none. Erased comments have no author, so a second call finds none.
     * Every reply of the site that names the author as its parent's author loses its quote and parent author too,
     * also where that parent was never stored; every quote of the site, each passage a marker gives the author's name.
     *
     * @return the comments erased
     * @see #eraseAuthor(String, String, String, Decider, Instant, Consumer) the same with their erasure lines; this one
     *      logs none (the store's tests)
     */
    public List<StoredComment> eraseAuthor(String site, String author, String actor, Decider kind, Instant now) {
        return eraseAuthor(site, author, actor, kind, now, c -> {});
    }

    /**
     * {@link #eraseAuthor(String, String, String, Decider, Instant)}, with {@code logged} given each erasure inside the
     * transaction, before it commits: where it throws, none is erased ({@link LineNotWritten}).
     */
    public List<StoredComment> eraseAuthor(String site, String author, String actor, Decider kind, Instant now,
                                           Consumer<Erasure> logged) {
        return ErasureLocks.retrying(jdbi, h -> {
            List<StoredComment> erased = Erasures.ofAuthor(h, site, author, actor, kind, now);
            for (StoredComment c : erased) logged(new Erasure(c, true), logged);
            return erased;
        });
    }

    /**
     * The comment's reports, newest first, at most {@code limit}. A decision closes the open ones
     * ({@code openReports} back to 0) and each report since adds one, so the newest
     * {@code openReports} are the open ones.
     */
    public List<ReaderReport> reports(StoredComment c, int limit) {
        int[] row = {0};  // rows come newest first
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT reason, reported_at FROM reports WHERE comment_id = :id ORDER BY id DESC LIMIT :limit")
                .bind("id", c.key()).bind("limit", limit)
                .map((rs, ctx) -> new ReaderReport(rs.getString("reason"), instant(rs, "reported_at"), row[0]++ < c.openReports()))
                .list());
    }

    /** The condition, to follow a WHERE, that keeps the rows whose {@code column} is one of {@code sites}: "" for every site. */
    static String ofSites(String column, Sites sites) {
        return sites.every() ? "" : " AND " + column + (sites.only() != null ? " = :site" : " IN (<sites>)");
    }

    static Query bindSites(Query q, Sites sites) {
        if (sites.only() != null) q.bind("site", sites.only());
        else if (!sites.every()) q.bindList("sites", sites.names());
        return q;
    }

    /** A decision with its comment's local id and site. */
    static final String DECISIONS = "SELECT d.*, c.local_id AS comment_local_id, c.site AS comment_site, "
            + "c.language AS comment_language, c.open_reports AS comment_open_reports, c.status AS comment_status"
            + " FROM decisions d JOIN comments c ON c.id = d.comment_id";

    /** The decisions on a comment, oldest first; {@code id} is its {@link StoredComment#key() key}. */
    public List<DecisionRecord> history(String id) {
        return jdbi.withHandle(h -> history(h, id));
    }

    private static List<DecisionRecord> history(Handle h, String id) {
        return h.createQuery(DECISIONS + " WHERE d.comment_id = :id ORDER BY d.version")
                .bind("id", id).map((rs, ctx) -> decision(rs)).list();
    }

    /**
     * The reason of the comment's latest rejection ({@code insult}, {@code spam}, …), empty when none gave one (the policy's
     * rejections give none); {@code id} is its {@link StoredComment#key() key}. For a site telling its reader why.
     */
    public Optional<String> rejectReason(String id) {
        return jdbi.withHandle(h -> h.createQuery(rejectReasonOf(":id")).bind("id", id).mapTo(String.class).findFirst());
    }

    /** The SQL of {@link #rejectReason} for the comment whose key {@code commentId} is (a parameter, or a column). */
    static String rejectReasonOf(String commentId) {
        return "SELECT d.reason FROM decisions d WHERE d.comment_id = " + commentId + " AND d.decision = 'REJECT'"
                + " ORDER BY d.version DESC LIMIT 1";
    }

    /** The sites that have stored comments, in name order. */
    public List<String> storedSites() {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT site FROM comments WHERE site IS NOT NULL ORDER BY site")
                .mapTo(String.class).list());
    }

    /** Whether any decision (a moderator's, an erasure) was recorded on the comment after {@code version}. */
    private static boolean decidedAfter(Handle h, String id, int version) {
        return h.createQuery("SELECT COUNT(*) FROM decisions WHERE comment_id = :id AND version > :version")
                .bind("id", id).bind("version", version).mapTo(Integer.class).one() > 0;
    }

    /** Whether the moderator decision recorded at {@code version} is this one: the same actor, verdict, reason and note. */
    private static boolean recorded(Handle h, String id, int version, Verdict verdict, Reason reason, String note, String actor) {
        return h.createQuery("""
                SELECT COUNT(*) FROM decisions WHERE comment_id = :id AND version = :version AND actor_kind = :kind
                    AND actor = :actor AND decision = :decision AND reason IS NOT DISTINCT FROM :reason
                    AND note IS NOT DISTINCT FROM :note""")
                .bind("id", id).bind("version", version).bind("kind", Decider.MODERATOR.name()).bind("actor", actor)
                .bind("decision", verdict.name()).bind("reason", reason == null ? null : reason.code()).bind("note", note)
                .mapTo(Integer.class).one() > 0;
    }

    static void appendDecision(Handle h, StoredComment c, String decision, String reason, String note,
                                       String actor, Decider kind, OffsetDateTime at) {
        h.createUpdate("""
                INSERT INTO decisions (comment_id, version, decision, status, reason, note, actor, actor_kind, text,
                    scores, model_version, model_checksum, decided_at)
                VALUES (:id, :version, :decision, :status, :reason, :note, :actor, :kind, :text, :scores,
                    :modelVersion, :modelChecksum, :at)""")
                .bind("id", c.key()).bind("version", c.version()).bind("decision", decision)
                .bind("status", c.status().name()).bind("reason", reason).bind("note", note)
                .bind("actor", actor).bind("kind", kind.name()).bind("text", c.text())
                .bind("scores", scoresJson(c.scores())).bind("modelVersion", c.model().version())
                .bind("modelChecksum", c.model().checksum()).bind("at", at).execute();
    }

    /** {"TOXICITY": 0.12, …}, in attribute order. */
    public static String scoresJson(float[] scores) {
        Map<String, Float> m = new LinkedHashMap<>();
        for (Attribute a : Attribute.values()) m.put(a.name(), scores[a.ordinal()]);
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoredComment comment(ResultSet rs) throws SQLException {
        float[] scores = new float[Attribute.COUNT];
        for (Attribute a : Attribute.values()) scores[a.ordinal()] = rs.getFloat(a.name().toLowerCase(java.util.Locale.ROOT));
        return new StoredComment(rs.getString("local_id"), rs.getString("article_local_id"), rs.getString("article_title"),
                integer(rs, "number"), rs.getString("parent_id"), integer(rs, "parent_number"), rs.getString("author"),
                rs.getString("text"), rs.getString("quote"), integer(rs, "rating_up"), integer(rs, "rating_down"),
                rs.getInt("open_reports"), scores, rs.getFloat("risk"), Attribute.valueOf(rs.getString("top_attribute")),
                rs.getString("spans"), rs.getString("stance"),
                new StoredComment.ModelRef(rs.getString("model_name"), rs.getString("model_version"), rs.getString("model_checksum")),
                Action.valueOf(rs.getString("action")), Status.valueOf(rs.getString("status")),
                Decider.valueOf(rs.getString("decided_by")), rs.getInt("version"),
                instant(rs, "created_at"), instant(rs, "updated_at"), rs.getString("language"),
                rs.getString("parent_author"), rs.getString("rules"), rs.getString("site"), rs.getString("id"),
                rs.getBoolean("senior_only"));
    }

    static DecisionRecord decision(ResultSet rs) throws SQLException {
        return new DecisionRecord(rs.getLong("id"), rs.getString("comment_local_id"),
                rs.getString("comment_site"), rs.getInt("version"),
                rs.getString("decision"), Status.valueOf(rs.getString("status")), rs.getString("reason"),
                rs.getString("note"), rs.getString("actor"), Decider.valueOf(rs.getString("actor_kind")),
                rs.getString("text"), rs.getString("scores"), rs.getString("model_version"),
                rs.getString("model_checksum"), instant(rs, "decided_at"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
