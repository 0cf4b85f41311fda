package org.parley.service.tasks;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.label.Attribute;
import org.parley.policy.Action;
import org.parley.service.moderation.NewComment;
import org.parley.service.moderation.StoredComment;
import org.parley.service.store.CommentStore;
import org.parley.service.store.Retention;
import org.parley.service.store.TestDatabases;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** POST /tasks/retention: runs the retention now, answers what it deleted, and counts it in the meters the schedule's runs count in. */
class RetentionTaskTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private final ObjectMapper json = new ObjectMapper();

    @TempDir Path dir;

    private static NewComment comment(String id) {
        return new NewComment(id, "a1", null, null, null, null, null, "text of " + id, null, null, null, new float[Attribute.COUNT],
                Attribute.TOXICITY, "[]", null, new StoredComment.ModelRef("m", "v1", "sum"), Action.PUBLISH, null, null, null, "news.example");
    }

    private JsonNode execute(RetentionTask task) throws Exception {
        StringWriter out = new StringWriter();
        task.execute(Map.of(), new PrintWriter(out));
        return json.readTree(out.toString());
    }

    @Test
    void runsNowAnswersWhatItDeletedAndCountsIt() throws Exception {
        Jdbi jdbi = TestDatabases.H2.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        store.insert(comment("old"), T0);
        store.insert(comment("young"), T0.plus(Duration.ofDays(20)));
        MetricRegistry metrics = new MetricRegistry();
        RetentionTask task = new RetentionTask(new Retention(jdbi, Duration.ofDays(30), Duration.ZERO, 500),
                Clock.fixed(T0.plus(Duration.ofDays(31)), ZoneOffset.UTC), metrics, json);

        JsonNode answer = execute(task);

        assertTrue(answer.get("on").asBoolean());
        assertEquals(1, answer.get("removed").get("comments").asInt(), answer.toString());
        assertEquals(1, answer.get("removed").get("decisions").asInt());
        assertEquals(1, metrics.meter("parley.retention.removed.comments").getCount());
        assertEquals(1, metrics.meter("parley.retention.removed.decisions").getCount());
        assertTrue(store.find("news.example", "old").isEmpty());
        assertTrue(store.find("news.example", "young").isPresent());
        task.run();  // the schedule's way in: nothing more to delete
        assertEquals(1, metrics.meter("parley.retention.removed.comments").getCount());
    }

    /** Each of the four meters counts its own kind, and the run's line says each count and how long it took. */
    @Test
    void eachKindIsCountedInItsOwnMeterAndTheLineSaysTheRun() throws Exception {
        Retention retention = org.mockito.Mockito.mock(Retention.class);
        org.mockito.Mockito.when(retention.on()).thenReturn(true);
        org.mockito.Mockito.when(retention.run(T0)).thenReturn(new Retention.Removed(2, 3, 5, 7, 1));
        MetricRegistry metrics = new MetricRegistry();
        RetentionTask task = new RetentionTask(retention, Clock.fixed(T0, ZoneOffset.UTC), metrics, json);
        try (org.parley.service.LogLines log = org.parley.service.LogLines.of(RetentionTask.class.getName(), ch.qos.logback.classic.Level.INFO)) {
            task.runNow();
            String line = log.next(Duration.ofMinutes(1)).getFormattedMessage();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "retention deleted 2 comments, 3 decisions, 5 reports and 7 suggestions in 1 batches, (\\d+) ms").matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Long.parseLong(m.group(1)) < 60_000, "the run's own milliseconds, not since the JVM began: " + line);
        }
        for (String kind : new String[] {"comments", "decisions", "reports", "suggestions"})
            assertEquals(Map.of("comments", 2L, "decisions", 3L, "reports", 5L, "suggestions", 7L).get(kind),
                    metrics.meter("parley.retention.removed." + kind).getCount(), kind);
    }

    @Test
    void offItSaysSoAndDeletesNothing() throws Exception {
        Jdbi jdbi = TestDatabases.H2.migrated(dir);
        new CommentStore(jdbi).insert(comment("old"), T0);
        RetentionTask task = new RetentionTask(new Retention(jdbi, Duration.ZERO, Duration.ZERO, 500),
                Clock.fixed(T0.plus(Duration.ofDays(10_000)), ZoneOffset.UTC), new MetricRegistry(), json);

        JsonNode answer = execute(task);

        assertFalse(answer.get("on").asBoolean(), answer.toString());
        assertEquals(0, answer.get("removed").get("comments").asInt());
        assertTrue(new CommentStore(jdbi).find("news.example", "old").isPresent());
    }

    /** A run that fails (the database is gone) is logged by the schedule's run(), which must not throw: that would end the schedule. */
    @Test
    void aFailedScheduledRunDoesNotThrow() {
        Jdbi gone = Jdbi.create("jdbc:h2:" + dir.resolve("absent") + ";IFEXISTS=TRUE", "sa", "");
        RetentionTask task = new RetentionTask(new Retention(gone, Duration.ofDays(30), Duration.ZERO, 500),
                Clock.systemUTC(), new MetricRegistry(), json);
        assertDoesNotThrow(task::run);
        assertThrows(RuntimeException.class, task::runNow, "the task's own way in answers the failure");
    }
}
