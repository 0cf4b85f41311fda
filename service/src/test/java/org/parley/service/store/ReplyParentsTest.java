package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link ReplyParents}: the comments a call's replies answer, found in a few statements, are those
 * {@link CommentStore#parent} finds one reply at a time; and the insert's {@link ErasureLocks#lockParents} no longer
 * runs a query for each reply.
 */
class ReplyParentsTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final String SITE = "news.example", OTHER = "blog.example";

    @TempDir Path dir;

    private static NewComment comment(String site, String id, String article, Integer number, String parentId, Integer parentNumber) {
        float[] s = new float[Attribute.COUNT];
        s[Attribute.TOXICITY.ordinal()] = 0.1f;
        return new NewComment(id, article, "Talks stall", number, parentId, parentNumber, "Kamose", "text of " + id,
                parentId == null && parentNumber == null ? null : "a quoted line", null, null, s, Attribute.TOXICITY, "[]", null,
                new StoredComment.ModelRef("parley-toxicity", "v1", "abc123"), Action.PUBLISH, null, null, "[]", site);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void findsTheParentsThatParentFindsOneReplyAtATime(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        // Number 5 on a1 twice, the first stored first; number 6 twice in one call (one time: the tie goes by key).
        store.insert(comment(SITE, "c1", "a1", 5, null, null), T0);
        store.insert(comment(SITE, "c2", "a1", 5, null, null), T0.plusSeconds(1));
        store.insertAll(List.of(comment(SITE, "c3", "a1", 6, null, null), comment(SITE, "c4", "a1", 6, null, null)), T0, (r, i) -> {});
        store.insert(comment(SITE, "c5", "a2", 5, null, null), T0);
        // Another site's c1 (and its own a1, number 5), and a comment stored before sites were kept.
        store.insert(comment(OTHER, "c1", "a1", 5, null, null), T0.minusSeconds(9));
        store.insert(comment(null, "c1", "a1", 5, null, null), T0.minusSeconds(8));

        List<NewComment> replies = new ArrayList<>();
        for (String site : Arrays.asList(SITE, OTHER, null)) {
            replies.add(comment(site, "r-id", "a1", 10, "c1", null));
            replies.add(comment(site, "r-id-number", "a1", 11, "c2", 5));   // the id decides, not the number
            replies.add(comment(site, "r-missing-id", "a1", 12, "c9", null));
            replies.add(comment(site, "r-five", "a1", 13, null, 5));
            replies.add(comment(site, "r-five-again", "a1", 14, null, 5));
            replies.add(comment(site, "r-six", "a1", 15, null, 6));
            replies.add(comment(site, "r-five-a2", "a2", 16, null, 5));
            replies.add(comment(site, "r-missing-number", "a1", 17, null, 7));
            replies.add(comment(site, "r-none", "a1", 18, null, null));
        }

        String[] found = jdbi.withHandle(h -> ReplyParents.keys(h, replies));

        String[] one = jdbi.withHandle(h -> replies.stream().map(c -> CommentStore.parent(h, c.site(), c.articleId(),
                c.parentId(), c.parentNumber()).map(StoredComment::key).orElse(null)).toArray(String[]::new));
        assertArrayEquals(one, found);
        // Not equal by finding nothing: the first of number 5, each site's own c1, and a number's first on a2.
        assertEquals(CommentStore.key(SITE, "c1"), found[0]);
        assertEquals(CommentStore.key(SITE, "c2"), found[1]);
        assertEquals(CommentStore.key(SITE, "c1"), found[3]);
        assertEquals(CommentStore.key(SITE, "c5"), found[6]);
        assertEquals(CommentStore.key(OTHER, "c1"), found[9]);
        assertEquals(CommentStore.key(OTHER, "c1"), found[12]);
        assertEquals("c1", found[18]);
        assertTrue(Set.of(CommentStore.key(SITE, "c3"), CommentStore.key(SITE, "c4")).contains(found[5]), found[5]);
    }

    /**
     * The cost a thread paid (docs/known-gaps.md): one parent query for each reply carrying copies, inside the insert's
     * transaction. Now the lookups are one statement for the ids and one for each article's numbers, then a lock for
     * each parent found.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void lockParentsLooksTheParentsUpInAFewStatementsNotOneForEachReply(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        List<NewComment> parents = new ArrayList<>();
        for (int n = 1; n <= 20; n++) parents.add(comment(SITE, "p" + n, n % 2 == 0 ? "a1" : "a2", n, null, null));
        store.insertAll(parents, T0, (r, i) -> {});
        List<NewComment> replies = new ArrayList<>();
        for (int n = 1; n <= 200; n++) {
            int p = 1 + n % 20;
            String article = p % 2 == 0 ? "a1" : "a2";
            replies.add(comment(SITE, "r" + n, article, 100 + n, n % 3 == 0 ? "p" + p : null, p));
        }

        AtomicInteger statements = new AtomicInteger();
        AtomicInteger locks = new AtomicInteger();
        jdbi.useTransaction(h -> {
            h.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
                @Override
                public void logAfterExecution(StatementContext context) {
                    statements.incrementAndGet();
                    if (context.getRenderedSql().contains("FOR UPDATE")) locks.incrementAndGet();
                }
            });
            ErasureLocks.lockParents(h, replies, List.of());
        });

        assertEquals(20, locks.get(), "each parent locked once");
        // One for the ids, one for each of the two articles' numbers, and the 20 locks; one query a reply made 220.
        assertEquals(3 + 20, statements.get());
    }
}
