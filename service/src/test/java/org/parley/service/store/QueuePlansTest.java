package org.parley.service.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.policy.Action;
import org.parley.service.access.Sites;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every queue has an index in its own order on PostgreSQL: a page's ids, and a count, are the first
 * entries of an index, never a sort of the whole queue (which took 0.4 s a page at 400,000 comments;
 * scripts/benchmark-queue measures it). Sequential scans, bitmap scans and sorts are priced out
 * ({@code enable_* = off}), so the plan reads an index in order wherever one exists, however few
 * rows the test stores, and sorts only where none does.
 */
class QueuePlansTest {
    private static String key(String id) {
        return CommentStoreTest.key(id);
    }

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXPLAIN = "EXPLAIN (FORMAT JSON) ";
    private static final String OTHER = "other.example";

    @TempDir Path dir;

    @Test
    void eachQueueIsReadInTheOrderOfAnIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        for (int i = 0; i < 40; i++) {
            Action action = i % 4 == 0 ? Action.REVIEW : i % 7 == 0 ? Action.REJECT : Action.PUBLISH;
            store.insert(CommentStoreTest.comment("c" + i, "a" + i % 3, i / 40f, action), T0.plusSeconds(i));
        }
        store.decide(key("c4"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(60));
        store.decide(key("c8"), Verdict.ESCALATE, null, null, "bob", true, 1, T0.plusSeconds(60));
        store.decide(key("c12"), Verdict.REJECT, Reason.INSULT, null, "bob", true, 1, T0.plusSeconds(60));
        store.report(key("c1"), "spam", "site", null, T0.plusSeconds(61));
        // Another site's comments in every queue too, so that one site's are a true part of each: with one site only, its
        // index and the status's read the same rows at the same cost, and the planner's pick between them was a toss-up
        // (one CI run in many read ESCALATED of news.example through comments_open_queue).
        for (int i = 0; i < 40; i++) {
            Action action = i % 4 == 0 ? Action.REVIEW : i % 7 == 0 ? Action.REJECT : Action.PUBLISH;
            NewComment c = CommentStoreTest.comment("o" + i, "b" + i % 3, i / 40f, action);
            store.insert(NewCommentBuilder.from(c).site(OTHER).build(), T0.plusSeconds(i));
        }
        for (String id : List.of("o4", "o8", "o12"))
            store.decide(CommentStore.key(OTHER, id), Verdict.ESCALATE, null, null, "bob", true, 1, T0.plusSeconds(60));
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan", "sort", "incremental_sort");
            // Every site's comments, one site's (a moderator of that site: changesets 9 and 10), and two sites'.
            Sites one = Sites.one(CommentStoreTest.SITE), two = Sites.of(List.of(CommentStoreTest.SITE, OTHER));
            for (QueueReads.Narrowing in : List.of(QueueReads.Narrowing.NONE, new QueueReads.Narrowing(one, null),
                    new QueueReads.Narrowing(two, null))) {
                String of = in.sites().every() ? "" : " of " + in.sites();
                for (Queue q : Queue.values()) {
                    Queue.Position after = Queue.Position.of(queues.page(q, in, 1, 0, null).comments().get(0));
                    for (Queue.Position from : new Queue.Position[]{null, after}) {
                        for (int offset : new int[]{0, 5}) {
                            JsonNode plan = plan(QueueQueries.page(h, EXPLAIN, q, in, 50, offset, from));
                            String what = q + of + (from == null ? "" : " after") + " offset " + offset;
                            JsonNode scan = assertLimitReadsAnIndex(plan, what);
                            // The scan starts where the page before ended, instead of reading from the top and filtering.
                            if (from != null) assertTrue(scan.path("Index Cond").asText().contains(q.byRisk() ? "risk <=" : "updated_at <="),
                                    what + ": " + scan);
                            // One site's comments are a range of its index, not every site's filtered.
                            if (in.sites() == one) assertTrue(scan.path("Index Cond").asText().contains("'" + one + "'"), what + ": " + scan);
                        }
                    }
                    JsonNode count = assertLimitReadsAnIndex(plan(QueueQueries.count(h, EXPLAIN, q, in, 10_000)), q + of + " count");
                    if (in.sites() == one) assertTrue(count.path("Index Cond").asText().contains("'" + one + "'"), q + " count" + of + ": " + count);
                }
                JsonNode articles = plan(QueueQueries.articles(h, EXPLAIN, in.sites(), 100));
                assertTrue(scans(articles).stream().noneMatch(s -> s.path("Node Type").asText().equals("Seq Scan")
                        && s.path("Relation Name").asText().equals("comments")), "articles read comments through an index: " + articles);
            }
            // The longest wait (monitoring.QueueGauges, every 30 s): the far end of the status's index range, not every pending comment.
            for (Queue q : List.of(Queue.PENDING, Queue.ESCALATED))
                assertLimitReadsAnIndex(plan(QueueQueries.waitingSince(h, EXPLAIN, q)), q + " waiting since");
            JsonNode sites = plan(QueueQueries.sites(h, EXPLAIN, Sites.EVERY, 100));
            assertTrue(scans(sites).stream().noneMatch(s -> s.path("Node Type").asText().equals("Seq Scan")), "open sites: " + sites);
        }
    }

    /**
     * A moderator's search (/v1/queue?q=) reads the trigrams of the comments' texts (changeset 25, pg_trgm) and the
     * site's ids, both through their indexes: a word few comments hold read a queue's whole index and every text in it
     * (2.7 s for PUBLISHED at 400,000 comments). Found as QueueReads finds it on H2: letter case aside, % as itself.
     */
    @Test
    void aSearchReadsTheTextsTrigramsAndTheIds() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        twoHundred(store, (i, c) -> c.text(i % 49 == 0 ? "The Tollbridge fare rose 100% again"  // c0, c49, c98, c147, c196
                : i == 1 ? "ΟΔΟΣ ΑΘΗΝΑΣ, and İstanbul too" : "Reader " + i + " says the fare rose 1000 pounds"));
        QueueReads.Narrowing in = new QueueReads.Narrowing(Sites.EVERY, null, null, "TOLLBRIDGE");
        try (Handle h = jdbi.open()) {
            // Fifty copies of each under other ids and words, so that the bridge's are a few of 10,200: of 200, the queue's
            // own rows read whole cost the planner less than any index.
            h.execute("""
                    INSERT INTO comments SELECT (jsonb_populate_record(c, jsonb_build_object('id', c.id || '-' || g,
                        'local_id', c.local_id || '-' || g, 'text', 'A copy of reader ' || g))).*
                    FROM comments c, generate_series(1, 50) g""");
            pricedOut(h, "seqscan", "indexscan");
            for (Queue q : List.of(Queue.PENDING, Queue.PUBLISHED)) {
                for (JsonNode plan : List.of(plan(QueueQueries.page(h, EXPLAIN, q, in, 50, 0, null)),
                        plan(QueueQueries.count(h, EXPLAIN, q, in, 10_000))))
                    assertTrue(indexes(plan).containsAll(List.of("comments_text_search", "comments_local_id")), q + ": " + plan);
            }
        }
        // Planned for its words each time: never a server-side statement, whose one plan may serve every word (a rare
        // one read PUBLISHED's index whole, 8.2 s at 400,000 comments). The same SQL sent plainly becomes one by its sixth run.
        try (Handle h = jdbi.open()) {
            String prepared = "SELECT COUNT(*) FROM pg_prepared_statements WHERE statement LIKE '%LIKE LOWER(%'";
            for (int i = 0; i < 8; i++) {
                QueueQueries.page(h, "", Queue.PUBLISHED, in, 50, 0, null).mapToMap().list();
                QueueQueries.count(h, "", Queue.PUBLISHED, in, 10_000).mapTo(Integer.class).one();
            }
            assertEquals(0, h.createQuery(prepared).mapTo(Integer.class).one());
            for (int i = 0; i < 8; i++)
                h.createQuery("SELECT COUNT(*) FROM comments c WHERE LOWER(c.text) LIKE LOWER(:w)").bind("w", "%bridge%").mapTo(Integer.class).one();
            assertEquals(1, h.createQuery(prepared).mapTo(Integer.class).one(), "what the check sees of one prepared");
        }
        QueueReads queues = new QueueReads(jdbi);
        assertEquals(List.of("c196", "c0"), queues.page(Queue.PENDING, in, 50, 0, null).comments().stream().map(c -> c.id()).toList(),
                "the riskiest first, either letter case");
        Sites every = Sites.EVERY;
        assertEquals(3, queues.counts(new QueueReads.Narrowing(every, null, null, "100%")).get(Queue.PUBLISHED), "not 1000: c49, c98, c147");
        assertEquals(List.of("c5"), queues.page(Queue.PUBLISHED, new QueueReads.Narrowing(every, null, null, "c5"), 50, 0, null)
                .comments().stream().map(c -> c.id()).toList(), "by the site's id");
        // Lower-cased as PostgreSQL lower-cases the text: Java's rules gave ς for the final Σ and i̇ for İ, and a word
        // copied from the comment found nothing (a moderator's audit, sixty-eighth session).
        for (String word : List.of("ΟΔΟΣ", "αθηνασ", "İstanbul", "οδος", "Αθηνας"))  // a final ς for σ too
            assertEquals(List.of("c1"), queues.page(Queue.PUBLISHED, new QueueReads.Narrowing(every, null, null, word), 50, 0, null)
                    .comments().stream().map(c -> c.id()).toList(), word);
    }

    /**
     * One author's comments in a queue (the panel's "All by", /v1/queue?author=) are read through comments_by_author
     * (changeset 23) and sorted, a few rows: not the whole queue's index, filtered. Of one site, the site is in the index
     * condition too. Sorts are allowed here: the author's rows are in no queue's order.
     */
    @Test
    void anAuthorsCommentsAreReadThroughTheAuthorIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        twoHundred(store, (i, c) -> c.author(i % 49 == 0 ? "troll" : "reader " + i)  // the troll's: c0, c49, c98, c147, c196
                .site(i % 2 == 0 ? CommentStoreTest.SITE : OTHER));
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan");
            for (Sites sites : List.of(Sites.EVERY, Sites.one(CommentStoreTest.SITE))) {
                QueueReads.Narrowing in = new QueueReads.Narrowing(sites, null, "troll");
                for (Queue q : List.of(Queue.PENDING, Queue.PUBLISHED)) {
                    for (JsonNode plan : List.of(plan(QueueQueries.page(h, EXPLAIN, q, in, 50, 0, null)),
                            plan(QueueQueries.count(h, EXPLAIN, q, in, 10_000)))) {
                        String what = q + " of " + sites + ": " + plan;
                        JsonNode scan = scans(plan).stream().filter(n -> n.path("Index Name").asText().equals("comments_by_author"))
                                .findFirst().orElseThrow(() -> new AssertionError(what));
                        assertTrue(scan.path("Index Cond").asText().contains("author"), what);
                        if (!sites.every()) assertTrue(scan.path("Index Cond").asText().contains("site"), what);
                    }
                }
            }
        }
        QueueReads queues = new QueueReads(jdbi);
        assertEquals(List.of("c196", "c0"), queues.page(Queue.PENDING, new QueueReads.Narrowing(Sites.one(CommentStoreTest.SITE), null, "troll"),
                50, 0, null).comments().stream().map(c -> c.id()).toList(), "its site's pending ones, the riskiest first");
        assertEquals(3, queues.counts(new QueueReads.Narrowing(Sites.EVERY, null, "troll")).get(Queue.PUBLISHED), "c49, c98 and c147");
    }

    /**
     * A database review (thirty-eighth session): the update of an erased comment's replies read the whole table for
     * each comment erased (472 ms at 300,000 comments). The erasure now reads the replies' keys, which it locks, then
     * writes by key: both reads (by parent id, by number) read an index, for a site and for none.
     */
    @Test
    void anErasedCommentsRepliesAreFoundThroughAnIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (int i = 0; i < 40; i++) store.insert(CommentStoreTest.comment("c" + i, "a" + i % 3, i / 40f, Action.PUBLISH), T0.plusSeconds(i));
        // And comments an old release stored, of no site: with none, the planner took site IS NULL's range of any index
        // that leads with site as empty, and which it read was a toss-up (comments_site_changes, once there).
        for (int i = 0; i < 40; i++)
            store.insert(NewCommentBuilder.from(CommentStoreTest.comment("n" + i, "a" + i % 3, i / 40f, Action.PUBLISH)).site(null).build(),
                    T0.plusSeconds(i));
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan", "sort");
            for (String site : new String[] {CommentStoreTest.SITE, null}) {
                // The read of the keys the erasure locks, and then writes by key (ErasureLocks).
                for (String sql : List.of(ErasureLocks.REPLIES_BY_ID, ErasureLocks.REPLIES_BY_NUMBER)) {
                    var update = h.createQuery(EXPLAIN + sql.replace("<site>", ErasureLocks.sameSite(site)));
                    if (site != null) update.bind("site", site);
                    if (sql.contains(":localId")) update.bind("localId", "c1");
                    else update.bind("id", key("c1")).bind("number", 1);
                    JsonNode plan = plan(update);
                    String what = (site == null ? "no site: " : "") + sql + ": " + plan;
                    assertTrue(scans(plan).stream().noneMatch(n -> n.path("Node Type").asText().equals("Seq Scan")), what);
                    // Not merely an index: one whose range is the replies sought, not every comment of the site.
                    String range = sql.contains(":localId") ? "parent_id" : "article_id";
                    assertTrue(scans(plan).stream().anyMatch(n -> n.path("Index Cond").asText().contains(range)), what);
                }
            }
        }
    }

    /**
     * The stored replies a new comment's reply stance is read for (intake.Ingestion, before and after each call's commit):
     * by id through comments_replies, by number through the article. One statement with an OR across comments and
     * articles read the whole table (a code-health audit, sixty-fifth session).
     */
    @Test
    void theRepliesToANewCommentAreFoundThroughAnIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        parentsAndReplies(new CommentStore(jdbi), i -> null);
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan", "sort");
            for (String site : new String[] {CommentStoreTest.SITE, null})
                for (String sql : List.of(CommentStore.REPLIES_BY_ID, CommentStore.REPLIES_BY_NUMBER)) {
                    var read = h.createQuery(EXPLAIN + sql.replace("<site>", ErasureLocks.sameSite("c.site", site)));
                    if (site != null) read.bind("site", site);
                    read.bind("most", 50);
                    if (sql.contains("<ids>")) read.bindList("ids", List.of("c1", "c2"));
                    else read.bind("article", "a1").bindList("numbers", List.of(1, 2));
                    JsonNode plan = plan(read);
                    String what = (site == null ? "no site: " : "") + sql + ": " + plan;
                    assertTrue(scans(plan).stream().noneMatch(n -> n.path("Node Type").asText().equals("Seq Scan")), what);
                    // Of a site, an index whose range is the replies sought; of none (rows an old release stored: none here,
                    // and the planner reads them all through site IS NULL's range, as it estimates none), at least no scan.
                    String range = sql.contains("<ids>") ? "parent_id" : "article_id";
                    if (site != null) assertTrue(scans(plan).stream().anyMatch(n -> n.path("Index Cond").asText().contains(range)), what);
                }
        }
    }

    /**
     * The replies without a reply stance that intake.ReplySweep walks every minute, oldest first, are the first entries of
     * comments_unread_replies from the run's start: the index holds those alone, so the comments that need no sweep
     * (most of them) cost it nothing.
     */
    @Test
    void theUnreadRepliesAreReadInTheOrderOfTheirIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        parentsAndReplies(store, i -> i % 4 == 0 ? "{\"replyStance\":{\"label\":\"COMMENT\"}}" : null);
        assertEquals(List.of("r1", "r2"), store.unreadReplies(T0, "", 2).stream().map(c -> c.id()).toList(), "those with one passed");
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan", "sort");
            JsonNode plan = plan(h.createQuery(EXPLAIN + CommentStore.UNREAD_REPLIES).bind("from", CommentStore.utc(T0))
                    .bind("afterKey", "").bind("most", 50));
            assertTrue(scans(plan).stream().anyMatch(n -> n.path("Index Name").asText().equals("comments_unread_replies")), plan.toString());
            assertNull(find(plan, "Sort"), "in the index's order: " + plan);
            // Whether a reply's parent is stored: an index read each (comments_local_id, comments_by_number), never the table.
            assertTrue(scans(plan).stream().noneMatch(n -> n.path("Node Type").asText().equals("Seq Scan")), plan.toString());
        }
    }

    /** A site's changes (GET /v1/changes) are the first entries of comments_site_changes from where the page before ended. */
    @Test
    void aSitesChangesAreReadInTheOrderOfTheirIndex() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        parentsAndReplies(new CommentStore(jdbi), i -> null);
        try (Handle h = jdbi.open()) {
            pricedOut(h, "seqscan", "bitmapscan", "sort");
            JsonNode plan = plan(SiteChanges.query(h, EXPLAIN, true, CommentStoreTest.SITE, new SiteChanges.After(742, "c3"),
                    T0.plusSeconds(60), 100));
            JsonNode scan = scans(plan).stream().filter(n -> n.path("Index Name").asText().equals("comments_site_changes"))
                    .findFirst().orElseThrow(() -> new AssertionError(plan.toString()));
            assertTrue(scan.path("Index Cond").asText().contains("decided_xid"), plan.toString());
            assertNull(find(plan, "Sort"), "in the index's order: " + plan);
        }
    }

    /** 40 comments, each with a reply, by id or by number alone (7), the reply's stance {@code stance.apply(i)}. */
    private static void parentsAndReplies(CommentStore store, java.util.function.IntFunction<String> stance) {
        for (int i = 0; i < 40; i++) {
            NewComment c = CommentStoreTest.comment("c" + i, "a" + i % 3, i / 40f, Action.PUBLISH);
            store.insert(c, T0.plusSeconds(i));
            store.insert(new NewComment("r" + i, c.articleId(), c.articleTitle(), 100 + i, i % 2 == 0 ? c.id() : null, i % 2 == 0 ? null : 7,
                    "erin", "reply " + i, null, 0, 0, c.scores(), c.topAttribute(), c.spansJson(), stance.apply(i), c.model(), Action.PUBLISH,
                    null, null, c.rulesJson(), c.site()), T0.plusSeconds(40 + i));
        }
    }

    /** The tables analysed, and these plans ("seqscan", "sort", …) priced out, so that an index is read wherever one can be. */
    /** Comments c0 to c199 over three articles, every fourth held for review, riskier as i grows, each {@code changed}. */
    private static void twoHundred(CommentStore store, java.util.function.BiFunction<Integer, NewCommentBuilder, NewCommentBuilder> changed) {
        for (int i = 0; i < 200; i++) {
            NewComment c = CommentStoreTest.comment("c" + i, "a" + i % 3, i / 200f, i % 4 == 0 ? Action.REVIEW : Action.PUBLISH);
            store.insert(changed.apply(i, NewCommentBuilder.from(c)).build(), T0.plusSeconds(i));
        }
    }

    private static void pricedOut(Handle h, String... plans) {
        h.execute("ANALYZE");
        for (String off : plans) h.execute("SET enable_" + off + " = off");
    }

    private static JsonNode plan(Query explain) throws Exception {
        return JSON.readTree(explain.mapTo(String.class).one()).get(0).get("Plan");
    }

    /** The plan's Limit (the page, or the count's bound) reads straight from an index on comments: that scan. */
    private static JsonNode assertLimitReadsAnIndex(JsonNode plan, String what) {
        JsonNode limit = find(plan, "Limit");
        assertNotNull(limit, what + ": no Limit in " + plan);
        JsonNode below = limit.get("Plans").get(0);
        assertTrue(below.path("Node Type").asText().startsWith("Index"), what + ": " + below.path("Node Type") + " in " + plan);
        assertTrue(below.path("Index Name").asText().startsWith("comments_"), what + ": " + plan);
        return below;
    }

    private static JsonNode find(JsonNode node, String type) {
        if (node.path("Node Type").asText().equals(type)) return node;
        for (JsonNode child : node.path("Plans")) {
            JsonNode found = find(child, type);
            if (found != null) return found;
        }
        return null;
    }

    /** The indexes a plan reads, bitmap scans' too. */
    private static List<String> indexes(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.has("Index Name")) out.add(node.get("Index Name").asText());
        for (JsonNode child : node.path("Plans")) out.addAll(indexes(child));
        return out;
    }

    private static List<JsonNode> scans(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.has("Relation Name")) out.add(node);
        for (JsonNode child : node.path("Plans")) out.addAll(scans(child));
        return out;
    }
}
