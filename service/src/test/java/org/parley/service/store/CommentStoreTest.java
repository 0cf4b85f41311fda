package org.parley.service.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.api.ScoreResponse;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;
import org.parley.service.core.RequestChecks;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.DecisionRecord;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.ReaderReport;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/** The DAO on both databases: H2 (embedded default) and PostgreSQL (production). */
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class CommentStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final StoredComment.ModelRef MODEL = new StoredComment.ModelRef("parley-toxicity", "v1", "abc123");
    static final String SITE = "news.example";

    @TempDir Path dir;

    /** The store's key of a comment of {@link #SITE}'s. */
    static String key(String id) {
        return CommentStore.key(SITE, id);
    }

    static NewComment comment(String id, String article, float toxicity, Action action) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = toxicity;
        s[Attribute.INSULT.ordinal()] = toxicity / 2;
        return new NewComment(id, article, "Title of " + article, 7, null, null, "dana", "text of " + id, null,
                3, 12, s, Attribute.TOXICITY, "[{\"begin\":0,\"end\":4,\"weight\":1.5}]", null, MODEL, action, null, null, "[\"TOXICITY in [0.50, 0.90) -> REVIEW\"]",
                SITE);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void migratesAnEmptyDatabaseAndAgainWithoutChange(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        Database.migrate(jdbi);  // second start: nothing to do, no error
        for (String table : List.of("articles", "comments", "decisions", "reports", "feedback", "moderators", "sessions"))
            assertEquals(0, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one()), table);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void storesACommentWithThePolicysDecisionAndKeepsTheFirstOfTwoSubmissions(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        CommentStore.Insert first = store.insert(comment("c1", "a1", 0.7f, Action.REVIEW), T0);
        assertTrue(first.created());
        StoredComment c = first.comment();
        assertEquals(Status.PENDING, c.status());
        assertEquals(Decider.RULE, c.decidedBy());
        assertEquals(1, c.version());
        assertEquals("Title of a1", c.articleTitle());
        assertEquals("[\"TOXICITY in [0.50, 0.90) -> REVIEW\"]", c.rulesJson(), "why the policy held it, kept");
        assertEquals(0.7f, c.scores()[Attribute.TOXICITY.ordinal()], 1e-6);
        assertEquals(0.7f, c.risk(), 1e-6);
        assertEquals(3, c.ratingUp());
        assertEquals(T0, c.createdAt());
        assertEquals("v1", c.model().version());

        CommentStore.Insert again = store.insert(comment("c1", "a1", 0.1f, Action.PUBLISH), T0.plusSeconds(5));
        assertFalse(again.created());
        assertEquals(Status.PENDING, again.comment().status(), "the stored comment is unchanged");
        List<DecisionRecord> history = store.history(key("c1"));
        assertEquals(1, history.size());
        assertEquals("REVIEW", history.get(0).decision());
        assertEquals(CommentStore.POLICY_ACTOR, history.get(0).actor());
        assertEquals("text of c1", history.get(0).text());
        assertTrue(history.get(0).scoresJson().contains("\"TOXICITY\":0.7"), history.get(0).scoresJson());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLanguageOfAForeignCommentIsStoredAndAnEnglishOnesIsNull(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        NewComment c = comment("f1", "a1", 0.1f, Action.REVIEW);
        store.insert(NewCommentBuilder.from(c).language("es").rulesJson(null).build(), T0);
        store.insert(comment("e1", "a1", 0.1f, Action.PUBLISH), T0);
        assertEquals("es", store.find(SITE, "f1").orElseThrow().language());
        assertNull(store.find(SITE, "e1").orElseThrow().language());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void decisionsAreAppendedAndAStaleVersionIsAConflict(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("c1", "a1", 0.7f, Action.REVIEW), T0);

        var rejected = store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, "rude", "alice", true, 1, T0.plusSeconds(60));
        StoredComment after = ((CommentStore.Outcome.Decided) rejected).comment();
        assertEquals(Status.REJECTED, after.status());
        assertEquals(Decider.MODERATOR, after.decidedBy());
        assertEquals(2, after.version());

        var stale = store.decide(key("c1"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(61));
        assertEquals(2, ((CommentStore.Outcome.Conflict) stale).current().version());
        assertInstanceOf(CommentStore.Outcome.NotFound.class, store.decide(key("nope"), Verdict.APPROVE, null, null, "bob", true, 1, T0));

        var revised = store.decide(key("c1"), Verdict.APPROVE, null, "on appeal", "bob", true, 2, T0.plusSeconds(120));
        assertEquals(Status.PUBLISHED, ((CommentStore.Outcome.Decided) revised).comment().status());

        List<DecisionRecord> h = store.history(key("c1"));
        assertEquals(List.of("REVIEW", "REJECT", "APPROVE"), h.stream().map(DecisionRecord::decision).toList());
        assertEquals("alice", h.get(1).actor());
        assertEquals("insult", h.get(1).reason());
        assertEquals("rude", h.get(1).note());
        assertEquals(T0.plusSeconds(60), h.get(1).decidedAt());
        assertEquals("v1", h.get(1).modelVersion());
        List<ExportReads.ModeratorDecision> human = new ArrayList<>();
        new ExportReads(jdbi).latestModeratorDecisions(human::add);
        assertEquals(List.of("bob"), human.stream().map(m -> m.decision().actor()).toList(), "the latest only: alice's was revised");
    }

    /** An escalation passes the comment up: the moderator who is not senior cannot decide it, in the same UPDATE. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void onlyASeniorActorDecidesAnEscalatedComment(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("e1", "a1", 0.7f, Action.REVIEW), T0);
        assertInstanceOf(CommentStore.Outcome.Decided.class,
                store.decide(key("e1"), Verdict.ESCALATE, null, "ask legal", "alice", false, 1, T0.plusSeconds(1)));

        for (Verdict v : Verdict.values()) {
            var refused = store.decide(key("e1"), v, v == Verdict.REJECT ? Reason.THREAT : null, null, "alice", false, 2, T0.plusSeconds(2));
            StoredComment now = ((CommentStore.Outcome.Reserved) refused).current();
            assertEquals(Status.ESCALATED, now.status(), v + " left it as it was");
            assertEquals(2, now.version());
        }
        // A stale version is a conflict whoever asks: the comment changed, not merely stayed reserved.
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("e1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(3)));
        assertEquals(List.of("REVIEW", "ESCALATE"), store.history(key("e1")).stream().map(DecisionRecord::decision).toList(),
                "refusals write nothing");

        var decided = store.decide(key("e1"), Verdict.REJECT, Reason.THREAT, null, "sam", true, 2, T0.plusSeconds(4));
        assertEquals(Status.REJECTED, ((CommentStore.Outcome.Decided) decided).comment().status());
        assertTrue(((CommentStore.Outcome.Decided) decided).comment().seniorOnly());
        // A senior's decision sticks (a third penetration test, forty-third session: a moderator's REOPEN and APPROVE
        // of what an admin rejected after the escalation were both applied): nobody else revises or reopens it.
        for (Verdict v : Verdict.values()) {
            var refused = store.decide(key("e1"), v, v == Verdict.REJECT ? Reason.THREAT : null, null, "alice", false, 3, T0.plusSeconds(5));
            StoredComment now = ((CommentStore.Outcome.Reserved) refused).current();
            assertEquals(Status.REJECTED, now.status(), v + " left it as it was");
            assertEquals(3, now.version());
        }
        var revised = store.decide(key("e1"), Verdict.APPROVE, null, "on appeal", "sam", true, 3, T0.plusSeconds(6));
        assertTrue(((CommentStore.Outcome.Decided) revised).comment().seniorOnly(), "a senior's revision keeps it a senior's");
        // A senior's REOPEN gives it back to every moderator: an ordinary PENDING comment again.
        var reopened = store.decide(key("e1"), Verdict.REOPEN, null, null, "sam", true, 4, T0.plusSeconds(7));
        assertFalse(((CommentStore.Outcome.Decided) reopened).comment().seniorOnly());
        assertInstanceOf(CommentStore.Outcome.Decided.class,
                store.decide(key("e1"), Verdict.APPROVE, null, null, "alice", false, 5, T0.plusSeconds(8)));
        assertEquals(List.of("REVIEW", "ESCALATE", "REJECT", "APPROVE", "REOPEN", "APPROVE"),
                store.history(key("e1")).stream().map(DecisionRecord::decision).toList());
    }

    /**
     * Changeset 20-senior-only marks the comments decided after an escalation before it ran: those whose history holds
     * an ESCALATE with no REOPEN after it. The rows are written by this store, then the column is taken away and the
     * changeset run again, as on a database of a release from before it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theUpgradeMarksCommentsDecidedAfterAnEscalationAsASeniors(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("escalated", "settled", "reopened", "plain")) store.insert(comment(id, "a1", 0.7f, Action.REVIEW), T0);
        store.decide(key("escalated"), Verdict.ESCALATE, null, null, "alice", false, 1, T0.plusSeconds(1));
        store.decide(key("settled"), Verdict.ESCALATE, null, null, "alice", false, 1, T0.plusSeconds(1));
        store.decide(key("settled"), Verdict.REJECT, Reason.THREAT, null, "sam", true, 2, T0.plusSeconds(2));
        store.decide(key("reopened"), Verdict.ESCALATE, null, null, "alice", false, 1, T0.plusSeconds(1));
        store.decide(key("reopened"), Verdict.REOPEN, null, null, "sam", true, 2, T0.plusSeconds(2));
        store.decide(key("plain"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(1));
        jdbi.useHandle(h -> {
            h.execute("ALTER TABLE comments DROP COLUMN senior_only");
            h.execute("DELETE FROM databasechangelog WHERE id = '20-senior-only'");
        });
        Database.migrate(jdbi);
        for (String id : List.of("escalated", "settled", "reopened", "plain"))
            assertEquals(id.equals("escalated") || id.equals("settled"), store.find(SITE, id).orElseThrow().seniorOnly(), id);
    }

    /**
     * A decision whose commit went through while its answer was lost (a 503 as the connection broke) is sent
     * again with the same expectedVersion, as the 503 says: it is answered as applied, and recorded once, not a
     * 409 saying that someone decided first. Another decision on that version, or another moderator's, still is one.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDecisionSentAgainAfterItCommittedIsAnsweredAsAppliedOnce(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("c1", "a1", 0.7f, Action.REVIEW), T0);
        assertInstanceOf(CommentStore.Outcome.Decided.class,
                store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, null, "alice", false, 1, T0.plusSeconds(60)));

        var again = store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, null, "alice", false, 1, T0.plusSeconds(65));

        var decided = assertInstanceOf(CommentStore.Outcome.Decided.class, again);
        assertEquals(2, decided.comment().version());
        assertEquals(2, store.history(key("c1")).size(), "one policy decision, one moderator decision");
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, null, "bob", false, 1, T0.plusSeconds(66)));
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("c1"), Verdict.REJECT, Reason.THREAT, null, "alice", false, 1, T0.plusSeconds(67)));
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(68)));
    }

    /**
     * A database review (thirty-eighth session): a report between the decision and its retry moved the version one
     * further, so the retry was a 409, "someone decided first", of the sender's own decision. Reports since do not
     * stop it being recognised; another decision since still makes it a conflict.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDecisionSentAgainAfterAReportIsStillAnsweredAsApplied(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("c1", "a1", 0.7f, Action.REVIEW), T0);
        store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(60));
        store.report(key("c1"), "rude", "site-key", null, T0.plusSeconds(61));

        var again = store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(65));
        var decided = assertInstanceOf(CommentStore.Outcome.Decided.class, again);
        assertEquals(3, decided.comment().version(), "as it is now, its report open");
        assertEquals(2, store.history(key("c1")).size(), "recorded once");

        store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, null, "bob", false, 3, T0.plusSeconds(70));
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(75)), "bob decided since");
    }

    /**
     * A moderator's third audit: a decision made by mistake could only be revised to another, never put back in Pending
     * unread. REOPEN does, as a decision of its own: recorded with who, when and the version, at the version seen, sent
     * again counted once, and of a comment PENDING already refused with nothing written. Readers' open reports stay open.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReopenPutsADecidedCommentBackInPendingAsADecisionOfItsOwn(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        store.insert(comment("c1", "a1", 0.7f, Action.REVIEW), T0);
        store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 1, T0.plusSeconds(60));
        store.report(key("c1"), "rude", "site-key", null, T0.plusSeconds(61));  // version 3, in REPORTED

        var reopened = store.decide(key("c1"), Verdict.REOPEN, null, "approved by mistake", "alice", false, 3, T0.plusSeconds(70));
        StoredComment c = assertInstanceOf(CommentStore.Outcome.Decided.class, reopened).comment();
        assertEquals(Status.PENDING, c.status());
        assertEquals(Decider.MODERATOR, c.decidedBy());
        assertEquals(4, c.version());
        assertEquals(1, c.openReports(), "no one settled the report: still open");
        assertEquals(List.of("c1"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(List.of(), ids(queues.page(Queue.APPROVED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(java.util.Optional.of(T0.plusSeconds(70)), queues.waitingSince(Queue.PENDING), "waiting since its reopening");
        DecisionRecord last = store.history(key("c1")).get(2);
        assertEquals(List.of("REOPEN", "PENDING", "alice", "approved by mistake", 4, T0.plusSeconds(70)),
                List.of(last.decision(), last.status().name(), last.actor(), last.note(), last.version(), last.decidedAt()));

        // Sent again (its answer lost): answered as applied, recorded once. Another moderator's at that version: a conflict.
        var again = store.decide(key("c1"), Verdict.REOPEN, null, "approved by mistake", "alice", false, 3, T0.plusSeconds(75));
        assertEquals(4, assertInstanceOf(CommentStore.Outcome.Decided.class, again).comment().version());
        assertInstanceOf(CommentStore.Outcome.Conflict.class,
                store.decide(key("c1"), Verdict.REOPEN, null, null, "bob", false, 3, T0.plusSeconds(76)));
        // PENDING already, at the version seen: nothing to reopen, nothing written.
        var pending = store.decide(key("c1"), Verdict.REOPEN, null, null, "bob", false, 4, T0.plusSeconds(77));
        assertEquals(4, assertInstanceOf(CommentStore.Outcome.AlreadyPending.class, pending).current().version());
        assertEquals(3, store.history(key("c1")).size());
        List<ExportReads.ModeratorDecision> latest = new ArrayList<>();
        new ExportReads(jdbi).latestModeratorDecisions(latest::add);
        assertEquals(List.of("REOPEN"), latest.stream().map(m -> m.decision().decision()).toList(), "the undone approval is no longer the latest");

        var decided = store.decide(key("c1"), Verdict.REJECT, Reason.INSULT, null, "bob", false, 4, T0.plusSeconds(80));
        assertEquals(0, assertInstanceOf(CommentStore.Outcome.Decided.class, decided).comment().openReports(), "a decision closes them");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void ofTwoModeratorsDecidingAtOnceExactlyOneWins(TestDatabases db) throws Exception {
        CommentStore store = new CommentStore(db.migrated(dir));
        int comments = 20;
        for (int i = 0; i < comments; i++) store.insert(comment("c" + i, "a1", 0.7f, Action.REVIEW), T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < comments; i++) {
                String id = "c" + i;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CommentStore.Outcome>> both = new ArrayList<>();
                for (String who : List.of("alice", "bob")) {
                    Callable<CommentStore.Outcome> decide = () -> {
                        start.await();
                        return store.decide(key(id), who.equals("alice") ? Verdict.APPROVE : Verdict.REJECT,
                                who.equals("alice") ? null : Reason.THREAT, null, who, true, 1, Instant.now());
                    };
                    both.add(pool.submit(decide));
                }
                start.countDown();
                int won = 0, conflicts = 0;
                for (Future<CommentStore.Outcome> f : both) {
                    CommentStore.Outcome o = f.get();
                    if (o instanceof CommentStore.Outcome.Decided) won++;
                    else if (o instanceof CommentStore.Outcome.Conflict) conflicts++;
                }
                assertEquals(1, won, id);
                assertEquals(1, conflicts, id);
                assertEquals(2, store.history(key(id)).size(), id + ": one policy decision, one moderator decision");
                assertEquals(2, store.find(SITE, id).orElseThrow().version());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void thePageAfterACommentSkipsNothingWhenCommentsAheadLeaveTheQueue(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        // Risks 0.80, 0.79, … 0.71; two pairs share a risk, so the order also rests on time and id.
        float[] risks = {0.80f, 0.79f, 0.79f, 0.78f, 0.77f, 0.76f, 0.76f, 0.75f, 0.73f, 0.71f};
        for (int i = 0; i < risks.length; i++) store.insert(comment("p" + i, "a1", risks[i], Action.REVIEW), T0.plusSeconds(i));
        QueueReads.Page first = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 4, 0, null);
        assertEquals(List.of("p0", "p1", "p2", "p3"), ids(first));
        // Another moderator decides two comments of the first page.
        store.decide(key("p1"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(30));
        store.decide(key("p3"), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(31));

        QueueReads.Page second = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 4, 0, end(first));
        assertEquals(List.of("p4", "p5", "p6", "p7"), ids(second), "after the last one shown, though it has left the queue");
        assertEquals(List.of("p6", "p7", "p8", "p9"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 4, 4, null)),
                "an offset of 4 now skips p4 and p5");
        assertEquals(List.of("p8", "p9"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 4, 0, end(second))));
        store.decide(key("p0"), Verdict.REJECT, Reason.INSULT, null, "bob", true, 1, T0.plusSeconds(40));
        store.decide(key("p2"), Verdict.REJECT, Reason.INSULT, null, "bob", true, 1, T0.plusSeconds(41));
        assertEquals(List.of("p0"), ids(queues.page(Queue.REJECTED, QueueReads.Narrowing.NONE, 4, 0, end(queues.page(Queue.REJECTED, QueueReads.Narrowing.NONE, 1, 0, null)))),
                "decided queues: newest first");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDecidedQueuesNextPageDoesNotMoveWhenItsLastCommentIsDecidedAgain(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        for (int i = 0; i < 4; i++) {
            store.insert(comment("d" + i, "a1", 0.7f, Action.REVIEW), T0.plusSeconds(i));
            store.decide(key("d" + i), Verdict.APPROVE, null, null, "bob", true, 1, T0.plusSeconds(10 + i));
        }
        QueueReads.Page first = queues.page(Queue.APPROVED, QueueReads.Narrowing.NONE, 2, 0, null);
        assertEquals(List.of("d3", "d2"), ids(first), "newest decision first");
        // d2, the last one shown, is rejected and approved again: it is now the newest decision.
        store.decide(key("d2"), Verdict.REJECT, Reason.INSULT, null, "ann", true, 2, T0.plusSeconds(20));
        store.decide(key("d2"), Verdict.APPROVE, null, null, "ann", true, 3, T0.plusSeconds(21));
        assertEquals(List.of("d2", "d3", "d1", "d0"), ids(queues.page(Queue.APPROVED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(List.of("d1", "d0"), ids(queues.page(Queue.APPROVED, QueueReads.Narrowing.NONE, 2, 0, end(first))),
                "where the page ended, not where d2 is now (after it: d3 again)");
    }

    @Test
    void pagesWalkEveryTiedCommentOnceWhateverHowPostgresqlIsSentTheRisk() {
        // pgjdbc sends a float as text typed double precision when binary transfer is off; the
        // column is REAL, so without a cast 0.734f's ties fell out of both < and =.
        for (String extra : new String[]{"", "&binaryTransfer=false"}) {
            DataSourceFactory f = TestDatabases.POSTGRESQL.fresh(dir);
            Jdbi jdbi = Jdbi.create(f.getUrl() + extra, f.getUser(), f.getPassword());
            Database.migrate(jdbi);
            CommentStore store = new CommentStore(jdbi);
            QueueReads queues = new QueueReads(jdbi);
            for (int i = 0; i < 5; i++) store.insert(comment("t" + i, "a1", 0.734f, Action.REVIEW), T0.plusSeconds(i));
            store.insert(comment("low", "a1", 0.5f, Action.REVIEW), T0.plusSeconds(9));
            List<String> seen = new ArrayList<>();
            QueueReads.Page page = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 2, 0, null);
            while (!page.comments().isEmpty()) {
                seen.addAll(ids(page));
                page = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 2, 0, end(page));
            }
            assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "low"), seen, extra);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aPositionSurvivesItsToken(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        store.insert(comment("x/1 é", "a1", 0.734f, Action.REVIEW), T0.plusNanos(123_456_000));
        Queue.Position at = end(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 1, 0, null));
        assertEquals(at, Queue.Position.parse(at.token()).orElseThrow());
        assertTrue(at.token().matches("[A-Za-z0-9_-]+"), "safe in a URL as it is");
        for (String bad : new String[]{"x", "p3", at.token() + "!", "", "bm8gbmV3bGluZXM"})
            assertTrue(Queue.Position.parse(bad).isEmpty(), bad);
        // Years no database compares (PostgreSQL's end in 294276; Java's reach a billion): not a position.
        for (String year : new String[]{"+1000000000-01-01T00:00:00Z", "+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z"}) {
            String forged = new Queue.Position(0.5f, Instant.parse(year), T0, "x").token();
            assertTrue(Queue.Position.parse(forged).isEmpty(), year);
        }
    }

    /** Where a page ended, as the queue resource hands it to the client. */
    private static Queue.Position end(QueueReads.Page page) {
        return Queue.Position.of(page.comments().get(page.comments().size() - 1));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void queuesSortOpenCommentsByRiskAndFilterByArticle(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        store.insert(comment("low", "a1", 0.55f, Action.REVIEW), T0);
        store.insert(comment("high", "a1", 0.85f, Action.REVIEW), T0.plusSeconds(1));
        store.insert(comment("other", "a2", 0.7f, Action.REVIEW), T0.plusSeconds(2));
        store.insert(comment("auto", "a1", 0.95f, Action.REJECT), T0.plusSeconds(3));
        store.insert(comment("fine", "a1", 0.01f, Action.PUBLISH), T0.plusSeconds(4));

        assertEquals(List.of("high", "other", "low"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(List.of("high", "low"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.article("a1"), 10, 0, null)));
        QueueReads.Page second = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 1, 1, null);
        assertEquals(List.of("other"), ids(second));
        assertEquals(3, second.total());
        assertEquals(List.of("auto"), ids(queues.page(Queue.AUTO_REJECTED, QueueReads.Narrowing.NONE, 10, 0, null)));

        store.report(key("fine"), "spam", "website-1", null, T0.plusSeconds(10));
        assertEquals(List.of("fine"), ids(queues.page(Queue.REPORTED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertTrue(store.report(key("missing"), null, "website-1", null, T0).isEmpty());

        store.decide(key("high"), Verdict.REJECT, Reason.THREAT, null, "alice", true, 1, T0.plusSeconds(20));
        store.decide(key("fine"), Verdict.APPROVE, null, null, "alice", true, 2, T0.plusSeconds(21));  // its report was version 2
        store.decide(key("low"), Verdict.ESCALATE, null, null, "alice", true, 1, T0.plusSeconds(22));
        assertEquals(List.of("high"), ids(queues.page(Queue.REJECTED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(List.of("fine"), ids(queues.page(Queue.APPROVED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertEquals(List.of("low"), ids(queues.page(Queue.ESCALATED, QueueReads.Narrowing.NONE, 10, 0, null)));
        assertTrue(ids(queues.page(Queue.REPORTED, QueueReads.Narrowing.NONE, 10, 0, null)).isEmpty(), "a moderator's decision closes the reports");
        List<QueueReads.ArticleSummary> articles = queues.articles(Sites.EVERY, 10);
        assertEquals(List.of("a2", "a1"), articles.stream().map(QueueReads.ArticleSummary::id).toList(),
                "a2 still has a pending comment, a1 none");
        assertEquals(4, articles.get(1).comments());
        assertEquals("Title of a1", articles.get(1).title());
        var counts = queues.counts(QueueReads.Narrowing.article("a1"));
        assertEquals(0, counts.get(Queue.PENDING));
        assertEquals(1, counts.get(Queue.AUTO_REJECTED));
        assertEquals(1, counts.get(Queue.APPROVED));
    }

    /**
     * An observability audit (twenty-ninth session): how long the oldest comment waits was in no metric. The store reads
     * since when the longest-waiting PENDING comment has waited (its arrival, whatever its risk), and ESCALATED one (its
     * escalation), for monitoring.QueueGauges; none waiting: empty.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theLongestWaitingCommentOfAnOpenQueueIsFound(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        assertEquals(java.util.Optional.empty(), queues.waitingSince(Queue.PENDING));
        store.insert(comment("risky", "a1", 0.9f, Action.REVIEW), T0.plusSeconds(50));  // first in the queue, not the oldest
        store.insert(comment("early", "a2", 0.6f, Action.REVIEW), T0.plusSeconds(10));
        store.insert(comment("published", "a1", 0.01f, Action.PUBLISH), T0);
        store.insert(comment("earliest", "a1", 0.7f, Action.REVIEW), T0.plusSeconds(5));
        assertEquals(java.util.Optional.of(T0.plusSeconds(5)), queues.waitingSince(Queue.PENDING));
        assertEquals(java.util.Optional.empty(), queues.waitingSince(Queue.ESCALATED));

        store.decide(key("earliest"), Verdict.ESCALATE, null, null, "bob", true, 1, T0.plusSeconds(70));
        assertEquals(java.util.Optional.of(T0.plusSeconds(10)), queues.waitingSince(Queue.PENDING), "the next oldest");
        assertEquals(java.util.Optional.of(T0.plusSeconds(70)), queues.waitingSince(Queue.ESCALATED), "since its escalation");
        assertThrows(IllegalArgumentException.class, () -> queues.waitingSince(Queue.REPORTED));
    }

    /** Counts stop at the limit (COUNT_LIMIT, 10,000; 3 here), a page's total too; the page itself and the articles' counts do not. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void countsStopAtTheCountLimitButPagesAndArticlesDoNot(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi, 3);
        for (int i = 0; i < 5; i++) store.insert(comment("p" + i, "a1", 0.6f + i / 100f, Action.REVIEW), T0.plusSeconds(i));
        store.insert(comment("q", "a2", 0.6f, Action.REVIEW), T0.plusSeconds(9));
        store.insert(comment("fine", "a2", 0.01f, Action.PUBLISH), T0.plusSeconds(10));
        store.insert(comment("old", "a0", 0.01f, Action.PUBLISH), T0.minusSeconds(60));

        assertEquals(3, queues.counts(QueueReads.Narrowing.NONE).get(Queue.PENDING), "six pending, counted to three");
        assertEquals(3, queues.counts(QueueReads.Narrowing.article("a1")).get(Queue.PENDING));
        assertEquals(1, queues.counts(QueueReads.Narrowing.article("a2")).get(Queue.PENDING), "fewer: exact");
        assertEquals(2, queues.counts(QueueReads.Narrowing.NONE).get(Queue.PUBLISHED));
        QueueReads.Page page = queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 10, 0, null);
        assertEquals(List.of("p4", "p3", "p2", "p1", "p0", "q"), ids(page));
        assertEquals(3, page.total());
        assertEquals(List.of("p2", "p1"), ids(queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 2, 2, null)));

        List<QueueReads.ArticleSummary> articles = queues.articles(Sites.EVERY, 10);
        assertEquals(List.of("a1", "a2", "a0"), articles.stream().map(QueueReads.ArticleSummary::id).toList(),
                "most pending first, then the newest");
        assertEquals(List.of(5, 2, 1), articles.stream().map(QueueReads.ArticleSummary::comments).toList());
        assertEquals(List.of(5, 1, 0), articles.stream().map(QueueReads.ArticleSummary::pending).toList());
        assertEquals(List.of(new QueueReads.ArticleSummary("a2", "news.example", "Title of a2", 2, 1)), queues.articles(Sites.EVERY, 3).subList(1, 2));
        assertEquals(List.of("a1"), queues.articles(Sites.EVERY, 1).stream().map(QueueReads.ArticleSummary::id).toList());
    }

    /** A thread's comments go in one transaction: a failure midway stores none, and the call sent again stores all, once. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aThreadIsStoredWholeOrNotAtAll(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        List<NewComment> thread = List.of(comment("t/1", "t", 0.1f, Action.PUBLISH), comment("t/2", "t", 0.7f, Action.REVIEW),
                comment("t/" + "x".repeat(500), "t", 0.1f, Action.PUBLISH),  // longer than the id column: the database refuses it
                comment("t/4", "t", 0.1f, Action.PUBLISH));
        List<Integer> seen = new ArrayList<>();
        assertThrows(org.jdbi.v3.core.JdbiException.class, () -> store.insertAll(thread, T0, (r, i) -> seen.add(i)));
        assertEquals(List.of(0, 1), seen, "the first two were inserted before the third failed");
        for (String table : List.of("articles", "comments", "decisions"))
            assertEquals(0, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one()), table);

        // A clash that the caller finds in a result rolls back what came before it too.
        List<NewComment> fixed = List.of(thread.get(0), thread.get(1), thread.get(3));
        assertThrows(IllegalStateException.class, () -> store.insertAll(fixed, T0, (r, i) -> {
            if (i == 2) throw new IllegalStateException("clash");
        }));
        assertTrue(store.find(SITE, "t/1").isEmpty() && store.find(SITE, "t/2").isEmpty());

        List<CommentStore.Insert> stored = store.insertAll(fixed, T0, (r, i) -> {});
        assertTrue(stored.stream().allMatch(CommentStore.Insert::created));
        assertEquals(List.of("t/1", "t/2", "t/4"), stored.stream().map(r -> r.comment().id()).toList());
        assertEquals(Status.PENDING, store.find(SITE, "t/2").orElseThrow().status());
        assertEquals(1, store.history(key("t/2")).size());
        List<CommentStore.Insert> again = store.insertAll(fixed, T0.plusSeconds(5), (r, i) -> {});
        assertTrue(again.stream().noneMatch(CommentStore.Insert::created), "a retry stores nothing twice");
        assertEquals(3, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM decisions").mapTo(Integer.class).one()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void findsTheParentByIdOrByNumberInTheSameArticle(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("p", "a1", 0.1f, Action.PUBLISH), T0);  // number 7
        assertEquals("p", store.parent(SITE, "a1", null, 7).orElseThrow().id());
        assertTrue(store.parent(SITE, "a2", null, 7).isEmpty());
        assertEquals("p", store.parent(SITE, "a9", "p", null).orElseThrow().id());
        assertTrue(store.parent(SITE, "a1", null, null).isEmpty());
    }

    /** A site's comment key is its own (never its id, never another site's); a comment without a site is keyed by its id. */
    @org.junit.jupiter.api.Test
    void aSitesKeyIsItsOwnAndASitelessCommentIsKeyedByItsId() {
        assertEquals("c1", CommentStore.key(null, "c1"));
        String key = CommentStore.key(SITE, "c1");
        assertTrue(key.startsWith("//") && !key.contains("c1"), key);
        assertEquals(key, CommentStore.key(SITE, "c1"), "a retry makes the same key");
        assertNotEquals(key, CommentStore.key("other.example", "c1"));
        assertNotEquals(CommentStore.key("ab", "c"), CommentStore.key("a", "bc"), "the site's length tells site and id apart");
    }

    /** The first comment of an article may come without its title: the first title sent later is stored, and kept. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anArticleStoredWithoutATitleTakesTheFirstTitleSentLater(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        NewComment c = comment("c1", "a1", 0.1f, Action.PUBLISH);
        NewComment untitled = NewCommentBuilder.from(c).articleTitle(null).build();
        assertNull(store.insert(untitled, T0).comment().articleTitle());

        assertEquals("Title of a1", store.insert(comment("c2", "a1", 0.1f, Action.PUBLISH), T0).comment().articleTitle());
        store.insert(NewCommentBuilder.from(comment("c3", "a1", 0.1f, Action.PUBLISH)).articleTitle("Another title").build(), T0);
        assertEquals("Title of a1", store.find(SITE, "c1").orElseThrow().articleTitle(), "the first title stays");
    }

    /** A comment's reports, newest first: the newest openReports of them are open, those a decision closed are not. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theNewestOpenReportsAreTheOpenOnes(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("c1", "a1", 0.1f, Action.PUBLISH), T0);
        for (int i = 0; i < 3; i++) store.report(key("c1"), "closed " + i, "site-key", null, T0.plusSeconds(1 + i));
        store.decide(key("c1"), Verdict.APPROVE, null, null, "alice", false, 4, T0.plusSeconds(10));
        for (int i = 0; i < 2; i++) store.report(key("c1"), "open " + i, "site-key", null, T0.plusSeconds(11 + i));
        StoredComment c = store.find(SITE, "c1").orElseThrow();
        assertEquals(2, c.openReports());

        List<ReaderReport> all = store.reports(c, 10);

        assertEquals(List.of("open 1", "open 0", "closed 2", "closed 1", "closed 0"), all.stream().map(ReaderReport::reason).toList());
        assertEquals(List.of(true, true, false, false, false), all.stream().map(ReaderReport::open).toList());
        assertEquals(T0.plusSeconds(12), all.get(0).reportedAt());
        assertEquals(List.of("open 1", "open 0"), store.reports(c, 2).stream().map(ReaderReport::reason).toList(), "at most the limit");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void accountsKeepHashesAndSessionsExpire(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        AccountStore accounts = new AccountStore(jdbi);
        assertTrue(accounts.isEmpty());
        accounts.put("alice", "correct horse".toCharArray(), Role.MODERATOR, T0);
        String stored = jdbi.withHandle(h -> h.createQuery("SELECT password_hash FROM moderators").mapTo(String.class).one());
        assertFalse(stored.contains("correct horse"));
        assertTrue(stored.startsWith("$2"), "a bcrypt hash");
        assertTrue(accounts.check("alice", "wrong".toCharArray()).isEmpty());
        assertTrue(accounts.check("nobody", "correct horse".toCharArray()).isEmpty());
        AccountStore.Account alice = accounts.check("alice", "correct horse".toCharArray()).orElseThrow();
        assertEquals(Role.MODERATOR, alice.role());

        AccountStore.Session s = accounts.login(alice, Duration.ofMinutes(30), T0).orElseThrow();
        assertEquals("alice", accounts.session(s.token(), T0.plusSeconds(60)).orElseThrow().account().username());
        assertTrue(accounts.session(s.token(), T0.plus(Duration.ofMinutes(31))).isEmpty(), "expired");
        assertTrue(accounts.session("forged", T0).isEmpty());
        assertEquals(1, accounts.purgeExpired(T0.plus(Duration.ofHours(1))));
        AccountStore.Session s2 = accounts.login(alice, Duration.ofMinutes(30), T0).orElseThrow();
        accounts.logout(s2.token());
        assertTrue(accounts.session(s2.token(), T0).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aStreamOfReportsCannotKeepEveryDecisionStale(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insert(comment("flooded", "a1", 0.6f, Action.REVIEW), T0);
        for (int i = 0; i < CommentStore.STALE_REPORTS; i++) store.report(key("flooded"), "spam", "website-2", null, T0.plusSeconds(i));
        StoredComment seen = store.find(SITE, "flooded").orElseThrow();
        assertEquals(1 + CommentStore.STALE_REPORTS, seen.version(), "each of the first reports is a new version");
        // A security audit: three reports from another site's key made a moderator's decision a 409, and
        // any number more kept it so.
        for (int i = 0; i < 5; i++) store.report(key("flooded"), "spam", "website-2", null, T0.plusSeconds(20 + i));
        StoredComment after = store.find(SITE, "flooded").orElseThrow();
        assertEquals(seen.version(), after.version(), "beyond that many open reports, more are counted, not versioned");
        assertEquals(CommentStore.STALE_REPORTS + 5, after.openReports());
        assertInstanceOf(CommentStore.Outcome.Decided.class,
                store.decide(key("flooded"), Verdict.REJECT, Reason.SPAM, null, "alice", true, seen.version(), T0.plusSeconds(60)));
        assertEquals(0, store.find(SITE, "flooded").orElseThrow().openReports(), "the decision closes them all");
        store.report(key("flooded"), "spam", "website-2", null, T0.plusSeconds(70));
        assertEquals(seen.version() + 2, store.find(SITE, "flooded").orElseThrow().version(), "after a decision, a report is a new version again");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aRetriedReportOrSuggestionCountsOnceEvenWhenTheRetriesRace(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("fine", "a1", 0.01f, Action.PUBLISH), T0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CommentStore.Report>> same = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                same.add(pool.submit(() -> store.report(key("fine"), "spam", "website-1", "r-1", T0.plusSeconds(1)).orElseThrow()));
            int firsts = 0;
            for (Future<CommentStore.Report> f : same) if (!f.get().duplicate()) firsts++;
            assertEquals(1, firsts, "one of the racing retries is the report, the others repeat it");
            assertEquals(1, store.find(SITE, "fine").orElseThrow().openReports());
            assertEquals(2, store.report(key("fine"), null, "website-2", "r-1", T0).orElseThrow().comment().openReports(),
                    "another key's report with the same id is another report");
            assertEquals(3, store.report(key("fine"), null, "website-1", null, T0).orElseThrow().comment().openReports());
            assertEquals(4, store.report(key("fine"), null, "website-1", null, T0).orElseThrow().comment().openReports(),
                    "without a reportId every report counts");
            assertEquals(4, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM reports").mapTo(Integer.class).one()));

            FeedbackStore feedback = new FeedbackStore(jdbi);
            Map<Attribute, Double> labels = Map.of(Attribute.TOXICITY, 0.8, Attribute.INSULT, 1.0);
            List<Future<Optional<String>>> suggestions = new ArrayList<>();
            for (int i = 0; i < 8; i++)
                suggestions.add(pool.submit(() -> feedback.append("You people never listen.", labels, "website-1", T0)));
            int stored = 0;
            for (Future<Optional<String>> f : suggestions) if (f.get().isPresent()) stored++;
            assertEquals(1, stored);
            assertTrue(feedback.append("You people never listen.", Map.of(Attribute.TOXICITY, 0.8), "website-1", T0).isPresent(),
                    "other labels for the same text are another suggestion");
            assertTrue(feedback.append("You people never listen.", labels, "website-2", T0).isPresent(), "another client's");
            List<FeedbackStore.Feedback> all = new ArrayList<>();
            feedback.all(all::add);
            assertEquals(3, all.size());
            assertEquals(java.util.Set.of(labels, Map.of(Attribute.TOXICITY, 0.8)),
                    all.stream().map(FeedbackStore.Feedback::labels).collect(java.util.stream.Collectors.toSet()), "the labels read back");
            assertEquals(List.of(), feedback.sites(), "none named a site");
            feedback.append("Another one.", labels, "website-3", null, "news.example", T0);
            feedback.append("And another.", labels, "website-4", null, "blog.example", T0);
            assertEquals(List.of("blog.example", "news.example"), feedback.sites());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A database outage audit (forty-eighth session): a suggested score's INSERT ran in autocommit, so PostgreSQL holding
     * its commit failed the statement itself, which the 503 could not tell from a failure before it ("most likely not
     * applied", though stored). It is a transaction of its own: a commit that broke fails as one (what the 503 names),
     * and the suggestion sent again is stored once.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSuggestionWhoseCommitBrokeFailsAsACommitAndIsStoredOnce(TestDatabases db) {
        DataSourceFactory f = db.fresh(dir);
        Database.migrate(Jdbi.create(f.getUrl(), f.getUser(), f.getPassword()));
        boolean[] breakNext = {true};
        Jdbi jdbi = Jdbi.create(() -> org.parley.service.cli.CommitThenBreakDriver.breakingCommits(
                java.sql.DriverManager.getConnection(f.getUrl(), f.getUser(), f.getPassword()), "INSERT INTO feedback", () -> {
                    boolean now = breakNext[0];
                    breakNext[0] = false;
                    return now;
                }));
        FeedbackStore feedback = new FeedbackStore(jdbi);
        Map<Attribute, Double> labels = Map.of(Attribute.TOXICITY, 0.8);
        var broken = assertThrows(org.jdbi.v3.core.JdbiException.class,
                () -> feedback.append("You people never listen.", labels, "website-1", T0));
        assertTrue(org.parley.service.errors.DatabaseExceptionMapper.atCommit(broken), broken.toString());
        assertEquals(Optional.empty(), feedback.append("You people never listen.", labels, "website-1", T0),
                "stored before the commit broke: sent again, a repeat");
        assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM feedback").mapTo(Integer.class).one()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void storesTheSpansOfTheLongestCommentWhenEveryWordIsOne(TestDatabases db) throws Exception {
        CommentStore store = new CommentStore(db.migrated(dir));
        // The most spans a comment can have (20,480 characters of one-letter words), each as long as the
        // service can write one.
        List<ScoreResponse.SpanScore> spans = new ArrayList<>();
        for (int k = 0; k < RequestChecks.MAX_TEXT / 2; k++) spans.add(new ScoreResponse.SpanScore(20_479, 20_480, -1.2345678E-5f));
        String json = new ObjectMapper().writeValueAsString(spans);
        assertTrue(json.length() > 400_000, "as long as the widest spans can make it: " + json.length());
        NewComment c = comment("long", "a1", 0.9f, Action.REVIEW);
        NewComment withSpans = new NewComment(c.id(), c.articleId(), c.articleTitle(), c.number(), c.parentId(), c.parentNumber(),
                c.author(), c.text(), c.quote(), c.ratingUp(), c.ratingDown(), c.scores(), c.topAttribute(), json, c.stanceJson(), c.model(), c.action(), c.language(), c.parentAuthor(), c.rulesJson(), c.site());
        assertTrue(store.insert(withSpans, T0).created());
        assertEquals(json, store.find(SITE, "long").orElseThrow().spansJson());
    }

    /**
     * A comment sent again is answered as stored: {@link CommentStore#store} reads, in its transaction, the further
     * comments each one stored before quotes (the inserts that found theirs, and the {@code answered} keys), those with
     * none left out; {@link CommentStore#withStoredAlsoQuotes} reads the same afterwards; a created insert keeps its own.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentStoredBeforeIsAnsweredWithTheFurtherQuotesItWasStoredWith(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        List<AlsoQuoted> quoted = List.of(new AlsoQuoted("c0", 3, "ann", "a passage"), new AlsoQuoted(null, 4, null, null));
        NewComment c1 = NewCommentBuilder.from(comment("c1", "a1", 0.2f, Action.PUBLISH)).alsoQuotes(quoted).build();
        NewComment c2 = NewCommentBuilder.from(comment("c2", "a1", 0.2f, Action.PUBLISH)).alsoQuotes(List.of(quoted.get(0))).build();
        store.insertAll(List.of(c1, c2, comment("c3", "a1", 0.2f, Action.PUBLISH)), T0, (r, i) -> {});

        CommentStore.Written again = store.store(List.of(c1, comment("c3", "a1", 0.2f, Action.PUBLISH),
                comment("c4", "a1", 0.2f, Action.PUBLISH)), List.of(), List.of(key("c2")), T0.plusSeconds(1), (r, i) -> {});
        assertEquals(List.of(false, false, true), again.inserted().stream().map(CommentStore.Insert::created).toList());
        assertEquals(Map.of(key("c1"), quoted, key("c2"), List.of(quoted.get(0))), again.alsoQuotes(),
                "c3 quotes none, c4 is new");

        List<CommentStore.Insert> answered = store.withStoredAlsoQuotes(again.inserted().stream()
                .map(r -> new CommentStore.Insert(r.created(), r.comment())).toList());
        assertEquals(List.of(quoted, List.of(), List.of()), answered.stream().map(CommentStore.Insert::alsoQuotes).toList());
        List<CommentStore.Insert> created = List.of(new CommentStore.Insert(true, again.inserted().get(2).comment(), quoted));
        assertSame(created, store.withStoredAlsoQuotes(created), "nothing stored before: nothing read");
        assertEquals(List.of(quoted), CommentStore.withAlsoQuotes(created, Map.of()).stream().map(CommentStore.Insert::alsoQuotes).toList());
        assertEquals(quoted, store.alsoQuotes(key("c1")));
        assertEquals(List.of(), store.alsoQuotes(key("c3")));
    }

    /**
     * A stored thread sent again with new targets: the stance of a stored comment is rewritten, its version, status and
     * times left as they were; an erased comment's is not (it keeps no stance on targets), and a key no longer stored
     * comes back empty.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aStoredCommentsStanceIsRewrittenAloneAndAnErasedOnesIsNot(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        store.insertAll(List.of(comment("c1", "a1", 0.2f, Action.PUBLISH), comment("c2", "a1", 0.2f, Action.PUBLISH)), T0, (r, i) -> {});
        store.erase(key("c2"), "site-key", Decider.WEBSITE, T0.plusSeconds(1));
        StoredComment before = store.byKey(key("c1")).orElseThrow();
        String erasedStance = store.byKey(key("c2")).orElseThrow().stanceJson();
        List<String> read = new ArrayList<>();
        java.util.function.Function<StoredComment, String> rewrite = c -> {
            read.add(c.id());
            return "{\"stance\":[{\"target\":\"the bridge\",\"label\":\"FAVOR\"}]}";
        };

        CommentStore.Written w = store.store(List.of(), List.of(new CommentStore.StanceRewrite(key("c1"), rewrite),
                new CommentStore.StanceRewrite(key("c2"), rewrite), new CommentStore.StanceRewrite(key("gone"), rewrite)),
                List.of(), T0.plusSeconds(2), (r, i) -> {});

        assertEquals(List.of("c1", "c2"), read, "each stored comment read under its lock");
        StoredComment after = w.rewritten().get(0).orElseThrow();
        assertEquals("{\"stance\":[{\"target\":\"the bridge\",\"label\":\"FAVOR\"}]}", after.stanceJson());
        assertEquals(after.stanceJson(), store.byKey(key("c1")).orElseThrow().stanceJson(), "written, not only answered");
        assertEquals(List.of(before.version(), before.status(), before.updatedAt()), List.of(after.version(), after.status(), after.updatedAt()));
        assertEquals(erasedStance, w.rewritten().get(1).orElseThrow().stanceJson());
        assertEquals(erasedStance, store.byKey(key("c2")).orElseThrow().stanceJson());
        assertEquals(Optional.empty(), w.rewritten().get(2));
    }

    /** The comment a reply answers, by the site's parent id or by its number on the article; the sites that stored comments. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplysParentIsFoundAndTheStoredSitesListed(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        NewComment p = comment("p", "a1", 0.2f, Action.PUBLISH); // number 7
        NewComment byNumber = new NewComment("r1", "a1", null, 8, null, 7, "ed", "a reply", null, null, null,
                p.scores(), Attribute.TOXICITY, "[]", null, MODEL, Action.PUBLISH, null, null, null, SITE);
        NewComment byId = new NewComment("r2", "a1", null, 9, "p", null, "ed", "a reply", null, null, null,
                p.scores(), Attribute.TOXICITY, "[]", null, MODEL, Action.PUBLISH, null, null, null, SITE);
        store.insertAll(List.of(p, byNumber, byId), T0, (r, i) -> {});
        for (String reply : List.of("r1", "r2"))
            assertEquals("p", store.parent(store.byKey(key(reply)).orElseThrow()).orElseThrow().id(), reply);
        assertEquals(Optional.empty(), store.parent(store.byKey(key("p")).orElseThrow()), "no parent");
        assertEquals(List.of(SITE), store.storedSites());
        store.insert(NewCommentBuilder.from(p).site("blog.example").build(), T0);
        store.insert(NewCommentBuilder.from(p).site(null).build(), T0);
        assertEquals(List.of("blog.example", SITE), store.storedSites(), "in name order, a comment of no site left out");
    }

    private static List<String> ids(QueueReads.Page page) {
        return page.comments().stream().map(StoredComment::id).toList();
    }
}
