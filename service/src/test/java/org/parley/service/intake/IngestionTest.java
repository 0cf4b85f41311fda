package org.parley.service.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.Role;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ScoringGate;
import org.parley.service.errors.ApiException;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.service.store.TestDatabases;
import org.parley.stance.StanceModel;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ingestion.submit(thread, new ApiKey("website-key-1", Role.WEBSITE, 10));
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
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
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
        ApiKey site = new ApiKey("website-key-1", Role.WEBSITE, 10);
        ingestion.submit(List.of(
                new Submission("rude", "a", "Title", "That was a rude thing to say, frankly.", 1, null, null, null, null, null, null, null, null),
                new Submission("padded", "a", "Title", "Thanks for the piece. You are a dolt. See you soon.", 2,
                        null, null, null, null, null, null, null, null)), site);

        StoredComment padded = store.find(site.site(), "padded").orElseThrow();
        assertEquals(0.02f, padded.scores()[0], "its own scores are stored as they are");
        assertEquals(0.7f, padded.risk());
        assertEquals(0.55f, store.find(site.site(), "rude").orElseThrow().risk());
        assertEquals(List.of("padded", "rude"), store.queue(Queue.PENDING, CommentStore.Narrowing.NONE, 10, 0, null).comments()
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
        ApiKey site = new ApiKey("website-key-1", Role.WEBSITE, 10);
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
        assertEquals(java.util.Optional.empty(), store.find(site.site(), "c1"), "nothing stored");
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
        ApiKey site = new ApiKey("website-key-1", Role.WEBSITE, 10);

        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "We must not bomb them", 1, null, null, null, null,
                null, null, List.of("military action"), null)), site);
        ingestion.submit(List.of(
                new Submission("c2", "a", "Syria", "Bomb them now", 2, null, null, null, null, null, null,
                        List.of("military action"), null),
                new Submission("c3", "a", "Syria", "Are you sure?", 3, "c2", null, null, null, null, null, null, null)), site);

        // One comment in /v1/score's lane, the thread in the batches': each stance read while its call held a turn.
        assertEquals(List.of("1/0", "0/1", "0/1"), turnsTaken);
        assertTrue(store.find(site.site(), "c3").orElseThrow().stanceJson().contains("replyStance"), "the reply's stance is stored");
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
        ApiKey site = new ApiKey("website-key-1", Role.WEBSITE, 10);

        ingestion.submit(List.of(new Submission("c1", "a", "Syria", "x".repeat(5_000), 1, null, null, null, null,
                null, null, null, null)), site);
        ingestion.submit(List.of(
                new Submission("c2", "a", "Syria", "Bomb them now", 2, null, null, null, null, null, null,
                        List.of("military action", "the vote"), null),
                new Submission("c3", "a", "Syria", "Are you sure?", 3, "c2", null, null, null, null, null, null, null)), site);

        // 5,000 characters: 3 units; then 1 + 3 + 2 for c2 and its targets, 1 + 1 for c3 and its parent, c2.
        assertEquals(List.of("3/0", "0/8"), held.stream().distinct().toList());
    }
}
