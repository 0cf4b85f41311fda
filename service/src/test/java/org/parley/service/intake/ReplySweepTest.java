package org.parley.service.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.Fakes;
import org.parley.service.access.Role;
import org.parley.service.auth.ApiKey;
import org.parley.service.core.ScoringGate;
import org.parley.service.moderation.Submission;
import org.parley.service.store.CommentStore;
import org.parley.service.store.TestDatabases;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replies a call's looks left without a reply stance though their parent is stored (here: stored while no stance
 * bundle served, which leaves them as a refused or failed look does) are read by the sweep.
 */
class ReplySweepTest {
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    private static final String SITE = new ApiKey("website-key-1", Role.WEBSITE, 10).site();

    @TempDir
    Path dir;

    @Test
    void aReplyWhoseParentIsStoredIsReadAndOneWithoutItOrErasedOrOlderThanTheWindowIsNot() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        unread(store, NOW.minus(ReplySweep.WINDOW).minusSeconds(60), List.of(
                comment("old/p", "old", 1, null, null, "We should bomb them now."),
                comment("old/r", "old", 2, "old/p", null, "No, a terrible idea.")));
        unread(store, NOW.minusSeconds(60), List.of(
                comment("p1", "a", 1, null, null, "We should bomb them now."),
                comment("byId", "a", 2, "p1", null, "No, a terrible idea."),
                comment("byNumber", "a", 3, null, 1, "Never."),
                comment("orphan", "a", 4, "p-not-sent", null, "Quite right."),
                comment("gone/p", "a", 5, null, null, "Bomb them."),
                comment("toErased", "a", 6, "gone/p", null, "Certainly not.")));
        store.erase(CommentStore.key(SITE, "gone/p"), "admin", org.parley.service.moderation.Decider.MODERATOR, NOW.minusSeconds(30)).orElseThrow();
        assertNull(replyStance(store, "byId"), "stored unread");

        ReplySweep sweep = new ReplySweep(withFakeModels(store, NOW), store, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(2, sweep.sweep());
        assertNotNull(replyStance(store, "byId"), "by its parent's id");
        assertNotNull(replyStance(store, "byNumber"), "by its parent's number");
        assertNull(replyStance(store, "orphan"), "no parent stored");
        assertNull(replyStance(store, "toErased"), "an erased parent has no text to answer");
        assertNull(replyStance(store, "old/r"), "stored before the window");
        assertEquals(0, sweep.sweep(), "read once");
    }

    /**
     * A run reads {@code pages} pages and the next goes on from where it stopped, then starts again at the window's start:
     * a parent stored meanwhile is met on the next round. Replies whose parent is not stored take no place in a page: read
     * and passed, a site's thousands of replies to comments it never sent (a thread's other pages) made every site's
     * replies wait minutes (a several-instances audit, sixty-fifth session).
     */
    @Test
    void eachRunGoesOnWhereTheLastStoppedPastRepliesWithoutAParentAndAtTheEndStartsARound() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        for (int i = 1; i <= 6; i++)  // before all the others, to comments never sent
            unread(store, NOW.minusSeconds(90 - i), List.of(comment("o" + i, "a", 20 + i, "never-sent-" + i, null, "Quite right, " + i + ".")));
        for (int i = 1; i <= 5; i++)  // one at a time: those stored together go by key, a hash
            unread(store, NOW.minusSeconds(60 - i), List.of(comment("r" + i, "a", 10 + i, "p" + i, null, "No, a terrible idea, " + i + ".")));
        unread(store, NOW.minusSeconds(50), List.of(comment("p2", "a", 2, null, null, "We should bomb them now."),
                comment("p3", "a", 3, null, null, "Bomb them."), comment("p5", "a", 5, null, null, "Bomb them all.")));

