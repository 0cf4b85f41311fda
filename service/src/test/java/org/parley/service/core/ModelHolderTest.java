package org.parley.service.core;

import io.prometheus.client.CollectorRegistry;
import org.junit.jupiter.api.Test;
import org.parley.policy.Policy;
import org.parley.service.Fakes;
import org.parley.service.monitoring.PolicyInputs;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

class ModelHolderTest {
    @Test
    void reloadUnderLoadDropsNoRequestAndEveryRequestSeesOneWholeModel() throws Exception {
        AtomicInteger loads = new AtomicInteger();
        ModelHolder holder = new ModelHolder(Fakes.served(Fakes.scorer(), "v0"), p -> {
            sleep(20); // a load takes a while; requests go on meanwhile
            return Fakes.served(Fakes.scorer(), "v" + loads.incrementAndGet());
        });
        CommentScorer scorer = Fakes.commentScorer(holder);
        List<CommentScorer.Input> batch = List.of(
                new CommentScorer.Input("you idiot", Set.of(org.parley.label.Attribute.TOXICITY), true),
                new CommentScorer.Input("fine", Set.of(org.parley.label.Attribute.TOXICITY), true));

        AtomicBoolean stop = new AtomicBoolean();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        AtomicInteger served = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch started = new CountDownLatch(4);
        List<Future<?>> clients = new java.util.ArrayList<>();
        for (int t = 0; t < 4; t++) {
            clients.add(pool.submit(() -> {
                started.countDown();
                while (!stop.get()) {
                    CommentScorer.Result r = scorer.score(batch);
                    assertEquals(2, r.outcomes().size());
                    assertEquals(0.95f, r.outcomes().get(0).probabilities()[0]);
                    assertFalse(r.outcomes().get(0).spans().isEmpty());
                    versionsSeen.add(r.model().info().version());
                    served.incrementAndGet();
                }
                return null;
            }));
        }
        started.await();
        awaitMore(served, 8, clients);
        for (int i = 0; i < 5; i++) holder.reload(Path.of("next.zip"));
        awaitMore(served, 8, clients);
        stop.set(true);
        for (Future<?> f : clients) f.get(10, TimeUnit.SECONDS); // rethrows any failed request
        pool.shutdown();

        assertEquals("v5", holder.current().info().version());
        assertTrue(served.get() > 0);
        assertTrue(versionsSeen.contains("v0"), versionsSeen.toString());
        assertTrue(versionsSeen.size() >= 2, "requests ran across reloads: " + versionsSeen);
    }

    @Test
    void aBundleThatFailsToLoadLeavesTheOldModelServing() {
        ModelHolder holder = new ModelHolder(Fakes.served(Fakes.scorer(), "v0"), p -> {
            throw new IllegalArgumentException("cannot read " + p);
        });
        assertThrows(IllegalArgumentException.class, () -> holder.reload(Path.of("broken.zip")));
        assertEquals("v0", holder.current().info().version());
    }

    /** Each comment's scores and action are counted under the bundle that read it: a reload starts new series. */
    @Test
    void scoresAndActionsAreCountedUnderTheModelThatReadThem() {
        PolicyInputs seen = new PolicyInputs();
        ModelHolder holder = new ModelHolder(Fakes.served(Fakes.scorer(), "v0"), p -> Fakes.served(Fakes.scorer(), "v1"));
        CommentScorer scorer = new CommentScorer(holder, Policy.standard(), Fakes::foreign, 0.5f, seen);
        List<CommentScorer.Input> idiot = List.of(new CommentScorer.Input("you idiot", Set.of(org.parley.label.Attribute.TOXICITY), false));
        scorer.score(idiot);
        holder.reload(Path.of("v1.zip"));
        scorer.score(idiot);
        scorer.score(idiot);

        CollectorRegistry registry = new CollectorRegistry();
        seen.register(registry);
        String[] labels = {"attribute", "model", "le"};
        assertEquals(1.0, registry.getSampleValue("parley_score_count", new String[] {"attribute", "model"}, new String[] {"TOXICITY", "v0"}));
        assertEquals(2.0, registry.getSampleValue("parley_score_count", new String[] {"attribute", "model"}, new String[] {"TOXICITY", "v1"}));
        // the fake scores "idiot" 0.95 (TOXICITY): above the 0.9 edge, at the 0.95 one
        assertEquals(0.0, registry.getSampleValue("parley_score_bucket", labels, new String[] {"TOXICITY", "v1", "0.9"}));
        assertEquals(2.0, registry.getSampleValue("parley_score_bucket", labels, new String[] {"TOXICITY", "v1", "0.95"}));
        assertEquals(2.0, registry.getSampleValue("parley_action_total", new String[] {"action", "model"}, new String[] {"REJECT", "v1"}));
        assertEquals(0.0, registry.getSampleValue("parley_action_total", new String[] {"action", "model"}, new String[] {"PUBLISH", "v1"}));
    }

    /** Waits until n more requests were served, or a client failed (its future then rethrows). */
    private static void awaitMore(AtomicInteger served, int n, List<Future<?>> clients) {
        int target = served.get() + n;
        while (served.get() < target && clients.stream().noneMatch(Future::isDone)) sleep(5);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
