package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.RateLimiter;
import org.parley.service.cli.CommitThenBreakDriver;
import org.parley.service.intake.Ingestion;
import org.parley.service.moderation.CommentViews;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.store.CommentStore;
import org.parley.service.store.Database;
import org.parley.service.store.QueueReads;
import org.parley.service.store.TestDatabases;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes whose database goes away once they committed. A resource that read again after its write's transaction
 * committed (a decision's history, a re-sent comment's further quoted comments) answered the 503 of an outage, "the
 * request was most likely not applied", about a write that was applied (docs/known-gaps.md, "commit failures told apart",
 * forty-ninth session). Each write's answer is now built from what its transaction read. The database goes in the JDBC
 * connection right after the request's first commit ({@link CommitThenBreakDriver#goneAfterCommits}: every statement
 * fails from then on), on H2 and PostgreSQL.
 */
class GoneAfterCommitTest {
    private static final ObjectMapper JSON = Fakes.mapper();
    private static final org.parley.stance.StanceModel STANCE = Fakes.stance();
    private static final String SITE = ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site();

    @TempDir
    Path dir;

    /** The moderation resources over a fresh database of {@code db}, which goes away after a commit once {@link #goAfterCommit}. */
    private final class Service implements AutoCloseable {
        final AtomicBoolean gone = new AtomicBoolean();
        final Queue<Boolean> going = new ConcurrentLinkedQueue<>();  // per commit, in turn
        final CommentStore store;
        final ResourceExtension resources;

        Service(TestDatabases db) throws Throwable {
            DataSourceFactory f = db.fresh(dir);
            Database.migrate(Jdbi.create(f.getUrl(), f.getUser(), f.getPassword()));
            // "": every transaction that ran a statement; only those asked for (going) take the database with them.
            Jdbi jdbi = Jdbi.create(() -> CommitThenBreakDriver.goneAfterCommits(DriverManager.getConnection(f.getUrl(), f.getUser(),
                    f.getPassword()), "", () -> Boolean.TRUE.equals(going.poll()), gone));
            store = new CommentStore(jdbi);
            Clock clock = Clock.systemUTC();
            CommentViews views = new CommentViews(JSON);
            Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(STANCE),
                    store, JSON, clock);
            resources = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                    .addResource(new CommentsResource(ingestion, store, views, EscalationRule.ADMINS, clock))
                    .addResource(new ThreadsResource(ingestion, views, 200))
                    .addResource(new QueueResource(store, new QueueReads(jdbi), views, EscalationRule.ADMINS, clock))
                    .build();
            resources.before();
        }

        /** The next commit takes the database away (with it, every statement after). */
        void goAfterCommit() {
            going.add(true);
        }