        ReplySweep sweep = new ReplySweep(withFakeModels(store, NOW), store, Clock.fixed(NOW, ZoneOffset.UTC), 2, 1);
        assertEquals(2, sweep.sweep(), "r2 and r3: a page of two, past the six without a parent and r1");
        assertNotNull(replyStance(store, "r3"));
        unread(store, NOW.minusSeconds(40), List.of(comment("p1", "a", 1, null, null, "Bomb them.")));
        assertEquals(1, sweep.sweep(), "r5, the window's end");
        assertNull(replyStance(store, "r1"), "its parent came after the run that passed it");
        assertEquals(1, sweep.sweep(), "a new round");
        assertNotNull(replyStance(store, "r1"));
        assertEquals(0, sweep.sweep());
        for (String none : List.of("r4", "o1", "o6")) assertNull(replyStance(store, none), none);
    }

    /**
     * Replies stored by one call share a time, and go by key: pages of two walk all seven, none twice (a code-health
     * audit, sixty-sixth session: with the cursor's time alone the tie was never exercised).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void repliesStoredAtOneTimeAreWalkedByKeyAcrossPages(TestDatabases db) throws Exception {
        CommentStore store = new CommentStore(db.migrated(dir));
        List<Submission> replies = new java.util.ArrayList<>();
        for (int i = 1; i <= 7; i++) replies.add(comment("r" + i, "a", 10 + i, "p1", null, "No, a terrible idea, " + i + "."));
        unread(store, NOW.minusSeconds(60), replies);
        unread(store, NOW.minusSeconds(50), List.of(comment("p1", "a", 1, null, null, "We should bomb them now.")));
        ReplySweep sweep = new ReplySweep(withFakeModels(store, NOW), store, Clock.fixed(NOW, ZoneOffset.UTC), 2, 1);
        List<Integer> runs = new java.util.ArrayList<>();
        for (int run = 0; run < 5; run++) runs.add(sweep.sweep());
        assertEquals(List.of(2, 2, 2, 1, 0), runs);
        for (int i = 1; i <= 7; i++) assertNotNull(replyStance(store, "r" + i), "r" + i);
    }

    /**
     * A reply the model cannot read (its bug) is logged and passed: it held the sweep's page, and every reply after it,
     * run after run for a day (a code-health audit, sixty-sixth session). Without a stance bundle no page is read.
     */
    @Test
    void aReplyThatCannotBeReadIsPassedAndTheOthersAreRead() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        unread(store, NOW.minusSeconds(60), List.of(comment("p1", "a", 1, null, null, "We should bomb them now.")));
        unread(store, NOW.minusSeconds(59), List.of(comment("bad", "a", 2, "p1", null, "The model fails on this one.")));
        unread(store, NOW.minusSeconds(58), List.of(comment("good", "a", 3, "p1", null, "No, a terrible idea.")));
        org.parley.stance.StanceModel model = Fakes.stance();
        org.mockito.Mockito.doThrow(new IllegalStateException("the model's bug")).when(model)
                .replyStance(org.mockito.ArgumentMatchers.eq("The model fails on this one."), org.mockito.ArgumentMatchers.anyString());
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(model),
                store, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        ReplySweep sweep = new ReplySweep(ingestion, store, Clock.fixed(NOW, ZoneOffset.UTC), 1, 5);
        assertEquals(1, sweep.sweep());
        assertNotNull(replyStance(store, "good"), "read past the one that fails");
        assertNull(replyStance(store, "bad"));

        CommentStore watched = org.mockito.Mockito.spy(store);
        ReplySweep none = new ReplySweep(new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), null, watched,
                new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC)), watched, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(0, none.sweep());
        org.mockito.Mockito.verify(watched, org.mockito.Mockito.never()).unreadReplies(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.anyInt());
    }

    /**
     * A several-instances audit (sixty-sixth session): replies stored days before their parent (a thread's older pages),
     * past the 100 its two looks read, were outside the walk's day and never read. The parent's look that stopped at its
     * limit leaves its other replies to the sweep, whatever their age.
     */
    @Test
    void theRepliesPastAParentsLookAreReadWhateverTheirAge() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        repliesToNumberOne(store, 130, NOW.minus(Duration.ofDays(3)));
        Ingestion ingestion = withFakeModels(store, NOW);
        ingestion.submit(List.of(comment("p1", "a", 1, null, null, "We should bomb them now.")), SITE);
        int read = 0;
        for (int i = 1; i <= 130; i++) if (replyStance(store, "r" + i) != null) read++;
        assertEquals(2 * Ingestion.MOST_STORED_REPLIES, read, "the parent's two looks");

        ReplySweep sweep = new ReplySweep(ingestion, store, Clock.fixed(NOW, ZoneOffset.UTC));
        assertEquals(30, sweep.sweep());
        for (int i = 1; i <= 130; i++) assertNotNull(replyStance(store, "r" + i), "r" + i);
        assertTrue(ingestion.capped().isEmpty(), "done with that parent");
        assertEquals(0, sweep.sweep());
    }

    /**
     * A run reads at most its pages of a stopped look's replies and the next goes on; a parent is dropped once its replies
     * are read, or when a page writes none (here its parent was never stored: the call that would have stored it failed).
     */
    @Test
    void theRepliesPastAParentsLookAreReadAPageBudgetARunAndThenLeft() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        repliesToNumberOne(store, 130, NOW.minus(Duration.ofDays(3)));
        unread(store, NOW.minus(Duration.ofDays(3)), List.of(comment("orphan", "b", 2, "never-sent", null, "Quite right.")));
        Ingestion ingestion = withFakeModels(store, NOW);
        ingestion.submit(List.of(comment("p1", "a", 1, null, null, "We should bomb them now.")), SITE);
        Ingestion.StoredParents neverStored = new Ingestion.StoredParents(SITE, "b", java.util.Set.of("never-sent"), java.util.Set.of());
        ingestion.capped().add(neverStored);

        ReplySweep sweep = new ReplySweep(ingestion, store, Clock.fixed(NOW, ZoneOffset.UTC), 10, 2);
        // Two pages a run, whichever parent comes first: the one never stored takes a page that writes none.
        List<Integer> runs = List.of(sweep.sweep(), sweep.sweep(), sweep.sweep(), sweep.sweep());
        assertEquals(30, runs.stream().mapToInt(Integer::intValue).sum(), runs.toString());
        assertTrue(runs.get(0) >= 10 && runs.get(0) <= 20 && runs.get(1) >= 10, "a run's budget, then the next: " + runs);
        assertTrue(ingestion.capped().isEmpty(), "both dropped: one read, one that wrote none");
        assertNull(replyStance(store, "orphan"));
        for (int i = 1; i <= 130; i++) assertNotNull(replyStance(store, "r" + i), "r" + i);
    }

    /** A run refused a turn of the thread lane reads nothing and stops; the next run reads those replies. */
    @Test
    void aRunRefusedATurnLeavesItsRepliesToTheNext() throws Exception {
        CommentStore store = new CommentStore(TestDatabases.H2.migrated(dir));
        unread(store, NOW.minusSeconds(60), List.of(comment("p1", "a", 1, null, null, "We should bomb them now."),
                comment("r2", "a", 2, "p1", null, "No, a terrible idea.")));
        ScoringGate batchGate = new ScoringGate(1, 0, Duration.ofMillis(1));
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")),
                () -> Fakes.served(Fakes.stance()), store, new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC), ScoringGate.open(), batchGate);
        ReplySweep sweep = new ReplySweep(ingestion, store, Clock.fixed(NOW, ZoneOffset.UTC), 1, 5);

        CountDownLatch holding = new CountDownLatch(1), release = new CountDownLatch(1);
        CompletableFuture<Boolean> held = CompletableFuture.supplyAsync(() -> batchGate.run(() -> {
            holding.countDown();
            try {
                return release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertTrue(holding.await(1, TimeUnit.MINUTES));
        sweep.run();  // logged, not thrown: an exception would end the schedule
        assertNull(replyStance(store, "r2"), "refused");
        release.countDown();
        assertTrue(held.get(1, TimeUnit.MINUTES));
        assertEquals(1, sweep.sweep());
        assertNotNull(replyStance(store, "r2"));
    }

    /** {@code count} replies r1… to number 1 of article a, stored at {@code at} without a reply stance. */
    private static void repliesToNumberOne(CommentStore store, int count, Instant at) {
        List<Submission> replies = new java.util.ArrayList<>();
        for (int i = 1; i <= count; i++) replies.add(comment("r" + i, "a", 100 + i, null, 1, "No, a terrible idea, " + i + "."));
        unread(store, at, replies);
    }

    /** Stores {@code comments} at {@code at} with no stance bundle serving: no reply stance is read. */
    private static void unread(CommentStore store, Instant at, List<Submission> comments) {
        new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), null, store, new ObjectMapper(),
                Clock.fixed(at, ZoneOffset.UTC)).submit(comments, SITE);
    }

    private static Ingestion withFakeModels(CommentStore store, Instant now) {
        return new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(Fakes.stance()),
                store, new ObjectMapper(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Submission comment(String id, String article, int number, String parentId, Integer parentNumber, String text) {
        return new Submission(id, article, "Syria", text, number, parentId, parentNumber, null, null, null, null, null, null);
    }

    private static String replyStance(CommentStore store, String id) throws Exception {
        String stance = store.find(SITE, id).orElseThrow().stanceJson();
        return stance == null ? null : new ObjectMapper().readTree(stance).path("replyStance").isMissingNode() ? null
                : new ObjectMapper().readTree(stance).get("replyStance").toString();
    }
}
