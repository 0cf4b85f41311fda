package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Retention} on both databases: what is past its period goes, rows and all; what is young, and what a moderator
 * still has to see, stays; a batch holds at most its size; a locked row is skipped, not waited for; two instances
 * running it at once both finish and delete each row once. Rows are read back with SQL, not through the store.
 */
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final String SITE = "news.example";
    private static final Duration UNREVIEWED = Duration.ofDays(30), REVIEWED = Duration.ofDays(365);

    @TempDir Path dir;

    private static NewComment comment(String id, Action action) {
        float[] s = new float[Attribute.COUNT];
        return new NewComment(id, "a1", "Talks stall", null, null, null, "Seqenenre", "text of " + id, null, null, null, s,
                Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), action, null, null, null, SITE);
    }

    private static String key(String id) {
        return CommentStore.key(SITE, id);
    }

    private static int count(Jdbi jdbi, String sql, String key) {
        return jdbi.withHandle(h -> h.createQuery(sql).bind("key", key).mapTo(Integer.class).one());
    }

    private static int comments(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments").mapTo(Integer.class).one());
    }

    private static boolean stored(Jdbi jdbi, String id) {
        return count(jdbi, "SELECT COUNT(*) FROM comments WHERE id = :key", key(id)) == 1;
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deletesWhatIsPastItsPeriodWithItsDecisionsAndReportsAndKeepsTheRest(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        // Stored at T0, never reviewed: published and rejected by the policy go after 30 days.
        store.insert(comment("published", Action.PUBLISH), T0);
        store.insert(comment("rejected", Action.REJECT), T0);
        // Stored at T0, still a moderator's to see, whatever their age: pending, escalated, published with a report open.
        store.insert(comment("pending", Action.REVIEW), T0);
        store.insert(comment("escalated", Action.REVIEW), T0);
        store.decide(key("escalated"), Verdict.ESCALATE, null, null, "alice", false, 1, T0.plusSeconds(1));
        store.insert(comment("reported", Action.PUBLISH), T0);
        store.report(key("reported"), "rude", "site-key", null, T0.plusSeconds(1));
        // Decided by a moderator (after a report, which the decision closes), and erased: the reviewed period, 365 days.
        store.insert(comment("decided", Action.REVIEW), T0);
        store.report(key("decided"), "rude", "site-key", null, T0.plusSeconds(1));
        store.decide(key("decided"), Verdict.REJECT, null, "rude", "alice", false, 2, T0.plusSeconds(2));
        store.insert(comment("erased", Action.PUBLISH), T0);
        store.erase(key("erased"), "site-key", Decider.WEBSITE, T0.plusSeconds(3));
        // Young: stored 10 days after T0.
        store.insert(comment("young", Action.PUBLISH), T0.plus(Duration.ofDays(10)));
        feedback.append("an old suggestion", Map.of(Attribute.TOXICITY, 1.0), "site-key", null, SITE, T0);
        feedback.append("a young suggestion", Map.of(Attribute.TOXICITY, 1.0), "site-key", null, SITE, T0.plus(Duration.ofDays(300)));
        Retention retention = new Retention(jdbi, UNREVIEWED, REVIEWED, 500);

        Retention.Removed first = retention.run(T0.plus(Duration.ofDays(35)));

        assertEquals(2, first.comments(), "published and rejected by the policy, 35 days old: " + first);
        assertEquals(2, first.decisions(), "each one's policy decision");
        assertEquals(0, first.suggestions());
        for (String gone : List.of("published", "rejected")) {
            assertFalse(stored(jdbi, gone), gone);
            assertEquals(0, count(jdbi, "SELECT COUNT(*) FROM decisions WHERE comment_id = :key", key(gone)), gone + "'s decisions");
        }
        for (String kept : List.of("pending", "escalated", "reported", "decided", "erased", "young"))
            assertTrue(stored(jdbi, kept), kept);
        assertEquals(2, count(jdbi, "SELECT COUNT(*) FROM decisions WHERE comment_id = :key", key("decided")), "its trail: stored, rejected");
        assertEquals(1, count(jdbi, "SELECT COUNT(*) FROM reports WHERE comment_id = :key", key("reported")));

        Retention.Removed second = retention.run(T0.plus(Duration.ofDays(366)));

        assertEquals(3, second.comments(), "decided and erased a year ago; young, 356 days old: " + second);
        assertEquals(2 + 2 + 1, second.decisions(), "stored and rejected; stored and erased; stored");
        assertEquals(1, second.reports(), "the decided comment's, closed");
        assertEquals(1, second.suggestions(), "the old one");
        for (String gone : List.of("decided", "erased", "young")) assertFalse(stored(jdbi, gone), gone);
        for (String kept : List.of("pending", "escalated", "reported")) assertTrue(stored(jdbi, kept), kept + ": a moderator's still");
        assertEquals(List.of("a young suggestion"), jdbi.withHandle(h -> h.createQuery("SELECT text FROM feedback").mapTo(String.class).list()));
        assertEquals(0, retention.run(T0.plus(Duration.ofDays(366))).comments(), "nothing left to delete");
    }

    /**
     * A database review (thirty-eighth session): a report that came after a comment was rejected counted as open, so
     * retention kept the comment for good, text and trail, though no queue shows a rejected comment's reports. Open
     * reports keep a comment only while it is published.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRejectedCommentReportedAfterwardsGoesWhenItsPeriodIsOver(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("rejected-by-rule", Action.REJECT), T0);
        store.report(key("rejected-by-rule"), "rude", "site-key", null, T0.plusSeconds(1));
        store.insert(comment("rejected", Action.REVIEW), T0);
        store.decide(key("rejected"), Verdict.REJECT, null, "rude", "alice", false, 1, T0.plusSeconds(1));
        store.report(key("rejected"), "rude", "site-key", null, T0.plusSeconds(2));
        store.insert(comment("reported", Action.PUBLISH), T0);
        store.report(key("reported"), "rude", "site-key", null, T0.plusSeconds(1));
        assertEquals(1, count(jdbi, "SELECT open_reports FROM comments WHERE id = :key", key("rejected")), "the report is kept");

        Retention.Removed removed = new Retention(jdbi, UNREVIEWED, REVIEWED, 500).run(T0.plus(Duration.ofDays(366)));

        assertEquals(2, removed.comments(), removed.toString());
        assertEquals(2, removed.reports(), removed.toString());
        assertFalse(stored(jdbi, "rejected-by-rule"));
        assertFalse(stored(jdbi, "rejected"));
        assertTrue(stored(jdbi, "reported"), "published with a report open: a moderator's still");
    }

    /** A comment stored with alsoQuotes (changeset 21) goes with its rows of comment_quotes, which referenced it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentGoesWithTheFurtherQuotedCommentsItNamed(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("quoting", Action.REJECT).withAlsoQuotes(List.of(new AlsoQuoted(null, 5, "Dana", "words"))), T0);

        Retention.Removed removed = new Retention(jdbi, UNREVIEWED, REVIEWED, 500).run(T0.plus(Duration.ofDays(366)));

        assertEquals(1, removed.comments(), removed.toString());
        assertFalse(stored(jdbi, "quoting"));
        assertEquals(0, count(jdbi, "SELECT COUNT(*) FROM comment_quotes WHERE comment_id = :key", key("quoting")));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void periodsOfZeroKeepEverything(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("published", Action.PUBLISH), T0);
        store.insert(comment("decided", Action.REVIEW), T0);
        store.decide(key("decided"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(1));
        Retention off = new Retention(jdbi, Duration.ZERO, Duration.ZERO, 500);

        assertFalse(off.on());
        assertEquals(0, off.run(T0.plus(Duration.ofDays(100_000))).comments());
        assertTrue(stored(jdbi, "published") && stored(jdbi, "decided"));
        // One period set: the other kind is kept.
        assertEquals(1, new Retention(jdbi, Duration.ZERO, REVIEWED, 500).run(T0.plus(Duration.ofDays(400))).comments());
        assertTrue(stored(jdbi, "published"), "unreviewedDays 0 keeps it");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBatchDeletesAtMostItsSize(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (int i = 0; i < 7; i++) store.insert(comment("c" + i, Action.PUBLISH), T0);

        Retention.Removed r = new Retention(jdbi, UNREVIEWED, REVIEWED, 3).run(T0.plus(Duration.ofDays(31)));

        assertEquals(7, r.comments());
        assertEquals(3, r.batches(), "3, 3 and 1");
        assertEquals(0, comments(jdbi));
    }

    /**
     * The batch size's edge: 0 is refused (a run of empty batches would never end), 1 deletes one comment a batch. A run
     * counts the batches that deleted something: the empty read that ends it is none.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aBatchSizeOfOneIsTheSmallestAndDeletesOneAtATime(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Retention(jdbi, UNREVIEWED, REVIEWED, 0));
        assertTrue(e.getMessage().contains("batchSize"), e.getMessage());
        CommentStore store = new CommentStore(jdbi);
        for (int i = 0; i < 2; i++) store.insert(comment("c" + i, Action.PUBLISH), T0);

        Retention.Removed r = new Retention(jdbi, UNREVIEWED, REVIEWED, 1).run(T0.plus(Duration.ofDays(31)));

        assertEquals(new Retention.Removed(2, 2, 0, 0, 2), r, "two comments, each with its policy decision, one a batch");
        assertEquals(0, comments(jdbi));
    }

    /** A run's count adds its batches', each field to its own (a run adds totals of totals, so a slip can cancel out). */
    @Test
    void removedCountsAddFieldByField() {
        assertEquals(new Retention.Removed(11, 22, 33, 44, 55),
                new Retention.Removed(1, 2, 3, 4, 5).plus(new Retention.Removed(10, 20, 30, 40, 50)));
    }

    /** Suggestions go in batches too, counted as such; a run with none to delete counts no batch. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void suggestionsGoInBatchesOfAtMostItsSize(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        for (int i = 0; i < 5; i++) feedback.append("suggestion " + i, Map.of(Attribute.TOXICITY, 1.0), "site-key", null, SITE, T0);
        Retention retention = new Retention(jdbi, UNREVIEWED, REVIEWED, 2);

        assertEquals(Retention.Removed.NONE, retention.run(T0.plus(REVIEWED)), "exactly a period old: kept");
        assertEquals(new Retention.Removed(0, 0, 0, 5, 3), retention.run(T0.plus(REVIEWED).plusSeconds(1)), "2, 2 and 1");
        assertEquals(0, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM feedback").mapTo(Integer.class).one()));
    }

    /** Either period set turns retention on; only both zero turn it off. */
    @org.junit.jupiter.api.Test
    void anyPeriodSetTurnsItOn() {
        Jdbi none = null;  // on() reads no row
        assertTrue(new Retention(none, UNREVIEWED, Duration.ZERO, 1).on());
        assertTrue(new Retention(none, Duration.ZERO, REVIEWED, 1).on());
        assertTrue(new Retention(none, UNREVIEWED, REVIEWED, 1).on());
        assertFalse(new Retention(none, Duration.ZERO, Duration.ZERO, 1).on());
    }

    /** A comment a moderator is deciding (or another instance's batch holds) is left for the next run, not waited for. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aLockedCommentIsSkippedNotWaitedFor(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("locked", "free")) store.insert(comment(id, Action.PUBLISH), T0);
        Retention retention = new Retention(jdbi, UNREVIEWED, REVIEWED, 500);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Handle moderator = jdbi.open()) {
            moderator.begin();
            moderator.createQuery("SELECT id FROM comments WHERE id = :key FOR UPDATE").bind("key", key("locked")).mapTo(String.class).one();
            // A bound on a hang, not on speed: without SKIP LOCKED the run waits for the lock (or H2 times it out: an error).
            Retention.Removed r = other.submit(() -> retention.run(T0.plus(Duration.ofDays(31)))).get(60, TimeUnit.SECONDS);
            assertEquals(1, r.comments());
            assertFalse(stored(jdbi, "free"));
            moderator.rollback();
        } finally {
            other.shutdownNow();
        }
        assertTrue(stored(jdbi, "locked"), "left for the next run");
        assertEquals(1, retention.run(T0.plus(Duration.ofDays(31))).comments());
    }

    /** Two instances on one database, each with its own pool, running it at once: both finish, each row deleted once. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoInstancesAtOnceBothFinishAndDeleteEachRowOnce(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        int n = 600;
        for (int i = 0; i < n; i += 100) {
            List<NewComment> some = new ArrayList<>();
            for (int j = i; j < i + 100; j++) some.add(comment("c" + j, Action.PUBLISH));
            store.insertAll(some, T0, (r, k) -> {});
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Retention.Removed>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Retention retention = new Retention(jdbi, UNREVIEWED, REVIEWED, 10);
                runs.add(instances.submit(() -> retention.run(T0.plus(Duration.ofDays(31)))));
            }
            Retention.Removed a = runs.get(0).get(5, TimeUnit.MINUTES), b = runs.get(1).get(5, TimeUnit.MINUTES);
            assertEquals(n, a.comments() + b.comments(), a + " and " + b);
            assertEquals(n, a.decisions() + b.decisions());
        } finally {
            instances.shutdownNow();
        }
        assertEquals(0, comments(jdbi));
    }

    /**
     * On PostgreSQL a batch of suggestions reads feedback_by_age (changeset 18), not the whole table. Sequential scans are
     * priced out, so the plan reads an index wherever one serves, however few rows the test stores. (The comments' batches
     * read comments_published_queue or comments_decided_queue, changeset 9: planned on 405,000 rows in docs/moderation.md,
     * Retention; on a few rows the planner's pick among the indexes says nothing.)
     */
    @org.junit.jupiter.api.Test
    void aBatchOfSuggestionsReadsAnIndex() {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        for (int i = 0; i < 20; i++)
            new FeedbackStore(jdbi).append("suggestion " + i, Map.of(Attribute.TOXICITY, 1.0), "site-key", null, SITE, T0.plus(Duration.ofDays(i)));
        try (Handle h = jdbi.open()) {
            h.execute("ANALYZE");
            h.execute("SET enable_seqscan = off");
            String plan = String.join("\n", h.createQuery("EXPLAIN " + Retention.SUGGESTIONS).bind("before", CommentStore.utc(T0))
                    .bind("n", 500).mapTo(String.class).list());
            assertTrue(plan.contains("Index Cond: (created_at <") && plan.contains("feedback_by_age"), plan);
        }
    }
}
