package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Erasures racing on both databases. A database review (thirty-eighth session): two comments that answer each other,
 * erased at once, deadlocked on PostgreSQL (9 of 20 races a 503), as each erasure locked its comment, then its replies.
 */
class ErasureRaceTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String SITE = "news.example";
    private static final int ROUNDS = 30;

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
}
