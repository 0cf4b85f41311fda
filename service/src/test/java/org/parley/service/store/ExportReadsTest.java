package org.parley.service.store;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleListener;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;
import static org.parley.service.store.CommentStoreTest.comment;
import static org.parley.service.store.CommentStoreTest.key;

/**
 * The export's reads (scripts/export-decisions): each comment's latest moderator decision, and every suggestion, read a
 * chunk at a time, each chunk in its own short transaction. Until the forty-first session each was one transaction held
 * open while the export wrote, which on PostgreSQL held back vacuum for the export's duration.
 */
class ExportReadsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

    @TempDir Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theReadsHoldNoTransactionWhileTheExportWritesAndLeaveWhatIsDecidedMeanwhileToTheNext(TestDatabases db) {
        var f = db.fresh(dir);
        String app = "parley-export-test-" + UUID.randomUUID();  // the reading connections, as pg_stat_activity names them
        Jdbi jdbi = Jdbi.create(db == TestDatabases.POSTGRESQL ? f.getUrl() + "&ApplicationName=" + app : f.getUrl(), f.getUser(), f.getPassword());
        Database.migrate(jdbi);
        Jdbi other = Jdbi.create(f.getUrl(), f.getUser(), f.getPassword());  // another connection: the service at work
        AtomicInteger open = new AtomicInteger();
        jdbi.getConfig(Handles.class).addListener(new HandleListener() {
            @Override
            public void handleCreated(Handle handle) {
                open.incrementAndGet();
            }

            @Override
            public void handleClosed(Handle handle) {
                open.decrementAndGet();
            }
        });
        CommentStore store = new CommentStore(jdbi);
        ExportReads reads = new ExportReads(jdbi);
        FeedbackStore feedback = new FeedbackStore(jdbi);
        for (int i = 1; i <= 5; i++) {
            store.insert(comment("c" + i, "a1", 0.7f, Action.REVIEW), T0);
            store.decide(key("c" + i), Verdict.APPROVE, null, null, "alice", true, 1, T0.plusSeconds(i));
        }
        store.decide(key("c2"), Verdict.REJECT, Reason.INSULT, null, "bob", true, 2, T0.plusSeconds(10));  // revised: bob's is c2's
        for (int i = 1; i <= 5; i++)  // two at each time: the chunks' order is (time, id)
            feedback.append("suggestion " + i, Map.of(Attribute.TOXICITY, 0.0), "website-1", T0.plusSeconds(i / 2));
        List<String> quiet = decisions(reads, 1000), quietFeedback = suggestions(feedback, 1000);
        assertEquals(List.of("c1 alice", "c3 alice", "c4 alice", "c5 alice", "c2 bob"), quiet);
        assertEquals(5, quietFeedback.size());
        assertEquals(quiet, decisions(reads, 2), "read two at a time, the same decisions in the same order");
        assertEquals(quietFeedback, suggestions(feedback, 2), "and the same suggestions");

        List<String> read = new ArrayList<>();
        reads.latestModeratorDecisions(m -> {
            assertEquals(0, open.get(), "no handle, so no transaction, is open while the export writes a line");
            if (db == TestDatabases.POSTGRESQL)
                assertEquals(0, (int) other.withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = :app AND xact_start IS NOT NULL")
                        .bind("app", app).mapTo(Integer.class).one()), "the reading connection is in no transaction");
            if (read.isEmpty()) {  // meanwhile: c5 (in a later chunk) revised, c6 decided
                CommentStore service = new CommentStore(other);
                service.decide(key("c5"), Verdict.REJECT, Reason.THREAT, null, "carol", true, 2, T0.plusSeconds(20));
                service.insert(comment("c6", "a1", 0.7f, Action.REVIEW), T0.plusSeconds(21));
                service.decide(key("c6"), Verdict.APPROVE, null, null, "carol", true, 1, T0.plusSeconds(22));
            }
            read.add(m.decision().commentId() + " " + m.decision().actor());
        }, 2);
        assertEquals(quiet, read, "what was decided during the read is left to the next, c5 as it was at the start");
        assertEquals(List.of("c1 alice", "c3 alice", "c4 alice", "c2 bob", "c5 carol", "c6 carol"), decisions(reads, 2), "the next");

        List<String> suggested = new ArrayList<>();
        feedback.all(s -> {
            assertEquals(0, open.get(), "no transaction is open while the export writes a suggestion");
            if (suggested.isEmpty())
                new FeedbackStore(other).append("suggested meanwhile", Map.of(Attribute.TOXICITY, 1.0), "website-1", T0.plusSeconds(60));
            suggested.add(s.text());
        }, 2);
        assertEquals(quietFeedback, suggested);
    }

    private static List<String> decisions(ExportReads reads, int chunk) {
        List<String> out = new ArrayList<>();
        reads.latestModeratorDecisions(m -> out.add(m.decision().commentId() + " " + m.decision().actor()), chunk);
        return out;
    }

    private static List<String> suggestions(FeedbackStore feedback, int chunk) {
        List<String> out = new ArrayList<>();
        feedback.all(f -> out.add(f.text()), chunk);
        return out;
    }
}