        /**
         * The answer to {@code method} {@code path} with {@code body}, and whether the database went away under it; then the
         * database back, to read what was stored.
         */
        Answer send(String key, String method, String path, String body) {
            var request = resources.target(path).request().header("Authorization", "Bearer " + key);
            try (Response r = body == null ? request.method(method) : request.method(method, Entity.entity(body, MediaType.APPLICATION_JSON))) {
                return new Answer(r.getStatus(), r.readEntity(JsonNode.class), gone.get());
            } finally {
                going.clear();
                gone.set(false);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                resources.after();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    private record Answer(int status, JsonNode body, boolean wentAway) {}

    private static String comment(String id) {
        return JSON.createObjectNode().put("id", id).put("articleId", "a-1").put("text", "I will kill you").toString();
    }

    /** The decision's 200 with its history, which its transaction read: it was a 503 "most likely not applied". */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDecisionIsAnsweredWithTheHistoryItsTransactionRead(TestDatabases db) throws Throwable {
        try (Service s = new Service(db)) {
            String id = "c-" + UUID.randomUUID();
            assertEquals(201, s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", comment(id)).status());
            s.goAfterCommit();
            Answer decided = s.send(Fakes.MODERATOR_KEY, "POST", "/v1/comments/" + id + "/decision",
                    "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
            assertEquals(200, decided.status(), decided.body().toString());
            assertTrue(decided.wentAway(), "the database went away once it committed");
            assertEquals("PUBLISHED", decided.body().get("status").asText(), decided.body().toString());
            assertEquals(List.of("REVIEW", "APPROVE"), decisions(decided.body().get("history")), "the policy's, and this one");
            assertEquals("PUBLISHED", s.store.find(SITE, id).orElseThrow().status().name(), "applied");
        }
    }

    /**
     * A stored comment sent again with a target it holds no stance on: its stance is written, and the answer's entries
     * of comments it quotes are read in that transaction; they were read once it committed, and the loss a 503.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aCommentSentAgainWithANewTargetIsAnsweredFromItsTransaction(TestDatabases db) throws Throwable {
        try (Service s = new Service(db)) {
            String quoted = "c-" + UUID.randomUUID(), id = "c-" + UUID.randomUUID();
            assertEquals(201, s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", comment(quoted)).status());
            ObjectNode body = (ObjectNode) JSON.readTree(comment(id));
            body.putArray("alsoQuotes").addObject().put("id", quoted).put("text", "I will kill you");
            assertEquals(201, s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", body.toString()).status());
            body.putArray("targets").add("Syria");
            s.goAfterCommit();
            Answer again = s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", body.toString());
            assertEquals(200, again.status(), again.body().toString());
            assertTrue(again.wentAway(), "the database went away once it committed");
            assertTrue(again.body().get("duplicate").asBoolean(), again.body().toString());
            assertEquals("Syria", again.body().at("/stance/0/target").asText(), again.body().toString());
            assertEquals(quoted, again.body().at("/alsoQuotes/0/id").asText(), "the entry stored: " + again.body());
            assertTrue(s.store.find(SITE, id).orElseThrow().stanceJson().contains("Syria"), "applied");
        }
    }

    /** A stored thread sent again with a new comment: the stored ones' entries are read in the insert's transaction. */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aThreadSentAgainWithANewCommentIsAnsweredFromItsTransaction(TestDatabases db) throws Throwable {
        try (Service s = new Service(db)) {
            String id = "t-" + UUID.randomUUID();
            String comments = "{\"id\": \"c1\", \"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"},"
                    + "{\"id\": \"c2\", \"number\": 2, \"text\": \"Both wrong.\", \"alsoQuotes\": [{\"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"}]}";
            String thread = "{\"id\": \"" + id + "\", \"article\": {\"title\": \"T\"}, \"comments\": [" + comments + "]}";
            assertEquals(200, s.send(Fakes.WEBSITE_KEY, "POST", "/v1/threads", thread).status());
            s.goAfterCommit();
            Answer again = s.send(Fakes.WEBSITE_KEY, "POST", "/v1/threads", thread.replace(comments,
                    comments + ", {\"id\": \"c3\", \"number\": 3, \"text\": \"Enough.\"}"));
            assertEquals(200, again.status(), again.body().toString());
            assertTrue(again.wentAway(), "the database went away once it committed");
            assertTrue(again.body().at("/comments/1/duplicate").asBoolean(), again.body().toString());
            assertEquals("Bob", again.body().at("/comments/1/alsoQuotes/0/author").asText(), "the entry stored: " + again.body());
            assertFalse(again.body().at("/comments/2").has("duplicate"), "stored now: " + again.body());
            assertTrue(s.store.find(SITE, id + "/c3").isPresent(), "applied");
        }
    }

    /**
     * The other writes of the moderation store read nothing once they committed (a new comment, a report, a bulk decision,
     * a site's erasure): each is answered as applied, as before; here so that none starts to.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void theOtherWritesAreAnsweredFromTheirTransactions(TestDatabases db) throws Throwable {
        try (Service s = new Service(db)) {
            String id = "c-" + UUID.randomUUID(), other = "c-" + UUID.randomUUID();
            s.goAfterCommit();
            Answer stored = s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", comment(id));
            assertEquals(201, stored.status(), stored.body().toString());
            assertTrue(stored.wentAway(), "the database went away once it committed");
            assertEquals(201, s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments", comment(other)).status());

            s.goAfterCommit();
            Answer reported = s.send(Fakes.WEBSITE_KEY, "POST", "/v1/comments/" + id + "/report", "{\"reason\": \"threat\"}");
            assertEquals(200, reported.status(), reported.body().toString());
            assertTrue(reported.wentAway(), "the database went away once it committed");
            assertEquals(1, reported.body().get("openReports").asInt(), reported.body().toString());

            s.goAfterCommit();
            Answer bulk = s.send(Fakes.MODERATOR_KEY, "POST", "/v1/decisions",
                    "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"" + other + "\", \"expectedVersion\": 1}]}");
            assertEquals(200, bulk.status(), bulk.body().toString());
            assertTrue(bulk.wentAway(), "the database went away once it committed");
            assertEquals(200, bulk.body().at("/results/0/status").asInt(), bulk.body().toString());

            s.goAfterCommit();
            Answer erased = s.send(Fakes.WEBSITE_KEY, "DELETE", "/v1/comments/" + id, null);
            assertEquals(200, erased.status(), erased.body().toString());
            assertTrue(erased.wentAway(), "the database went away once it committed");
            assertEquals("ERASED", erased.body().get("status").asText(), erased.body().toString());
            assertEquals("ERASED", s.store.find(SITE, id).orElseThrow().status().name(), "applied");
        }
    }

    private static List<String> decisions(JsonNode history) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode d : history) out.add(d.get("decision").asText());
        return out;
    }
}
