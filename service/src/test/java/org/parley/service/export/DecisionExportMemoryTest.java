package org.parley.service.export;

import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.store.CommentStore;
import org.parley.service.store.Database;
import org.parley.service.store.FeedbackStore;
import org.parley.service.store.TestDatabases;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A reviewer's finding: the export of 400,000 decisions of ~1,000 characters ran out of a 1 GB heap. PostgreSQL's
 * driver read the whole result (no fetch size, autocommit), and the export held every latest decision and every
 * line before writing any. Here 4,000 decisions on comments of the longest text (80 MB of text) are exported by a JVM
 * of 64 MB: it must stream.
 */
class DecisionExportMemoryTest {
    private static final int COMMENTS = 4_000;

    @TempDir Path dir;

    @Test
    void anExportLargerThanTheHeapIsStreamed() throws Exception {
        DataSourceFactory db = TestDatabases.POSTGRESQL.fresh(dir);
        Jdbi jdbi = Jdbi.create(db.getUrl(), db.getUser(), db.getPassword());
        Database.migrate(jdbi);
        // As scripts/lib/retention-fill.sql fills a database: one article, comments a moderator approved.
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, local_id, title, created_at, site) VALUES ('a', 'a', 'bench', now(), 'news.example')");
            h.execute("""
                    INSERT INTO comments (id, local_id, article_id, text, open_reports, toxicity, severe_toxicity, identity_attack, insult,
                        profanity, threat, risk, top_attribute, spans, model_name, model_version, model_checksum, action, status,
                        decided_by, version, created_at, updated_at, site)
                    SELECT 'c-' || i, 'c-' || i, 'a', i || repeat(' a comment at the longest the store keeps', 490), 0, 0.1, 0, 0, 0,
                        0, 0, 0.1, 'TOXICITY', '[]', 'm', 'v1', 'sum', 'REVIEW', 'PUBLISHED', 'MODERATOR', 2, now(), now(), 'news.example'
                    FROM generate_series(1, ?) i""", COMMENTS);
            h.execute("""
                    INSERT INTO decisions (comment_id, version, decision, status, actor, actor_kind, text, scores, model_version,
                        model_checksum, decided_at)
                    SELECT id, 2, 'APPROVE', 'PUBLISHED', 'alice', 'MODERATOR', text, '{}', 'v1', 'sum', now() FROM comments""");
        });
        Path out = dir.resolve("decisions.jsonl");
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(jvm, "-Xmx64m", "-cp", System.getProperty("java.class.path"), Export.class.getName(),
                db.getUrl(), db.getUser(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("export.log").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the export ended");
        String log = Files.readString(dir.resolve("export.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("exported " + COMMENTS + " examples"), log);
        try (var lines = Files.lines(out)) {
            assertEquals(COMMENTS, lines.count());
        }
        assertTrue(Files.size(out) > 64L << 20, "more than the heap was written: " + Files.size(out));
    }

    /** The export alone, in a JVM of the heap the test gives it. */
    static final class Export {
        public static void main(String[] args) throws Exception {
            Jdbi jdbi = Jdbi.create(args[0], args[1], "");
            try (Writer w = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
                System.out.println(new DecisionExport(jdbi).write(w));
            }
        }
    }
}
