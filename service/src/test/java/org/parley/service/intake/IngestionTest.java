package org.parley.service.intake;

import org.jdbi.v3.core.Jdbi;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKey;
import org.parley.service.access.Role;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ScoringGate;
import org.parley.service.errors.ApiException;
import org.parley.service.moderation.IdTaken;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.service.store.QueueReads;
import org.parley.service.store.TestDatabases;
import org.parley.stance.StanceModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class IngestionTest {
    @TempDir
    Path dir;

    @Test
    void oneCallReadsOneStanceBundleThoughItIsReloadedMeanwhile() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        CommentScorer scorer = Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1"));
        // Each get() is the bundle now serving: a reload between two comments would hand out another.
        List<StanceModel> bundles = List.of(Fakes.stance(), Fakes.stance(), Fakes.stance());
        AtomicInteger reloads = new AtomicInteger();
        Ingestion ingestion = new Ingestion(scorer, () -> Fakes.served(bundles.get(Math.min(reloads.getAndIncrement(), 2))), store,
                new ObjectMapper(), Clock.systemUTC());
        List<Submission> thread = new ArrayList<>();
        for (int i = 1; i <= 3; i++)
            thread.add(new Submission("t/" + i, "t", "Syria", "We must not bomb them, comment " + i, i,
                    null, null, null, null, null, null, List.of("military action"), null));
        ingestion.submit(thread, new ApiKey("website-key-1", Role.WEBSITE, 10).site());
        // All three comments read by the bundle serving when the call began, none by the later ones.
        verify(bundles.get(0), times(3)).stance(anyString(), anyList());
        verifyNoInteractions(bundles.get(1), bundles.get(2));
    }

    /**
     * A comment the policy's sentence rule held (its own TOXICITY 0.02, one sentence 0.7 alone) is queued by that
     * sentence's risk, before a comment whose own score (0.55) is higher than its own but lower than the sentence's.
     */
    @Test
    void aCommentHeldForOneSentenceIsQueuedByThatSentencesRisk() {
        Jdbi jdbi = TestDatabases.H2.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        QueueReads queues = new QueueReads(jdbi);
        org.parley.score.Scorer model = Fakes.scorer();
        org.mockito.Mockito.doAnswer(call -> {
            List<String> texts = call.getArgument(0);
            float[][] out = new float[texts.size()][org.parley.label.Attribute.COUNT];
            for (int i = 0; i < out.length; i++) {
                String t = texts.get(i);
                out[i][0] = t.contains("dolt") && t.length() < 20 ? 0.7f : t.contains("rude") ? 0.55f : 0.02f; // TOXICITY
            }
            return out;
        }).when(model).score(anyList());
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(model, "v1")), null, store, new ObjectMapper(),
                Clock.systemUTC());
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(List.of(
                new Submission("rude", "a", "Title", "That was a rude thing to say, frankly.", 1, null, null, null, null, null, null, null, null),
                new Submission("padded", "a", "Title", "Thanks for the piece. You are a dolt. See you soon.", 2,
                        null, null, null, null, null, null, null, null)), site);

        StoredComment padded = store.find(site, "padded").orElseThrow();
        assertEquals(0.02f, padded.scores()[0], "its own scores are stored as they are");
        assertEquals(0.7f, padded.risk());
        assertEquals(0.55f, store.find(site, "rude").orElseThrow().risk());
        assertEquals(List.of("padded", "rude"), queues.page(Queue.PENDING, QueueReads.Narrowing.NONE, 10, 0, null).comments()
                .stream().map(StoredComment::id).toList());
    }

    /**
     * An overload audit (twenty-eighth session) left /v1/comments and /v1/threads scoring outside the gate that
     * /v1/score waits at: a flood of submissions took the cores as /v1/score's flood had. A submission that finds no
     * turn is the gate's 503 and stores nothing; one comment waits in /v1/score's lane, a thread in the batches'.
     */
    @Test
    void aSubmissionThatFindsNoTurnIsRefusedAndStoresNothing() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        CommentScorer scorer = Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1"));
        ScoringGate gate = new ScoringGate(1, 0, java.time.Duration.ofMinutes(5));
        ScoringGate batchGate = new ScoringGate(1, 0, java.time.Duration.ofMinutes(5));
        Ingestion ingestion = new Ingestion(scorer, null, store, new ObjectMapper(), Clock.systemUTC(), gate, batchGate);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Submission one = new Submission("c1", "a", "Title", "You idiot", 1, null, null, null, null, null, null, null, null);

        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1), release = new java.util.concurrent.CountDownLatch(1);
        var held = java.util.concurrent.CompletableFuture.runAsync(() -> gate.run(() -> {
            holding.countDown();
            try {
                return release.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(holding.await(1, java.util.concurrent.TimeUnit.MINUTES));
        ApiException refused = assertThrows(ApiException.class, () -> ingestion.submit(List.of(one), site));
        assertEquals(503, refused.status());
        assertEquals(java.util.Optional.empty(), store.find(site, "c1"), "nothing stored");
        // A thread waits in the other lane, which is free.
        Submission two = new Submission("c2", "a", "Title", "Nice one", 2, null, null, null, null, null, null, null, null);
        assertEquals(2, ingestion.submit(List.of(new Submission("c3", "a", "Title", "Fine", 3, null, null, null, null, null, null,
                null, null), two), site).size());

        release.countDown();
        held.get(1, java.util.concurrent.TimeUnit.MINUTES);
        assertTrue(ingestion.submit(List.of(one), site).get(0).created(), "sent again once a turn is free, it is stored");
    }

    /**
     * The overload audit's gap left after the submissions joined the gate: their stance was read after the turn was
     * given back, though its sentence encoder costs more than the toxicity model. Both are read in the one turn now.
     */
    @Test
    void theStanceOfASubmissionIsReadInItsTurn() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        CommentScorer scorer = Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1"));
        ScoringGate gate = new ScoringGate(1, 0, java.time.Duration.ofMinutes(5));
        ScoringGate batchGate = new ScoringGate(1, 0, java.time.Duration.ofMinutes(5));
        StanceModel fake = Fakes.stance(), model = Fakes.stance();
        List<String> turnsTaken = new ArrayList<>();
        org.mockito.Mockito.doAnswer(call -> {
            turnsTaken.add(gate.admitted() + "/" + batchGate.admitted());
            return fake.stance(call.<String>getArgument(0), call.<List<String>>getArgument(1));
        }).when(model).stance(anyString(), anyList());
        org.mockito.Mockito.doAnswer(call -> {
            turnsTaken.add(gate.admitted() + "/" + batchGate.admitted());
            return fake.replyStance(call.getArgument(0), call.getArgument(1));
        }).when(model).replyStance(anyString(), anyString());
        Ingestion ingestion = new Ingestion(scorer, () -> Fakes.served(model), store, new ObjectMapper(), Clock.systemUTC(),
                gate, batchGate);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();

        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "We must not bomb them", 1, null, null, null, null,
                null, null, List.of("military action"), null)), site);
        ingestion.submit(List.of(
                new Submission("c2", "a", "Syria", "Bomb them now", 2, null, null, null, null, null, null,
                        List.of("military action"), null),
                new Submission("c3", "a", "Syria", "Are you sure?", 3, "c2", null, null, null, null, null, null, null)), site);

        // One comment in /v1/score's lane, the thread in the batches': each stance read while its call held a turn.
        assertEquals(List.of("1/0", "0/1", "0/1"), turnsTaken);
        assertTrue(store.find(site, "c3").orElseThrow().stanceJson().contains("replyStance"), "the reply's stance is stored");
    }

    /**
     * The overload audit's gap: a call held one turn whatever it scored. It holds its weight now (core.ScoringWork):
     * each text a unit per started 2,048 characters, stance on targets its text three times more and a unit a target,
     * a reply's parent its text.
     */
    @Test
    void aSubmissionHoldsWhatItsScoringWeighs() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        ScoringGate gate = new ScoringGate(1, 100, 0, java.time.Duration.ofMinutes(5));
        ScoringGate batchGate = new ScoringGate(1, 100, 0, java.time.Duration.ofMinutes(5));
        List<String> held = new ArrayList<>();
        org.parley.score.Scorer fake = Fakes.scorer(), scorer = org.mockito.Mockito.mock(org.parley.score.Scorer.class);
        org.mockito.Mockito.when(scorer.name()).thenReturn("fake");
        org.mockito.Mockito.when(scorer.score(anyList())).thenAnswer(call -> {
            held.add(gate.unitsHeld() + "/" + batchGate.unitsHeld());
            return fake.score(call.<List<String>>getArgument(0));
        });
        org.mockito.Mockito.when(scorer.scoreVariants(anyList())).thenCallRealMethod();
        org.mockito.Mockito.when(scorer.score(anyList(), org.mockito.ArgumentMatchers.any(), anyList())).thenCallRealMethod();
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(scorer, "v1")), () -> Fakes.served(Fakes.stance()),
                store, new ObjectMapper(), Clock.systemUTC(), gate, batchGate);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();

        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "x".repeat(5_000), 1, null, null, null, null,
                null, null, null, null)), site);
        ingestion.submit(List.of(
                new Submission("c2", "a", "Syria", "Bomb them now", 2, null, null, null, null, null, null,
                        List.of("military action", "the vote"), null),
                new Submission("c3", "a", "Syria", "Are you sure?", 3, "c2", null, null, null, null, null, null, null)), site);

        // 5,000 characters: 3 units; then 1 + 3 + 2 for c2 and its targets, 1 + 1 for c3 and its parent, c2.
        assertEquals(List.of("3/0", "0/8"), held.stream().distinct().toList());
    }

    /**
     * A stance integrator's third review (sixty-fourth session): a reply stored before its parent (a BBC thread sent
     * newest page first) never got a reply stance, even sent again. It is read when the parent comes, and when it is sent
     * again with its parent in the call; one stored with a reply stance is not read again.
     */
    @Test
    void aReplyStoredBeforeItsParentIsReadWhenTheParentComesOrItIsSentAgainWithIt() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(List.of(new Submission("c2", "a", "Syria", "No, a terrible idea.", 2, null, 1, null, null, null, null,
                null, null)), site);
        assertNull(replyStance(store, site, "c2"), "nothing to read it against yet");
        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null,
                null, null, null, null)), site);
        String read = replyStance(store, site, "c2");
        assertNotNull(read, "read when its parent came");
        ingestion.submit(List.of(new Submission("c9", "a", "Syria", "And again.", 9, null, 1, null, null, null, null, null,
                null)), site);
        assertEquals(read, replyStance(store, site, "c2"), "read once");

        Submission reply = new Submission("d2", "a", "Syria", "Really?", 4, "d1", null, null, null, null, null, null, null);
        ingestion.submit(List.of(reply), site);
        assertNull(replyStance(store, site, "d2"));
        Ingestion.Stored again = ingestion.submit(List.of(new Submission("d1", "a", "Syria", "Talks must go on.", 3, null,
                null, null, null, null, null, null, null), reply), site, true, (comments, readings) -> {});
        assertNotNull(replyStance(store, site, "d2"), "read when sent again with its parent");
        assertTrue(again.comments().get(1).comment().stanceJson().contains("replyStance"), "and answered so");
    }

    /**
     * A several-instances audit (sixty-fifth session): a reply and its parent sent at once (a thread's pages in parallel,
     * or to two instances) each looked for the other before either committed, so the reply never got a reply stance.
     * Here the second call runs whole in the first's turn, after the first's look and before its commit, in either order;
     * the call that commits second looks again and reads it.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void aReplyAndItsParentStoredAtOnceGetTheReplyStanceWhicheverIsSentFirst(boolean replyFirst) throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Submission parent = new Submission("p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null, null, null,
                null, null);
        Submission byId = new Submission("r2", "a", "Syria", "No, a terrible idea.", 2, "p1", null, null, null, null, null, null, null);
        Submission byNumber = new Submission("r3", "a", "Syria", "Never.", 3, null, 1, null, null, null, null, null, null);
        List<Submission> first = replyFirst ? List.of(byId, byNumber) : List.of(parent);
        List<Submission> second = replyFirst ? List.of(parent) : List.of(byId, byNumber);
        Ingestion.Stored answered = ingestion.submit(first, site, false,
                (Ingestion.WorkCharge) (scored, comments, readings) -> ingestion.submit(second, site));
        assertNotNull(replyStance(store, site, "r2"), "by its parent's id");
        assertNotNull(replyStance(store, site, "r3"), "by its parent's number");
        if (replyFirst) {
            assertTrue(answered.comments().get(0).created(), "still answered as new");
            assertTrue(answered.comments().get(0).comment().stanceJson().contains("replyStance"), "and with the stance read");
        }
    }

    /**
     * The second look comes once the call's comments are committed: a database lost by then leaves the reply stance
     * unread, and the call is answered as stored, not with the 503 that would say nothing was; the sweep reads it later.
     */
    @Test
    void aFailedSecondLookLeavesTheStanceUnreadAndTheCallStored() throws Exception {
        CommentStore store = org.mockito.Mockito.spy(new CommentStore(TestDatabases.H2.migrated(dir)));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Submission parent = new Submission("p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null, null, null,
                null, null);
        Submission reply = new Submission("r2", "a", "Syria", "No, a terrible idea.", 2, "p1", null, null, null, null, null, null, null);
        // The parent's look once it is stored (its second): lost. Its first, before its commit, finds it not yet stored.
        org.mockito.Mockito.doAnswer(call -> {
            java.util.Collection<String> ids = call.getArgument(2);
            if (ids.contains("p1") && store.find(site, "p1").isPresent())
                throw new org.jdbi.v3.core.ConnectionException(new java.sql.SQLException("connection lost"));
            return call.callRealMethod();
        }).when(store).repliesTo(anyString(), anyString(), org.mockito.ArgumentMatchers.anyCollection(),
                org.mockito.ArgumentMatchers.anyCollection(), org.mockito.ArgumentMatchers.anyInt());
        Ingestion.Stored stored = ingestion.submit(List.of(parent), site, false,
                (Ingestion.WorkCharge) (scored, comments, readings) -> ingestion.submit(List.of(reply), site));
        assertTrue(stored.comments().get(0).created(), "answered as stored");
        assertTrue(store.find(site, "p1").isPresent());
        assertNull(replyStance(store, site, "r2"), "the look that would have found it failed");
        assertEquals(1, new ReplySweep(ingestion, store, Clock.systemUTC()).sweep(), "the sweep reads it");
        assertNotNull(replyStance(store, site, "r2"));
    }

    /** A bug in the second look (the stance model's, here) is logged; the call, stored, is not made a 500 by it. */
    @Test
    void aBugInTheSecondLookLeavesTheCallStored() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        StanceModel model = Fakes.stance();
        org.mockito.Mockito.doThrow(new IllegalStateException("the model's bug")).when(model).replyStance(anyString(), anyString());
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(model),
                store, new ObjectMapper(), Clock.systemUTC());
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Submission parent = new Submission("p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null, null, null,
                null, null);
        Submission reply = new Submission("r2", "a", "Syria", "No, a terrible idea.", 2, "p1", null, null, null, null, null, null, null);
        Ingestion.Stored stored = ingestion.submit(List.of(parent), site, false,
                (Ingestion.WorkCharge) (scored, comments, readings) -> ingestion.submit(List.of(reply), site));
        assertTrue(stored.comments().get(0).created(), "answered as stored");
        assertNull(replyStance(store, site, "r2"));
    }

    /** A reply stored before its parent, naming it by id from another article, as a parent is found by its id alone. */
    @Test
    void aReplyInAnotherArticleIsReadWhenTheParentItNamesByIdComes() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(List.of(new Submission("b/r2", "b", "Syria, day two", "No, a terrible idea.", 2, "a/p1", null, null, null,
                null, null, null, null)), site);
        assertNull(replyStance(store, site, "b/r2"));
        ingestion.submit(List.of(new Submission("a/p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null,
                null, null, null, null)), site);
        assertNotNull(replyStance(store, site, "b/r2"), "read when its parent came, in its own article");
    }

    /**
     * A seventh penetration test (sixty-fifth session): a parent read every stored reply in one turn, and each new comment
     * of a reply-bearing number loaded them all again, those read before too. A look reads at most fifty (a call looks
     * twice, before its commit and after), and the store gives only those without a reply stance.
     */
    @Test
    void aLookReadsAtMostFiftyStoredRepliesAndNoneReadBefore() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        List<Submission> replies = new ArrayList<>();
        for (int i = 1; i <= 120; i++)
            replies.add(new Submission("r" + i, "a", "Syria", "No, a terrible idea, " + i + ".", 200 + i, null, 1, null, null, null,
                    null, null, null));
        ingestion.submit(replies, site);
        ingestion.submit(List.of(new Submission("p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null, null, null,
                null, null)), site);
        int read = 0;
        for (int i = 1; i <= 120; i++) if (replyStance(store, site, "r" + i) != null) read++;
        assertEquals(2 * Ingestion.MOST_STORED_REPLIES, read, "the most a look reads, before the commit and after");
        assertEquals(120 - read, store.repliesTo(site, "a", List.of("none"), List.of(1), 1_000).size(), "only those unread are loaded");
        assertEquals(3, store.repliesTo(site, "a", List.of("none"), List.of(1), 3).size(), "and at most as many as asked");
    }

    /**
     * By number, a reply's parent is the first stored comment of that number: a later comment reusing the number is not
     * it, and does not read the replies to it against itself (a seventh penetration test, sixty-fifth session).
     */
    @Test
    void aCommentReusingANumberIsNotTheParentOfTheRepliesToIt() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        // Stored with no stance model serving: neither has a reply stance.
        new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), null, store, new ObjectMapper(), Clock.systemUTC())
                .submit(List.of(new Submission("p1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null, null, null,
                                null, null),
                        new Submission("r2", "a", "Syria", "No, a terrible idea.", 2, null, 1, null, null, null, null, null, null)), site);
        Ingestion ingestion = withFakeModels(store);
        ingestion.submit(List.of(new Submission("q1", "a", "Syria", "Number one again.", 1, null, null, null, null, null, null,
                null, null)), site);
        assertNull(replyStance(store, site, "r2"), "q1 is not its parent: p1, stored first, is");
        assertEquals(java.util.Map.of(1, CommentStore.key(site, "p1")), store.firstOfNumbers(site, "a", List.of(1, 7)));
    }

    /** A target named "replyStance" is no reply stance: a filter on the stance's text took it for one. */
    @Test
    void aTargetNamedReplyStanceIsNoReplyStance() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(List.of(new Submission("c2", "a", "Syria", "No, a terrible idea.", 2, "c1", null, null, null, null, null,
                List.of("replyStance"), null)), site);
        assertNull(replyStance(store, site, "c2"));
        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "We should bomb them now.", 1, null, null, null, null,
                null, null, null, null)), site);
        assertNotNull(replyStance(store, site, "c2"), "read when its parent came");
    }

    private static String replyStance(CommentStore store, String site, String id) throws Exception {
        String stance = store.find(site, id).orElseThrow().stanceJson();
        return stance == null ? null : new ObjectMapper().readTree(stance).path("replyStance").isMissingNode() ? null
                : new ObjectMapper().readTree(stance).get("replyStance").toString();
    }

    /** Ingestion into {@code store} with the fake toxicity scorer and stance model, on the system clock. */
    private static Ingestion withFakeModels(CommentStore store) {
        return new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(Fakes.stance()),
                store, new ObjectMapper(), Clock.systemUTC());
    }

    private static List<Submission> thread(int comments, List<String> targets) {
        List<Submission> out = new ArrayList<>();
        for (int i = 1; i <= comments; i++)
            out.add(new Submission("t/" + i, "t", "Syria", (i == 1 ? "x".repeat(5_000) + " bomb" : "Fine, comment " + i), i,
                    null, null, null, null, null, null, targets, null));
        return out;
    }

    /** The targets of a comment's stored stance, in order. */
    private static List<String> storedTargets(CommentStore store, String site, String id) throws Exception {
        List<String> out = new ArrayList<>();
        for (var s : new ObjectMapper().readTree(store.find(site, id).orElseThrow().stanceJson()).path("stance"))
            out.add(s.get("target").asText());
        return out;
    }

    /**
     * known-gaps (thirty-ninth session): a stored thread sent again with other targets was answered as stored. Its stored
     * comments are read against the targets they lack, and only those, in a turn that holds what that stance weighs
     * (core.ScoringWork.stance: the text three times and a unit a target), paid for as the caller's stance; the toxicity
     * is not read again. The same targets again read nothing and take no turn.
     */
    @Test
    void aStoredCommentIsReadOnlyAgainstTheTargetsItLacksInATurnThatHoldsTheirWeight() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        ScoringGate gate = new ScoringGate(1, 100, 0, java.time.Duration.ofMinutes(5));
        ScoringGate batchGate = new ScoringGate(1, 100, 0, java.time.Duration.ofMinutes(5));
        StanceModel fake = Fakes.stance(), model = Fakes.stance();
        List<String> reads = new ArrayList<>();
        org.mockito.Mockito.doAnswer(call -> {
            reads.add(call.<List<String>>getArgument(1) + " " + gate.unitsHeld() + "/" + batchGate.unitsHeld());
            return fake.stance(call.<String>getArgument(0), call.<List<String>>getArgument(1));
        }).when(model).stance(anyString(), anyList());
        org.parley.score.Scorer scorer = Fakes.scorer();
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(scorer, "v1")), () -> Fakes.served(model),
                store, new ObjectMapper(), Clock.systemUTC(), gate, batchGate);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        List<String> paid = new ArrayList<>();

        ingestion.submit(thread(2, List.of("Syria")), site, true, (comments, readings) -> paid.add(comments + "/" + readings));
        StoredComment was = store.find(site, "t/1").orElseThrow();
        reads.clear();
        org.mockito.Mockito.clearInvocations(scorer);
        Ingestion.Stored again = ingestion.submit(thread(2, List.of(" SYRIA", "military action", "the vote")), site, true,
                (comments, readings) -> paid.add(comments + "/" + readings));

        // 5,005 characters: 3 units, 9 for the stance and 2 for the targets; "Fine, comment 2": 3 + 2.
        assertEquals(List.of("[military action, the vote] 0/16", "[military action, the vote] 0/16"), reads);
        assertEquals(List.of("2/2", "2/4"), paid, "two comments read against one target, then against two each");
        verify(scorer, org.mockito.Mockito.never()).score(anyList());
        assertEquals(java.util.Set.of("military action", "the vote"), again.read());
        assertEquals(List.of("Syria", "military action", "the vote"), storedTargets(store, site, "t/1"));
        StoredComment now = store.find(site, "t/1").orElseThrow();
        assertEquals(List.of(was.version(), was.updatedAt(), was.status(), was.risk()), List.of(now.version(), now.updatedAt(), now.status(), now.risk()));
        assertTrue(java.util.Arrays.equals(was.scores(), now.scores()));

        reads.clear();
        Ingestion.Stored same = ingestion.submit(thread(2, List.of("the vote", "Syria")), site, true,
                (comments, readings) -> paid.add(comments + "/" + readings));
        assertEquals(List.of(), reads, "nothing to read");
        assertEquals(2, paid.size(), "and no turn to pay for");
        assertEquals(java.util.Set.of(), same.read());
    }

    /** A target read by a bundle reloaded since the comment was stored names that bundle: the comment's names another. */
    @Test
    void aTargetReadByAnotherBundleNamesItsOwn() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        java.util.concurrent.atomic.AtomicReference<org.parley.service.core.ServedStance> serving =
                new java.util.concurrent.atomic.AtomicReference<>(Fakes.served(Fakes.stance()));
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), serving::get, store,
                new ObjectMapper(), Clock.systemUTC());
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(thread(1, List.of("Syria")), site, true, (c, r) -> {});
        serving.set(new org.parley.service.core.ServedStance(Fakes.stance(),
                new org.parley.service.api.ScoreResponse.ModelInfo("fake-stance", "2", "stance-checksum-2"),
                Fakes.pipelineSame("fake-stance.zip")));
        ingestion.submit(thread(1, List.of("military action")), site, true, (c, r) -> {});

        var stance = new ObjectMapper().readTree(store.find(site, "t/1").orElseThrow().stanceJson());
        assertEquals("1", stance.at("/stanceModel/version").asText(), "the bundle that read the comment first");
        assertTrue(stance.at("/stance/0/stanceModel").isMissingNode(), stance.toString());
        assertEquals("2", stance.at("/stance/1/stanceModel/version").asText(), stance.toString());
    }

    /**
     * Two re-sends of a stored thread with the same new target at once: both read it, and it is stored once. The rows
     * are held locked until both wait for them, so that both have read the stance before either writes.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void ofTwoResendsAtOnceWithANewTargetOneStoresIt(TestDatabases db) throws Exception {
        org.jdbi.v3.core.Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(thread(3, List.of("Syria")), site, true, (c, r) -> {});
        java.util.SortedSet<String> keys = new java.util.TreeSet<>();
        for (int i = 1; i <= 3; i++) keys.add(store.find(site, "t/" + i).orElseThrow().key());
        String blocked = db == TestDatabases.H2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = :holder"
                // PostgreSQL queues the second waiter for a row behind the first: it is blocked by the holder's waiter.
                : "SELECT COUNT(*) FROM pg_stat_activity a WHERE :holder = ANY(pg_blocking_pids(a.pid)) OR EXISTS (SELECT 1"
                + " FROM pg_stat_activity b WHERE :holder = ANY(pg_blocking_pids(b.pid)) AND b.pid = ANY(pg_blocking_pids(a.pid)))";
        String self = db == TestDatabases.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Ingestion.Stored>> both = new ArrayList<>();
        try (org.jdbi.v3.core.Handle holder = jdbi.open()) {
            holder.begin();
            for (String key : keys)
                holder.createQuery("SELECT id FROM comments WHERE id = :key FOR UPDATE").bind("key", key).mapTo(String.class).one();
            int id = holder.createQuery(self).mapTo(Integer.class).one();
            for (int k = 0; k < 2; k++)
                both.add(pool.submit(() -> ingestion.submit(thread(3, List.of("Syria", "military action")), site, true, (c, r) -> {})));
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            try (org.jdbi.v3.core.Handle h = jdbi.open()) {
                while (h.createQuery(blocked).bind("holder", id).mapTo(Integer.class).one() < 2) {
                    assertTrue(System.nanoTime() < deadline, "both re-sends wait for the rows");
                    Thread.sleep(5);
                }
            }
            holder.commit();
        } finally {
            pool.shutdown();
        }
        int stored = 0;
        for (var f : both) {
            Ingestion.Stored r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            if (r.read().contains("military action")) stored++;
            for (CommentStore.Insert c : r.comments())
                assertTrue(c.comment().stanceJson().contains("military action"), "each answers the stance: " + c.comment().stanceJson());
        }
        assertEquals(1, stored, "one of the two stored it, the other found it stored");
        for (int i = 1; i <= 3; i++) assertEquals(List.of("Syria", "military action"), storedTargets(store, site, "t/" + i));
    }

    /**
     * A stored comment erased while its stance on a new target is read: the call is the 409 a retry of an erased comment
     * gets, and stores nothing, the thread's new comment included (the erasure is seen under the row's lock).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentErasedWhileItsNewTargetIsReadMakesTheCallA409ThatStoresNothing(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        StanceModel fake = Fakes.stance(), model = Fakes.stance();
        java.util.concurrent.atomic.AtomicBoolean erase = new java.util.concurrent.atomic.AtomicBoolean();
        org.mockito.Mockito.doAnswer(call -> {
            if (erase.getAndSet(false))
                store.erase(store.find(site, "t/1").orElseThrow().key(), "site", org.parley.service.moderation.Decider.WEBSITE,
                        java.time.Instant.now());
            return fake.stance(call.<String>getArgument(0), call.<List<String>>getArgument(1));
        }).when(model).stance(anyString(), anyList());
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(model),
                store, new ObjectMapper(), Clock.systemUTC());
        ingestion.submit(thread(1, List.of("Syria")), site, true, (c, r) -> {});
        erase.set(true);
        IdTaken refused = assertThrows(IdTaken.class,
                () -> ingestion.submit(thread(2, List.of("Syria", "military action")), site, true, (c, r) -> {}));
        assertEquals(0, refused.index());
        assertEquals(java.util.Optional.empty(), store.find(site, "t/2"), "the thread's new comment is not stored");
        assertTrue(store.find(site, "t/1").orElseThrow().stanceJson() == null
                || !store.find(site, "t/1").orElseThrow().stanceJson().contains("military action"), "nor the erased one's stance");
    }

    /**
     * A thread sent again with new targets after the site withdrew one of its comments: still the 409 naming that
     * comment (its id stays taken), but saying it was erased, where it said "another of this site's comments (other
     * text or article)", which sent the site looking for a clash it never made.
     */
    @Test
    void aThreadSentAgainWithACommentTheSiteErasedIsA409SayingSo() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Ingestion ingestion = withFakeModels(store);
        ingestion.submit(thread(2, List.of("Syria")), site, true, (c, r) -> {});
        store.erase(store.find(site, "t/2").orElseThrow().key(), "site", org.parley.service.moderation.Decider.WEBSITE,
                java.time.Instant.now());
        IdTaken refused = assertThrows(IdTaken.class,
                () -> ingestion.submit(thread(2, List.of("Syria", "Russia")), site, true, (c, r) -> {}));
        assertEquals(1, refused.index());
        assertTrue(refused.getMessage().startsWith("id 't/2' names a comment this site withdrew (erased"), refused.getMessage());

        List<Submission> other = List.of(new Submission("t/1", "t", "Syria", "another text", 1, null, null, null, null, null,
                null, null, null));
        assertTrue(assertThrows(IdTaken.class, () -> ingestion.submit(other, site))
                .getMessage().contains("other text or article"));
    }

    /**
     * A thread whose second comment's key (CommentStore.key) a comment of no site holds as its id, as one stored by an
     * older release may: the IdTaken of the 409 naming comments[1].id, saying why, where the store's IllegalStateException
     * was a 500. Nothing of the thread is stored, the old comment is unchanged, and the thread without it is stored.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentWhoseKeyAnOldCommentHoldsIsAnIdTakenAndNothingIsStored(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Ingestion ingestion = withFakeModels(store);
        String key = CommentStore.key(site, "t/2");
        ingestion.submit(List.of(new Submission(key, "old", "Old", "stored before", 1, null, null, null, null, null, null, null,
                null)), null);

        IdTaken refused = assertThrows(IdTaken.class,
                () -> ingestion.submit(thread(2, null), site));
        assertEquals(1, refused.index());
        assertTrue(refused.getMessage().startsWith("id 't/2' cannot be stored: a comment stored by an older release"),
                refused.getMessage());
        assertTrue(store.find(site, "t/1").isEmpty() && store.find(site, "t/2").isEmpty(), "nothing of the thread stored");
        assertEquals("stored before", store.find(null, key).orElseThrow().text());
        assertEquals(List.of(true), ingestion.submit(thread(1, null), site).stream().map(CommentStore.Insert::created).toList());
    }

    /** As above, for the article: a comment of no site on an article whose id is the site's key of article t. The 409 names the article id. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentWhoseArticlesKeyAnOldArticleHoldsIsAnIdTakenOfItsArticle(TestDatabases db) {
        CommentStore store = new CommentStore(db.migrated(dir));
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Ingestion ingestion = withFakeModels(store);
        ingestion.submit(List.of(new Submission("old", CommentStore.key(site, "t"), "Old", "stored before", 1, null, null, null,
                null, null, null, null, null)), null);

        IdTaken refused = assertThrows(IdTaken.class,
                () -> ingestion.submit(thread(2, null), site));
        assertTrue(refused.article());
        assertEquals(0, refused.index());
        assertTrue(refused.getMessage().startsWith("articleId 't' cannot be stored: an article stored by an older release"),
                refused.getMessage());
        assertTrue(store.find(site, "t/1").isEmpty() && store.find(site, "t/2").isEmpty(), "nothing of the thread stored");
    }

    /**
     * A stored comment holds stance on at most StanceLimits.MAX_TARGETS (10) targets: re-sent with new ones up to
     * exactly 10 in all, they are read and stored; one more is TooManyTargets naming the submission, and nothing is read.
     */
    @Test
    void aStoredCommentTakesNewTargetsUpToTenInAllAndNoMore() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        List<String> ten = new ArrayList<>();
        for (int i = 1; i <= org.parley.stance.StanceLimits.MAX_TARGETS; i++) ten.add("target " + i);

        ingestion.submit(thread(1, ten.subList(0, 4)), site, true, (c, r) -> {});
        ingestion.submit(thread(1, ten), site, true, (c, r) -> {});
        assertEquals(ten, storedTargets(store, site, "t/1"), "six new ones make ten: all read and stored");

        List<Long> paid = new ArrayList<>();
        TooManyTargets refused = assertThrows(TooManyTargets.class,
                () -> ingestion.submit(thread(1, List.of("target 11")), site, true, (c, r) -> paid.add(r)));
        assertEquals(0, refused.index());
        assertTrue(refused.getMessage().startsWith("comment 't/1' holds stance on 10 targets, and these targets would add 1"),
                refused.getMessage());
        assertEquals(List.of(), paid, "refused before the models' turn");
        assertEquals(ten, storedTargets(store, site, "t/1"));
    }

    /** A reply whose parent was stored by an earlier call is read against that parent's text; an erased parent has none. */
    @Test
    void aReplyToAStoredParentIsReadAgainstItsTextUnlessItWasErased() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        StanceModel model = Fakes.stance();
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(model),
                store, new ObjectMapper(), Clock.systemUTC());
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "We should bomb them", 1, null, null, null, null, null, null,
                null, null)), site);
        ingestion.submit(List.of(new Submission("c2", "a", "Syria", "Are you sure?", 2, "c1", null, null, null, null, null,
                null, null)), site);
        verify(model).replyStance("Are you sure?", "We should bomb them");
        assertEquals("QUERY", new ObjectMapper().readTree(store.find(site, "c2").orElseThrow().stanceJson())
                .at("/replyStance/label").asText());

        store.erase(store.find(site, "c1").orElseThrow().key(), "site", org.parley.service.moderation.Decider.WEBSITE,
                java.time.Instant.now());
        ingestion.submit(List.of(new Submission("c3", "a", "Syria", "Really?", 3, "c1", null, null, null, null, null,
                null, null)), site);
        verify(model, times(1)).replyStance(anyString(), anyString());
        assertEquals(null, store.find(site, "c3").orElseThrow().stanceJson(), "no stance: no parent text, no target");
    }

    /** A comment stored with no stance (no target, no parent) and sent again with a target holds stance on it then. */
    @Test
    void aCommentStoredWithoutStanceTakesATargetWhenSentAgain() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = withFakeModels(store);
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        ingestion.submit(thread(1, null), site, true, (c, r) -> {});
        Ingestion.Stored again = ingestion.submit(thread(1, List.of("Syria")), site, true, (c, r) -> {});
        assertEquals(java.util.Set.of("syria"), again.read());
        assertEquals(List.of("Syria"), storedTargets(store, site, "t/1"));
        assertEquals("fake-stance", new ObjectMapper().readTree(store.find(site, "t/1").orElseThrow().stanceJson())
                .at("/stanceModel/name").asText());
    }

    /** Without a stance model nothing is read against targets: a thread's targets are none of them read (/v1/threads' "new"). */
    @Test
    void withoutAStanceModelNoTargetIsRead() {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), null, store,
                new ObjectMapper(), Clock.systemUTC());
        String site = new ApiKey("website-key-1", Role.WEBSITE, 10).site();
        Ingestion.Stored stored = ingestion.submit(thread(2, List.of("Syria")), site, true, (c, r) -> {});
        assertEquals(java.util.Set.of(), stored.read());
        assertEquals(null, store.find(site, "t/1").orElseThrow().stanceJson());
    }
}
