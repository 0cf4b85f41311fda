package org.parley.service.resources;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.RateLimiter;
import org.parley.service.auth.RefusedInBatch;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ModelHolder;
import org.parley.service.errors.BodySizeLimit;
import org.parley.text.Language;

import java.nio.file.Path;
import org.parley.service.store.KeptOpenDatabases;

import static org.junit.jupiter.api.Assertions.*;

/** Through the auth filter: a request's body is charged to its key as it is read; guessing keys is throttled. */
@ExtendWith(DropwizardExtensionsSupport.class)
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class RequestCostTest {
    private static final ModelHolder MODELS = Fakes.modelHolder(Fakes.scorer(), "1");
    // Keys of 1 request/s (10 at once: a test that stalls a second refills a token, not five). One service charges a
    // token per KiB of body, the other allows 3 failed authentications a minute (each its own limiter: the tests' client
    // address is one).
    private static final ResourceExtension CHARGING = resources(new RateLimiter(10, 5, 1024, 0));
    private static final ResourceExtension GUARDED = resources(new RateLimiter(10, 5, 0, 3));
    // Perspective's paths, allowing 3 failed authentications a minute as GUARDED does.
    private static final ResourceExtension PERSPECTIVE_GUARDED = Fakes.builder(Fakes.mapper(),
                    new ApiKeyAuthFilter(ApiKeys.parse("light-key-1:website", 1), new RateLimiter(10, 5, 0, 3)))
            .addResource(new PerspectiveResource(MODELS, Fakes.feedback(Path.of("target", "request-cost-feedback")), Language.standard()))
            .build();
    // The same as a batch's parts reach them (batch.BatchServlet): requests naming one X-Test-Batch carry one
    // RefusedInBatch, as a batch's parts do; 3 failed authentications a minute, a limiter of its own.
    private static final java.util.Map<String, RefusedInBatch> BATCHES = new java.util.concurrent.ConcurrentHashMap<>();
    private static final ResourceExtension PERSPECTIVE_BATCHES = Fakes.builder(Fakes.mapper(),
                    new ApiKeyAuthFilter(ApiKeys.parse("light-key-1:website", 1), new RateLimiter(10, 5, 0, 3)))
            .addProvider(new AsBatchPart())
            .addResource(new PerspectiveResource(MODELS, Fakes.feedback(Path.of("target", "request-cost-feedback")), Language.standard()))
            .build();

    /** Puts the batch that X-Test-Batch names on the request, before the auth filter reads it. */
    @jakarta.ws.rs.container.PreMatching
    public static final class AsBatchPart implements jakarta.ws.rs.container.ContainerRequestFilter {
        @Override
        public void filter(jakarta.ws.rs.container.ContainerRequestContext request) {
            String batch = request.getHeaderString("X-Test-Batch");
            if (batch != null) request.setProperty(RefusedInBatch.ATTRIBUTE, BATCHES.computeIfAbsent(batch, b -> new RefusedInBatch()));
        }
    }

    // A published scorer key of 1,000 requests/s whose visitors (one address each) may send 5 a second.
    private static final ResourceExtension PUBLISHED = published(new RateLimiter(2, 5, 1024, 0, 5));

    private static ResourceExtension published(RateLimiter limiter) {
        return Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("page-key-1:scorer:1000", 5), limiter))
                .addResource(new ScoreThreadResource(Fakes.commentScorer(MODELS), Fakes.stanceHolder(Fakes.stance()), Fakes.targets(),
                        Fakes.sentiment(), 500, limiter))
                .build();
    }

    private static ResourceExtension resources(RateLimiter limiter) {
        return resources(limiter, limiter);
    }

    private static ResourceExtension resources(RateLimiter limiter, RateLimiter threads) {
        CommentScorer scorer = Fakes.commentScorer(MODELS);
        return Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("heavy-key-1:website,light-key-1:website,refused-key-1:website,refused-key-2:website,"
                        + "stance-key-1:website,plain-key-1:website,batch-key-1:website,batch-key-2:website,many-key-1:website,few-key-1:website", 1), limiter))
                .addProvider(new BodySizeLimit(1))
                .addResource(new ScoreResource(scorer, Fakes.mapper(), 10, Fakes.stanceHolder(Fakes.stance()), Fakes.sentiment(), threads))
                .addResource(new ScoreThreadResource(scorer, Fakes.stanceHolder(Fakes.stance()), Fakes.targets(), Fakes.sentiment(), 500, threads))
                .build();
    }

    private static Response score(ResourceExtension service, String key, String text) {
        return service.target("/v1/score").queryParam("key", key).request()
                .post(Entity.entity("{\"comment\": {\"text\": \"" + text + "\"}}", MediaType.APPLICATION_JSON));
    }

    @Test
    void aLongCommentIsAnsweredAndTheKeysNextRequestsWaitForWhatItCost() {
        assertEquals(200, score(CHARGING, "heavy-key-1", "a".repeat(20_000)).getStatus(), "the long comment itself passes");
        Response next = score(CHARGING, "heavy-key-1", "hi");
        assertEquals(429, next.getStatus(), "it cost ~20 requests; the bucket held 10");
        assertNotNull(next.getHeaderString("Retry-After"));
        assertEquals(200, score(CHARGING, "light-key-1", "hi").getStatus(), "another key is not charged");
    }

    /**
     * A website audit: a body the service refuses cost its size all the same (a 39 KB gzip body inflating
     * past the limit left its key 262 s to wait). Refused, it costs at most a full bucket: a burst's wait.
     */
    @Test
    void aRefusedBodyCostsAtMostAFullBucket() {
        long max = new BodySizeLimit(1).maxBytes();  // ~330 tokens' worth (330 s at 1/s); the bucket holds 10 (10 s)
        assertEquals(413, score(CHARGING, "refused-key-1", "a".repeat((int) max)).getStatus());
        Response next = score(CHARGING, "refused-key-1", "hi");
        assertEquals(429, next.getStatus(), "the refusal emptied the bucket");
        assertTrue(Long.parseLong(next.getHeaderString("Retry-After")) <= 10, "a burst's wait, not 330 s: " + next.getHeaderString("Retry-After"));
        assertEquals(400, score(CHARGING, "refused-key-2", "a".repeat(30_000)).getStatus(), "over comment.text's limit");
        next = score(CHARGING, "refused-key-2", "hi");
        assertTrue(next.getStatus() == 200 || Long.parseLong(next.getHeaderString("Retry-After")) <= 10,
                "nor a body that fails its checks: " + next.getStatus() + " " + next.getHeaderString("Retry-After"));
    }

    private static Response thread(String key, int comments, String targets) {
        return thread(CHARGING, key, comments, targets);
    }

    private static Response thread(ResourceExtension service, String key, int comments, String targets) {
        StringBuilder body = new StringBuilder("{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"x\"}, \"comments\": [");
        for (int i = 0; i < comments; i++) body.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"text\": \"no way ").append(i).append("\"}");
        body.append("]}").append(targets == null ? "" : ", \"targets\": " + targets).append(", \"spans\": false}");
        return service.target("/v1/score/thread").queryParam("key", key).request().post(Entity.entity(body.toString(), MediaType.APPLICATION_JSON));
    }

    /**
     * A security audit: 500 comments of a few words and 10 targets, a 30 KiB body, were 7 s of a core's work for
     * 30 tokens, so one key's 100 requests/s kept every core busy. Each comment read against targets costs a token.
     */
    @Test
    void aThreadsStanceCostsATokenPerComment() {
        Response first = thread("stance-key-1", 20, "[\"the war\"]");
        assertEquals(200, first.getStatus(), () -> "the thread itself passes: " + first.readEntity(String.class));
        Response next = score(CHARGING, "stance-key-1", "hi");
        assertEquals(429, next.getStatus(), "20 comments read against a target cost 20 tokens; the bucket held 10");
        assertTrue(Long.parseLong(next.getHeaderString("Retry-After")) >= 2, next.getHeaderString("Retry-After"));
        assertEquals(200, thread("plain-key-1", 3, "[\"the war\"]").getStatus());
        assertEquals(200, score(CHARGING, "plain-key-1", "hi").getStatus(), "3 comments cost 3 tokens: the bucket held 10");
    }

    private static Response batch(String key, int comments, String item) {
        StringBuilder body = new StringBuilder("{\"comments\": [");
        for (int i = 0; i < comments; i++) body.append(i == 0 ? "" : ",").append("{\"comment\": {\"text\": \"no way ").append(i).append("\"}").append(item).append("}");
        return CHARGING.target("/v1/score/batch").queryParam("key", key).request().post(Entity.entity(body.append("]}").toString(), MediaType.APPLICATION_JSON));
    }

    /** The same audit: 100 items of a few words with 10 targets each, 18 KiB, were 2.5 s of CPU for 18 tokens. */
    @Test
    void aBatchItemsStanceCostsATokenEach() {
        assertEquals(200, batch("batch-key-1", 10, ", \"targets\": [\"the war\"]").getStatus());
        assertEquals(429, score(CHARGING, "batch-key-1", "hi").getStatus(), "10 items read against a target cost 10 tokens; the bucket held 10");
        assertEquals(200, batch("batch-key-2", 10, "").getStatus());
        assertEquals(200, score(CHARGING, "batch-key-2", "hi").getStatus(), "without stance a short batch costs its body");
    }

    /**
     * A concurrency review (thirty-seventh session): a batch's stance was charged before its lane admitted it, so a batch
     * the full lane refused (a 503, "send it again") still cost its stance, and its retry waited. Now charged in the turn.
     */
    @Test
    void aBatchTheLaneRefusesCostsNoStance() throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the key's 1/s, a bucket of 10
        org.parley.service.core.ScoringGate lane = new org.parley.service.core.ScoringGate(1, 0, java.time.Duration.ofMillis(100));
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("refused-batch-1:website", 1), limiter))
                .addResource(new ScoreResource(Fakes.commentScorer(MODELS), Fakes.mapper(), 10, Fakes.stanceHolder(Fakes.stance()),
                        Fakes.sentiment(), limiter, org.parley.service.core.ScoringGate.open(), lane))
                .build();
        service.before();
        org.parley.service.core.HeldTurn held = org.parley.service.core.HeldTurn.of(lane);
        try {
            StringBuilder body = new StringBuilder("{\"comments\": [");
            for (int i = 0; i < 10; i++) body.append(i == 0 ? "" : ",").append("{\"comment\": {\"text\": \"no ").append(i).append("\"}, \"targets\": [\"the war\"]}");
            Response refused = service.target("/v1/score/batch").queryParam("key", "refused-batch-1").request()
                    .post(Entity.entity(body.append("]}").toString(), MediaType.APPLICATION_JSON));
            assertEquals(503, refused.getStatus(), () -> refused.readEntity(String.class));
            Response next = service.target("/v1/score").queryParam("key", "refused-batch-1").request()
                    .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.APPLICATION_JSON));
            assertEquals(200, next.getStatus(), "10 items' stance, 10 tokens, would have emptied the bucket of 10");
        } finally {
            held.close();
            service.after();
        }
    }

    /**
     * A /v1/threads call's comments are charged once: in its turn, with their scoring, where it takes one (new comments),
     * else once answered (a re-send found stored, which scores nothing). Charging them again after a turn that paid went
     * unseen before the fifty-fifth session's mutation run: a tenth of a token a comment is too little to tell by a 429.
     */
    @Test
    void aThreadCallsCommentsArePaidOnceInItsTurnOrElseOnceAnswered(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = org.mockito.Mockito.spy(new RateLimiter(10, 5, 1024, 0));
        org.parley.service.intake.Ingestion ingestion = storing(dir);
        ResourceExtension service = threadsService("once-key-1:website:100", limiter, ingestion);
        try {
            assertEquals(200, storeThread(service, "once-key-1", "t12", 20, null).getStatus());
            assertEquals(200, storeThread(service, "once-key-1", "t12", 20, null).getStatus());
            org.mockito.ArgumentCaptor<Long> charged = org.mockito.ArgumentCaptor.forClass(Long.class);
            org.mockito.Mockito.verify(limiter, org.mockito.Mockito.atLeastOnce()).chargeWork(org.mockito.ArgumentMatchers.any(), charged.capture());
            assertEquals(java.util.List.of(RateLimiter.threadCommentTokens(20) + RateLimiter.scoringTokens(20), RateLimiter.threadCommentTokens(20)),
                    charged.getAllValues(), "new: 20 comments' tenth and their scoring, in the turn; sent again: their tenth alone");
        } finally {
            service.after();
        }
    }

    /**
     * A concurrency review (thirty-seventh session): /v1/threads charged its stance before the lane admitted it, so a
     * thread the full lane refused (a 503) still cost its stance, as did a thread sent again, whose stored comments are
     * not scored again. Now charged in the turn, for the comments scored.
     */
    @Test
    void aStoredThreadsStanceIsChargedOnlyForTheCommentsItScores(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the keys' 1/s, a bucket of 10
        org.parley.service.core.ScoringGate lane = new org.parley.service.core.ScoringGate(1, 0, java.time.Duration.ofMillis(100));
        org.parley.service.intake.Ingestion ingestion = new org.parley.service.intake.Ingestion(Fakes.commentScorer(MODELS),
                () -> Fakes.served(Fakes.stance()), new org.parley.service.store.CommentStore(org.parley.service.store.TestDatabases.H2.migrated(dir)),
                Fakes.mapper(), java.time.Clock.systemUTC(), org.parley.service.core.ScoringGate.open(), lane);
        ResourceExtension service = threadsService("refused-thread-1:website,resent-thread-1:website", limiter, ingestion);
        org.parley.service.core.HeldTurn held = org.parley.service.core.HeldTurn.of(lane);
        try {
            Response refused = storeThread(service, "refused-thread-1", "t1", 10, "the war");
            assertEquals(503, refused.getStatus(), () -> refused.readEntity(String.class));
            held.close();
            Response next = storeThread(service, "refused-thread-1", "t2", 1, null);
            assertEquals(200, next.getStatus(), () -> "10 comments' stance, 10 tokens, would have emptied the bucket: " + next.readEntity(String.class));

            // 5 comments against a target: a request, 5 tokens of stance and one of scoring (the body is under a KiB);
            // sent again, a request: 8 of the 10, where charging the re-send's stance too would leave none for t4.
            assertEquals(200, storeThread(service, "resent-thread-1", "t3", 5, "the war").getStatus());
            Response again = storeThread(service, "resent-thread-1", "t3", 5, "the war");
            assertEquals(200, again.getStatus(), () -> "the stored comments come back unscored, at no stance: " + again.readEntity(String.class));
            // 20 comments: twice the bucket's 10 in debt, so that the refill of a slow run (1/s) cannot hide it before t5.
            Response more = storeThread(service, "resent-thread-1", "t4", 20, "the war");
            assertEquals(200, more.getStatus(), () -> "the resent thread cost no stance, so a token is left: " + more.readEntity(String.class));
            assertEquals(429, storeThread(service, "resent-thread-1", "t5", 1, null).getStatus(),
                    "the new comments' stance is charged: 20 tokens of debt");
        } finally {
            held.close();
            service.after();
        }
    }

    /**
     * A stored thread sent again with new targets has its stored comments read against them (known-gaps, thirty-ninth
     * session: they were not): that stance is charged as a new comment's is, a token a comment and a tenth per target.
     */
    @Test
    void aStoredThreadSentAgainWithNewTargetsPaysForTheirStance(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the keys' 1/s, a bucket of 10
        org.parley.service.intake.Ingestion ingestion = storing(dir);
        ResourceExtension service = threadsService("retarget-thread-1:website", limiter, ingestion);
        try {
            // 10 comments, no target: a request, a token once stored and 2 for their scoring (the body is under a KiB). Sent
            // again with a target: a request, the token once stored and 11 tokens of stance, past the bucket of 10
            // (refilled at a token a second), where the calls alone leave 4.
            assertEquals(200, storeThread(service, "retarget-thread-1", "t6", 10, null).getStatus());
            Response retargeted = storeThread(service, "retarget-thread-1", "t6", 10, "the war");
            com.fasterxml.jackson.databind.JsonNode body = retargeted.readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            assertEquals(200, retargeted.getStatus(), body::toString);
            assertEquals("the war", body.at("/comments/9/stance/0/target").asText(), body::toString);
            Response next = storeThread(service, "retarget-thread-1", "t7", 1, null);
            assertEquals(429, next.getStatus(), "the stored comments' stance on the new target is charged");
        } finally {
            service.after();
        }
    }

    /**
     * A penetration test (forty-sixth session): a stored thread sent again is looked up, viewed and answered comment by
     * comment (0.33-0.54 s of a core for 500 comments of a few words with 10 targets), and was charged only its body
     * (17 KB, 18 tokens). Each comment of a call, stored or found stored, now costs a tenth of a token more.
     */
    @Test
    void aStoredThreadSentAgainPaysForEachCommentItAnswers(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the keys' 1/s, a bucket of 10
        org.parley.service.intake.Ingestion ingestion = storing(dir);
        // Two keys of one site: the second finds the first's comments stored, and pays for its own call alone.
        ResourceExtension service = threadsService("storing-key-1:website:site=a.example,resending-key-1:website:site=a.example", limiter, ingestion);
        try {
            assertEquals(200, storeThread(service, "storing-key-1", "t8", 200, null).getStatus());
            // 200 comments found stored, no target: a request, 7 tokens of body (7.8 KiB), which the bucket holds, and 20
            // for the comments answered: 18 s of debt, which no slow machine refills before the next call.
            Response again = storeThread(service, "resending-key-1", "t8", 200, null);
            com.fasterxml.jackson.databind.JsonNode body = again.readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            assertEquals(200, again.getStatus(), body::toString);
            assertTrue(body.at("/comments/199/duplicate").asBoolean(), "answered as stored: " + body.at("/comments/199"));
            Response next = storeThread(service, "resending-key-1", "t9", 1, null);
            assertEquals(429, next.getStatus(), "the 200 comments answered cost 20 tokens beyond the body's 8; the bucket held 10");
        } finally {
            service.after();
        }
    }

    /**
     * Known gaps (request costs, forty-sixth session): a /v1/threads call's tenth of a token a comment was charged once
     * stored, so calls of one key sent together each scored before any had paid for its comments. A call that takes a turn
     * pays them in it now, before the work: while one is still scoring, the key's next call is already the 429.
     */
    @Test
    void aThreadCallThatScoresPaysForItsCommentsBeforeTheWork(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the keys' 1/s, a bucket of 10
        java.util.concurrent.CountDownLatch inScoring = new java.util.concurrent.CountDownLatch(1), release = new java.util.concurrent.CountDownLatch(1);
        org.parley.score.Scorer fake = Fakes.scorer();
        org.parley.score.Scorer holding = org.mockito.Mockito.mock(org.parley.score.Scorer.class);
        org.mockito.Mockito.when(holding.name()).thenReturn("fake");
        org.mockito.Mockito.when(holding.score(org.mockito.ArgumentMatchers.anyList())).thenAnswer(call -> {
            java.util.List<String> texts = call.getArgument(0);
            if (texts.stream().anyMatch(t -> t.contains("hold"))) {
                inScoring.countDown();
                release.await();
            }
            return fake.score(texts);
        });
        org.mockito.Mockito.when(holding.scoreVariants(org.mockito.ArgumentMatchers.anyList())).thenCallRealMethod();
        org.mockito.Mockito.when(holding.score(org.mockito.ArgumentMatchers.anyList(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyList())).thenCallRealMethod();
        org.parley.service.intake.Ingestion ingestion = new org.parley.service.intake.Ingestion(Fakes.commentScorer(Fakes.modelHolder(holding, "1")),
                () -> Fakes.served(Fakes.stance()), new org.parley.service.store.CommentStore(org.parley.service.store.TestDatabases.H2.migrated(dir)),
                Fakes.mapper(), java.time.Clock.systemUTC(), org.parley.service.core.ScoringGate.open(),
                new org.parley.service.core.ScoringGate(1, 1_000, 0, java.time.Duration.ofMinutes(5)));
        ResourceExtension service = threadsService("filling-key-1:website:site=a.example,together-key-1:website:site=a.example", limiter, ingestion);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            assertEquals(200, storeThread(service, "filling-key-1", "t12", 190, null).getStatus());
            // The 190 sent again with a new comment that waits in its scoring: a request, 6 tokens of body (6.9 KiB), and in
            // the turn 19 for the 191 comments (none for 1 comment scored): 16 past the bucket, where before the turn 3 were left.
            StringBuilder body = new StringBuilder("{\"id\": \"t12\", \"article\": {\"title\": \"x\"}, \"comments\": [");
            for (int i = 0; i < 190; i++) body.append("{\"id\": \"c").append(i).append("\", \"text\": \"no way ").append(i).append("\"},");
            String thread = body.append("{\"id\": \"new\", \"text\": \"hold on\"}]}").toString();
            java.util.concurrent.Future<Response> scoring = pool.submit(() -> service.target("/v1/threads").queryParam("key", "together-key-1")
                    .request().post(Entity.entity(thread, MediaType.APPLICATION_JSON)));
            assertTrue(inScoring.await(1, java.util.concurrent.TimeUnit.MINUTES), "the call never reached its scoring");
            Response meanwhile = storeThread(service, "together-key-1", "t13", 1, null);
            assertEquals(429, meanwhile.getStatus(), "the scoring call's 191 comments were paid before its work");
            release.countDown();
            assertEquals(200, scoring.get().getStatus());
        } finally {
            release.countDown();
            pool.shutdownNow();
            service.after();
        }
    }

    private static Response storeThread(ResourceExtension service, String key, String id, int comments, String target) {
        StringBuilder body = new StringBuilder("{\"id\": \"" + id + "\", \"article\": {\"title\": \"x\"}, \"comments\": [");
        for (int i = 0; i < comments; i++) body.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"text\": \"no way ").append(i).append("\"}");
        jakarta.ws.rs.client.WebTarget t = service.target("/v1/threads").queryParam("key", key);
        if (target != null) t = t.queryParam("target", target);
        return t.request().post(Entity.entity(body.append("]}").toString(), MediaType.APPLICATION_JSON));
    }

    /**
     * A batch's comments are paid by its request and bytes. For a few hours of the forty-seventh session each also cost a
     * fifth of a token (a fourth penetration test had reckoned ~2 ms of a core each), until a measurement
     * (scripts/benchmark-price) put 100 comments of a few words at 6-38 ms: two such batches, 4 tokens each, fit a bucket
     * of 10, where at 24 each the second was the 429.
     */
    @Test
    void aBatchOfShortCommentsIsChargedByItsBytesAlone() throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the key's 1/s, a bucket of 10
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("short-batch-1:website", 1), limiter))
                .addResource(new ScoreResource(Fakes.commentScorer(MODELS), Fakes.mapper(), 100,
                        Fakes.stanceHolder(Fakes.stance()), Fakes.sentiment(), limiter))
                .build();
        service.before();
        try {
            // 100 comments of a few words, 3.4 KiB: a request and 3 tokens of body.
            Response first = shortBatch(service, "short-batch-1", 100);
            assertEquals(200, first.getStatus(), () -> first.readEntity(String.class));
            assertEquals(100, first.readEntity(com.fasterxml.jackson.databind.JsonNode.class).at("/results").size());
            Response next = shortBatch(service, "short-batch-1", 100);
            assertEquals(200, next.getStatus(), () -> "8 of the bucket's 10 tokens: " + next.readEntity(String.class));
        } finally {
            service.after();
        }
    }

    /** /v1/threads, started, for {@code keys} (each 1 request a second) charged by {@code limiter}, storing through {@code ingestion}. */
    /** Ingestion with the fake models and stance, storing into a fresh H2 database in {@code dir}. */
    private static org.parley.service.intake.Ingestion storing(java.nio.file.Path dir) {
        return storing(new org.parley.service.store.CommentStore(org.parley.service.store.TestDatabases.H2.migrated(dir)));
    }

    private static org.parley.service.intake.Ingestion storing(org.parley.service.store.CommentStore store) {
        return new org.parley.service.intake.Ingestion(Fakes.commentScorer(MODELS), () -> Fakes.served(Fakes.stance()), store,
                Fakes.mapper(), java.time.Clock.systemUTC());
    }

    private static ResourceExtension threadsService(String keys, RateLimiter limiter, org.parley.service.intake.Ingestion ingestion)
            throws Throwable {
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse(keys, 1), limiter))
                .addResource(new ThreadsResource(ingestion, new org.parley.service.moderation.CommentViews(Fakes.mapper()), 500, limiter))
                .build();
        service.before();
        return service;
    }

    private static Response shortBatch(ResourceExtension service, String key, int comments) {
        StringBuilder body = new StringBuilder("{\"comments\": [");
        for (int i = 0; i < comments; i++) body.append(i == 0 ? "" : ",").append("{\"comment\": {\"text\": \"no way ").append(i).append("\"}}");
        return service.target("/v1/score/batch").queryParam("key", key).request()
                .post(Entity.entity(body.append("]}").toString(), MediaType.APPLICATION_JSON));
    }

    /** The same for /v1/score/thread: a thread's comments are paid by its request and bytes (and NER, which it runs). */
    @Test
    void aScoredThreadsShortCommentsAreChargedByTheirBytesAlone() throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the key's 1/s, a bucket of 10
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("short-thread-1:website", 1), limiter))
                .addResource(new ScoreThreadResource(Fakes.commentScorer(MODELS), Fakes.stanceHolder(Fakes.stance()),
                        new org.parley.service.core.ThreadTargets(article -> java.util.List.of()), Fakes.sentiment(), 500, limiter))
                .build();
        service.before();
        try {
            // 100 comments, 3.5 KiB, NER finding nothing in a title of one character: a request, 3 tokens of body and
            // one of NER; the next call, a request and one of NER.
            Response first = thread(service, "short-thread-1", 100, null);
            assertEquals(200, first.getStatus(), () -> first.readEntity(String.class));
            Response next = thread(service, "short-thread-1", 1, null);
            assertEquals(200, next.getStatus(), () -> "7 of the bucket's 10 tokens: " + next.readEntity(String.class));
        } finally {
            service.after();
        }
    }

    /**
     * The same for /v1/threads, whose comments cost a tenth of a token each once stored: a new one is scored too, a fifth
     * more, in the turn; one found stored is not scored again, and pays the tenth alone. A call refused for the key's
     * rate stores nothing.
     */
    @Test
    void aStoredThreadsNewCommentsPayForTheirScoring(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the key's 1/s, a bucket of 10
        org.parley.service.store.CommentStore store = new org.parley.service.store.CommentStore(org.parley.service.store.TestDatabases.H2.migrated(dir));
        org.parley.service.intake.Ingestion ingestion = storing(store);
        ResourceExtension service = threadsService("new-thread-1:website:site=a.example", limiter, ingestion);
        try {
            // 50 new comments, 1.8 KiB: a request, a token of body and 5 once stored, 7 of the bucket's 10; and 10 for their
            // scoring, 7 past it.
            Response first = storeThread(service, "new-thread-1", "t10", 50, null);
            assertEquals(200, first.getStatus(), () -> first.readEntity(String.class));
            Response next = storeThread(service, "new-thread-1", "t11", 1, null);
            assertEquals(429, next.getStatus(), "the 50 new comments scored cost 10 tokens more");
            assertTrue(next.readEntity(String.class).contains("rate limit"));
            assertTrue(store.find("a.example", "t10/c49").isPresent());
            assertTrue(store.find("a.example", "t11/c0").isEmpty(), "the refused call stored nothing");
        } finally {
            service.after();
        }
    }

    /** Each target adds work to every comment: 10 targets cost a comment 2 tokens (~25 ms of a core a batch item). */
    @Test
    void tenTargetsCostEachCommentASecondToken() {
        String ten = "[\"t0\", \"t1\", \"t2\", \"t3\", \"t4\", \"t5\", \"t6\", \"t7\", \"t8\", \"t9\"]";
        assertEquals(200, batch("many-key-1", 5, ", \"targets\": " + ten).getStatus());
        assertEquals(429, score(CHARGING, "many-key-1", "hi").getStatus(), "5 items with 10 targets cost 10 tokens");
        assertEquals(200, batch("few-key-1", 5, ", \"targets\": [\"t0\"]").getStatus());
        assertEquals(200, score(CHARGING, "few-key-1", "hi").getStatus(), "5 items with 1 target cost 5");
        assertEquals(1000, RateLimiter.stanceTokens(500, 10), "the audit's thread");
        assertEquals(500, RateLimiter.stanceTokens(500, 0), "reply stance alone");
    }

    /**
     * A penetration test (forty-sixth session): proposing targets from an article of 20,000 characters was 0.45-0.8 s of
     * NER for its body's ~20 tokens, and no more when NER found none. The article read is charged whatever it finds: a
     * token per 256 characters. With targets given, NER does not run and nothing is charged for the article.
     */
    @Test
    void proposingTargetsIsChargedForTheArticleReadEvenWhenNoneIsFound() throws Throwable {
        RateLimiter limiter = new RateLimiter(10, 5, 1024, 0);  // with the keys' 1/s, a bucket of 10
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse("ner-key-1:website,given-key-1:website", 1), limiter))
                .addResource(new ScoreThreadResource(Fakes.commentScorer(MODELS), Fakes.stanceHolder(Fakes.stance()),
                        new org.parley.service.core.ThreadTargets(article -> java.util.List.of()), Fakes.sentiment(), 500, limiter))
                .build();
        service.before();
        try {
            // 5,000 characters of article: a request and 4 tokens of body, and 20 of NER (5,001 characters read).
            String article = "{\"title\": \"x\", \"body\": \"" + "word ".repeat(1_000) + "\"}";
            Response proposed = articleThread(service, "ner-key-1", article, null);
            com.fasterxml.jackson.databind.JsonNode body = proposed.readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            assertEquals(200, proposed.getStatus(), body::toString);
            assertEquals(0, body.at("/targets/used").size(), "NER found nothing: " + body);
            String small = "{\"title\": \"x\"}";
            Response next = articleThread(service, "ner-key-1", small, "[\"the war\"]");
            assertEquals(429, next.getStatus(), "the article NER read cost 20 tokens; the bucket held 10");
            assertTrue(Long.parseLong(next.getHeaderString("Retry-After")) >= 5, next.getHeaderString("Retry-After"));
            assertEquals(200, articleThread(service, "given-key-1", article, "[\"the war\"]").getStatus());
            assertEquals(200, articleThread(service, "given-key-1", small, "[\"the war\"]").getStatus(),
                    "with targets given the article is not read: its body and a token of stance");
        } finally {
            service.after();
        }
    }

    private static Response articleThread(ResourceExtension service, String key, String article, String targets) {
        String body = "{\"thread\": {\"id\": \"t\", \"article\": " + article + ", \"comments\": [{\"id\": \"c1\", \"text\": \"no way\"}]}"
                + (targets == null ? "" : ", \"targets\": " + targets) + ", \"spans\": false}";
        return service.target("/v1/score/thread").queryParam("key", key).request().post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    /** On a published key the stance is paid from the bucket that pays for the body: the visitor's, not every reader's. */
    @Test
    void aScorerKeysStanceIsPaidByItsVisitor() {
        Response first = thread(PUBLISHED, "page-key-1", 20, "[\"the war\"]");
        assertEquals(200, first.getStatus(), () -> first.readEntity(String.class));
        Response next = thread(PUBLISHED, "page-key-1", 1, null);
        assertEquals(429, next.getStatus(), "20 comments read against a target cost the visitor 20 tokens; its bucket held 10");
        assertTrue(next.readEntity(String.class).contains("from one address"), "the visitor's bucket, not the key's (2,000 tokens)");
    }

    @Test
    void wrongKeysFromOneAddressAreThrottledBeforeTheyAreChecked() {
        for (int i = 0; i < 3; i++) assertEquals(401, score(GUARDED, "guess-" + i + "-xyz", "hi").getStatus());
        Response blocked = score(GUARDED, "light-key-1", "hi");
        assertEquals(429, blocked.getStatus(), "once over the limit even a right key waits: a guesser must not learn which one is");
        assertNotNull(blocked.getHeaderString("Retry-After"));
        assertTrue(blocked.readEntity(String.class).contains("failed authentications"));
        assertEquals(401, GUARDED.target("/v1/score").request().post(Entity.entity("{}", MediaType.APPLICATION_JSON)).getStatus(),
                "a request with no credential guesses nothing: still the 401 that says what to send");
    }

    /** A wrong key on Perspective's paths is Google's 400, not a 401, and still counts as a failed try. */
    @Test
    void wrongKeysOnPerspectivesPathsAreThrottledToo() {
        for (int i = 0; i < 3; i++) {
            Response wrong = analyze("guess-" + i + "-xyz");
            assertEquals(400, wrong.getStatus());
            assertTrue(wrong.readEntity(String.class).contains("API_KEY_INVALID"));
        }
        Response blocked = analyze("light-key-1");
        assertEquals(429, blocked.getStatus(), "the right key waits here too");
        assertNotNull(blocked.getHeaderString("Retry-After"));
        String body = blocked.readEntity(String.class);
        assertTrue(body.contains("RESOURCE_EXHAUSTED") && body.contains("failed authentications"), body);
    }

    /**
     * The forty-first session's audit: a batch of 100 parts with one wrong key spent its address's 60 tries a minute
     * (60 400s, then 429s) and locked the address's right key out for a minute. A wrong key costs a batch one try
     * however many parts repeat it; each distinct wrong key is a try, in a batch as alone, so guessing stays bounded.
     */
    @Test
    void aBatchSpendsATryForEachDistinctWrongKeyNotForEachPart() {
        for (int i = 0; i < 10; i++) {
            Response wrong = analyze(PERSPECTIVE_BATCHES, "a-sites-stale-key", "one");
            assertEquals(400, wrong.getStatus(), "part " + i);
            assertTrue(wrong.readEntity(String.class).contains("API_KEY_INVALID"));
        }
        assertEquals(200, analyze(PERSPECTIVE_BATCHES, "light-key-1", null).getStatus(), "one try of 3 spent: the right key passes");
        // Three different guesses in another batch: two tries were left.
        assertEquals(400, analyze(PERSPECTIVE_BATCHES, "guess-a", "two").getStatus());
        assertEquals(400, analyze(PERSPECTIVE_BATCHES, "guess-b", "two").getStatus());
        Response blocked = analyze(PERSPECTIVE_BATCHES, "guess-c", "two");
        assertEquals(429, blocked.getStatus(), "a third distinct guess is over the allowance, batched or not");
        assertTrue(blocked.readEntity(String.class).contains("failed authentications"));
        assertEquals(400, analyze(PERSPECTIVE_BATCHES, "guess-a", "two").getStatus(), "a key the batch was refused: refused again");
        assertEquals(429, analyze(PERSPECTIVE_BATCHES, "light-key-1", "two").getStatus(), "the right key waits, in a batch too");
        assertEquals(429, analyze(PERSPECTIVE_BATCHES, "a-sites-stale-key", "three").getStatus(), "another batch tries it afresh");
    }

    private static Response analyze(ResourceExtension service, String key, String batch) {
        var request = service.target("/v1alpha1/comments:analyze").queryParam("key", key).request();
        if (batch != null) request = request.header("X-Test-Batch", batch);
        return request.post(Entity.entity("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", MediaType.APPLICATION_JSON));
    }

    private static Response analyze(String key) {
        return PERSPECTIVE_GUARDED.target("/v1alpha1/comments:analyze").queryParam("key", key).request()
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", MediaType.APPLICATION_JSON));
    }
}
