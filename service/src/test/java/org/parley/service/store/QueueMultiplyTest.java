package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.access.Sites;
import org.parley.service.moderation.Queue;
import org.parley.policy.Action;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code scripts/lib/queue-multiply.sql}, which {@code scripts/benchmark-queue} fills its PostgreSQL store with, run as
 * psql would on a few stored comments: its {@code -v sites=N} spreads the copies over N sites, each copy of its
 * article's site, so that a moderator of one site or of a few reads theirs alone (the benchmark times those reads).
 */
class QueueMultiplyTest {
    private static final Path SCRIPT = Path.of("../scripts/lib/queue-multiply.sql");
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir Path dir;

    @Test
    void sitesSpreadsTheCopiesOverThatManySitesEachOfItsArticlesSite() throws Exception {
        Run run = multiplied(3);
        Map<String, Integer> bySite = run.jdbi.withHandle(h -> bySite(h));
        assertEquals(List.of("bench-2.example", "bench-3.example", CommentStoreTest.SITE), List.copyOf(bySite.keySet()), bySite.toString());
        run.jdbi.useHandle(h -> {
            assertEquals(0, h.createQuery("SELECT COUNT(*) FROM comments c JOIN articles a ON a.id = c.article_id WHERE a.site <> c.site")
                    .mapTo(Integer.class).one(), "a comment of another site than its article's");
            assertEquals(0, h.createQuery("SELECT COUNT(*) FROM comments c JOIN comments p ON p.id = c.parent_id WHERE p.site <> c.site")
                    .mapTo(Integer.class).one(), "a reply of another site than its parent's");
        });
        // What a moderator of one site, and of two, is shown: theirs alone, and every one of theirs.
        CommentStore store = new CommentStore(run.jdbi);
        QueueReads queues = new QueueReads(run.jdbi);
        int two = 0;
        for (String site : List.of("bench-2.example", CommentStoreTest.SITE)) {
            int published = run.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM comments WHERE status = 'PUBLISHED' AND site = ?")
                    .bind(0, site).mapTo(Integer.class).one());
            assertTrue(published > 0, site);
            assertEquals(published, queues.counts(new QueueReads.Narrowing(Sites.one(site), null)).get(Queue.PUBLISHED), site);
            two += published;
        }
        assertEquals(two, queues.counts(new QueueReads.Narrowing(Sites.of(List.of("bench-2.example", CommentStoreTest.SITE)), null))
                .get(Queue.PUBLISHED));
    }

    @Test
    void oneSiteKeepsEveryCopyInTheSeedsSiteAsBeforeTheOption() throws Exception {
        Map<String, Integer> bySite = multiplied(1).jdbi.withHandle(QueueMultiplyTest::bySite);
        assertEquals(List.of(CommentStoreTest.SITE), List.copyOf(bySite.keySet()), bySite.toString());
        assertTrue(bySite.get(CommentStoreTest.SITE) > 8, "copies were made: " + bySite);
    }

    private record Run(Jdbi jdbi) {}

    /**
     * Eight comments of two articles, as the API stores them, multiplied 60 times into 20 articles over {@code sites} sites:
     * 120 placements, so that no site is left without (the script favours a few articles, at random).
     */
    private Run multiplied(int sites) throws IOException, SQLException {
        var factory = TestDatabases.POSTGRESQL.fresh(dir);
        Jdbi jdbi = Jdbi.create(factory.getUrl(), factory.getUser(), factory.getPassword());
        Database.migrate(jdbi);
        CommentStore store = new CommentStore(jdbi);
        for (int i = 0; i < 8; i++)
            store.insert(CommentStoreTest.comment("c" + i, "a" + i % 2, i / 8f, i % 3 == 0 ? Action.REVIEW : Action.PUBLISH), T0.plusSeconds(i));
        // As psql -v copies=60 -v articles=20 -v sites=N -f: its variables set, its \set line psql's alone.
        String sql = Files.readString(SCRIPT).replaceAll("(?m)^\\\\set .*$", "").replaceAll("(?m)^\\s*--.*$", "")
                .replaceAll("(?<!:):copies\\b", "60").replaceAll("(?<!:):articles\\b", "20").replaceAll("(?<!:):sites\\b", String.valueOf(sites));
        assertFalse(sql.matches("(?s).*(?<!:):[a-z]+\\b.*"), "a psql variable the test does not set: " + sql);
        try (Connection c = DriverManager.getConnection(factory.getUrl(), factory.getUser(), factory.getPassword());
             Statement s = c.createStatement()) {
            for (String statement : sql.split(";")) if (!statement.isBlank()) s.execute(statement);
        }
        return new Run(jdbi);
    }

    private static Map<String, Integer> bySite(Handle h) {
        Map<String, Integer> out = new TreeMap<>();
        h.createQuery("SELECT site, COUNT(*) AS n FROM comments GROUP BY site")
                .map((rs, ctx) -> Map.entry(rs.getString("site"), rs.getInt("n"))).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
