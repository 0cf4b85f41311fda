package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.AlsoQuoted;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Erasures racing on both databases. A database review (thirty-eighth session): two comments that answer each other,
 * erased at once, deadlocked on PostgreSQL (9 of 20 races a 503), as each erasure locked its comment, then its replies;
 * and a reply stored as its parent was erased kept the erased comment's author and text. The reply races are staged in
 * order (one side's transaction held open until the other waits for it), not left to chance.
 */
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
class ErasureRaceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example";
    private static final int ROUNDS = 30;
    /** 8's quote: 6's words, then 5's after its marker, as import-page writes a comment quoting two others. */
    private static final String QUOTES_5_SECOND = "text of q\n\n5.ann wrote:\n\ntext of p";

    @TempDir Path dir;

    private static NewComment comment(String id, String parentId, String author, String parentAuthor) {
        return new NewComment(id, "a1", "Talks stall", null, parentId, null, author, "text of " + id, "text of " + parentId,
                1, 2, new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null,
                new StoredComment.ModelRef("parley-toxicity", "v1", "abc123"), Action.PUBLISH, null, parentAuthor, null, SITE);
    }

    /**
     * Each round stores two comments that answer each other and erases both at once: by id both (the site's DELETEs),
     * or one by its author (scripts/erase --author) and the other by id. Neither fails, and both are erased with their
     * copies on each other.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void twoCommentsThatAnswerEachOtherErasedAtOnceAreBothErased(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> failures = new ArrayList<>();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String a = "a" + round, b = "b" + round, authorA = "ann" + round;
                store.insert(comment(a, b, authorA, "bo"), T0);
                store.insert(comment(b, a, "bo", authorA), T0);
                CyclicBarrier start = new CyclicBarrier(2);
                boolean byAuthor = round % 2 == 1;
                Callable<Object> first = () -> {
                    start.await();
                    return byAuthor ? store.eraseAuthor(SITE, authorA, "root", Decider.OPERATOR, T0)
                            : store.erase(CommentStore.key(SITE, a), "site-key", Decider.WEBSITE, T0);
                };
                Callable<Object> second = () -> {
                    start.await();
                    return store.erase(CommentStore.key(SITE, b), "site-key", Decider.WEBSITE, T0);
                };
                List<Future<Object>> both = List.of(pool.submit(first), pool.submit(second));
                List<String> wrong = new ArrayList<>();
                for (Future<Object> f : both) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        Throwable root = e.getCause();
                        while (root.getCause() != null) root = root.getCause();
                        wrong.add(root.getMessage().lines().findFirst().orElse(""));
                    }
                }
                for (String id : List.of(a, b)) {
                    Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT status, quote, parent_author, author FROM comments"
                            + " WHERE id = :key").bind("key", CommentStore.key(SITE, id)).mapToMap().one());
                    if (!"ERASED".equals(row.get("status")) || row.get("quote") != null || row.get("parent_author") != null
                            || row.get("author") != null)
                        wrong.add(id + " is " + row);
                }
                if (!wrong.isEmpty()) failures.add("round " + round + ": " + wrong);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures, failures.size() + " of " + ROUNDS + " rounds failed");
    }

    /**
     * A database review (thirty-eighth session): a reply stored while an erasure of its parent was open, after the
     * erasure had read the parent's replies, kept the erased comment's author and text (its quote and parent author).
     * Here the site's DELETE of p is held uncommitted while the reply comes: the insert waits for it, and then stores
     * the reply without them.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyStoredWhileItsParentsErasureIsOpenKeepsNoCopyOfIt(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("p", null, "ann", null), T0);
        var raced = staged(db, jdbi, h -> Erasures.erase(h, List.of(CommentStore.key(SITE, "p")), List.of(), null, "site-key", Decider.WEBSITE, T0),
                () -> store.insert(comment("r", "p", "bo", "ann"), T0));
        assertEquals(Arrays.asList("bo", null, null), copies(jdbi, "r"), "the reply's author, quote and parent author");
        assertTrue(raced.waited(), "the reply's insert waits for the erasure");
    }

    /**
     * As above, the other way round: a reply's insert holds its parent while an erasure of the parent's author (scripts/erase
     * --author) comes, and commits once the erasure waits for it. The erasure, which read the author's comments and
     * their replies before the reply was committed, clears it too.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureThatWaitedForAReplysInsertClearsTheReply(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("p", null, "ann", null), T0);
        Raced<List<StoredComment>> raced = staged(db, jdbi,
                h -> CommentStore.insertAll(h, List.of(comment("r", "p", "bo", "ann")), CommentStore.utc(T0), (r, i) -> {}),
                () -> store.eraseAuthor(SITE, "ann", "root", Decider.OPERATOR, T0));
        assertEquals(List.of("p"), raced.result().stream().map(StoredComment::id).toList());
        assertEquals(Arrays.asList("bo", null, null), copies(jdbi, "r"), "the reply's author, quote and parent author");
        assertTrue(raced.waited(), "the erasure waits for the reply's insert");
    }

    /**
     * An erasure that finds, under its locks, a reply stored while it waited must not lock it then, out of key order: here
     * the erasure of p waits for a moderator's lock on p's reply "older", a reply "later" comes and is committed meanwhile,
     * and another transaction locks "later" and then p, in key order (an insert of replies to both: the keys sort "older",
     * "later", p). Locking "later" after p, the erasure held p while it waited for "later", and the other held "later"
     * while it waited for p: a deadlock, one of them rolled back. It starts again instead, and locks in order.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureThatFindsANewReplyUnderItsLocksStartsAgainInKeyOrder(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        String p = CommentStore.key(SITE, "p"), older = CommentStore.key(SITE, "older"), later = CommentStore.key(SITE, "later");
        assertTrue(older.compareTo(p) < 0 && later.compareTo(p) < 0, "the staging's key order");
        store.insert(comment("p", null, "ann", null), T0);
        store.insert(comment("older", "p", "bo", "ann"), T0);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Handle moderator = jdbi.open(); Handle other = jdbi.open()) {
            moderator.begin();
            moderator.execute("SELECT id FROM comments WHERE id = ? FOR UPDATE", older);
            Future<?> erasure = pool.submit(() -> store.erase(p, "site-key", Decider.WEBSITE, T0));
            assertTrue(db.awaitWaiting(jdbi, moderator, erasure), "the erasure waits for the moderator");
            store.insert(comment("later", "p", "cy", "ann"), T0);
            other.begin();
            other.execute("SELECT id FROM comments WHERE id = ? FOR UPDATE", later);
            moderator.commit();
            assertTrue(db.awaitWaiting(jdbi, other, erasure), "the erasure waits for the other transaction");
            Future<?> lockP = pool.submit(() -> other.execute("SELECT id FROM comments WHERE id = ? FOR UPDATE", p));
            lockP.get();  // p is free: the erasure, waiting for "later", holds none of the rows after it
            other.commit();
            erasure.get();
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Arrays.asList("bo", null, null), copies(jdbi, "older"));
        assertEquals(Arrays.asList("cy", null, null), copies(jdbi, "later"));
    }

    /** A comment with a number, answering one by number: p (5, ann's) and q (6), and r (8) that answers q and quotes p second. */
    private static NewComment numbered(String id, int number, Integer parentNumber, String author, String quote) {
        return new NewComment(id, "a1", "Talks stall", number, null, parentNumber, author, "text of " + id, quote,
                1, 2, new float[Attribute.COUNT], Attribute.TOXICITY, "[]", null,
                new StoredComment.ModelRef("parley-toxicity", "v1", "abc123"), Action.PUBLISH, null, null, null, SITE);
    }

    /**
     * As a reply stored while its parent's erasure is open, one that quotes the erased comment second (its marker and
     * passage further down its quote, forty-sixth session): its insert locks that comment too, waits for the erasure,
     * and stores the quote without its passage.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyQuotingACommentSecondStoredWhileItsErasureIsOpenKeepsNoPassageOfIt(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(numbered("p", 5, null, "ann", null), numbered("q", 6, null, "bo", null)), T0, (r, i) -> {});
        var raced = staged(db, jdbi, h -> Erasures.erase(h, List.of(CommentStore.key(SITE, "p")), List.of(), null, "site-key", Decider.WEBSITE, T0),
                () -> store.insert(numbered("r", 8, 6, "cy", QUOTES_5_SECOND), T0));
        assertEquals(Arrays.asList("cy", "text of q", null), copies(jdbi, "r"), "the reply's author, quote and parent author");
        assertTrue(raced.waited(), "the reply's insert waits for the erasure");
    }

    /** The other way round: an erasure of p that waited for the insert of a reply quoting p second takes the passage out. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureThatWaitedForTheInsertOfAReplyQuotingItSecondTakesItsPassageOut(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(numbered("p", 5, null, "ann", null), numbered("q", 6, null, "bo", null)), T0, (r, i) -> {});
        var raced = staged(db, jdbi, h -> CommentStore.insertAll(h, List.of(numbered("r", 8, 6, "cy", QUOTES_5_SECOND)), CommentStore.utc(T0), (r, i) -> {}),
                () -> store.erase(CommentStore.key(SITE, "p"), "site-key", Decider.WEBSITE, T0));
        assertEquals(Arrays.asList("cy", "text of q", null), copies(jdbi, "r"), "the reply's author, quote and parent author");
        assertTrue(raced.waited(), "the erasure waits for the reply's insert");
    }

    /** 8 answers q and quotes p further down, which only its stored alsoQuotes entry says: no marker in its quote. */
    private static NewComment quotingByEntry() {
        return numbered("r", 8, 6, "cy", "text of q\n\ntext of p")
                .withAlsoQuotes(List.of(new AlsoQuoted(null, 5, "ann", "text of p")));
    }

    /** The reply's quote and its one entry's author and passage. */
    private static List<Object> entryCopies(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT c.quote, q.author, q.passage FROM comments c JOIN comment_quotes q"
                        + " ON q.comment_id = c.id WHERE c.id = :key").bind("key", CommentStore.key(SITE, "r"))
                .map((rs, ctx) -> Arrays.<Object>asList(rs.getString(1), rs.getString(2), rs.getString(3))).one());
    }

    /**
     * As above, for a reply whose stored alsoQuotes names p (forty-seventh session): its insert locks p, waits for the
     * erasure and is stored without p's name and passage, in the entry and in its quote. Before, the insert locked only
     * the comments its quote's markers named, so it stored them.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aReplyWhoseEntryQuotesACommentStoredWhileItsErasureIsOpenKeepsNoCopyOfIt(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(numbered("p", 5, null, "ann", null), numbered("q", 6, null, "bo", null)), T0, (r, i) -> {});
        var raced = staged(db, jdbi, h -> Erasures.erase(h, List.of(CommentStore.key(SITE, "p")), List.of(), null, "site-key", Decider.WEBSITE, T0),
                () -> store.insert(quotingByEntry(), T0));
        assertEquals(Arrays.asList("text of q", null, null), entryCopies(jdbi), "the reply's quote, the entry's author and passage");
        assertTrue(raced.waited(), "the reply's insert waits for the erasure");
    }

    /** The other way round: an erasure of p that waited for the insert of a reply whose entry names p clears it. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void anErasureThatWaitedForTheInsertOfAReplyWhoseEntryQuotesItClearsIt(TestDatabases db) throws Exception {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insertAll(List.of(numbered("p", 5, null, "ann", null), numbered("q", 6, null, "bo", null)), T0, (r, i) -> {});
        var raced = staged(db, jdbi, h -> CommentStore.insertAll(h, List.of(quotingByEntry()), CommentStore.utc(T0), (r, i) -> {}),
                () -> store.erase(CommentStore.key(SITE, "p"), "site-key", Decider.WEBSITE, T0));
        assertEquals(Arrays.asList("text of q", null, null), entryCopies(jdbi), "the reply's quote, the entry's author and passage");
        assertTrue(raced.waited(), "the erasure waits for the reply's insert");
    }

    /** What the second side of a staged race gave back, and whether it waited for the first's open transaction. */
    private record Raced<T>(T result, boolean waited) {}

    /**
     * A race staged in order: {@code first} runs in a transaction held open until {@code second}, on another thread,
     * waits for it (or ends); then the first commits and the second finishes.
     */
    private static <T> Raced<T> staged(TestDatabases db, Jdbi jdbi, Consumer<Handle> first, Callable<T> second) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Handle h = jdbi.open()) {
            h.begin();
            first.accept(h);
            Future<T> other = pool.submit(second);
            boolean waited = db.awaitWaiting(jdbi, h, other);
            h.commit();
            return new Raced<>(other.get(), waited);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Object> copies(Jdbi jdbi, String id) {
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery("SELECT author, quote, parent_author FROM comments WHERE id = :key")
                .bind("key", CommentStore.key(SITE, id)).mapToMap().one());
        return Arrays.asList(row.get("author"), row.get("quote"), row.get("parent_author"));
    }
}
