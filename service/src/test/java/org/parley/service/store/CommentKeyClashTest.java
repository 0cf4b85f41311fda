package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.access.Sites;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.NewCommentBuilder;
import org.parley.service.moderation.StoredComment;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Where a new comment's key meets a stored one (PIT on the store, fiftieth session: no test had it), on both databases:
 * two sites' comments of one id, a comment of no site whose id is a site's key, two stores of one comment at once.
 */
class CommentKeyClashTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir Path dir;

    private static NewComment comment(String id, String text, String site) {
        return new NewComment(id, "a1", "Title", 1, null, null, "dana", text, null, null, null,
                new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"),
                Action.PUBLISH, null, null, "[]", site, 0f, List.of());
    }

    private static int count(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Integer.class).one());
    }

    /** Two sites' comment c1 are two comments: each stored, each site's re-send answered with its own, each decided alone. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoSitesCommentsOfOneIdAreTwoCommentsEachAnsweredWithItsOwn(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        StoredComment a = store.insert(comment("c1", "site a's", "site-a"), T0).comment();
        CommentStore.Insert b = store.insert(comment("c1", "site b's", "site-b"), T0);
        assertTrue(b.created(), "another site's id is no hindrance");
        assertNotEquals(a.key(), b.comment().key());

        CommentStore.Insert again = store.insert(comment("c1", "site b's, edited", "site-b"), T0.plusSeconds(1));
        assertFalse(again.created());
        assertEquals(List.of("site-b", "site b's"), List.of(again.comment().site(), again.comment().text()),
                "site-b's own, unchanged (Ingestion tells a retry from a clash by its text)");
        assertInstanceOf(CommentStore.Outcome.Decided.class, store.decide(a.key(), Verdict.REJECT, null, null, "alice", true, 1, T0));
        assertEquals(1, store.find("site-b", "c1").orElseThrow().version(), "site-a's decision is not site-b's");
        assertEquals(List.of(1, 2), List.of(store.history(b.comment().key()).size(), store.history(a.key()).size()));
        assertEquals(List.of("site b's"), store.named("c1", Sites.one("site-b")).stream().map(StoredComment::text).toList());
        assertEquals(2, count(jdbi, "comments"));
    }

    /**
     * A comment of no site (stored before sites were kept) keyed by an id that is a site's key of a comment, as an id sent
     * before ids were checked for '/' may be: that site's comment cannot be stored under it. It is refused as
     * {@link CommentStore.KeyTaken} (a 409 on its id), where it was an IllegalStateException (a 500); the old comment is
     * neither shown nor changed, and a thread holding the new comment stores none of its comments.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSitesCommentWhoseKeyAnOldCommentHoldsIsRefusedAsKeyTakenAndTheOldOneIsLeftAlone(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        String key = CommentStore.key("site-a", "c1");
        StoredComment old = store.insert(comment(key, "stored before", null), T0).comment();
        assertEquals(key, old.key());

        CommentStore.KeyTaken taken = assertThrows(CommentStore.KeyTaken.class,
                () -> store.insert(comment("c1", "site a's", "site-a"), T0));
        assertEquals(0, taken.index());
        assertFalse(taken.article());
        assertEquals("the key of comment 'c1' is a stored comment's id", taken.getMessage());
        List<NewComment> thread = List.of(comment("c0", "site a's first", "site-a"), comment("c1", "site a's", "site-a"));
        assertEquals(1, assertThrows(CommentStore.KeyTaken.class, () -> store.insertAll(thread, T0, (r, i) -> {})).index());

        assertTrue(store.find("site-a", "c1").isEmpty() && store.find("site-a", "c0").isEmpty(), "nothing of site-a's stored");
        assertTrue(store.named(key, Sites.one("site-a")).isEmpty(), "the old comment is not site-a's to see");
        StoredComment now = store.find(null, key).orElseThrow();
        assertEquals(List.of("stored before", 1), List.of(now.text(), now.version()));
        assertEquals(List.of(1, 1), List.of(count(jdbi, "comments"), count(jdbi, "decisions")));
    }

    /** The other way round: a site's comment stored first, a comment of no site whose id is its key is refused, and it is left alone. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSitelessCommentWhoseIdIsASitesKeyIsRefusedAsKeyTaken(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        StoredComment a = store.insert(comment("c1", "site a's", "site-a"), T0).comment();
        assertThrows(CommentStore.KeyTaken.class, () -> store.insert(comment(a.key(), "no site's", null), T0));
        assertTrue(store.find(null, a.key()).isEmpty());
        assertEquals("site a's", store.find("site-a", "c1").orElseThrow().text());
        assertEquals(List.of(1, 1), List.of(count(jdbi, "comments"), count(jdbi, "decisions")));
    }

    /**
     * The same clash on an article: a comment of no site on an article whose id is site-a's key of article a1. Site-a's
     * first comment on a1 is refused as {@link CommentStore.KeyTaken} of its article (a 409 on its article id), where it
     * was an IllegalStateException (a 500); nothing of site-a's is stored and the old article keeps its comment.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aSitesArticleWhoseKeyAnOldArticleHoldsIsRefusedAsKeyTaken(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        String key = CommentStore.key("site-a", "a1");
        store.insert(NewCommentBuilder.from(comment("old", "stored before", null)).articleId(key).articleTitle("Old").build(), T0);

        CommentStore.KeyTaken taken = assertThrows(CommentStore.KeyTaken.class,
                () -> store.insert(comment("c1", "site a's", "site-a"), T0));
        assertTrue(taken.article());
        assertEquals(0, taken.index());
        assertEquals("the key of article 'a1' is a stored article's id", taken.getMessage());
        assertTrue(store.find("site-a", "c1").isEmpty());
        assertEquals(key, store.find(null, "old").orElseThrow().articleId());
        assertEquals(List.of(1, 1), List.of(count(jdbi, "comments"), count(jdbi, "articles")));
    }

    /**
     * Two stores of one comment at once (a retry racing the first, or two calls with one id and other texts): the second
     * waits for the first's uncommitted rows (its article's, then, the article stored, its comment's), then finds them, so
     * the comment is stored once with one decision and the second is answered with the first's comment (Ingestion then
     * answers a retry, or the 409 of an id taken for other text). The first holds its transaction open until the second waits.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoStoresOfOneCommentAtOnceStoreItOnce(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        for (String id : List.of("c1", "c2")) {  // c1 the article's first comment, c2 on the article stored
            CommentStore.Insert r = race(jdbi, db, store, id);
            assertFalse(r.created(), id);
            assertEquals("the first " + id, r.comment().text());
        }
        assertEquals(List.of(2, 2, 1), List.of(count(jdbi, "comments"), count(jdbi, "decisions"), count(jdbi, "articles")));
    }

    /** Stores {@code id} in an open transaction, stores it again from another thread once that waits, and commits the first. */
    private static CommentStore.Insert race(Jdbi jdbi, TestDatabases db, CommentStore store, String id) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<CommentStore.Insert> second;
        try (Handle first = jdbi.open()) {
            first.begin();
            CommentStore.insertAll(first, List.of(comment(id, "the first " + id, "site-a")), CommentStore.utc(T0), (r, i) -> {});
            int holder = first.createQuery(db == TestDatabases.H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()")
                    .mapTo(Integer.class).one();
            second = pool.submit(() -> store.insert(comment(id, "the second " + id, "site-a"), T0.plusSeconds(1)));
            waitForABlockedSession(jdbi, db, holder, second);
            first.commit();
        } finally {
            pool.shutdown();
        }
        return second.get(30, TimeUnit.SECONDS);
    }

    /** Waits until a session waits for what {@code holder}'s open transaction wrote, or {@code second} is done without. */
    private static void waitForABlockedSession(Jdbi jdbi, TestDatabases db, int holder, Future<?> second) throws InterruptedException {
        // H2 names no blocker for an insert that waits on another's uncommitted key: it shows the insert running.
        String blocked = db == TestDatabases.H2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID <> :holder"
                + " AND SESSION_ID <> SESSION_ID() AND EXECUTING_STATEMENT LIKE 'INSERT INTO %'"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE :holder = ANY(pg_blocking_pids(pid))";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Handle h = jdbi.open()) {
            while (h.createQuery(blocked).bind("holder", holder).mapTo(Integer.class).one() < 1) {
                if (second.isDone()) return;  // it did not wait: its answer tells how it failed
                assertTrue(System.nanoTime() < deadline, "the second store waits for the first's row");
                Thread.sleep(5);
            }
        }
    }
}
