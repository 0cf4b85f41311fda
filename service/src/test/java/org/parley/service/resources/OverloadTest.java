package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.score.Scorer;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.RateLimiter;
import org.parley.service.core.CommentScorer;
import org.parley.service.core.ModelHolder;
import org.parley.service.core.ScoringGate;
import org.parley.service.errors.BodySizeLimit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Above capacity (one request scoring at once in each lane, none waiting): every scoring endpoint answers a request
 * that finds no turn with a 503, Retry-After and a JSON body (Google's envelope on /v1alpha1), and still answers bad
 * input with its 4xx, as the body is read and checked before the gate. Without the gate the request would score.
 * Batches and threads have a lane of their own, so a batch that scores for seconds leaves single comments theirs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OverloadTest {
    private static final ObjectMapper JSON = Fakes.mapper();
    private static final ExecutorService THREADS = Executors.newCachedThreadPool();
    /** Texts with "hold" wait here while they are scored. */
    private static volatile CountDownLatch release = new CountDownLatch(0);
    private static final ModelHolder MODELS = Fakes.modelHolder(holdingScorer(), "1");
    private static final ScoringGate GATE = new ScoringGate(1, 0, Duration.ofMinutes(5));
    private static final ScoringGate BATCH_GATE = new ScoringGate(1, 0, Duration.ofMinutes(5));
    private static final ResourceExtension SERVICE = resources(GATE, BATCH_GATE, "overload-test");
    /** A batches' lane of 12 units of work (core.ScoringWork), none waiting: what a batch or thread holds of it is its weight. */
    private static final ScoringGate WEIGHED_LANE = new ScoringGate(1, 12, 0, Duration.ofMinutes(5));
    /** A single comments' lane of 4 units, none waiting. */
    private static final ScoringGate WEIGHED_SINGLE = new ScoringGate(4, 0, Duration.ofMinutes(5));
    private static final ResourceExtension WEIGHED = resources(WEIGHED_SINGLE, WEIGHED_LANE, "overload-test-weighed");

    private static Scorer holdingScorer() {
        Scorer fake = Fakes.scorer();
        Scorer s = mock(Scorer.class);
        when(s.name()).thenReturn("fake");
        when(s.score(anyList())).thenAnswer(call -> {
            List<String> texts = call.getArgument(0);
            if (texts.stream().anyMatch(t -> t.contains("hold"))) release.await();
            return fake.score(texts);
        });
        when(s.scoreVariants(anyList())).thenCallRealMethod();
        when(s.score(anyList(), any(), anyList())).thenCallRealMethod();
        return s;
    }

    private static ResourceExtension resources(ScoringGate gate, ScoringGate batchGate, String feedback) {
        CommentScorer scorer = Fakes.commentScorer(MODELS);
        RateLimiter limiter = new RateLimiter(2, 1000);
        return Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), limiter))
                .addProvider(new BodySizeLimit(Fakes.MAX_BATCH))
                .addResource(new ScoreResource(scorer, JSON, Fakes.MAX_BATCH, Fakes.stanceHolder(Fakes.stance()), Fakes.sentiment(),
                        limiter, gate, batchGate))
                .addResource(new ScoreThreadResource(scorer, Fakes.stanceHolder(Fakes.stance()), Fakes.targets(), Fakes.sentiment(),
                        Fakes.MAX_THREAD, limiter, batchGate))
                .addResource(new PerspectiveResource(MODELS, Fakes.feedback(Path.of("target", feedback)),
                        org.parley.text.Language.standard(), gate))
                .build();
    }

    private static Response post(String path, String body) {
        return post(SERVICE, path, body);
    }

    private static Response post(ResourceExtension service, String path, String body) {
        return service.target(path).queryParam("key", Fakes.WEBSITE_KEY).request().post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    @AfterEach
    void releaseAll() {
        release.countDown();
    }

    /** A request held in its scoring (its text says "hold") until the test's end, and in the gate by the time this returns. */
    private static CompletableFuture<Response> held(ScoringGate gate, String path, String body) throws InterruptedException {
        return held(SERVICE, gate, path, body);
    }

    private static CompletableFuture<Response> held(ResourceExtension service, ScoringGate gate, String path, String body)
            throws InterruptedException {
        release = new CountDownLatch(1);
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> post(service, path, body), THREADS);
        for (int i = 0; gate.unitsHeld() < 1; i++) {  // holding its units, not only admitted
            if (i == 2_000) fail("the held request never got into the gate");
            Thread.sleep(5);
        }
        return held;
    }

    @Test
    void aCommentThatFindsNoTurnIsA503WithRetryAfter() throws Exception {
        CompletableFuture<Response> held = held(GATE, "/v1/score", "{\"comment\": {\"text\": \"hold this one\"}}");

        Response single = post("/v1/score", "{\"comment\": {\"text\": \"You idiot\"}}");
        JsonNode body = JSON.readTree(single.readEntity(String.class));
        assertEquals(503, single.getStatus(), body.toString());
        assertEquals("1", single.getHeaderString("Retry-After"));
        assertEquals(503, body.get("code").asInt());
        assertTrue(body.get("message").asText().startsWith("the service is scoring at capacity"), body.toString());

        Response analyze = post("/v1alpha1/comments:analyze",
                "{\"comment\": {\"text\": \"You idiot\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}");
        JsonNode google = JSON.readTree(analyze.readEntity(String.class));
        assertEquals(503, analyze.getStatus(), google.toString());
        assertEquals("1", analyze.getHeaderString("Retry-After"));
        assertEquals("UNAVAILABLE", google.at("/error/status").asText(), google.toString());

        Response bad = post("/v1/score", "{\"comment\": {\"text\": \"\"}}");
        assertEquals(400, bad.getStatus(), "bad input is refused for what it is, before the gate");

        release.countDown();
        assertEquals(200, held.get().getStatus());
        assertEquals(200, post("/v1/score", "{\"comment\": {\"text\": \"You idiot\"}}").getStatus(), "the turn was given back");
    }

    @Test
    void aBatchOrThreadThatFindsNoTurnIsA503AndSingleCommentsKeepTheirLane() throws Exception {
        CompletableFuture<Response> held = held(BATCH_GATE, "/v1/score/batch",
                "{\"comments\": [{\"comment\": {\"text\": \"hold\"}}, {\"comment\": {\"text\": \"this one\"}}]}");

        Response batch = post("/v1/score/batch", "{\"comments\": [{\"comment\": {\"text\": \"a\"}}, {\"comment\": {\"text\": \"b\"}}]}");
        assertEquals(503, batch.getStatus(), batch.readEntity(String.class));
        assertEquals("1", batch.getHeaderString("Retry-After"));
        Response thread = post("/v1/score/thread", "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"x\"}, "
                + "\"comments\": [{\"id\": \"c1\", \"text\": \"no way\"}]}, \"targets\": [\"the plan\"]}");
        assertEquals(503, thread.getStatus(), thread.readEntity(String.class));
        assertEquals("1", thread.getHeaderString("Retry-After"));

        assertEquals(200, post("/v1/score", "{\"comment\": {\"text\": \"You idiot\"}}").getStatus(),
                "a single comment is not kept waiting by the batch");

        release.countDown();
        assertEquals(200, held.get().getStatus());
    }

    /** A batch of these texts, each a comment. */
    private static String batch(String... texts) {
        StringBuilder b = new StringBuilder("{\"comments\": [");
        for (int i = 0; i < texts.length; i++) b.append(i == 0 ? "" : ", ").append("{\"comment\": {\"text\": \"").append(texts[i]).append("\"}}");
        return b.append("]}").toString();
    }

    /**
     * The overload audit's gap (twenty-eighth session): a batch of 2 short comments and one of long ones each held one
     * turn of the batches' lane, a thread with stance targets one as a batch did. Each holds its weight now: beside a
     * light batch another is scored, beside a heavy one or a thread read against targets it finds no room.
     */
    @Test
    void aHeavyBatchOrAThreadWithTargetsHoldsMoreOfTheLaneThanALightBatch() throws Exception {
        String light = batch("a", "b");  // 2 units
        CompletableFuture<Response> heldLight = held(WEIGHED, WEIGHED_LANE, "/v1/score/batch", batch("hold", "this one"));
        assertEquals(2, WEIGHED_LANE.unitsHeld());
        assertEquals(200, post(WEIGHED, "/v1/score/batch", light).getStatus(), "4 of 12 units");
        release.countDown();
        assertEquals(200, heldLight.get().getStatus());

        String long1 = "x".repeat(10_000), long2 = "y".repeat(10_000);  // 5 units each
        CompletableFuture<Response> heldHeavy = held(WEIGHED, WEIGHED_LANE, "/v1/score/batch", batch("hold", long1, long2));
        assertEquals(11, WEIGHED_LANE.unitsHeld());
        Response refused = post(WEIGHED, "/v1/score/batch", light);
        assertEquals(503, refused.getStatus(), "11 + 2 units: no room beside the heavy batch");
        assertEquals("1", refused.getHeaderString("Retry-After"));
        release.countDown();
        assertEquals(200, heldHeavy.get().getStatus());

        // 2 short comments read against a target: each its text, its encoding (3) and the target, 10 units.
        CompletableFuture<Response> heldThread = held(WEIGHED, WEIGHED_LANE, "/v1/score/thread", "{\"thread\": {\"id\": \"t\", "
                + "\"article\": {\"title\": \"x\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"hold on\"}, {\"id\": \"c2\", "
                + "\"text\": \"no way\"}]}, \"targets\": [\"the plan\"]}");
        assertEquals(10, WEIGHED_LANE.unitsHeld());
        assertEquals(503, post(WEIGHED, "/v1/score/batch", batch("a", "b", "c")).getStatus(), "10 + 3 units");
        release.countDown();
        assertEquals(200, heldThread.get().getStatus());
    }

    /** Single comments, on /v1/score and :analyze, hold a unit per started 2,048 characters of their lane of turns of one unit. */
    @Test
    void aLongCommentHoldsMoreOfItsLaneThanAShortOne() throws Exception {
        CompletableFuture<Response> held = held(WEIGHED, WEIGHED_SINGLE, "/v1/score",
                "{\"comment\": {\"text\": \"hold " + "x".repeat(5_000) + "\"}}");
        assertEquals(3, WEIGHED_SINGLE.unitsHeld());
        String analyze = "{\"comment\": {\"text\": \"%s\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, \"languages\": [\"en\"]}";
        assertEquals(503, post(WEIGHED, "/v1alpha1/comments:analyze", analyze.formatted("y".repeat(3_000))).getStatus(),
                "3 + 2 units");
        assertEquals(200, post(WEIGHED, "/v1alpha1/comments:analyze", analyze.formatted("You idiot")).getStatus(), "3 + 1");
        release.countDown();
        assertEquals(200, held.get().getStatus());
    }

    /** A batch heavier than the whole lane is not refused for its size: it holds the whole lane, alone. */
    @Test
    void aBatchHeavierThanTheLaneIsScoredAlone() {
        String heavy = batch("x".repeat(20_000), "y".repeat(20_000), "z".repeat(20_000));  // 30 units
        assertEquals(200, post(WEIGHED, "/v1/score/batch", heavy).getStatus());
        assertEquals(0, WEIGHED_LANE.unitsHeld());
    }

    /**
     * Known gaps (request costs, forty-sixth session): a thread whose targets are proposed ran NER over its article (0.35-0.8
     * s of a core for 20,000 characters) holding the weight of its comments and 5 targets, a few units of the batches'
     * lane, so any number of such threads ran NER at once. The article read weighs a unit per 200 characters now: beside
     * one such thread in a lane of 200 units, another finds no room, while a thread with its targets given does.
     */
    @Test
    void proposingTargetsHoldsTheLaneForTheArticleNerReads() throws Throwable {
        ScoringGate lane = new ScoringGate(1, 200, 0, Duration.ofMinutes(5));
        CountDownLatch inNer = new CountDownLatch(1), leaveNer = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger heldInNer = new java.util.concurrent.atomic.AtomicInteger();
        org.parley.service.core.ThreadTargets ner = new org.parley.service.core.ThreadTargets(article -> {
            if (calls.incrementAndGet() == 1) {  // the first thread stays in NER until released
                heldInNer.set(lane.unitsHeld());
                inNer.countDown();
                try {
                    leaveNer.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        });
        ResourceExtension service = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                .addResource(new ScoreThreadResource(Fakes.commentScorer(MODELS), Fakes.stanceHolder(Fakes.stance()), ner,
                        Fakes.sentiment(), Fakes.MAX_THREAD, null, lane))
                .build();
        service.before();
        try {
            String article = "{\"title\": \"x\", \"body\": \"" + "word ".repeat(4_000) + "\"}";
            String proposing = "{\"thread\": {\"id\": \"t\", \"article\": " + article
                    + ", \"comments\": [{\"id\": \"c1\", \"text\": \"no way\"}]}, \"spans\": false}";
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(service, "/v1/score/thread", proposing), THREADS);
            assertTrue(inNer.await(1, java.util.concurrent.TimeUnit.MINUTES), "the first thread never reached NER");
            // 20,001 characters read (title and body): 101 units; its comment with 5 targets: 1 + 3 + 5.
            assertEquals(110, heldInNer.get(), "held while NER reads the article");
            assertEquals(110, lane.unitsHeld());

            Response second = post(service, "/v1/score/thread", proposing);
            assertEquals(503, second.getStatus(), "110 + 110 units: no room for a second NER beside the first");
            assertEquals("1", second.getHeaderString("Retry-After"));
            assertTrue(second.readEntity(JsonNode.class).has("message"));
            assertEquals(1, calls.get(), "the second never ran NER");
            String given = proposing.replace("\"spans\": false", "\"targets\": [\"the plan\"], \"spans\": false");
            assertEquals(200, post(service, "/v1/score/thread", given).getStatus(), "given targets read no article: its 5 units fit");
            leaveNer.countDown();
            assertEquals(200, first.get().getStatus());
            assertEquals(0, lane.unitsHeld());
        } finally {
            leaveNer.countDown();
            service.after();
        }
    }
}
