package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.access.Sites;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link CommentStore#erase} and {@link CommentStore#eraseAuthor} on both databases: every copy of the text and the names
 * is gone from the rows themselves (read back with SQL, not through the store), and the audit stays.
 */
class ErasureTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example", OTHER = "blog.example";
    private static final String STANCE = "{\"stance\":[{\"target\":\"the mayor\",\"label\":\"AGAINST\",\"probabilities\":{\"AGAINST\":0.9}}],"
            + "\"replyStance\":{\"label\":\"DISAGREE\",\"probabilities\":{\"DISAGREE\":0.8}},\"stanceModel\":{\"name\":\"s\",\"version\":\"v2\",\"checksum\":\"c\"}}";

    @TempDir Path dir;

    private static NewComment comment(String site, String id, Integer number, String parentId, Integer parentNumber,
                                      String author, String quote, String parentAuthor, Action action) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = 0.7f;
        return new NewComment(id, "a1", "Talks stall", number, parentId, parentNumber, author, "text of " + id + " by " + author,
                quote, 1, 2, s, Attribute.TOXICITY, "[{\"begin\":0,\"end\":4,\"weight\":1.5}]", STANCE,
                new StoredComment.ModelRef("parley-toxicity", "v1", "abc123"), action, null, parentAuthor,
                "[\"TOXICITY in [0.50, 0.90) -> REVIEW\"]", site);
    }

    private static Map<String, Object> row(Jdbi jdbi, String sql, String key) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("key", key).mapToMap().one());
    }

    private static List<Map<String, Object>> rows(Jdbi jdbi, String sql, String key) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("key", key).mapToMap().list());
    }

    private static Map<String, Object> commentRow(Jdbi jdbi, String site, String id) {
        return row(jdbi, "SELECT * FROM comments WHERE id = :key", CommentStore.key(site, id));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasesTheTextNamesSpansReasonsDecisionCopiesAndRepliesCopiesAndKeepsTheAudit(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "c1", 5, null, null, "Seqenenre", "a quoted line", "Ahmose", Action.REVIEW), T0);
        String key = CommentStore.key(SITE, "c1");
        store.report(key, "he named my neighbour", "site-key", null, T0.plusSeconds(1));
        store.decide(key, Verdict.REJECT, Reason.INSULT, "rude", "alice", true, 2, T0.plusSeconds(2));
        // Its replies: by id, and by number (the thread format's "5.Seqenenre wrote:"), each with a copy of its text and name.
        store.insert(comment(SITE, "r-id", 6, "c1", 5, "Kamose", "text of c1 by Seqenenre", "Seqenenre", Action.PUBLISH), T0.plusSeconds(3));
        store.insert(comment(SITE, "r-number", 7, null, 5, "Kamose", "text of c1", "Seqenenre", Action.PUBLISH), T0.plusSeconds(4));
        // Not its replies: one to another comment, and another site's reply to that site's own c1.
        store.insert(comment(SITE, "r-other", 8, "c9", 9, "Kamose", "another quote", "Tao", Action.PUBLISH), T0.plusSeconds(5));
        store.insert(comment(OTHER, "c1", 5, null, null, "Seqenenre", null, null, Action.PUBLISH), T0.plusSeconds(6));
        store.insert(comment(OTHER, "r-id", 6, "c1", 5, "Kamose", "text of c1 by Seqenenre", "Seqenenre", Action.PUBLISH), T0.plusSeconds(7));
        List<Map<String, Object>> decisionsBefore = rows(jdbi, "SELECT * FROM decisions WHERE comment_id = :key ORDER BY version", key);

        CommentStore.Erasure e = store.erase(key, "site-key", Decider.WEBSITE, T0.plusSeconds(60)).orElseThrow();

        assertTrue(e.erased());
        assertEquals(Status.ERASED, e.comment().status());
        assertEquals(4, e.comment().version(), "1 stored, 2 reported, 3 rejected, 4 erased");
        Map<String, Object> c = commentRow(jdbi, SITE, "c1");
        assertEquals("", c.get("text"));
        assertNull(c.get("quote"));
        assertNull(c.get("author"));
        assertNull(c.get("parent_author"));
        assertEquals("[]", c.get("spans"));
        String stance = (String) c.get("stance");
        assertFalse(stance.contains("the mayor") || stance.contains("AGAINST"), stance);
        assertTrue(stance.contains("DISAGREE") && stance.contains("\"v2\""), "the reply stance and the stance model stay: " + stance);
        assertEquals("ERASED", c.get("status"));
        assertEquals("WEBSITE", c.get("decided_by"));
        assertEquals(0, ((Number) c.get("open_reports")).intValue());
        // The audit: ids, scores, model, rules, rating.
        assertEquals("c1", c.get("local_id"));
        assertEquals(0.7f, ((Number) c.get("toxicity")).floatValue(), 1e-6);
        assertEquals("v1", c.get("model_version"));
        assertEquals("[\"TOXICITY in [0.50, 0.90) -> REVIEW\"]", c.get("rules"));
        assertEquals(5, ((Number) c.get("number")).intValue());

        List<Map<String, Object>> reports = rows(jdbi, "SELECT * FROM reports WHERE comment_id = :key", key);
        assertEquals(1, reports.size(), "the report is kept, with when and whose key");
        assertNull(reports.get(0).get("reason"));
        assertEquals("site-key", reports.get(0).get("client"));

        List<Map<String, Object>> decisions = rows(jdbi, "SELECT * FROM decisions WHERE comment_id = :key ORDER BY version", key);
        assertEquals(decisionsBefore.size() + 1, decisions.size());
        for (int i = 0; i < decisions.size(); i++) {
            Map<String, Object> d = decisions.get(i);
            assertEquals("", d.get("text"), "no copy of the text on decision " + d);
            if (i < decisionsBefore.size())
                for (String kept : List.of("id", "version", "decision", "status", "reason", "note", "actor", "actor_kind", "scores",
                        "model_version", "model_checksum", "decided_at"))
                    assertEquals(String.valueOf(decisionsBefore.get(i).get(kept)), String.valueOf(d.get(kept)), kept + " kept");
        }
        Map<String, Object> erase = decisions.get(decisions.size() - 1);
        assertEquals("ERASE", erase.get("decision"));
        assertEquals("ERASED", erase.get("status"));
        assertEquals("site-key", erase.get("actor"));
        assertEquals("WEBSITE", erase.get("actor_kind"));
        assertEquals(4, ((Number) erase.get("version")).intValue());
        assertEquals(decisionsBefore.get(0).get("scores"), erase.get("scores"));
        assertEquals("v1", erase.get("model_version"));

        for (String reply : List.of("r-id", "r-number")) {
            Map<String, Object> r = commentRow(jdbi, SITE, reply);
            assertNull(r.get("quote"), reply);
            assertNull(r.get("parent_author"), reply);
            assertEquals("text of " + reply + " by Kamose", r.get("text"), "the reply's own text is its author's");
            assertEquals("Kamose", r.get("author"));
            assertEquals(1, ((Number) r.get("version")).intValue(), "a reply's version changes only with a decision");
        }
        assertEquals("another quote", commentRow(jdbi, SITE, "r-other").get("quote"));
        assertEquals("Tao", commentRow(jdbi, SITE, "r-other").get("parent_author"));
        assertEquals("text of c1 by Seqenenre", commentRow(jdbi, OTHER, "r-id").get("quote"), "another site's reply to its own c1");
        assertEquals("Seqenenre", commentRow(jdbi, OTHER, "c1").get("author"), "another site's c1");
        assertEquals("PUBLISHED", commentRow(jdbi, OTHER, "c1").get("status"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasingAgainChangesNothingAndAnUnknownKeyIsEmpty(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "c1", 5, null, null, "Seqenenre", null, null, Action.PUBLISH), T0);
        String key = CommentStore.key(SITE, "c1");
        store.erase(key, "site-key", Decider.WEBSITE, T0.plusSeconds(1));
        Map<String, Object> before = commentRow(jdbi, SITE, "c1");
        int decisions = store.history(key).size();

        CommentStore.Erasure again = store.erase(key, "operator", Decider.OPERATOR, T0.plusSeconds(2)).orElseThrow();

        assertFalse(again.erased());
        assertEquals(2, again.comment().version());
        assertEquals(before, commentRow(jdbi, SITE, "c1"));
        assertEquals(decisions, store.history(key).size());
        assertEquals(java.util.Optional.empty(), store.erase(CommentStore.key(SITE, "nope"), "site-key", Decider.WEBSITE, T0));
    }

    /** A comment stored without a stance (no stance model) keeps none once erased: NULL, not an empty or made-up one. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentWithoutAStanceHasNoneOnceErased(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        NewComment c = comment(SITE, "c1", 5, null, null, "Seqenenre", null, null, Action.PUBLISH);
        store.insert(NewCommentBuilder.from(c).stanceJson(null).build(), T0);

        CommentStore.Erasure e = store.erase(CommentStore.key(SITE, "c1"), "site-key", Decider.WEBSITE, T0.plusSeconds(1)).orElseThrow();

        assertTrue(e.erased());
        assertNull(e.comment().stanceJson());
        assertNull(commentRow(jdbi, SITE, "c1").get("stance"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasedCommentIsInNoQueueOrCountAndTakesNoDecisionOrReport(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        store.insert(comment(SITE, "pending", 1, null, null, "a", null, null, Action.REVIEW), T0);
        store.insert(comment(SITE, "reported", 2, null, null, "a", null, null, Action.PUBLISH), T0);
        store.insert(comment(SITE, "rejected", 3, null, null, "a", null, null, Action.REJECT), T0);
        String pending = CommentStore.key(SITE, "pending"), reported = CommentStore.key(SITE, "reported");
        store.report(reported, "x", "k", null, T0);
        store.decide(pending, Verdict.ESCALATE, null, null, "alice", true, 1, T0.plusSeconds(1));
        for (String id : List.of("pending", "reported", "rejected"))
            store.erase(CommentStore.key(SITE, id), "site-key", Decider.WEBSITE, T0.plusSeconds(2));

        for (Queue q : Queue.values()) {
            assertEquals(List.of(), queues.page(q, QueueReads.Narrowing.NONE, 50, 0, null).comments(), q.name());
            assertEquals(0, queues.counts(QueueReads.Narrowing.NONE).get(q), q.name());
        }
        assertEquals(0, queues.articles(Sites.EVERY, 10).get(0).comments(), "counted in no article");
        assertEquals(List.of(), queues.sites(Sites.EVERY, 10));

        int version = store.byKey(pending).orElseThrow().version();
        for (int expected : new int[]{2, version}) {  // stale, and the erased version itself
            CommentStore.Outcome o = store.decide(pending, Verdict.APPROVE, null, null, "admin", true, expected, T0.plusSeconds(3));
            CommentStore.Outcome.Conflict c = assertInstanceOf(CommentStore.Outcome.Conflict.class, o, "at " + expected);
            assertEquals(Status.ERASED, c.current().status());
        }
        assertEquals(version, store.byKey(pending).orElseThrow().version());
        assertEquals("ERASE", store.history(pending).get(store.history(pending).size() - 1).decision(), "no decision after it");

        CommentStore.Report r = store.report(reported, "a reader's words", "k", "r-1", T0.plusSeconds(4)).orElseThrow();
        assertEquals(Status.ERASED, r.comment().status());
        assertEquals(1, rows(jdbi, "SELECT * FROM reports WHERE comment_id = :key", reported).size(), "no report stored");
        assertEquals(0, r.comment().openReports());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eraseAuthorErasesThatAuthorsCommentsOnThatSiteAlone(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "d1", 1, null, null, "dana", null, null, Action.PUBLISH), T0);
        store.insert(comment(SITE, "d2", 2, null, null, "dana", null, null, Action.REVIEW), T0.plusSeconds(1));
        store.insert(comment(SITE, "e1", 3, "d1", 1, "Dana", "text of d1 by dana", "dana", Action.PUBLISH), T0.plusSeconds(2));
        store.insert(comment(OTHER, "d1", 1, null, null, "dana", null, null, Action.PUBLISH), T0);

        List<StoredComment> erased = store.eraseAuthor(SITE, "dana", "root", Decider.OPERATOR, T0.plusSeconds(5));

        assertEquals(List.of("d1", "d2"), erased.stream().map(StoredComment::id).toList());
        for (String id : List.of("d1", "d2")) {
            Map<String, Object> c = commentRow(jdbi, SITE, id);
            assertEquals("", c.get("text"));
            assertNull(c.get("author"));
            assertEquals("OPERATOR", c.get("decided_by"));
            Map<String, Object> last = row(jdbi, "SELECT * FROM decisions WHERE comment_id = :key ORDER BY version DESC LIMIT 1",
                    CommentStore.key(SITE, id));
            assertEquals("root", last.get("actor"));
            assertEquals("OPERATOR", last.get("actor_kind"));
        }
        assertEquals("Dana", commentRow(jdbi, SITE, "e1").get("author"), "another author (names are matched exactly)");
        assertNull(commentRow(jdbi, SITE, "e1").get("quote"), "a reply's copy of d1");
        assertEquals("dana", commentRow(jdbi, OTHER, "d1").get("author"), "another site's dana");
        assertEquals(List.of(), store.eraseAuthor(SITE, "dana", "root", Decider.OPERATOR, T0.plusSeconds(6)), "none left");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void erasureDeletesTheScoresItsSiteSuggestedForItsText(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        store.insert(comment(SITE, "c1", 5, null, null, "Seqenenre", null, null, Action.REVIEW), T0);
        String text = "text of c1 by Seqenenre";
        Map<Attribute, Double> toxic = Map.of(Attribute.TOXICITY, 0.9);
        // The site's keys suggested scores for the comment's text (twice: other labels), and for another text.
        feedback.append(text, toxic, "site-key", null, SITE, T0);
        feedback.append(text, Map.of(Attribute.INSULT, 0.8), "other-site-key", null, SITE, T0);
        feedback.append("another text", toxic, "site-key", null, SITE, T0);
        feedback.append(text, toxic, "blog-key", null, OTHER, T0);  // another site's words, if the same

        // And an operator's erasure of the author: their other comment's.
        store.insert(comment(SITE, "c2", 6, null, null, "Seqenenre", null, null, Action.PUBLISH), T0);
        feedback.append("text of c2 by Seqenenre", toxic, "site-key", null, SITE, T0);

        store.erase(CommentStore.key(SITE, "c1"), "site-key", Decider.WEBSITE, T0.plusSeconds(1));
        store.eraseAuthor(SITE, "Seqenenre", "root", Decider.OPERATOR, T0.plusSeconds(2));

        assertEquals(List.of(), rows(jdbi, "SELECT * FROM feedback WHERE site = :key AND text LIKE '%Seqenenre%'", SITE));
        assertEquals(1, rows(jdbi, "SELECT * FROM feedback WHERE site = :key", SITE).size(), "the site's other suggestion stays");
        assertEquals(1, rows(jdbi, "SELECT * FROM feedback WHERE site = :key", OTHER).size(), "another site's stays");
    }

    /**
     * A database review (thirty-eighth session): a reply stored after its parent was erased kept the quote and parent
     * author its site sent, the erased comment's words and name. By id and by number it keeps neither now; a reply to a
     * comment not erased keeps both.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyStoredAfterItsParentWasErasedKeepsNoCopyOfIt(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "c1", 5, null, null, "Seqenenre", null, null, Action.PUBLISH), T0);
        store.insert(comment(SITE, "c2", 6, null, null, "Tao", null, null, Action.PUBLISH), T0);
        store.erase(CommentStore.key(SITE, "c1"), "site-key", Decider.WEBSITE, T0.plusSeconds(1));

        store.insertAll(List.of(
                comment(SITE, "r-other", 9, "c2", 6, "Kamose", "text of c2 by Tao", "Tao", Action.PUBLISH),
                comment(SITE, "r-id", 7, "c1", 5, "Kamose", "text of c1 by Seqenenre", "Seqenenre", Action.PUBLISH),
                comment(SITE, "r-number", 8, null, 5, "Kamose", "text of c1", "Seqenenre", Action.PUBLISH),
                // A site that sends only one of the two copies: each is still a copy.
                comment(SITE, "r-quote", 10, "c1", 5, "Kamose", "text of c1 by Seqenenre", null, Action.PUBLISH),
                comment(SITE, "r-author", 11, "c1", 5, "Kamose", null, "Seqenenre", Action.PUBLISH)),
                T0.plusSeconds(2), (r, i) -> {});

        for (String id : List.of("r-id", "r-number", "r-quote", "r-author")) {
            Map<String, Object> r = commentRow(jdbi, SITE, id);
            assertNull(r.get("quote"), id);
            assertNull(r.get("parent_author"), id);
            assertEquals("Kamose", r.get("author"), id);
            assertEquals("text of " + id + " by Kamose", r.get("text"), id);
        }
        assertEquals("text of c2 by Tao", commentRow(jdbi, SITE, "r-other").get("quote"));
        assertEquals("Tao", commentRow(jdbi, SITE, "r-other").get("parent_author"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void eraseAuthorClearsEveryReplyThatNamesThemAsItsParentsAuthor(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "d1", 1, null, null, "dana", null, null, Action.PUBLISH), T0);
        // Replies to comments of dana's that were never stored: by id, and by a number no comment has.
        store.insert(comment(SITE, "e1", 3, "gone", null, "Kamose", "dana's words", "dana", Action.PUBLISH), T0.plusSeconds(1));
        store.insert(comment(SITE, "e2", 4, null, 2, "Kamose", "more of dana's words", "dana", Action.PUBLISH), T0.plusSeconds(2));
        store.insert(comment(SITE, "e3", 5, "gone", null, "Kamose", "Dana's words", "Dana", Action.PUBLISH), T0.plusSeconds(3));
        store.insert(comment(OTHER, "e1", 3, "gone", null, "Kamose", "dana's words", "dana", Action.PUBLISH), T0);

        store.eraseAuthor(SITE, "dana", "root", Decider.OPERATOR, T0.plusSeconds(5));

        for (String id : List.of("e1", "e2")) {
            Map<String, Object> r = commentRow(jdbi, SITE, id);
            assertNull(r.get("quote"), id);
            assertNull(r.get("parent_author"), id);
            assertEquals("Kamose", r.get("author"), id);
            assertEquals(1, ((Number) r.get("version")).intValue(), "a reply's version changes only with a decision");
        }
        assertEquals("Dana", commentRow(jdbi, SITE, "e3").get("parent_author"), "another name (matched exactly)");
        assertEquals("dana's words", commentRow(jdbi, OTHER, "e1").get("quote"), "another site's reply");
        assertEquals("dana", commentRow(jdbi, OTHER, "e1").get("parent_author"));
    }

    /** What another connection reads: Jdbi gives a call on the transaction's thread the transaction's own handle. */
    private static Object outside(java.util.function.Supplier<Object> read) {
        return java.util.concurrent.CompletableFuture.supplyAsync(read).orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /**
     * The erasure line is given inside the erasure's transaction, after its statements and before its commit: the hook
     * gets the erasure the call returns while another connection still reads the comment as it was. A line that is not
     * written (the hook throws) rolls the erasure back: {@link CommentStore.LineNotWritten}, with the writer's failure and
     * the erasure it tried; the comment is as before. A comment erased before is given as a repeat, one never stored is not.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLineIsGivenBeforeTheErasureCommitsAndOneNotWrittenRollsItBack(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "c1", 5, null, null, "Seqenenre", null, null, Action.REVIEW), T0);
        String key = CommentStore.key(SITE, "c1");
        RuntimeException full = new IllegalStateException("no room on the disk");

        CommentStore.LineNotWritten refused = assertThrows(CommentStore.LineNotWritten.class,
                () -> store.erase(key, "site-key", Decider.WEBSITE, T0.plusSeconds(1), e -> { throw full; }));
        assertSame(full, refused.getCause());
        assertEquals("no room on the disk", refused.getMessage());
        assertTrue(refused.tried().erased());
        assertEquals(List.of("c1", Status.ERASED), List.of(refused.tried().comment().id(), refused.tried().comment().status()));
        Map<String, Object> kept = commentRow(jdbi, SITE, "c1");
        assertEquals(List.of("PENDING", "text of c1 by Seqenenre", "Seqenenre", 1),
                List.of(kept.get("status"), kept.get("text"), kept.get("author"), ((Number) kept.get("version")).intValue()),
                "rolled back");

        List<CommentStore.Erasure> lines = new java.util.ArrayList<>();
        List<Object> seenOutside = new java.util.ArrayList<>();
        CommentStore.Erasure done = store.erase(key, "site-key", Decider.WEBSITE, T0.plusSeconds(2), e -> {
            lines.add(e);
            seenOutside.add(outside(() -> commentRow(jdbi, SITE, "c1").get("status")));
        }).orElseThrow();
        assertEquals(1, lines.size());
        assertSame(done, lines.get(0));
        assertTrue(done.erased());
        assertEquals(List.of("PENDING"), seenOutside, "the line before the commit");
        assertEquals("ERASED", commentRow(jdbi, SITE, "c1").get("status"));

        CommentStore.Erasure repeat = store.erase(key, "operator", Decider.OPERATOR, T0.plusSeconds(3), lines::add).orElseThrow();
        assertEquals(2, lines.size());
        assertSame(repeat, lines.get(1));
        assertFalse(repeat.erased());
        assertEquals(Optional.empty(), store.erase(CommentStore.key(SITE, "never"), "site-key", Decider.WEBSITE, T0, lines::add));
        assertEquals(2, lines.size(), "no line for a comment never stored");
    }

    /** The same for an author's comments: each erased one given before the commit, and one line not written erases none. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anAuthorsLinesAreGivenBeforeTheCommitAndOneNotWrittenErasesNone(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment(SITE, "d1", 1, null, null, "dana", null, null, Action.PUBLISH), T0);
        store.insert(comment(SITE, "d2", 2, null, null, "dana", null, null, Action.PUBLISH), T0);
        store.insert(comment(SITE, "k1", 3, null, null, "Kamose", null, null, Action.PUBLISH), T0);

        List<String> given = new java.util.ArrayList<>();
        CommentStore.LineNotWritten refused = assertThrows(CommentStore.LineNotWritten.class,
                () -> store.eraseAuthor(SITE, "dana", "root", Decider.OPERATOR, T0.plusSeconds(1), e -> {
                    given.add(e.comment().id());
                    if (given.size() == 2) throw new IllegalStateException("no room");
                }));
        assertEquals(given.get(1), refused.tried().comment().id());
        assertTrue(refused.tried().erased());
        for (String id : List.of("d1", "d2")) assertEquals("dana", commentRow(jdbi, SITE, id).get("author"), id + " rolled back");

        List<CommentStore.Erasure> lines = new java.util.ArrayList<>();
        List<Object> seenOutside = new java.util.ArrayList<>();
        List<StoredComment> erased = store.eraseAuthor(SITE, "dana", "root", Decider.OPERATOR, T0.plusSeconds(2), e -> {
            lines.add(e);
            seenOutside.add(outside(() -> commentRow(jdbi, SITE, e.comment().id()).get("author")));
        });
        assertEquals(erased.stream().map(StoredComment::id).sorted().toList(), List.of("d1", "d2"));
        assertEquals(erased.stream().map(StoredComment::id).toList(), lines.stream().map(e -> e.comment().id()).toList());
        assertTrue(lines.stream().allMatch(e -> e.erased() && e.comment().status() == Status.ERASED), lines.toString());
        assertEquals(List.of("dana", "dana"), seenOutside, "the lines before the commit");
        assertNull(commentRow(jdbi, SITE, "d1").get("author"));
        assertEquals("Kamose", commentRow(jdbi, SITE, "k1").get("author"));
    }
}
