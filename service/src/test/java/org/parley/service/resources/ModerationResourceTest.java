package org.parley.service.resources;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.Fakes;
import org.parley.service.LogLines;
import org.parley.service.auth.ApiKey;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.ModeratorSession;
import org.parley.service.auth.RateLimiter;
import org.parley.service.access.Role;
import org.parley.service.auth.SessionCookie;
import org.parley.service.access.Sites;
import org.parley.service.core.CommentScorer;
import org.parley.service.moderation.CommentViews;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.intake.Ingestion;
import org.parley.service.store.AccountStore;
import org.parley.service.store.CommentStore;
import org.parley.service.store.QueueReads;
import org.parley.service.store.KeptOpenDatabases;
import org.parley.service.store.TestDatabases;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.thread.ThreadJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** The moderation API over a fake model and an H2 store: routing, roles, conflicts, sessions, bad input. */
// First: its beforeAll, before Dropwizard's reads the static fields, so that JDBI's URL is kept open
@ExtendWith(KeptOpenDatabases.class) // H2 kept open between handles
@ExtendWith(DropwizardExtensionsSupport.class)
class ModerationResourceTest {
    static final int MAX_THREAD = 200;
    static final String PASSWORD = "correct horse battery";
    static final ObjectMapper JSON = Fakes.mapper();
    static final org.parley.stance.StanceModel STANCE = Fakes.stance();
    static final Jdbi JDBI = TestDatabases.H2.migrated(tempDir());
    static final CommentStore STORE = new CommentStore(JDBI);
    /** Two keys of one site (a rotation's old and new) and a key with no site: its own, as Fakes.WEBSITE_KEY is. */
    static final String SITE_KEY = "site-key-1", SITE_KEY_2 = "site-key-2", OTHER_WEBSITE_KEY = "website-key-2";
    static final String SITE = "news.example";
    /** A moderator key of SITE alone; "sam" is a moderator account of SITE alone. */
    static final String SITE_MODERATOR_KEY = "site-moderator-1";
    /** The scoring-only key SITE publishes in its pages. */
    static final String SITE_PAGE_KEY = "site-page-key-1";
    /** A website key of BLOG; a moderator key of SITE and BLOG; "dana" is a moderator account of the two. */
    static final String BLOG = "blog.example", BLOG_KEY = "blog-key-1", DESK_MODERATOR_KEY = "desk-moderator-1";
    static final AccountStore ACCOUNTS = new AccountStore(JDBI);
    /** OTHER_WEBSITE_KEY's site, an unnamed key's; "kim" is a moderator account of it and BLOG. */
    static final String OTHER_KEY_SITE = new org.parley.service.auth.ApiKey(OTHER_WEBSITE_KEY, Role.WEBSITE, 1).site();

    static final ResourceExtension RESOURCES = build();

    private static ResourceExtension build() {
        Clock clock = Clock.systemUTC();
        ACCOUNTS.put("alice", PASSWORD.toCharArray(), Role.MODERATOR, Instant.now());
        ACCOUNTS.put("wendy", PASSWORD.toCharArray(), Role.WEBSITE, Instant.now());
        ACCOUNTS.put("sam", PASSWORD.toCharArray(), Role.MODERATOR, Sites.one(SITE), Instant.now());
        ACCOUNTS.put("dana", PASSWORD.toCharArray(), Role.MODERATOR, Sites.of(List.of(SITE, BLOG)), Instant.now());
        ACCOUNTS.put("kim", PASSWORD.toCharArray(), Role.MODERATOR, Sites.moderated(List.of(OTHER_KEY_SITE, BLOG)), Instant.now());
        CommentScorer scorer = Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1"));
        Ingestion ingestion = new Ingestion(scorer, () -> Fakes.served(STANCE), STORE, JSON, clock);
        CommentViews views = new CommentViews(JSON);
        return Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS + "," + SITE_KEY + ":website:site=" + SITE
                        + "," + SITE_KEY_2 + ":website:1000:site=" + SITE + "," + OTHER_WEBSITE_KEY + ":website"
                        + "," + SITE_MODERATOR_KEY + ":moderator:site=" + SITE + "," + BLOG_KEY + ":website:site=" + BLOG
                        + "," + DESK_MODERATOR_KEY + ":moderator:site=" + SITE + "|" + BLOG + "," + SITE_PAGE_KEY + ":scorer:site=" + SITE, 1000),
                        token -> ACCOUNTS.session(token, clock.instant())
                                .map(s -> new ModeratorSession(s.account().username(), s.account().role(), s.account().sites(), s.expiresAt())),
                        SessionCookie.PLAIN, new RateLimiter(2, 1000)))
                .addResource(new CommentsResource(ingestion, STORE, views, EscalationRule.ADMINS, clock))
                .addResource(new ThreadsResource(ingestion, views, MAX_THREAD))
                .addResource(new QueueResource(STORE, new QueueReads(JDBI), views, EscalationRule.ADMINS, clock))
                .addResource(new ChangesResource(new org.parley.service.store.SiteChanges(JDBI), clock, Duration.ZERO))
                .addResource(new SessionResource(ACCOUNTS, Duration.ofMinutes(30), SessionCookie.PLAIN, EscalationRule.ADMINS, clock))
                .build();
    }

    /** {@code /v1/comments} alone, started, over {@code store} (a spy that fails where a test needs it), for Fakes.KEYS. */
    private static ResourceExtension commentsOver(CommentStore store) throws Throwable {
        Clock clock = Clock.systemUTC();
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(STANCE),
                store, JSON, clock);
        ResourceExtension service = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                .addResource(new CommentsResource(ingestion, store, new CommentViews(JSON), EscalationRule.ADMINS, clock))
                .build();
        service.before();
        return service;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("parley-moderation-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Invocation.Builder as(String key, String pathAndQuery) {
        String[] parts = pathAndQuery.split("\\?", 2);
        jakarta.ws.rs.client.WebTarget target = RESOURCES.target(parts[0]);
        if (parts.length == 2)
            for (String pair : parts[1].split("&")) target = target.queryParam(pair.split("=", 2)[0], pair.split("=", 2)[1]);
        Invocation.Builder b = target.request();
        return key == null ? b : b.header("Authorization", "Bearer " + key);
    }

    private static Response post(String key, String path, String body) {
        return as(key, path).post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    /** The session token of the account {@code username} (password PASSWORD), logged in through the API. */
    private static String tokenOf(String username) {
        return post(null, "/v1/session", "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}")
                .readEntity(JsonNode.class).get("token").asText();
    }

    /** The decisions on the one comment stored as {@code id}, whichever site's (each test's ids are its own). */
    private static java.util.List<org.parley.service.moderation.DecisionRecord> history(String id) {
        java.util.List<org.parley.service.moderation.StoredComment> named = STORE.named(id, Sites.EVERY);
        assertEquals(1, named.size(), "comments stored as " + id);
        return STORE.history(named.get(0).key());
    }

    private static String unique() {
        return "c-" + UUID.randomUUID();
    }

    private static String submission(String id, String text) {
        ObjectNode n = JSON.createObjectNode().put("id", id).put("articleId", "a-1").put("articleTitle", "Talks stall").put("text", text);
        return n.toString();
    }

    private static JsonNode submit(String id, String text) {
        return submit(Fakes.WEBSITE_KEY, id, text);
    }

    private static JsonNode submit(String key, String id, String text) {
        Response r = post(key, "/v1/comments", submission(id, text));
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals(201, r.getStatus(), body.toString());
        return body;
    }

    @Test
    void submissionsAreScoredStoredAndRoutedByThePolicy() {
        String threat = unique(), insult = unique(), civil = unique();
        JsonNode t = submit(threat, "I will kill you");
        assertEquals("PENDING", t.get("status").asText());
        assertEquals("REVIEW", t.get("action").asText());
        assertEquals(0.8, t.at("/attributes/THREAT/probability").asDouble(), 1e-6);
        assertEquals("fake", t.at("/model/name").asText());
        assertEquals("v1", t.at("/model/version").asText());
        assertEquals(1, t.get("version").asInt());
        assertEquals("REJECTED", submit(insult, "you idiot").get("status").asText());
        assertEquals("PUBLISHED", submit(civil, "Thanks for the article").get("status").asText());

        Response again = post(Fakes.WEBSITE_KEY, "/v1/comments", submission(threat, "I will kill you"));
        JsonNode dup = again.readEntity(JsonNode.class);
        assertEquals(200, again.getStatus());
        assertTrue(dup.get("duplicate").asBoolean());
        assertEquals("I will kill you", dup.get("text").asText(), "the stored comment, not a second one");
        // The same id with another text is a clash, not a retry: refused, and the stored text not shown.
        Response clash = post(Fakes.WEBSITE_KEY, "/v1/comments", submission(threat, "a different text"));
        String clashBody = clash.readEntity(String.class);
        assertEquals(409, clash.getStatus(), clashBody);
        assertTrue(clashBody.contains("\"field\":\"id\""), clashBody);
        assertFalse(clashBody.contains("kill"), clashBody);
        assertEquals(1, history(threat).size());

        JsonNode status = as(Fakes.WEBSITE_KEY, "/v1/comments/" + threat + "/status").get(JsonNode.class);
        assertEquals("PENDING", status.get("status").asText());
    }

    /** A security audit: any website key could read the status of, and report, any site's comment. */
    @Test
    void aSitesKeysShareItsCommentsAndAnotherSiteGetsThe404OfACommentThatDoesNotExist() {
        String id = unique(), missing = unique();
        assertEquals(SITE, submit(SITE_KEY, id, "Thanks for the article").get("site").asText());
        assertEquals("PUBLISHED", as(SITE_KEY_2, "/v1/comments/" + id + "/status").get(JsonNode.class).get("status").asText(),
                "the site's other key");
        assertEquals(1, post(SITE_KEY_2, "/v1/comments/" + id + "/report", "{}").readEntity(JsonNode.class).get("openReports").asInt());

        for (String key : List.of(Fakes.WEBSITE_KEY, OTHER_WEBSITE_KEY)) {
            Response status = as(key, "/v1/comments/" + id + "/status").get(), report = post(key, "/v1/comments/" + id + "/report", "{}");
            String noneStatus = as(key, "/v1/comments/" + missing + "/status").get().readEntity(String.class);
            String noneReport = post(key, "/v1/comments/" + missing + "/report", "{}").readEntity(String.class);
            assertEquals(404, status.getStatus());
            assertEquals(noneStatus.replace(missing, id), status.readEntity(String.class), "not a word more than for no comment");
            assertEquals(404, report.getStatus());
            assertEquals(noneReport.replace(missing, id), report.readEntity(String.class));
        }
        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(1, seen.get("openReports").asInt(), "the other sites' reports were not stored: " + seen);
        assertEquals(2, seen.get("version").asInt());
        assertEquals(SITE, seen.get("site").asText(), "moderators see whose it is");
        assertEquals(200, as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/status").get().getStatus(), "and reach every site's");
        assertEquals(200, post(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/report", "{}").getStatus());
    }

    /**
     * A path id whose escapes are not UTF-8 was decoded with U+FFFD and answered 404 as a comment never stored (an
     * integrator's audit, sixty-third session): a 400 naming the id, on each path that takes one. An id that holds
     * U+FFFD itself, sent as its UTF-8 bytes, is still found.
     */
    @Test
    void aPathIdThatIsNotUtf8Is400AndOneHoldingTheReplacementCharacterIsFound() {
        String id = unique() + "\uFFFD";
        submit(id, "Thanks for the article");
        String sent = id.replace("\uFFFD", "%EF%BF%BD");
        assertEquals("PUBLISHED", as(Fakes.WEBSITE_KEY, "/v1/comments/" + sent + "/status").get(JsonNode.class).get("status").asText());
        for (String bad : List.of("a%C3%28", "a%FF", "%ED%A0%80", "a%C3", "%C0%AF")) {
            List<Response> answers = List.of(as(Fakes.WEBSITE_KEY, "/v1/comments/" + bad + "/status").get(),
                    as(Fakes.MODERATOR_KEY, "/v1/comments/" + bad).get(),
                    post(Fakes.MODERATOR_KEY, "/v1/comments/" + bad + "/decision", "{\"decision\": \"APPROVE\"}"),
                    post(Fakes.WEBSITE_KEY, "/v1/comments/" + bad + "/report", "{}"),
                    as(Fakes.WEBSITE_KEY, "/v1/comments/" + bad).delete());
            for (Response r : answers) {
                JsonNode body = r.readEntity(JsonNode.class);
                assertEquals(400, r.getStatus(), bad + ": " + body);
                assertEquals("id", body.get("field").asText(), body.toString());
            }
        }
        assertEquals(401, as(null, "/v1/comments/a%FF/status").get().getStatus(), "the key is checked first");
    }

    /**
     * A stance integrator's third review (sixty-fourth session): ?target= refused a U+FFFD sent as its UTF-8 bytes as
     * "not UTF-8", a phrase /v1/score's targets take; the escapes, not the decoded phrase, tell bytes that are not UTF-8.
     */
    @Test
    void aTargetHoldingTheReplacementCharacterAsItsBytesIsTakenAndBytesThatAreNotUtf8AreNot() {
        ObjectNode t = JSON.createObjectNode();
        t.put("id", unique());
        t.putObject("article").put("title", "Talks");
        t.putArray("comments").addObject().put("id", "c1").put("text", "The talks must go on.");
        Response taken = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria%EF%BF%BD", t.toString());
        assertEquals(200, taken.getStatus(), taken.readEntity(String.class));
        Response refused = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria%EF%BF", t.toString());
        JsonNode error = refused.readEntity(JsonNode.class);
        assertEquals(400, refused.getStatus(), error.toString());
        assertEquals("target[0]", error.get("field").asText());
    }

    /** Keys without a site are each their own site: an operator who named none does not join their sites by it. */
    @Test
    void twoKeysWithoutASiteDoNotReachEachOthersComments() {
        String id = unique();
        String site = submit(id, "Thanks for the article").get("site").asText();
        assertEquals("key:" + new ApiKey(Fakes.WEBSITE_KEY, Role.WEBSITE, 1).fingerprint(), site);
        assertEquals(200, as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status").get().getStatus());
        assertEquals(404, as(OTHER_WEBSITE_KEY, "/v1/comments/" + id + "/status").get().getStatus());
        assertEquals(404, as(SITE_KEY, "/v1/comments/" + id + "/status").get().getStatus());
    }

    /**
     * Ids are each site's own: two sites that share the service both store their comment with one id, and each reads,
     * reports and gets the status of its own. They were one space: the second site got a 409, which also told it that
     * another site had used the id (a per-site isolation audit). A retry is still a duplicate, and another text under
     * an id the site stored still the 409.
     */
    @Test
    void twoSitesStoreTheSameIdEachItsOwnComment() {
        String id = unique();
        JsonNode ours = submit(SITE_KEY, id, "I will kill you"), blogs = submit(BLOG_KEY, id, "Thanks for the article");
        assertEquals(List.of(id, SITE), List.of(ours.get("id").asText(), ours.get("site").asText()));
        assertEquals(List.of(id, BLOG), List.of(blogs.get("id").asText(), blogs.get("site").asText()));
        assertEquals("Thanks for the article", blogs.get("text").asText(), "its own comment, not the other's: " + blogs);
        assertEquals(201, post(Fakes.WEBSITE_KEY, "/v1/comments", submission(id, "I will kill you")).getStatus(), "and a third");

        assertEquals(1, post(SITE_KEY_2, "/v1/comments/" + id + "/report", "{}").readEntity(JsonNode.class).get("openReports").asInt());
        JsonNode blogReport = post(BLOG_KEY, "/v1/comments/" + id + "/report", "{\"reportId\": \"r-1\"}").readEntity(JsonNode.class);
        assertEquals(List.of(id, "PUBLISHED", "1"), List.of(blogReport.get("id").asText(), blogReport.get("status").asText(),
                blogReport.get("openReports").asText()), blogReport.toString());
        assertTrue(post(BLOG_KEY, "/v1/comments/" + id + "/report", "{\"reportId\": \"r-1\"}").readEntity(JsonNode.class)
                .get("duplicate").asBoolean(), "a retried report of its own comment");
        JsonNode ourStatus = as(SITE_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class);
        JsonNode blogStatus = as(BLOG_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class);
        assertEquals(List.of(id, "PENDING", "2"), List.of(ourStatus.get("id").asText(), ourStatus.get("status").asText(),
                ourStatus.get("version").asText()), ourStatus.toString());
        assertEquals(List.of(id, "PUBLISHED", "2"), List.of(blogStatus.get("id").asText(), blogStatus.get("status").asText(),
                blogStatus.get("version").asText()), blogStatus.toString());
        assertEquals("PENDING", as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class).get("status").asText());

        Response retried = post(SITE_KEY_2, "/v1/comments", submission(id, "I will kill you"));
        JsonNode again = retried.readEntity(JsonNode.class);
        assertEquals(200, retried.getStatus(), again.toString());
        assertTrue(again.get("duplicate").asBoolean(), "a retry from the site's other key: " + again);
        assertEquals(List.of(SITE, "2"), List.of(again.get("site").asText(), again.get("version").asText()), again.toString());
        Response clash = post(BLOG_KEY, "/v1/comments", submission(id, "I will kill you"));
        String body = clash.readEntity(String.class);
        assertEquals(409, clash.getStatus(), body);
        assertTrue(body.contains("\"field\":\"id\"") && !body.contains("Thanks") && !body.contains("version"), body);

        String thread = "{\"id\": \"t-" + UUID.randomUUID() + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"Thanks\"}]}";
        assertEquals(200, post(SITE_KEY, "/v1/threads", thread).getStatus());
        JsonNode theirs = post(Fakes.WEBSITE_KEY, "/v1/threads", thread).readEntity(JsonNode.class);
        assertFalse(theirs.at("/comments/0").has("duplicate"), "another site's thread: " + theirs);
        assertTrue(post(SITE_KEY_2, "/v1/threads", thread).readEntity(JsonNode.class).at("/comments/0/duplicate").asBoolean());
    }

    /**
     * A comment or article of no site that an older release stored under what is now one of SITE's keys: the store refuses
     * the new one ({@code CommentKeyClashTest}), and each resource answers a 409 naming the field the caller sent the id
     * in, where the field was compiled, not tested (fifty-third session): {@code id} or {@code articleId} on
     * /v1/comments; {@code comments[i].id}, {@code article.id} or the thread's {@code id} (its article's) on /v1/threads.
     */
    @Test
    void anIdWhoseKeyAnOlderReleasesRowHoldsIsA409NamingTheFieldItCameIn() {
        String id = "old-" + UUID.randomUUID(), article = "a-" + UUID.randomUUID(), thread = "t-" + UUID.randomUUID();
        STORE.insert(olderReleases(CommentStore.key(SITE, id), "a-1"), Instant.now());
        STORE.insert(olderReleases("old-" + UUID.randomUUID(), CommentStore.key(SITE, article)), Instant.now());
        STORE.insert(olderReleases(CommentStore.key(SITE, thread + "/c2"), "a-1"), Instant.now());
        STORE.insert(olderReleases("old-" + UUID.randomUUID(), CommentStore.key(SITE, thread)), Instant.now());

        assertConflict("id", post(SITE_KEY, "/v1/comments", submission(id, "Thanks")));
        assertConflict("articleId", post(SITE_KEY, "/v1/comments",
                JSON.createObjectNode().put("id", "c-" + UUID.randomUUID()).put("articleId", article).put("text", "Thanks").toString()));
        String twoComments = "\"comments\": [{\"id\": \"c1\", \"text\": \"First\"}, {\"id\": \"c2\", \"text\": \"Second\"}]}";
        assertConflict("comments[1].id", post(SITE_KEY, "/v1/threads",
                "{\"id\": \"" + thread + "\", \"article\": {\"id\": \"a-" + UUID.randomUUID() + "\", \"title\": \"T\"}, " + twoComments));
        assertConflict("article.id", post(SITE_KEY, "/v1/threads",
                "{\"id\": \"t-" + UUID.randomUUID() + "\", \"article\": {\"id\": \"" + article + "\", \"title\": \"T\"}, " + twoComments));
        assertConflict("id", post(SITE_KEY, "/v1/threads", "{\"id\": \"" + thread + "\", \"article\": {\"title\": \"T\"}, "
                + "\"comments\": [{\"id\": \"c1\", \"text\": \"First\"}]}"));
        assertTrue(STORE.find(SITE, id).isEmpty() && STORE.find(SITE, thread + "/c1").isEmpty(), "nothing of the refused calls stored");
    }

    /** A row as a release before sites stored it: no site, keyed by its id (or its article's). */
    private static org.parley.service.moderation.NewComment olderReleases(String id, String articleId) {
        return new org.parley.service.moderation.NewComment(id, articleId, "Title", 1, null, null, "dana", "stored before", null,
                null, null, new float[org.parley.label.Attribute.COUNT], org.parley.label.Attribute.TOXICITY, "[]", null,
                new org.parley.service.moderation.StoredComment.ModelRef("m", "v1", "sum"), org.parley.policy.Action.PUBLISH,
                null, null, "[]", null, 0f, List.of());
    }

    private static void assertConflict(String field, Response r) {
        JsonNode why = r.readEntity(JsonNode.class);
        assertEquals(409, r.getStatus(), why.toString());
        assertEquals(field, why.get("field").asText(), why.toString());
        assertTrue(why.get("message").asText().contains("older release"), why.toString());
    }

    /**
     * A comment quoting two others (the thread format's alsoQuotes, forty-seventh session) keeps the second in its own
     * rows: /v1/threads took the field and dropped it, so GET /v1/comments/{id} showed the second quoted comment only in
     * the marker line inside quote. One on the page is shown under its stored id; one on another page by number.
     */
    @Test
    void aThreadCommentsFurtherQuotedCommentsAreStoredAndShown() {
        String id = "t-" + UUID.randomUUID();
        String thread = "{\"id\": \"" + id + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c3\", \"number\": 30, \"text\": \"Both wrong.\", \"parentNumber\": 2, \"quote\": \"Yes.\\n\\n1.Bob wrote:\\n\\nNo.\","
                + " \"alsoQuotes\": [{\"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"}, {\"number\": 7}, {\"id\": \"c4\"}]},"
                + "{\"id\": \"c2\", \"number\": 2, \"text\": \"Yes.\"}, {\"id\": \"c1\", \"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"},"
                + "{\"id\": \"c4\", \"number\": 4, \"text\": \"Maybe.\"}]}";
        Response stored = post(SITE_KEY, "/v1/threads", thread);
        JsonNode answer = stored.readEntity(JsonNode.class);
        assertEquals(200, stored.getStatus(), answer.toString());
        JsonNode expected = JSON.createArrayNode()
                .add(JSON.createObjectNode().put("id", id + "/c1").put("number", 1).put("author", "Bob").put("text", "No."))
                .add(JSON.createObjectNode().put("number", 7))
                .add(JSON.createObjectNode().put("id", id + "/c4").put("number", 4)); // named by id: its number found on the page
        assertEquals(expected, answer.at("/comments/0/alsoQuotes"), answer.toString());
        assertFalse(answer.at("/comments/1").has("alsoQuotes"), "none: left out");
        assertEquals(expected, as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2Fc3?site=" + SITE).get(JsonNode.class).get("alsoQuotes"));
        // Stored as a quote is: at most /v1/score's 20,480 characters, a 400 naming the entry.
        Response tooLong = post(SITE_KEY, "/v1/threads", "{\"id\": \"" + id + "x\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c3\", \"text\": \"Hm.\", \"alsoQuotes\": [{\"number\": 1, \"text\": \"" + "x".repeat(20_481) + "\"}]}]}");
        JsonNode why = tooLong.readEntity(JsonNode.class);
        assertEquals(400, tooLong.getStatus(), why.toString());
        assertEquals("comments[0].alsoQuotes[0].text", why.get("field").asText(), why.toString());
        assertTrue(why.get("message").asText().contains("20480"), why.toString());
    }

    /**
     * A thread sent again answers its stored comments (duplicate) with the entries stored for them, as GET
     * /v1/comments/{id} does, not none and not those re-sent. Until the forty-seventh session's second helper a
     * duplicate was shown without alsoQuotes.
     */
    @Test
    void aThreadSentAgainShowsItsStoredCommentsFurtherQuotedComments() {
        String id = "t-" + UUID.randomUUID();
        String first = "{\"id\": \"" + id + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"}, {\"id\": \"c2\", \"number\": 2, \"text\": \"Yes.\"},"
                + "{\"id\": \"c3\", \"number\": 3, \"text\": \"Both wrong.\", \"parentNumber\": 2, \"quote\": \"Yes.\\n\\nNo.\","
                + " \"alsoQuotes\": [{\"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"}]}]}";
        Response stored = post(SITE_KEY, "/v1/threads", first);
        assertEquals(200, stored.getStatus());
        stored.close();
        JsonNode shown = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2Fc3?site=" + SITE).get(JsonNode.class).get("alsoQuotes");
        assertEquals(1, shown.size(), shown.toString());

        // Sent again as it was, and again with the entry gone: the stored comment is what is answered, both times.
        for (String again : List.of(first, first.replace(", \"alsoQuotes\": [{\"number\": 1, \"author\": \"Bob\", \"text\": \"No.\"}]", ""))) {
            Response resent = post(SITE_KEY, "/v1/threads", again);
            JsonNode answer = resent.readEntity(JsonNode.class);
            assertEquals(200, resent.getStatus(), answer.toString());
            assertTrue(answer.at("/comments/2/duplicate").asBoolean(), answer.toString());
            assertEquals(shown, answer.at("/comments/2/alsoQuotes"), answer.toString());
            assertFalse(answer.at("/comments/0").has("alsoQuotes"), "none stored: left out");
        }
    }

    /**
     * /v1/comments takes alsoQuotes as the thread format has it, checked as it is (a 400 naming the entry and the limit),
     * and a comment's erasure by its site takes its name and passage out of the entries that quote it, and the passage out
     * of their quote, whatever marker the site wrote. Until the forty-seventh session the field was refused as unknown.
     */
    @Test
    void aCommentsFurtherQuotedCommentsAreStoredAndClearedByTheirErasure() {
        String dana = unique(), reply = unique();
        post(SITE_KEY, "/v1/comments", JSON.createObjectNode().put("id", dana).put("articleId", "a-q").put("number", 5)
                .put("author", "Dana Smith").put("text", "You are all idiots.").toString()).close();
        ObjectNode body = JSON.createObjectNode().put("id", reply).put("articleId", "a-q").put("number", 9).put("text", "Calm down.")
                .put("parentNumber", 6).put("quote", "Putin is right.\n\nDana said:\n\nYou are all idiots.");
        body.putArray("alsoQuotes").addObject().put("id", dana).put("author", "Dana Smith").put("text", "You are all idiots.");
        Response stored = post(SITE_KEY, "/v1/comments", body.toString());
        JsonNode answer = stored.readEntity(JsonNode.class);
        assertEquals(201, stored.getStatus(), answer.toString());
        assertEquals(body.get("alsoQuotes"), answer.get("alsoQuotes"));

        assertEquals(200, as(SITE_KEY, "/v1/comments/" + dana).delete().getStatus());
        JsonNode after = as(Fakes.MODERATOR_KEY, "/v1/comments/" + reply + "?site=" + SITE).get(JsonNode.class);
        assertEquals(JSON.createArrayNode().add(JSON.createObjectNode().put("id", dana)), after.get("alsoQuotes"), after.toString());
        assertEquals("Putin is right.\n\nDana said:", after.get("quote").asText(), "the passage goes, the site's own marker line stays");

        java.util.Map<String, String[]> bad = new java.util.LinkedHashMap<>();
        bad.put("[{\"author\": \"Dana\"}]", new String[] {"alsoQuotes[0]", "names no comment"});
        bad.put("[{\"number\": 9}]", new String[] {"alsoQuotes[0].number", "earlier comment"});
        bad.put("[{\"id\": \"" + reply + "x\"}]", new String[] {"alsoQuotes[0].id", "cannot quote itself"});
        bad.put("[{\"number\": 1, \"text\": \"" + "x".repeat(20_481) + "\"}]", new String[] {"alsoQuotes[0].text", "20480"});
        bad.put("[" + "{\"number\": 1},".repeat(20) + "{\"number\": 1}]", new String[] {"alsoQuotes", "at most 20"});
        bad.forEach((list, expected) -> {
            Response r = post(SITE_KEY, "/v1/comments", "{\"id\": \"" + reply + "x\", \"articleId\": \"a-q\", \"number\": 9,"
                    + " \"text\": \"Hm.\", \"alsoQuotes\": " + list + "}");
            JsonNode why = r.readEntity(JsonNode.class);
            assertEquals(400, r.getStatus(), why.toString());
            assertEquals(expected[0], why.get("field").asText(), why.toString());
            assertTrue(why.get("message").asText().contains(expected[1]), why.toString());
        });
    }

    /**
     * The twenty-fourth session's audit: a 409 or 403 said "comment 12345 …", and a moderator of two sites with that id
     * in both could not tell which from the message. Each names the comment's site, alone and in a bulk item.
     */
    @Test
    void messagesNameTheCommentsSite() {
        String id = unique();
        submit(SITE_KEY, id, "I will kill you");
        submit(BLOG_KEY, id, "I will kill you");
        Response stale = post(DESK_MODERATOR_KEY, "/v1/comments/" + id + "/decision?site=" + BLOG,
                "{\"decision\": \"APPROVE\", \"expectedVersion\": 7}");
        JsonNode body = stale.readEntity(JsonNode.class);
        assertEquals(409, stale.getStatus(), body.toString());
        assertTrue(body.get("message").asText().startsWith("comment " + id + " of " + BLOG + " is at version 1, not 7"), body.toString());

        assertEquals(200, post(DESK_MODERATOR_KEY, "/v1/comments/" + id + "/decision?site=" + SITE,
                "{\"decision\": \"ESCALATE\", \"expectedVersion\": 1}").getStatus());
        Response refused = post(DESK_MODERATOR_KEY, "/v1/comments/" + id + "/decision?site=" + SITE,
                "{\"decision\": \"APPROVE\", \"expectedVersion\": 2}");
        JsonNode why = refused.readEntity(JsonNode.class);
        assertEquals(403, refused.getStatus(), why.toString());
        assertTrue(why.get("message").asText().startsWith("comment " + id + " of " + SITE + " is escalated: only"), why.toString());

        JsonNode bulk = post(DESK_MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": ["
                + "{\"id\": \"" + id + "\", \"site\": \"" + SITE + "\", \"expectedVersion\": 2},"
                + "{\"id\": \"" + id + "\", \"site\": \"" + BLOG + "\", \"expectedVersion\": 7}]}").readEntity(JsonNode.class);
        assertEquals(List.of(403, 409), List.of(bulk.at("/results/0/status").asInt(), bulk.at("/results/1/status").asInt()), bulk.toString());
        assertTrue(bulk.at("/results/0/error/message").asText().startsWith("comment " + id + " of " + SITE + " is escalated"), bulk.toString());
        assertTrue(bulk.at("/results/1/error/message").asText().startsWith("comment " + id + " of " + BLOG + " is at version 1"), bulk.toString());
    }

    /**
     * An account may moderate an unnamed key's site, {@code key:FINGERPRINT} ({@code add-moderator --site}, twenty-fifth
     * session): the comments that key stored reach it as a named site's do, and another unnamed key's do not. Before,
     * {@code --site} took names only, so those comments reached moderators of every site alone.
     */
    @Test
    void anAccountOfAnUnnamedKeysSiteModeratesThatKeysComments() {
        String id = unique();
        assertEquals(OTHER_KEY_SITE, submit(OTHER_WEBSITE_KEY, id, "I will kill you").get("site").asText());
        submit(SITE_KEY, id, "I will kill you");
        submit(Fakes.WEBSITE_KEY, id, "I will kill you");  // another unnamed key: a site of its own
        String kim = tokenOf("kim");
        assertEquals(List.of(OTHER_KEY_SITE, BLOG), JSON.convertValue(as(kim, "/v1/session").get(JsonNode.class).get("sites"), List.class));
        JsonNode theirs = as(kim, "/v1/comments/" + id).get(JsonNode.class);  // one comment of theirs has the id: no site needed
        assertEquals(OTHER_KEY_SITE, theirs.get("site").asText(), theirs.toString());
        Response decided = post(kim, "/v1/comments/" + id + "/decision?site=" + OTHER_KEY_SITE,
                "{\"decision\": \"ESCALATE\", \"expectedVersion\": " + theirs.get("version").asInt() + "}");
        assertEquals(200, decided.getStatus(), decided.readEntity(String.class));
        assertEquals(1, as(kim, "/v1/queue/counts?site=" + OTHER_KEY_SITE).get(JsonNode.class).get("ESCALATED").asInt());
        String unnamed = new org.parley.service.auth.ApiKey(Fakes.WEBSITE_KEY, Role.WEBSITE, 1).site();
        assertEquals(403, as(kim, "/v1/queue/counts?site=" + unnamed).get().getStatus());
        assertEquals(404, as(kim, "/v1/comments/" + id + "?site=" + unnamed).get().getStatus());
        assertEquals(404, as(kim, "/v1/comments/" + id + "?site=" + SITE).get().getStatus());
    }

    /**
     * A moderator of both sites says which site's comment an id both use means: without a site, a 400 naming
     * {@code site} (never a guess); with {@code ?site=}, or {@code "site"} in a bulk item, that site's. A moderator of
     * one of them needs none: the id names one comment of theirs.
     */
    @Test
    void aModeratorOfTwoSitesNamesTheSiteOfAnIdBothUse() {
        String id = unique();
        submit(SITE_KEY, id, "I will kill you");
        submit(BLOG_KEY, id, "I will kill you");
        String decide = "{\"decision\": \"REJECT\", \"reason\": \"THREAT\", \"expectedVersion\": 1}";
        for (String moderator : List.of(DESK_MODERATOR_KEY, tokenOf("dana"), Fakes.MODERATOR_KEY)) {
            for (Response r : List.of(as(moderator, "/v1/comments/" + id).get(), post(moderator, "/v1/comments/" + id + "/decision", decide))) {
                JsonNode why = r.readEntity(JsonNode.class);
                assertEquals(400, r.getStatus(), why.toString());
                assertEquals("site", why.get("field").asText());
                assertTrue(why.get("message").asText().contains("'" + SITE + "'") && why.get("message").asText().contains("'" + BLOG + "'"), why.toString());
            }
            JsonNode bulk = post(moderator, "/v1/decisions", "{\"decision\": \"ESCALATE\", \"comments\": [{\"id\": \"" + id
                    + "\", \"expectedVersion\": 1}]}").readEntity(JsonNode.class);
            assertEquals(400, bulk.at("/results/0/status").asInt(), bulk.toString());
            assertEquals("comments[0].site", bulk.at("/results/0/error/field").asText(), bulk.toString());
            for (String site : List.of(SITE, BLOG))
                assertEquals(site, as(moderator, "/v1/comments/" + id + "?site=" + site).get(JsonNode.class).get("site").asText());
        }
        String session = tokenOf("dana");
        Response decided = post(session, "/v1/comments/" + id + "/decision?site=" + BLOG, decide);
        JsonNode d = decided.readEntity(JsonNode.class);
        assertEquals(200, decided.getStatus(), d.toString());
        assertEquals(List.of(id, BLOG, "REJECTED"), List.of(d.get("id").asText(), d.get("site").asText(), d.get("status").asText()));
        assertEquals("PENDING", as(session, "/v1/comments/" + id + "?site=" + SITE).get(JsonNode.class).get("status").asText(),
                "the other site's comment is untouched");
        assertEquals("REJECTED", as(BLOG_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class).get("status").asText());
        assertEquals("PENDING", as(SITE_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class).get("status").asText());
        JsonNode bulk = post(session, "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"" + id
                + "\", \"site\": \"" + SITE + "\", \"expectedVersion\": 1}]}").readEntity(JsonNode.class);
        assertEquals(200, bulk.at("/results/0/status").asInt(), bulk.toString());
        assertEquals(List.of(id, SITE, "PUBLISHED"), List.of(bulk.at("/results/0/id").asText(), bulk.at("/results/0/site").asText(),
                bulk.at("/results/0/comment/status").asText()), bulk.toString());

        // A moderator of one of the sites: the id names their site's comment alone.
        JsonNode own = as(SITE_MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(List.of(SITE, "PUBLISHED"), List.of(own.get("site").asText(), own.get("status").asText()), own.toString());
        assertEquals(2, own.get("history").size(), "its own decisions only: " + own);
        String none = as(SITE_MODERATOR_KEY, "/v1/comments/no-such-comment").get().readEntity(String.class);
        Response other = as(SITE_MODERATOR_KEY, "/v1/comments/" + id + "?site=" + BLOG).get();
        assertEquals(404, other.getStatus());
        assertEquals(none.replace("no-such-comment", id), other.readEntity(String.class), "the other site's is as none");
    }

    /**
     * A moderator of one site (a key's site=NAME, an account's --site) reads, counts and decides that site's
     * comments only; another site's is a 404 as one that does not exist, in bulk too. A moderator of every site
     * narrows the lists to a site with ?site=.
     */
    @Test
    void aModeratorOfOneSiteReachesThatSitesCommentsOnly() {
        String article = "a-" + UUID.randomUUID(), ours = unique(), theirs = unique();
        for (String[] c : new String[][] {{SITE_KEY, ours}, {Fakes.WEBSITE_KEY, theirs}})
            assertEquals(201, post(c[0], "/v1/comments", JSON.createObjectNode().put("id", c[1]).put("articleId", article)
                    .put("text", "I will kill you").toString()).getStatus());
        String token = tokenOf("sam");
        for (String moderator : List.of(SITE_MODERATOR_KEY, token)) {
            JsonNode page = as(moderator, "/v1/queue?articleId=" + article).get(JsonNode.class);
            assertEquals(List.of(ours), ids(page), page.toString());
            assertEquals(SITE, page.get("site").asText());
            assertEquals(1, as(moderator, "/v1/queue/counts?articleId=" + article).get(JsonNode.class).get("PENDING").asInt());
            JsonNode articles = as(moderator, "/v1/articles?limit=1000").get(JsonNode.class);
            for (JsonNode a : articles)
                if (a.get("id").asText().equals(article)) assertEquals(1, a.get("comments").asInt(), "only its own counted: " + a);
            JsonNode sites = as(moderator, "/v1/sites").get(JsonNode.class);
            assertEquals(1, sites.size(), sites.toString());
            assertEquals(SITE, sites.get(0).get("site").asText());
            assertEquals(SITE, as(moderator, "/v1/session").get(JsonNode.class).get("site").asText(), "the page knows");

            String none = as(moderator, "/v1/comments/no-such-comment").get().readEntity(String.class);
            Response other = as(moderator, "/v1/comments/" + theirs).get();
            assertEquals(404, other.getStatus());
            assertEquals(none.replace("no-such-comment", theirs), other.readEntity(String.class), "not a word more than for none");
            assertEquals(404, post(moderator, "/v1/comments/" + theirs + "/decision",
                    "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").getStatus());
            JsonNode bulk = post(moderator, "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \""
                    + theirs + "\", \"expectedVersion\": 1}]}").readEntity(JsonNode.class);
            assertEquals(404, bulk.at("/results/0/status").asInt(), bulk.toString());
            Response elsewhere = as(moderator, "/v1/queue?site=elsewhere.example").get();
            assertEquals(403, elsewhere.getStatus());
            assertEquals("site", elsewhere.readEntity(JsonNode.class).get("field").asText());
            assertEquals(200, as(moderator, "/v1/queue?site=" + SITE).get().getStatus(), "its own site, named");
        }
        assertEquals("PENDING", as(Fakes.MODERATOR_KEY, "/v1/comments/" + theirs).get(JsonNode.class).get("status").asText(),
                "the refused decisions changed nothing");
        Response decided = post(token, "/v1/comments/" + ours + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"THREAT\", \"expectedVersion\": 1}");
        assertEquals(200, decided.getStatus(), decided.readEntity(String.class));
        assertEquals("sam", as(Fakes.MODERATOR_KEY, "/v1/comments/" + ours).get(JsonNode.class).at("/history/1/actor").asText());

        JsonNode all = as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&articleId=" + article).get(JsonNode.class);
        assertEquals(List.of(theirs), ids(all), "every site's, less the one decided");
        assertFalse(all.has("site"));
        JsonNode narrowed = as(Fakes.MODERATOR_KEY, "/v1/queue?status=REJECTED&site=" + SITE + "&articleId=" + article).get(JsonNode.class);
        assertEquals(List.of(ours), ids(narrowed));
        assertEquals(0, as(Fakes.MODERATOR_KEY, "/v1/queue/counts?site=" + SITE + "&articleId=" + article)
                .get(JsonNode.class).get("PENDING").asInt());
    }

    /**
     * A moderator of a chosen few sites (a key's site=A|B, an account's --site given twice) reads, counts and decides
     * those sites' comments, narrows to one of them with ?site=, and is refused any other site's, as a moderator of
     * one site is.
     */
    @Test
    void aModeratorOfTwoSitesReachesTheirCommentsOnly() {
        String article = "a-" + UUID.randomUUID(), ours = unique(), blogs = unique(), theirs = unique();
        for (String[] c : new String[][] {{SITE_KEY, ours}, {BLOG_KEY, blogs}, {Fakes.WEBSITE_KEY, theirs}})
            assertEquals(201, post(c[0], "/v1/comments", JSON.createObjectNode().put("id", c[1]).put("articleId", article)
                    .put("text", "I will kill you").toString()).getStatus());
        String token = tokenOf("dana");
        for (String moderator : List.of(DESK_MODERATOR_KEY, token)) {
            JsonNode page = as(moderator, "/v1/queue?articleId=" + article).get(JsonNode.class);
            assertEquals(java.util.Set.of(ours, blogs), java.util.Set.copyOf(ids(page)), page.toString());
            assertEquals(JSON.valueToTree(List.of(SITE, BLOG)), page.get("sites"));
            assertFalse(page.has("site"), "no one site: " + page);
            assertEquals(2, as(moderator, "/v1/queue/counts?articleId=" + article).get(JsonNode.class).get("PENDING").asInt());
            List<String> entries = new java.util.ArrayList<>();  // an article of each of their sites, its comment counted
            for (JsonNode a : as(moderator, "/v1/articles?limit=1000").get(JsonNode.class))
                if (a.get("id").asText().equals(article)) entries.add(a.get("site").asText() + " " + a.get("comments").asInt());
            assertEquals(List.of(BLOG + " 1", SITE + " 1"), entries.stream().sorted().toList(), "only theirs counted");
            List<String> listed = new java.util.ArrayList<>();
            as(moderator, "/v1/sites").get(JsonNode.class).forEach(x -> listed.add(x.get("site").asText()));
            assertEquals(List.of(BLOG, SITE), listed.stream().sorted().toList());
            JsonNode session = as(moderator, "/v1/session").get(JsonNode.class);
            assertEquals(JSON.valueToTree(List.of(SITE, BLOG)), session.get("sites"), "the page knows: " + session);
            assertFalse(session.has("site"), session.toString());

            JsonNode one = as(moderator, "/v1/queue?site=" + BLOG + "&articleId=" + article).get(JsonNode.class);
            assertEquals(List.of(blogs), ids(one));
            assertEquals(BLOG, one.get("site").asText());
            assertEquals(1, as(moderator, "/v1/queue/counts?site=" + SITE + "&articleId=" + article).get(JsonNode.class).get("PENDING").asInt());
            String theirSite = as(Fakes.MODERATOR_KEY, "/v1/comments/" + theirs).get(JsonNode.class).get("site").asText();
            for (String elsewhere : List.of("elsewhere.example", theirSite)) {
                Response refused = as(moderator, "/v1/articles?site=" + elsewhere).get();
                assertEquals(403, refused.getStatus(), elsewhere);
                JsonNode why = refused.readEntity(JsonNode.class);
                assertEquals("site", why.get("field").asText());
                assertEquals("this moderator works on sites '" + SITE + "', '" + BLOG + "' only", why.get("message").asText());
            }

            String none = as(moderator, "/v1/comments/no-such-comment").get().readEntity(String.class);
            Response other = as(moderator, "/v1/comments/" + theirs).get();
            assertEquals(404, other.getStatus());
            assertEquals(none.replace("no-such-comment", theirs), other.readEntity(String.class), "not a word more than for none");
            assertEquals(200, as(moderator, "/v1/comments/" + blogs).get().getStatus());
            assertEquals(404, post(moderator, "/v1/comments/" + theirs + "/decision",
                    "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").getStatus());
            JsonNode bulk = post(moderator, "/v1/decisions", "{\"decision\": \"ESCALATE\", \"comments\": [{\"id\": \""
                    + theirs + "\", \"expectedVersion\": 1}, {\"id\": \"" + blogs + "\", \"expectedVersion\": 5}]}").readEntity(JsonNode.class);
            assertEquals(404, bulk.at("/results/0/status").asInt(), bulk.toString());
            assertEquals(409, bulk.at("/results/1/status").asInt(), "reached, and stale: " + bulk);
        }
        assertEquals("PENDING", as(Fakes.MODERATOR_KEY, "/v1/comments/" + theirs).get(JsonNode.class).get("status").asText(),
                "the refused decisions changed nothing");
        Response decided = post(token, "/v1/comments/" + blogs + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"THREAT\", \"expectedVersion\": 1}");
        assertEquals(200, decided.getStatus(), decided.readEntity(String.class));
        assertEquals("dana", as(Fakes.MODERATOR_KEY, "/v1/comments/" + blogs).get(JsonNode.class).at("/history/1/actor").asText());
    }

    /**
     * A moderator's lists narrowed to one author (the panel's "All by"): in each queue, of a site, or of every site
     * the moderator works on where no site is named; the name as the site sent it, exactly. Before the sixty-seventh
     * session an author's other comments were found by scrolling Published.
     */
    @Test
    void anAuthorsCommentsAreListedInEachQueueOfTheirSiteOrEverySite() {
        String article = "a-" + UUID.randomUUID(), troll = "Troll " + UUID.randomUUID();
        String threat = unique(), civil = unique(), other = unique(), blogs = unique(), namesake = unique();
        for (String[] c : new String[][] {{SITE_KEY, threat, troll, "I will kill you"}, {SITE_KEY, civil, troll, "The figures look right."},
                {SITE_KEY, other, "someone else", "I will kill you"}, {BLOG_KEY, blogs, troll, "I will kill you"},
                {SITE_KEY, namesake, troll.toLowerCase(java.util.Locale.ROOT), "I will kill you"}})
            assertEquals(201, post(c[0], "/v1/comments", JSON.createObjectNode().put("id", c[1]).put("articleId", article)
                    .put("author", c[2]).put("text", c[3]).toString()).getStatus());
        String by = "&articleId=" + article + "&author=" + troll.replace(" ", "%20");

        JsonNode pending = as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&site=" + SITE + by).get(JsonNode.class);
        assertEquals(List.of(threat), ids(pending), "not another author's, nor a name in other letters: " + pending);
        assertEquals(troll, pending.get("author").asText());
        assertEquals(1, pending.get("total").asInt());
        assertEquals(List.of(civil), ids(as(Fakes.MODERATOR_KEY, "/v1/queue?status=PUBLISHED&site=" + SITE + by).get(JsonNode.class)));
        JsonNode counts = as(Fakes.MODERATOR_KEY, "/v1/queue/counts?site=" + SITE + by).get(JsonNode.class);
        assertEquals(1, counts.get("PENDING").asInt(), counts.toString());
        assertEquals(1, counts.get("PUBLISHED").asInt(), counts.toString());
        assertEquals(java.util.Set.of(threat, blogs), java.util.Set.copyOf(ids(as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING" + by)
                .get(JsonNode.class))), "no site named: the name's author on every site");
        assertEquals(List.of(threat), ids(as(SITE_MODERATOR_KEY, "/v1/queue?status=PENDING" + by).get(JsonNode.class)),
                "a moderator of one site: theirs alone");

        JsonNode blank = as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&site=" + SITE + "&articleId=" + article + "&author=%20")
                .get(JsonNode.class);
        assertEquals(3, ids(blank).size(), "a blank author is none asked for: " + blank);
        assertFalse(blank.has("author"), blank.toString());
        for (String path : List.of("/v1/queue", "/v1/queue/counts")) {
            Response nul = as(Fakes.MODERATOR_KEY, path + "?author=%00").get();  // not blank: refused, as a NUL in any query
            assertEquals(400, nul.getStatus(), path);
            assertEquals("author", nul.readEntity(JsonNode.class).get("field").asText(), path);
            Response tooLong = as(Fakes.MODERATOR_KEY, path + "?author=" + "x".repeat(201)).get();
            assertEquals(400, tooLong.getStatus(), path);
            JsonNode why = tooLong.readEntity(JsonNode.class);
            assertEquals("author", why.get("field").asText(), why.toString());
            assertEquals(200, why.get("limit").asInt(), why.toString());
        }
    }

    /**
     * A moderator's lists narrowed by a search (?q=): the comment whose id the site gave is the search, and the comments
     * whose text holds it, letter case aside, its % and _ as they are, on the sites the list is narrowed to. Before the
     * sixty-eighth session a comment a reader complained of was found by scrolling.
     */
    @Test
    void aSearchFindsACommentByTheSitesIdOrByWhatItsTextSays() {
        String article = "a-" + UUID.randomUUID(), word = "Tollbridge" + UUID.randomUUID().toString().substring(0, 8);
        String rose = unique(), tenfold = unique(), plain = unique(), blogs = unique(), named = "id-" + UUID.randomUUID();
        for (String[] c : new String[][] {{SITE_KEY, rose, "The " + word + " fare rose 100% this year. I will kill you"},
                {SITE_KEY, tenfold, "The " + word.toUpperCase(java.util.Locale.ROOT) + " fare rose 1000 pounds. I will kill you"},
                {SITE_KEY, plain, "I will kill you"}, {BLOG_KEY, blogs, "The " + word + " fare rose 100%. I will kill you"},
                {SITE_KEY, named, "I will kill you, I said"}})
            assertEquals(201, post(c[0], "/v1/comments", JSON.createObjectNode().put("id", c[1]).put("articleId", article)
                    .put("text", c[2]).toString()).getStatus());
        String status = "PENDING", list = "/v1/queue?status=" + status + "&site=" + SITE + "&articleId=" + article;
        assertEquals(4, ids(as(Fakes.MODERATOR_KEY, list).get(JsonNode.class)).size(), "all held, as a threat is");

        JsonNode found = as(Fakes.MODERATOR_KEY, list + "&q=%20" + word.toLowerCase(java.util.Locale.ROOT) + "%20").get(JsonNode.class);
        assertEquals(java.util.Set.of(rose, tenfold), java.util.Set.copyOf(ids(found)), "either letter case, not another text: " + found);
        assertEquals(word.toLowerCase(java.util.Locale.ROOT), found.get("q").asText(), "echoed without the spaces around it");
        assertEquals(2, found.get("total").asInt());
        assertEquals(List.of(rose), ids(as(Fakes.MODERATOR_KEY, list + "&q=100%25").get(JsonNode.class)),
                "% is itself: not 1000");
        assertEquals(List.of(), ids(as(Fakes.MODERATOR_KEY, list + "&q=rose%20_00").get(JsonNode.class)), "_ is itself");
        assertEquals(List.of(named), ids(as(Fakes.MODERATOR_KEY, list + "&q=" + named).get(JsonNode.class)), "by the site's id");
        // Without three letters or digits in a row, an id alone: such a search read every text (an operator's audit).
        assertEquals(List.of(), ids(as(Fakes.MODERATOR_KEY, list + "&q=ro").get(JsonNode.class)), "not in 'rose'");
        assertEquals(List.of(), ids(as(Fakes.MODERATOR_KEY, list + "&q=%25").get(JsonNode.class)), "not in '100%'");
        JsonNode spaced = as(Fakes.MODERATOR_KEY, list + "&q=%C2%A0" + word + "%E2%80%83").get(JsonNode.class);
        assertEquals(word, spaced.get("q").asText(), "a no-break space and an em space around it left out too");
        assertEquals(2, spaced.get("total").asInt());
        assertEquals(word, as(Fakes.MODERATOR_KEY, list + "&q=%C2%85" + word + "%E2%80%8B").get(JsonNode.class).get("q").asText(),
                "a next-line and a zero-width space too");
        assertFalse(as(Fakes.MODERATOR_KEY, list + "&q=%E2%80%8B").get(JsonNode.class).has("q"), "a zero-width space alone: none");
        JsonNode counts = as(Fakes.MODERATOR_KEY, "/v1/queue/counts?site=" + SITE + "&articleId=" + article + "&q=" + word)
                .get(JsonNode.class);
        assertEquals(2, counts.get(status).asInt(), counts.toString());
        assertEquals(java.util.Set.of(rose, blogs), java.util.Set.copyOf(ids(as(Fakes.MODERATOR_KEY,
                "/v1/queue?status=" + status + "&articleId=" + article + "&q=100%25").get(JsonNode.class))), "every site");
        assertEquals(List.of(rose), ids(as(SITE_MODERATOR_KEY, "/v1/queue?status=" + status + "&articleId=" + article + "&q=100%25")
                .get(JsonNode.class)), "a moderator of one site: theirs alone");

        JsonNode blank = as(Fakes.MODERATOR_KEY, list + "&q=%20").get(JsonNode.class);
        assertEquals(4, ids(blank).size(), "a blank search is none asked for: " + blank);
        assertFalse(blank.has("q"), blank.toString());
        for (String path : List.of("/v1/queue", "/v1/queue/counts")) {
            Response nul = as(Fakes.MODERATOR_KEY, path + "?q=%00").get();
            assertEquals(400, nul.getStatus(), path);
            assertEquals("q", nul.readEntity(JsonNode.class).get("field").asText(), path);
            Response tooLong = as(Fakes.MODERATOR_KEY, path + "?q=" + "x".repeat(201)).get();
            assertEquals(400, tooLong.getStatus(), path);
            JsonNode why = tooLong.readEntity(JsonNode.class);
            assertEquals("q", why.get("field").asText(), why.toString());
            assertEquals(200, as(Fakes.MODERATOR_KEY, path + "?q=%20%20" + "x".repeat(200) + "%20%20").get().getStatus(),
                    path + ": the limit is the search's, its ends' spaces left out");
            assertEquals(200, why.get("limit").asInt(), why.toString());
        }
    }

    /**
     * A site learns of its comments' decisions from GET /v1/changes, from where its last page ended: each changed comment
     * once, where it stands, oldest change first; nothing of another site's. A website integrator's audit (sixty-sixth
     * session): a site had to ask each comment's status.
     */
    @Test
    void aSiteReadsItsCommentsChangesFromWhereItsLastPageEnded() {
        String threat = unique(), calm = unique(), insult = unique(), article = "a-" + UUID.randomUUID();
        for (String[] c : new String[][] {{threat, "I will kill you"}, {calm, "The figures look right."}, {insult, "I will kill you"}})
            assertEquals(201, post(SITE_KEY, "/v1/comments", JSON.createObjectNode().put("id", c[0]).put("articleId", article)
                    .put("text", c[1]).toString()).getStatus());
        String next = drained(SITE_KEY, null);
        assertEquals(200, post(Fakes.MODERATOR_KEY, "/v1/comments/" + threat + "/decision?site=" + SITE,
                "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 1}").getStatus());
        assertEquals(200, post(Fakes.MODERATOR_KEY, "/v1/comments/" + insult + "/decision?site=" + SITE,
                "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").getStatus());
        assertEquals(200, as(SITE_KEY, "/v1/comments/" + calm).delete().getStatus());

        String from = next == null ? "" : "&after=" + next;  // null: none of the site's comments decided before
        JsonNode page = as(SITE_KEY, "/v1/changes?limit=100" + from).get(JsonNode.class);
        List<String> seen = new java.util.ArrayList<>();
        page.get("changes").forEach(c -> seen.add(c.get("id").asText() + " " + c.get("status").asText() + " " + c.get("version").asInt()
                + " " + c.get("decidedBy").asText() + " " + c.path("reason").asText("-")));
        assertEquals(List.of(threat + " REJECTED 2 MODERATOR threat", insult + " PUBLISHED 2 MODERATOR -", calm + " ERASED 2 WEBSITE -"),
                seen, page.toString());
        assertTrue(page.get("changes").get(0).has("changedAt"), page.toString());
        JsonNode one = as(SITE_KEY, "/v1/changes?limit=1" + from).get(JsonNode.class);
        assertEquals(threat, one.at("/changes/0/id").asText());
        assertEquals(insult, as(SITE_KEY, "/v1/changes?limit=1&after=" + one.get("next").asText()).get(JsonNode.class).at("/changes/0/id").asText());
        JsonNode after = as(SITE_KEY, "/v1/changes?after=" + page.get("next").asText()).get(JsonNode.class);
        assertEquals(0, after.get("changes").size(), after.toString());
        assertEquals(page.get("next"), after.get("next"), "nothing new: the next read starts where this one did");

        String blogs = as(BLOG_KEY, "/v1/changes?limit=500").get(String.class);
        for (String id : List.of(threat, calm, insult)) assertFalse(blogs.contains(id), "another site's: " + blogs);
        JsonNode theirs = as(SITE_MODERATOR_KEY, "/v1/changes?site=" + SITE + from).get(JsonNode.class);
        assertEquals(3, theirs.get("changes").size(), "a moderator of the site names it: " + theirs);
        String[][] refused = {{SITE_KEY, "after=nonsense", "400", "after"}, {SITE_KEY, "limit=0", "400", "limit"},
                {SITE_KEY, "limit=501", "400", "limit"}, {SITE_KEY, "aftr=x", "400", "aftr"}, {SITE_KEY, "site=" + BLOG, "403", "site"},
                {SITE_MODERATOR_KEY, "limit=5", "400", "site"}, {SITE_MODERATOR_KEY, "site=" + BLOG, "403", "site"},
                {SITE_PAGE_KEY, "limit=5", "403", null}};
        for (String[] r : refused) {
            Response answer = as(r[0], "/v1/changes?" + r[1]).get();
            JsonNode why = answer.readEntity(JsonNode.class);
            assertEquals(Integer.parseInt(r[2]), answer.getStatus(), r[1] + ": " + why);
            if (r[3] != null) assertEquals(r[3], why.path("field").asText(), r[1] + ": " + why);
        }
        // An admin's key is told it is one, and the site its own comments were stored under (a newcomer's fourth audit).
        JsonNode admin = as(Fakes.ADMIN_KEY, "/v1/changes").get().readEntity(JsonNode.class);
        String adminSite = new ApiKey(Fakes.ADMIN_KEY, Role.ADMIN, 1).site();
        assertEquals("site is required with an admin's key: the site whose changes to read (site=" + adminSite
                + ": those this key stored)", admin.path("message").asText(), admin.toString());
    }

    /** Reads {@code key}'s changes page by page to the end; the last page's next. */
    private static String drained(String key, String after) {
        String next = after;
        for (int pages = 0; pages < 1000; pages++) {
            JsonNode page = as(key, "/v1/changes?limit=500" + (next == null ? "" : "&after=" + next)).get(JsonNode.class);
            if (page.get("changes").isEmpty()) return page.path("next").isNull() ? null : page.path("next").asText(null);
            next = page.get("next").asText();
        }
        throw new AssertionError("no end to the changes");
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new java.util.ArrayList<>();
        page.get("comments").forEach(c -> out.add(c.get("id").asText()));
        return out;
    }

    /**
     * Article ids are each site's own (changeset 16): two sites that use one have two articles, each with its own title
     * in submit answers, threads and moderators' lists, its own comments and its own entry in the article menu. They
     * shared a row: the second site was shown no title, and a moderator of both saw one entry with both sites' comments
     * counted under the first site's title (a per-site isolation audit).
     */
    @Test
    void anArticleIdTwoSitesUseIsAnArticleOfEachWithItsOwnTitle() {
        String article = "a-" + UUID.randomUUID(), ours = unique(), blogs = unique();
        assertEquals(201, post(SITE_KEY, "/v1/comments", JSON.createObjectNode().put("id", ours).put("articleId", article)
                .put("text", "Thanks for the article").toString()).getStatus());
        JsonNode sent = post(BLOG_KEY, "/v1/comments", JSON.createObjectNode().put("id", blogs).put("articleId", article)
                .put("articleTitle", "The blog's post").put("text", "Thanks for the article").toString()).readEntity(JsonNode.class);
        assertEquals(List.of(blogs, article, "The blog's post"), List.of(sent.get("id").asText(), sent.get("articleId").asText(),
                sent.path("articleTitle").asText()), sent.toString());
        assertFalse(as(SITE_MODERATOR_KEY, "/v1/comments/" + ours).get(JsonNode.class).has("articleTitle"),
                "another site does not title this site's article");

        post(SITE_KEY, "/v1/comments", submission(unique(), "Thanks").replace("a-1", article).replace("Talks stall", "Our scoop"));
        assertEquals("Our scoop", as(SITE_MODERATOR_KEY, "/v1/comments/" + ours).get(JsonNode.class).get("articleTitle").asText());
        JsonNode answer = post(BLOG_KEY, "/v1/comments", JSON.createObjectNode().put("id", unique()).put("articleId", article)
                .put("text", "Thanks").toString()).readEntity(JsonNode.class);
        assertEquals("The blog's post", answer.path("articleTitle").asText(), "its own title, not the other site's: " + answer);
        ObjectNode thread = JSON.createObjectNode().put("id", "t-" + UUID.randomUUID());
        thread.putObject("article").put("id", article).put("title", "Another title");
        thread.putArray("comments").addObject().put("id", "c1").put("text", "Thanks");
        JsonNode threaded = post(BLOG_KEY, "/v1/threads", thread.toString()).readEntity(JsonNode.class);
        assertEquals(List.of(article, "The blog's post"), List.of(threaded.at("/comments/0/articleId").asText(),
                threaded.at("/comments/0/articleTitle").asText()), threaded.toString());

        List<JsonNode> entries = new java.util.ArrayList<>();
        for (JsonNode a : as(DESK_MODERATOR_KEY, "/v1/articles?limit=1000").get(JsonNode.class))
            if (a.get("id").asText().equals(article)) entries.add(a);
        entries.sort(java.util.Comparator.comparing(a -> a.get("site").asText()));
        assertEquals(List.of(List.of(BLOG, "The blog's post", "3"), List.of(SITE, "Our scoop", "2")), entries.stream()
                .map(a -> List.of(a.get("site").asText(), a.get("title").asText(), a.get("comments").asText())).toList(),
                "a moderator of both sites: an entry of each, its own title and count: " + entries);
        JsonNode blogPage = as(DESK_MODERATOR_KEY, "/v1/queue?status=PUBLISHED&site=" + BLOG + "&articleId=" + article).get(JsonNode.class);
        assertEquals(3, blogPage.get("comments").size(), blogPage.toString());
        blogPage.get("comments").forEach(c -> assertEquals(List.of(BLOG, article, "The blog's post"),
                List.of(c.get("site").asText(), c.get("articleId").asText(), c.get("articleTitle").asText()), c.toString()));
        java.util.function.Function<String, Integer> onArticle = q -> List.of("PENDING", "PUBLISHED").stream().mapToInt(status ->
                as(DESK_MODERATOR_KEY, "/v1/queue?status=" + status + "&articleId=" + article + q).get(JsonNode.class).get("total").asInt()).sum();
        assertEquals(2, onArticle.apply("&site=" + SITE), "site news.example's two comments on its own article");
        assertEquals(5, onArticle.apply(""), "without a site: both sites' articles with the id");
        for (JsonNode a : as(SITE_MODERATOR_KEY, "/v1/articles?limit=1000").get(JsonNode.class))
            if (a.get("id").asText().equals(article)) assertEquals("Our scoop", a.get("title").asText(), a.toString());
    }

    /**
     * One URL answers each caller differently (a moderator of one site gets that site's queue; a site's key its
     * comment's status, another site's a 404): no shared cache may keep such an answer for the next caller. Until
     * a per-site isolation audit none carried Cache-Control, and a session cookie does not stop a cache as
     * Authorization does.
     */
    @Test
    void answersToACallerWithACredentialAreNotStoredByAnyCache() {
        String id = unique();
        submit(SITE_KEY, id, "Thanks for the article");
        String token = tokenOf("sam");
        for (String[] call : new String[][] {{SITE_MODERATOR_KEY, "/v1/queue"}, {token, "/v1/queue/counts"}, {token, "/v1/articles"},
                {Fakes.MODERATOR_KEY, "/v1/sites"}, {SITE_MODERATOR_KEY, "/v1/comments/" + id}, {SITE_KEY, "/v1/comments/" + id + "/status"},
                {OTHER_WEBSITE_KEY, "/v1/comments/" + id + "/status"}, {token, "/v1/session"}}) {
            Response r = as(call[0], call[1]).get();
            assertEquals("private, no-store", r.getHeaderString("Cache-Control"), call[1] + " " + r.getStatus());
        }
        Response login = post(null, "/v1/session", "{\"username\": \"sam\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals("no-store", login.getHeaderString("Cache-Control"), "a resource's own is kept");
    }

    /** Its stance toward another site's comment would tell the sender about that comment's text. */
    @Test
    void aReplyToAnotherSitesCommentIsNotLinkedToIt() {
        String parent = unique(), theirs = unique(), ours = unique();
        submit(SITE_KEY, parent, "The strike is justified.");
        for (String[] reply : new String[][] {{Fakes.WEBSITE_KEY, theirs}, {SITE_KEY_2, ours}}) {
            String body = JSON.createObjectNode().put("id", reply[1]).put("articleId", "a-1").put("text", "Is it, though?")
                    .put("parentId", parent).toString();
            assertEquals(201, post(reply[0], "/v1/comments", body).getStatus());
        }
        JsonNode other = as(Fakes.MODERATOR_KEY, "/v1/comments/" + theirs).get(JsonNode.class);
        assertFalse(other.has("replyStance") || other.has("parent"), other.toString());
        JsonNode same = as(Fakes.MODERATOR_KEY, "/v1/comments/" + ours).get(JsonNode.class);
        assertEquals("QUERY", same.at("/replyStance/label").asText(), same.toString());
        assertEquals(parent, same.at("/parent/id").asText());
    }

    /** A comment a word list held has low scores: the moderator is shown the rule that held it. */
    @Test
    void aCommentHeldByTheThreatListSaysWhichPhraseHeldIt() {
        String id = unique();
        JsonNode c = submit(id, "Watch your back, I'm coming for you");
        assertEquals("PENDING", c.get("status").asText(), c.toString());
        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertTrue(seen.get("rules").toString().contains("phrase \\\"watch your back\\\" (threats) -> REVIEW"), seen.toString());
        JsonNode card = null;
        for (JsonNode q : as(Fakes.MODERATOR_KEY, "/v1/queue?limit=200").get(JsonNode.class).get("comments"))
            if (q.get("id").asText().equals(id)) card = q;
        assertNotNull(card, "held in PENDING");
        assertEquals(seen.get("rules"), card.get("rules"), "queue cards carry them too");
    }

    @Test
    void aForeignSubmissionIsHeldForModeratorsWithItsLanguageShown() {
        String foreign = unique();
        JsonNode f = submit(foreign, "Je bent een klootzak en een sukkel.");
        assertEquals("PENDING", f.get("status").asText(), f.toString());
        assertEquals("nl", f.get("language").asText());
        JsonNode shown = as(Fakes.MODERATOR_KEY, "/v1/comments/" + foreign).get(JsonNode.class);
        assertEquals("nl", shown.get("language").asText(), "read back from the store");
        assertFalse(submit(unique(), "Thanks for the article").has("language"));
    }

    @Test
    void aReplyStoresItsStanceTowardTheParentAndShowsTheParentToModerators() {
        String parent = unique(), reply = unique(), article = "a-" + UUID.randomUUID();  // its own: an article's title is its first site's
        assertEquals(201, post(Fakes.WEBSITE_KEY, "/v1/comments", JSON.createObjectNode().put("id", parent).put("articleId", article)
                .put("articleTitle", "Talks stall").put("text", "The strike is justified.").toString()).getStatus());
        ObjectNode body = (ObjectNode) JSON.createObjectNode().put("id", reply).put("articleId", article)
                .put("text", "Is it, though?").put("parentId", parent);
        body.putArray("targets").add("military action");
        Response r = post(Fakes.WEBSITE_KEY, "/v1/comments", body.toString());
        JsonNode stored = r.readEntity(JsonNode.class);
        assertEquals(201, r.getStatus(), stored.toString());
        assertEquals("QUERY", stored.at("/replyStance/label").asText());
        assertEquals("military action", stored.at("/stance/0/target").asText());

        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + reply).get(JsonNode.class);
        assertEquals(parent, seen.at("/parent/id").asText());
        assertEquals("The strike is justified.", seen.at("/parent/text").asText());
        assertEquals("Talks stall", seen.get("articleTitle").asText(), "the article's title, given with the parent");
        assertEquals("policy", seen.at("/history/0/actor").asText());
        assertEquals("fake-stance", seen.at("/stanceModel/name").asText(), "the stance bundle is named, as in /v1/score: " + seen);
        assertEquals("stance-checksum-1", seen.at("/stanceModel/checksum").asText());
        assertFalse(as(Fakes.MODERATOR_KEY, "/v1/comments/" + parent).get(JsonNode.class).has("stanceModel"),
                "no stance read, no stance model");
    }

    /**
     * What a reply's stance was read against is in the comment's view, in /v1/queue's pages as in GET /v1/comments/{id}
     * (as /v1/threads' answer has it): the moderator page inferred it from the quote, repeating stance.ReplyContext's rule.
     */
    @Test
    void aRepliesViewSaysWhetherItsStanceWasReadAgainstTheQuoteOrTheParent() {
        String article = "a-" + UUID.randomUUID(), parent = unique();
        assertEquals(201, post(Fakes.WEBSITE_KEY, "/v1/comments", JSON.createObjectNode().put("id", parent).put("articleId", article)
                .put("text", "The strike is justified.").put("number", 4).toString()).getStatus());
        Map<String, String> expected = new LinkedHashMap<>();
        String[][] replies = {{"quote", "We should stay out of it."}, {"parent", null}, {"parent", "\u200B "}};
        for (String[] r : replies) {
            String id = unique();
            ObjectNode body = JSON.createObjectNode().put("id", id).put("articleId", article).put("text", "Is it, though?").put("parentNumber", 4);
            if (r[1] != null) body.put("quote", r[1]);  // the last: a zero-width space, nothing visible
            Response stored = post(Fakes.WEBSITE_KEY, "/v1/comments", body.toString());
            JsonNode c = stored.readEntity(JsonNode.class);
            assertEquals(201, stored.getStatus(), c.toString());
            assertTrue(c.has("replyStance"), c.toString());
            expected.put(id, r[0]);
        }
        expected.forEach((id, against) -> assertEquals(against, as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class)
                .path("replyTo").asText(), id));
        assertFalse(as(Fakes.MODERATOR_KEY, "/v1/comments/" + parent).get(JsonNode.class).has("replyTo"), "no reply stance, no replyTo");
        Map<String, String> listed = new LinkedHashMap<>();
        for (String status : List.of("PENDING", "PUBLISHED", "AUTO_REJECTED"))
            for (JsonNode c : as(Fakes.MODERATOR_KEY, "/v1/queue?status=" + status + "&articleId=" + article).get(JsonNode.class).get("comments"))
                if (c.has("replyTo")) listed.put(c.get("id").asText(), c.get("replyTo").asText());
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(listed));
    }

    @Test
    void theBbcSeedThreadIsStoredCommentByCommentWithQuotesAsParents() throws IOException {
        Path seed = Path.of("../seeds/001_ebaeb092d28a86a2.txt");
        CommentThread thread = BbcCommentPageParser.parse("seed-" + UUID.randomUUID(), Files.readString(seed, StandardCharsets.UTF_8));
        Response r = as(Fakes.WEBSITE_KEY, "/v1/threads?target=military%20action").post(Entity.json(ThreadJson.toJson(thread)));
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals(200, r.getStatus(), body.toString());
        assertEquals(thread.comments().size(), body.get("comments").size());
        int total = 0;
        for (JsonNode n : body.get("statuses")) total += n.asInt();
        assertEquals(thread.comments().size(), total);
        JsonNode c365 = null;
        for (JsonNode c : body.get("comments")) if (c.get("id").asText().endsWith("/c365")) c365 = c;
        assertNotNull(c365, "comment 365 of the seed");
        assertEquals(296, c365.get("parentNumber").asInt());
        // 296 is on an earlier page, never stored: the name in "296.Seqenenre wrote:" is all there is of it.
        assertEquals("Seqenenre", c365.get("parentAuthor").asText(), "a moderator's audit: it was dropped");
        assertNotNull(c365.get("replyStance"), "365 quotes 296: its reply stance is toward the quote");
        assertEquals(thread.id() + "/c365", c365.get("id").asText());
        for (JsonNode c : body.get("comments"))
            assertEquals("military action", c.at("/stance/0/target").asText(), "stance on the ?target= of every comment");

        JsonNode again = post(Fakes.WEBSITE_KEY, "/v1/threads", ThreadJson.toJson(thread)).readEntity(JsonNode.class);
        for (JsonNode c : again.get("comments")) assertTrue(c.get("duplicate").asBoolean(), c.get("id").asText());

        com.fasterxml.jackson.databind.node.ObjectNode edited = (com.fasterxml.jackson.databind.node.ObjectNode)
                Fakes.mapper().readTree(ThreadJson.toJson(thread));
        ((com.fasterxml.jackson.databind.node.ObjectNode) edited.at("/comments/3")).put("text", "Not what was stored.");
        Response clash = post(Fakes.WEBSITE_KEY, "/v1/threads", edited.toString());
        JsonNode refused = clash.readEntity(JsonNode.class);
        assertEquals(409, clash.getStatus(), refused.toString());
        assertEquals("comments[3].id", refused.get("field").asText(), refused.toString());
    }

    /** A thread of three comments: c1 AGAINST any target (the fake stance reads "bomb"), c2 an insult, c3 NONE. */
    private static String stanceThread(String id) {
        return "{\"id\": \"" + id + "\", \"article\": {\"title\": \"Syria vote\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"We must not bomb them.\"},"
                + "{\"id\": \"c2\", \"text\": \"You are a complete idiot and a moron.\"},"
                + "{\"id\": \"c3\", \"text\": \"Thanks for the article\"}]}";
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode n : array) out.add(n.asText());
        return out;
    }

    private static List<String> targetsOf(JsonNode comment) {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode s : comment.path("stance")) out.add(s.get("target").asText());
        return out;
    }

    /**
     * known-gaps (thirty-ninth session): a stored thread sent again with another ?target= came back with the stance it
     * was stored with, the new target neither read nor stored nor named. It is read for the stored comments now and
     * stored beside their stance, for the moderator page; scores, status, version, time and decisions stay as they were.
     */
    @Test
    void aThreadSentAgainWithANewTargetStoresItsStanceAndLeavesScoresStatusAndDecisionsAlone() {
        String id = "t-" + UUID.randomUUID();
        Response first = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria", stanceThread(id));
        JsonNode stored = first.readEntity(JsonNode.class);
        assertEquals(200, first.getStatus(), stored.toString());
        assertEquals(List.of("Syria"), texts(stored.at("/targets/new")), stored.toString());
        int v2 = stored.at("/comments/1/version").asInt();
        Response decided = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2Fc2/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"insult\", \"expectedVersion\": " + v2 + "}");
        assertEquals(200, decided.getStatus(), decided.readEntity(String.class));
        List<JsonNode> before = new java.util.ArrayList<>();
        for (String c : List.of("c1", "c2", "c3")) before.add(as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2F" + c).get(JsonNode.class));

        Response again = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria&target=military%20action", stanceThread(id));
        JsonNode body = again.readEntity(JsonNode.class);
        assertEquals(200, again.getStatus(), body.toString());
        assertEquals(List.of("military action"), texts(body.at("/targets/new")), "read now: " + body.get("targets"));
        assertEquals(List.of("Syria"), texts(body.at("/targets/stored")), "stored before: " + body.get("targets"));
        for (JsonNode c : body.get("comments")) {
            assertTrue(c.get("duplicate").asBoolean(), c.toString());
            assertEquals(List.of("Syria", "military action"), targetsOf(c), "answered with the stance on both: " + c);
        }
        assertEquals("AGAINST", body.at("/comments/0/stance/1/label").asText());
        assertEquals("NONE", body.at("/comments/2/stance/1/label").asText());

        for (int i = 0; i < 3; i++) {
            JsonNode was = before.get(i);
            JsonNode now = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2Fc" + (i + 1)).get(JsonNode.class);
            assertEquals(List.of("Syria", "military action"), targetsOf(now), "stored, for the moderator page: " + now);
            for (String field : List.of("attributes", "risk", "status", "decidedBy", "version", "updatedAt", "history", "action", "stanceModel"))
                assertEquals(was.get(field), now.get(field), field + " of c" + (i + 1));
        }
        assertEquals("REJECTED", before.get(1).get("status").asText(), "the moderator's decision, kept");
        assertEquals(2, history(id + "/c2").size(), "no decision added: the policy's and the moderator's");
    }

    /**
     * scripts/submit-page printed the statuses alone (a stance integrator's second review, forty-fifth session): a page
     * sent again with a new --target read the same as one that changed nothing. It now says which comments and targets
     * were read now and which were already stored, and the summary's counts per target and action. Run as a user runs
     * it, on this resource's answers to the page sent twice: import-page and curl stand in for the page and the HTTP
     * call (curl records what it was asked and prints the answer).
     */
    @Test
    void submitPageSaysWhichTargetsWereNewAndSumsTheThreadUp() throws Exception {
        String id = "t-" + UUID.randomUUID();
        String first = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria", stanceThread(id)).readEntity(String.class);
        String again = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria&target=military%20action", stanceThread(id)).readEntity(String.class);

        Path dir = Files.createTempDirectory("parley-submit-page");
        Path scripts = Files.createDirectories(dir.resolve("scripts/lib")).getParent();
        Files.copy(Path.of("..", "scripts", "submit-page"), scripts.resolve("submit-page"));
        Files.copy(Path.of("..", "scripts", "lib", "thread-answer.py"), scripts.resolve("lib/thread-answer.py"));
        Files.writeString(scripts.resolve("import-page"), "#!/bin/sh\necho '{}'\n");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("curl"), "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + dir.resolve("asked") + "'\ncat '" + dir.resolve("answer") + "'\n");
        for (Path f : List.of(scripts.resolve("import-page"), bin.resolve("curl")))
            Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));

        Files.writeString(dir.resolve("answer"), first);
        List<String> once = submitPage(scripts, bin, "--target", "Syria", "page.txt");
        Files.writeString(dir.resolve("answer"), again);
        List<String> twice = submitPage(scripts, bin, "--target", "Syria", "--target", "military action", "page.txt");
        assertTrue(Files.readString(dir.resolve("asked")).contains("/v1/threads?target=Syria&target=military+action"),
                Files.readString(dir.resolve("asked")));

        JsonNode a = JSON.readTree(first), b = JSON.readTree(again);
        java.util.TreeMap<String, Integer> byStatus = new java.util.TreeMap<>();
        b.get("statuses").fields().forEachRemaining(e -> byStatus.put(e.getKey(), e.getValue().asInt()));
        String statuses = String.join(", ", byStatus.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        assertEquals("thread " + id + " article " + b.get("articleId").asText() + ": 3 comments (0 new, 3 already stored): " + statuses,
                twice.get(0), String.join("\n", twice));
        assertTrue(once.get(0).endsWith(": 3 comments: " + statuses), "the first time, no comment was stored: " + once);
        assertTrue(once.contains("targets read now: Syria") && once.stream().noneMatch(l -> l.contains("already stored")), once.toString());
        assertTrue(twice.contains("targets read now: military action"), twice.toString());
        assertTrue(twice.contains("targets already stored: Syria"), twice.toString());
        for (JsonNode row : b.at("/summary/stance")) {
            JsonNode n = row.get("counts");
            assertTrue(twice.contains("  " + row.get("target").asText() + ": FAVOR " + n.get("FAVOR") + ", AGAINST " + n.get("AGAINST")
                    + ", NONE " + n.get("NONE")), row + " in " + twice);
        }
        assertEquals(2, b.at("/summary/stance").size(), b.toString());
        JsonNode actions = a.at("/summary/actions");
        assertTrue(once.contains("actions: PUBLISH " + actions.get("PUBLISH") + ", REVIEW " + actions.get("REVIEW") + ", REJECT "
                + actions.get("REJECT")), once.toString());
    }

    /** scripts/submit-page's output lines, with PATH leading to {@code bin}; it must exit 0. */
    private static List<String> submitPage(Path scripts, Path bin, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", scripts.resolve("submit-page").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("PARLEY_KEY", "k");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "did not stop: " + out);
        assertEquals(0, p.exitValue(), out);
        return out.lines().toList();
    }

    /** The same targets again, by the model's sameness: nothing read, nothing written, and the answer says so. */
    @Test
    void aThreadSentAgainWithTheSameTargetsChangesNothing() {
        String id = "t-" + UUID.randomUUID();
        assertEquals(200, post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria&target=the%20vote", stanceThread(id)).getStatus());
        List<org.parley.service.moderation.StoredComment> was = new java.util.ArrayList<>();
        for (String c : List.of("c1", "c2", "c3")) was.add(STORE.named(id + "/" + c, Sites.EVERY).get(0));

        Response again = post(Fakes.WEBSITE_KEY, "/v1/threads?target=the%20%20Vote&target=%20SYRIA", stanceThread(id));
        JsonNode body = again.readEntity(JsonNode.class);
        assertEquals(200, again.getStatus(), body.toString());
        assertEquals(List.of(), texts(body.at("/targets/new")), body.toString());
        assertEquals(List.of("the  Vote", "SYRIA"), texts(body.at("/targets/stored")), "as sent, without the spaces around");
        for (int i = 0; i < 3; i++) {
            org.parley.service.moderation.StoredComment now = STORE.named(id + "/c" + (i + 1), Sites.EVERY).get(0);
            assertEquals(was.get(i).stanceJson(), now.stanceJson(), "c" + (i + 1) + "'s stance");
            assertEquals(was.get(i).version(), now.version());
            assertEquals(was.get(i).updatedAt(), now.updatedAt());
            assertEquals(List.of("Syria", "the vote"), targetsOf(body.get("comments").get(i)));
        }
        assertEquals("the  Vote", body.at("/summary/stance/0/target").asText(), "the summary names the targets as sent");
        assertEquals(1, body.at("/summary/stance/0/counts/AGAINST").asInt(), body.get("summary").toString());
    }

    /** /v1/score/thread's summary, on /v1/threads: per target FAVOR / AGAINST / NONE, per action, of the comments answered. */
    @Test
    void theAnswerSumsTheThreadUpAsScoreThreadDoes() {
        String id = "t-" + UUID.randomUUID();
        JsonNode body = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria&target=the%20vote", stanceThread(id)).readEntity(JsonNode.class);
        JsonNode summary = body.get("summary");
        assertNotNull(summary, body.toString());
        assertEquals(3, summary.get("comments").asInt());
        assertEquals(List.of("Syria", "the vote"), List.of(summary.at("/stance/0/target").asText(), summary.at("/stance/1/target").asText()));
        for (int t = 0; t < 2; t++) {
            java.util.Map<String, Integer> counts = new java.util.HashMap<>(java.util.Map.of("FAVOR", 0, "AGAINST", 0, "NONE", 0));
            for (JsonNode c : body.get("comments")) counts.merge(c.at("/stance/" + t + "/label").asText(), 1, Integer::sum);
            for (String label : counts.keySet())
                assertEquals(counts.get(label), summary.at("/stance/" + t + "/counts/" + label).asInt(), label + " " + summary);
        }
        assertEquals(1, summary.at("/stance/0/counts/AGAINST").asInt(), summary.toString());
        java.util.Map<String, Integer> actions = new java.util.HashMap<>(java.util.Map.of("PUBLISH", 0, "REVIEW", 0, "REJECT", 0));
        for (JsonNode c : body.get("comments")) actions.merge(c.get("action").asText(), 1, Integer::sum);
        for (String a : actions.keySet()) assertEquals(actions.get(a), summary.at("/actions/" + a).asInt(), a + " " + summary);

        JsonNode none = post(Fakes.WEBSITE_KEY, "/v1/threads", stanceThread("t-" + UUID.randomUUID())).readEntity(JsonNode.class);
        assertEquals(0, none.at("/summary/stance").size(), "no target, no stance rows: " + none.get("summary"));
        assertEquals(3, none.at("/summary/comments").asInt());
        assertFalse(none.has("targets"), "no target named, none to tell apart");
    }

    /**
     * Without a stance model (a service started without one) a thread's targets are none of them read: the summary has no
     * stance rows and still counts every comment's action; the statuses count each status a thread's comment can have,
     * 0 for those none has, and not ERASED. Not reached before the fifty-fifth session's mutation run.
     */
    @Test
    void withoutAStanceModelTheThreadsSummaryCountsItsActionsAlone() throws Throwable {
        Clock clock = Clock.systemUTC();
        Ingestion noStance = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), null, STORE, JSON, clock);
        ResourceExtension service = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                .addResource(new ThreadsResource(noStance, new CommentViews(JSON), MAX_THREAD))
                .build();
        service.before();
        try {
            Response r = service.target("/v1/threads").queryParam("target", "Syria").request()
                    .header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                    .post(Entity.entity(stanceThread("t-" + UUID.randomUUID()), MediaType.APPLICATION_JSON));
            JsonNode body = r.readEntity(JsonNode.class);
            assertEquals(200, r.getStatus(), body.toString());
            assertEquals(0, body.at("/summary/stance").size(), "nothing read, no stance rows: " + body.get("summary"));
            java.util.Map<String, Integer> actions = new java.util.HashMap<>(java.util.Map.of("PUBLISH", 0, "REVIEW", 0, "REJECT", 0));
            for (JsonNode c : body.get("comments")) actions.merge(c.get("action").asText(), 1, Integer::sum);
            for (String a : actions.keySet()) assertEquals(actions.get(a), body.at("/summary/actions/" + a).asInt(), a + " " + body.get("summary"));
            assertEquals(3, actions.values().stream().mapToInt(Integer::intValue).sum());
            java.util.List<String> statuses = new java.util.ArrayList<>();
            body.get("statuses").fieldNames().forEachRemaining(statuses::add);
            assertEquals(List.of("PUBLISHED", "PENDING", "ESCALATED", "REJECTED"), statuses, body.get("statuses").toString());
            int counted = 0;
            for (JsonNode n : body.get("statuses")) counted += n.asInt();
            assertEquals(3, counted, body.get("statuses").toString());
            assertEquals(0, body.at("/statuses/ESCALATED").asInt(), "a status none has is counted 0: " + body.get("statuses"));
        } finally {
            service.after();
        }
    }

    /** Ten targets a request, and ten a stored comment: more across re-sends is a 400 naming target, and nothing is read. */
    @Test
    void aStoredCommentHoldsStanceOnAtMostTenTargets() {
        String id = "t-" + UUID.randomUUID();
        assertEquals(200, post(Fakes.WEBSITE_KEY, "/v1/threads?target=t1&target=t2&target=t3&target=t4&target=t5&target=t6",
                stanceThread(id)).getStatus());
        String before = STORE.named(id + "/c1", Sites.EVERY).get(0).stanceJson();
        Response more = post(Fakes.WEBSITE_KEY, "/v1/threads?target=t1&target=u1&target=u2&target=u3&target=u4&target=u5", stanceThread(id));
        JsonNode refused = more.readEntity(JsonNode.class);
        assertEquals(400, more.getStatus(), refused.toString());
        assertEquals("target", refused.get("field").asText());
        assertEquals(10, refused.get("limit").asInt());
        assertTrue(refused.get("message").asText().contains("holds stance on 6 targets"), refused.toString());
        assertEquals(before, STORE.named(id + "/c1", Sites.EVERY).get(0).stanceJson(), "nothing stored");
        assertEquals(200, post(Fakes.WEBSITE_KEY, "/v1/threads?target=u1&target=u2&target=u3&target=u4", stanceThread(id)).getStatus(),
                "up to ten in all is taken");
    }

    /**
     * known-gaps (forty-first session's audit): POST /v1/comments sent again with another target was answered as stored,
     * the new target neither read nor stored nor named. It is read now, as on /v1/threads, and stored beside the old;
     * scores, status, version and decisions stay as they were; past ten targets in all, a 400 naming targets.
     */
    @Test
    void aCommentSentAgainWithANewTargetStoresItsStanceAndLeavesItsDecisionAlone() {
        String id = unique();
        ObjectNode body = (ObjectNode) JSON.createObjectNode().put("id", id).put("articleId", "a-" + id)
                .put("text", "We must not bomb them.");
        body.putArray("targets").add("Syria");
        Response first = post(Fakes.WEBSITE_KEY, "/v1/comments", body.toString());
        JsonNode stored = first.readEntity(JsonNode.class);
        assertEquals(201, first.getStatus(), stored.toString());
        Response decided = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"insult\", \"expectedVersion\": " + stored.get("version").asInt() + "}");
        assertEquals(200, decided.getStatus(), decided.readEntity(String.class));
        JsonNode before = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);

        ((com.fasterxml.jackson.databind.node.ArrayNode) body.get("targets")).add("military action");
        Response again = post(Fakes.WEBSITE_KEY, "/v1/comments", body.toString());
        JsonNode answer = again.readEntity(JsonNode.class);
        assertEquals(200, again.getStatus(), answer.toString());
        assertTrue(answer.get("duplicate").asBoolean(), answer.toString());
        assertEquals(List.of("Syria", "military action"), targetsOf(answer), "answered with the stance on both");
        assertEquals("AGAINST", answer.at("/stance/1/label").asText(), answer.toString());
        JsonNode now = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(List.of("Syria", "military action"), targetsOf(now), "stored, for the moderator page: " + now);
        for (String field : List.of("attributes", "risk", "status", "decidedBy", "version", "updatedAt", "history", "action"))
            assertEquals(before.get(field), now.get(field), field);
        assertEquals("REJECTED", now.get("status").asText());

        ArrayNode many = body.putArray("targets");
        for (int i = 1; i <= 9; i++) many.add("target " + i);
        Response tooMany = post(Fakes.WEBSITE_KEY, "/v1/comments", body.toString());
        JsonNode refused = tooMany.readEntity(JsonNode.class);
        assertEquals(400, tooMany.getStatus(), refused.toString());
        assertEquals("targets", refused.get("field").asText(), refused.toString());
        assertEquals(10, refused.get("limit").asInt(), refused.toString());
        assertEquals(targetsOf(now), targetsOf(as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class)), "nothing stored");
    }

    /** One transaction per thread: the database refusing its second comment leaves none stored; sent again, all are, once. */
    @Test
    void aThreadTheDatabaseFailsMidwayStoresNoneOfItsComments() {
        String id = "t-" + UUID.randomUUID();
        String marker = "refused" + UUID.randomUUID().toString().replace("-", "");
        String thread = "{\"id\": \"" + id + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"The strike is justified.\"},"
                + "{\"id\": \"c2\", \"text\": \"No, it is not " + marker + "\"},"
                + "{\"id\": \"c3\", \"text\": \"Thanks for the article\"}]}";
        // Only this test's comment breaks the constraint, so the other tests on this database are unaffected.
        JDBI.useHandle(h -> h.execute("ALTER TABLE comments ADD CONSTRAINT " + marker + " CHECK (text NOT LIKE '%" + marker + "%')"));
        try {
            Response failed = post(Fakes.WEBSITE_KEY, "/v1/threads", thread);
            String body = failed.readEntity(String.class);
            assertEquals(500, failed.getStatus(), body);
        } finally {
            JDBI.useHandle(h -> h.execute("ALTER TABLE comments DROP CONSTRAINT " + marker));
        }
        for (String c : List.of("c1", "c2", "c3")) assertTrue(STORE.named(id + "/" + c, Sites.EVERY).isEmpty(), c + " was stored");
        assertEquals(0, (int) JDBI.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM articles WHERE id = :id").bind("id", id)
                .mapTo(Integer.class).one()), "nor its article");

        Response retried = post(Fakes.WEBSITE_KEY, "/v1/threads", thread);
        JsonNode stored = retried.readEntity(JsonNode.class);
        assertEquals(200, retried.getStatus(), stored.toString());
        for (JsonNode c : stored.get("comments")) assertFalse(c.has("duplicate"), c.toString());
        JsonNode again = post(Fakes.WEBSITE_KEY, "/v1/threads", thread).readEntity(JsonNode.class);
        for (JsonNode c : again.get("comments")) assertTrue(c.get("duplicate").asBoolean(), c.toString());
        assertEquals(1, history(id + "/c2").size());
    }

    @Test
    void aReplyByNumberIsLinkedToItsParentLaterOnThePage() {
        String id = "t-" + UUID.randomUUID();
        String thread = "{\"id\": \"" + id + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c2\", \"number\": 2, \"text\": \"Really?\", \"parentNumber\": 1},"
                + "{\"id\": \"c1\", \"number\": 1, \"text\": \"The strike is justified.\"}]}";
        JsonNode reply = post(Fakes.WEBSITE_KEY, "/v1/threads", thread).readEntity(JsonNode.class).at("/comments/0");
        assertEquals(id + "/c1", reply.get("parentId").asText(), "newest first: the parent comes after its reply");
        assertEquals("QUERY", reply.at("/replyStance/label").asText());
        assertEquals("The strike is justified.", as(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "%2Fc2").get(JsonNode.class)
                .at("/parent/text").asText());
    }

    @Test
    void aStaleDecisionIs409WithTheCurrentStateAndTheWinnerIsRecorded() {
        String id = unique();
        submit(id, "I will kill you");
        Response first = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 1, \"note\": \"clear threat\"}");
        assertEquals(200, first.getStatus());
        Response second = post(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
        JsonNode conflict = second.readEntity(JsonNode.class);
        assertEquals(409, second.getStatus());
        assertEquals("REJECTED", conflict.at("/current/status").asText());
        assertEquals(2, conflict.at("/current/version").asInt());

        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        JsonNode last = seen.get("history").get(1);
        assertEquals("REJECT", last.get("decision").asText());
        assertEquals("threat", last.get("reason").asText());
        assertEquals("MODERATOR", last.get("actorKind").asText());
        assertTrue(last.get("actor").asText().startsWith("key:moderator-"), last.toString());
        assertEquals("I will kill you", last.get("text").asText());
        assertEquals(0.8, last.at("/scores/THREAT").asDouble(), 1e-6);
    }

    /** A moderator's audit: a report that came while the comment was on show was closed by the decision unseen. */
    @Test
    void aReportThatArrivesWhileAModeratorReadsMakesTheirDecisionStale() {
        String id = unique();
        JsonNode shown = submit(id, "Thanks for the article");  // what the moderator has on screen: version 1
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"doxxing\"}").close();
        Response stale = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"expectedVersion\": " + shown.get("version").asInt() + "}");
        JsonNode body = stale.readEntity(JsonNode.class);
        assertEquals(409, stale.getStatus(), body.toString());
        assertEquals(1, body.at("/current/openReports").asInt(), "the report is still open, and shown with the 409");
        assertEquals(2, body.at("/current/version").asInt());
        // No one decided: the 409 says a report came, not "someone decided first" (a misleading message).
        String message = body.get("message").asText();
        assertTrue(message.contains("reported") && !message.contains("someone decided"), message);
        assertTrue(message.startsWith("comment " + id + " of " + shown.get("site").asText() + " is at version 2, not 1"), message);
        post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 2}").close();
        JsonNode decided = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"spam\", \"expectedVersion\": 2}").readEntity(JsonNode.class);
        assertTrue(decided.get("message").asText().contains("someone decided first"), decided.toString());
        // A version from the future (a client's bug): neither a report nor a decision came.
        JsonNode ahead = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"expectedVersion\": 9}").readEntity(JsonNode.class);
        assertTrue(ahead.get("message").asText().contains("no such version yet"), ahead.toString());
    }

    /** The moderator deciding a reported comment, or the senior one it was escalated to, sees why readers reported it. */
    @Test
    void aModeratorSeesWhyReadersReportedAComment() {
        String id = unique();
        submit(id, "Thanks for the article");  // published
        // Each report is a new version too, so each decision names the version after the reports it saw.
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"spam link\"}").close();
        post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 2}").close();
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"hate speech\"}").close();
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report", "{}").close();
        post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"ESCALATE\", \"expectedVersion\": 5}").close();
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"still there\"}").close();

        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(1, seen.get("openReports").asInt());
        JsonNode reports = seen.get("reports");
        assertEquals(4, reports.size(), seen.toString());
        assertEquals(List.of("still there", "", "hate speech", "spam link"),
                List.of(reports.get(0).path("reason").asText(), reports.get(1).path("reason").asText(),
                        reports.get(2).path("reason").asText(), reports.get(3).path("reason").asText()), "newest first");
        assertEquals(List.of(true, false, false, false), List.of(reports.get(0).get("open").asBoolean(),
                reports.get(1).get("open").asBoolean(), reports.get(2).get("open").asBoolean(), reports.get(3).get("open").asBoolean()),
                "each decision closed the reports before it");
        assertFalse(reports.get(1).has("reason"), "a report without a reason has none, not an empty one");
        assertTrue(reports.get(0).has("reportedAt"));
        assertFalse(as(Fakes.MODERATOR_KEY, "/v1/queue?status=ESCALATED&limit=200").get(JsonNode.class)
                .at("/comments/0").has("reports"), "queue pages stay light: only the comment's own page lists them");
    }

    @Test
    void bulkDecisionsApplyEachInPlace() {
        String a = unique(), b = unique();
        submit(a, "I will kill you");
        submit(b, "I will kill them");
        post(Fakes.MODERATOR_KEY, "/v1/comments/" + b + "/decision", "{\"decision\": \"ESCALATE\", \"expectedVersion\": 1}").close();
        Response r = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"comments\": ["
                + "{\"id\": \"" + a + "\", \"expectedVersion\": 1}, {\"id\": \"" + b + "\", \"expectedVersion\": 1},"
                + "{\"id\": \"missing\", \"expectedVersion\": 1}]}");
        JsonNode results = r.readEntity(JsonNode.class).get("results");
        assertEquals(200, r.getStatus());
        assertEquals(List.of(200, 409, 404), List.of(results.get(0).get("status").asInt(), results.get(1).get("status").asInt(),
                results.get(2).get("status").asInt()));
        assertEquals("REJECTED", results.get(0).at("/comment/status").asText());
        assertEquals("ESCALATED", results.get(1).at("/comment/status").asText(), "the current state of the conflicting one");
    }

    /**
     * A bulk item refused on its own is answered in place with the id and site it was sent with, so a page can tell
     * which card to mark; an item that is not an object (JSON null) has neither. Untested before the fifty-fifth
     * session's mutation run, where echoing neither (or failing on the null) survived.
     */
    @Test
    void aRefusedBulkItemIsAnsweredInPlaceWithTheIdAndSiteItWasSentWith() {
        String a = unique();
        submit(a, "I will kill you");
        Response r = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": [null,"
                + " {\"id\": \"" + a + "\", \"site\": \"" + SITE + "\"}, {\"id\": \"" + a + "\", \"expectedVersion\": 1}]}");
        JsonNode results = r.readEntity(JsonNode.class).get("results");
        assertEquals(200, r.getStatus(), String.valueOf(results));
        assertEquals(List.of(400, 400, 200), List.of(results.at("/0/status").asInt(), results.at("/1/status").asInt(),
                results.at("/2/status").asInt()), results.toString());
        assertEquals("comments[0]", results.at("/0/error/field").asText(), results.toString());
        assertFalse(results.get(0).has("id") || results.get(0).has("site"), "a null item has no id or site: " + results);
        assertEquals(a, results.at("/1/id").asText(), results.toString());
        assertEquals(SITE, results.at("/1/site").asText(), "the site as sent: " + results);
        assertEquals("comments[1].expectedVersion", results.at("/1/error/field").asText(), results.toString());
    }

    /**
     * A comment gone between its lookup and the write (retention's purge, say): the erasure and the report find no row
     * and answer the 404 of a comment that does not exist, naming the id, rather than a 500. Not reached before the
     * fifty-fifth session's mutation run.
     */
    @Test
    void aCommentGoneBetweenItsLookupAndItsErasureOrReportIsA404() throws Throwable {
        String id = unique();
        submit(id, "Thanks for the article");
        CommentStore gone = org.mockito.Mockito.spy(new CommentStore(JDBI));
        org.mockito.Mockito.doReturn(Optional.empty()).when(gone).erase(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());
        org.mockito.Mockito.doReturn(Optional.empty()).when(gone).report(org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any());
        ResourceExtension service = commentsOver(gone);
        try {
            for (Response r : List.of(
                    service.target("/v1/comments/" + id).request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY).delete(),
                    service.target("/v1/comments/" + id + "/report").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                            .post(Entity.entity("{\"reason\": \"spam\"}", MediaType.APPLICATION_JSON)))) {
                JsonNode body = r.readEntity(JsonNode.class);
                assertEquals(404, r.getStatus(), body.toString());
                assertEquals("no comment with id '" + id + "'", body.get("message").asText(), body.toString());
            }
        } finally {
            service.after();
        }
        assertEquals("PUBLISHED", STORE.find(ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site(), id)
                .orElseThrow().status().name(), "neither write reached the store");
    }

    /**
     * A database review (thirty-eighth session): each bulk item is its own transaction, so when the database went at
     * the second item the first stayed applied, yet the whole answer was the outage's 503, "most likely not applied",
     * and the page said none was. Once an item is applied, the rest are answered in place, 503, not applied.
     */
    @Test
    void aBulkDecisionTheDatabaseStopsMidwayAnswersWhatWasApplied() throws Throwable {
        String a = unique(), b = unique(), c = unique(), d = unique();
        for (String id : List.of(a, b, c, d)) submit(id, "I will kill you");
        String site = ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site();
        CommentStore failing = org.mockito.Mockito.spy(new CommentStore(JDBI));
        org.mockito.Mockito.doThrow(new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                        new java.sql.SQLException("connection lost", "08006"), null))
                .when(failing).decide(org.mockito.ArgumentMatchers.eq(CommentStore.key(site, b)), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                        org.mockito.ArgumentMatchers.anyBoolean(), org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.any());
        ResourceExtension service = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                .addResource(new QueueResource(failing, new QueueReads(JDBI), new CommentViews(JSON), EscalationRule.ADMINS, Clock.systemUTC()))
                .build();
        service.before();
        try {
            // Each item names its site, which the 503s in place echo; the null item after them is not tried either.
            Response r = service.target("/v1/decisions").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                    .post(Entity.entity("{\"decision\": \"APPROVE\", \"comments\": [" + java.util.stream.Stream.of(a, b, c)
                            .map(id -> "{\"id\": \"" + id + "\", \"site\": \"" + site + "\", \"expectedVersion\": 1}, ")
                            .collect(java.util.stream.Collectors.joining()) + "null]}", MediaType.APPLICATION_JSON));
            JsonNode results = r.readEntity(JsonNode.class).get("results");
            assertEquals(200, r.getStatus(), String.valueOf(results));
            assertEquals(List.of(200, 503, 503, 503), List.of(results.at("/0/status").asInt(), results.at("/1/status").asInt(),
                    results.at("/2/status").asInt(), results.at("/3/status").asInt()), results.toString());
            assertTrue(results.at("/1/error/message").asText().startsWith("most likely not applied"), results.toString());
            assertTrue(results.at("/2/error/message").asText().startsWith("not applied (not tried)"), results.toString());
            assertEquals("comments[2]", results.at("/2/error/field").asText());
            assertEquals(List.of(b, site, c, site), List.of(results.at("/1/id").asText(), results.at("/1/site").asText(),
                    results.at("/2/id").asText(), results.at("/2/site").asText()), "each 503 names the item it answers: " + results);
            assertFalse(results.get(3).has("id") || results.get(3).has("site"), "the null item has neither: " + results);
            assertEquals("comments[3]", results.at("/3/error/field").asText());
            assertEquals("PUBLISHED", STORE.find(site, a).orElseThrow().status().name(), "the first, applied");
            assertEquals("PENDING", STORE.find(site, c).orElseThrow().status().name(), "the last, not tried");

            Response first = service.target("/v1/decisions").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                    .post(Entity.entity("{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"" + b + "\", \"expectedVersion\": 1},"
                            + " {\"id\": \"" + d + "\", \"expectedVersion\": 1}]}", MediaType.APPLICATION_JSON));
            assertEquals(503, first.getStatus(), "nothing applied: the outage's own 503, as before");
            // Items answered before the outage but none applied (a missing one's 404, a version not yet made's 409): nothing
            // the whole 503 would hide, so it is the outage's own 503 too.
            Response refusedFirst = service.target("/v1/decisions").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                    .post(Entity.entity("{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"missing-" + d + "\", \"expectedVersion\": 1},"
                            + " {\"id\": \"" + d + "\", \"expectedVersion\": 7}, {\"id\": \"" + b + "\", \"expectedVersion\": 1}]}",
                            MediaType.APPLICATION_JSON));
            assertEquals(503, refusedFirst.getStatus(), "a 404 and a 409, then the outage: " + refusedFirst.readEntity(String.class));
        } finally {
            service.after();
        }
    }

    /**
     * A database outage audit (forty-eighth session): with PostgreSQL holding every COMMIT, a decision and a bulk
     * decision's item were 503s "most likely not applied" though each was applied, and a client that gave up took them
     * for absent. A write whose commit the connection broke under now says it may have been applied (the outage's 503,
     * Retry-After and error shape as before), in place for a bulk item; sent again, the decision is answered as applied.
     * The commit breaks in the JDBC connection ({@link org.parley.service.cli.CommitThenBreakDriver}).
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDecisionWhoseCommitBrokeIsSaidToMayHaveBeenApplied(TestDatabases db) throws Throwable {
        io.dropwizard.db.DataSourceFactory f = db.fresh(tempDir());
        org.parley.service.store.Database.migrate(Jdbi.create(f.getUrl(), f.getUser(), f.getPassword()));
        java.util.Queue<Boolean> breaks = new java.util.concurrent.ConcurrentLinkedQueue<>(); // per decision's commit, in turn
        Jdbi jdbi = Jdbi.create(() -> org.parley.service.cli.CommitThenBreakDriver.breakingCommits(java.sql.DriverManager.getConnection(
                f.getUrl(), f.getUser(), f.getPassword()), "UPDATE comments SET status", () -> Boolean.TRUE.equals(breaks.poll())));
        CommentStore store = new CommentStore(jdbi);
        Clock clock = Clock.systemUTC();
        CommentViews views = new CommentViews(JSON);
        Ingestion ingestion = new Ingestion(Fakes.commentScorer(Fakes.modelHolder(Fakes.scorer(), "v1")), () -> Fakes.served(STANCE),
                store, JSON, clock);
        ResourceExtension service = Fakes.builder(JSON, new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000), new RateLimiter(2, 1000)))
                .addResource(new CommentsResource(ingestion, store, views, EscalationRule.ADMINS, clock))
                .addResource(new QueueResource(store, new QueueReads(jdbi), views, EscalationRule.ADMINS, clock))
                .build();
        String site = ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site();
        String a = unique(), b = unique(), c = unique(), d = unique();
        service.before();
        try {
            for (String id : List.of(a, b, c, d))
                assertEquals(201, service.target("/v1/comments").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                        .post(Entity.entity(submission(id, "I will kill you"), MediaType.APPLICATION_JSON)).getStatus());
            String decision = "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}";
            breaks.add(true);
            Response broken = service.target("/v1/comments/" + a + "/decision").request()
                    .header("Authorization", "Bearer " + Fakes.MODERATOR_KEY).post(Entity.entity(decision, MediaType.APPLICATION_JSON));
            JsonNode why = broken.readEntity(JsonNode.class);
            assertEquals(503, broken.getStatus(), why.toString());
            assertEquals("5", broken.getHeaderString("Retry-After"));
            assertEquals(503, why.get("code").asInt(), why.toString());
            assertTrue(why.get("message").asText().startsWith("the database did not answer as it committed the request: it may have "
                    + "been applied. Send the same request again after 5 s"), why.toString());
            assertEquals("PUBLISHED", store.find(site, a).orElseThrow().status().name(), "applied all the same");
            Response again = service.target("/v1/comments/" + a + "/decision").request()
                    .header("Authorization", "Bearer " + Fakes.MODERATOR_KEY).post(Entity.entity(decision, MediaType.APPLICATION_JSON));
            assertEquals(200, again.getStatus(), "sent again: answered as applied");

            breaks.addAll(List.of(false, true)); // b applied, c's commit broken, d not tried
            JsonNode results = approvedTogether(service, b, c, d);
            assertEquals(List.of(200, 503, 503), List.of(results.at("/0/status").asInt(), results.at("/1/status").asInt(),
                    results.at("/2/status").asInt()), results.toString());
            assertTrue(results.at("/1/error/message").asText().startsWith("may have been applied: the database did not answer as it "
                    + "committed it"), results.toString());
            assertTrue(results.at("/2/error/message").asText().startsWith("not applied (not tried)"), results.toString());
            assertEquals("PUBLISHED", store.find(site, c).orElseThrow().status().name(), "applied all the same");
            assertEquals("PENDING", store.find(site, d).orElseThrow().status().name(), "not tried");
        } finally {
            service.after();
        }
    }

    /** A moderator's audit: any moderator could decide an escalated comment; it is now an admin's. */
    @Test
    void anEscalatedCommentIsDecidedByAnAdminOnly() {
        String id = unique();
        submit(id, "I will kill you");
        assertEquals(200, post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"ESCALATE\", \"expectedVersion\": 1, \"note\": \"ask legal\"}").getStatus());

        expectError(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 2}", 403, "decision");
        Response bulk = post(Fakes.MODERATOR_KEY, "/v1/decisions",
                "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"" + id + "\", \"expectedVersion\": 2}]}");
        JsonNode item = bulk.readEntity(JsonNode.class).at("/results/0");
        assertEquals(403, item.get("status").asInt(), item.toString());
        assertEquals("comments[0].decision", item.at("/error/field").asText());
        assertTrue(item.at("/error/message").asText().contains("only an admin"), item.toString());
        assertEquals("ESCALATED", item.at("/comment/status").asText(), "shown as it is, so the page can say why");
        assertEquals(2, as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class).get("version").asInt(), "nothing written");

        Response decided = post(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 2}");
        JsonNode body = decided.readEntity(JsonNode.class);
        assertEquals(200, decided.getStatus(), body.toString());
        assertEquals("REJECTED", body.get("status").asText());
        assertEquals("ask legal", body.at("/history/1/note").asText(), "the admin reads why it was escalated");
    }

    /**
     * A third penetration test (forty-third session): once an admin had decided an escalated comment, any moderator of
     * its site could at once REOPEN and decide it again (an admin's REJECT, then a moderator's REOPEN and APPROVE, all
     * 200s). A senior's decision sticks: alone and in bulk, the moderator's REOPEN and APPROVE are the 403 naming
     * decision, and the comment says seniorOnly; the admin's own REOPEN gives it back to every moderator.
     */
    @Test
    void whatAnAdminDecidedAfterAnEscalationIsNoModeratorsToReviseOrReopen() {
        String id = unique();
        submit(id, "I will kill you");
        assertEquals(200, post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"ESCALATE\", \"expectedVersion\": 1}").getStatus());
        JsonNode rejected = post(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 2}").readEntity(JsonNode.class);
        assertEquals("REJECTED", rejected.get("status").asText(), rejected.toString());
        assertTrue(rejected.path("seniorOnly").asBoolean(), rejected.toString());

        for (String decision : List.of("REOPEN", "APPROVE")) {
            Response r = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                    "{\"decision\": \"" + decision + "\", \"expectedVersion\": 3}");
            JsonNode error = r.readEntity(JsonNode.class);
            assertEquals(403, r.getStatus(), decision + ": " + error);
            assertEquals("decision", error.path("field").asText(), error.toString());
            String message = error.path("message").asText();
            assertTrue(message.startsWith("comment " + id + " of ") && message.endsWith(" was decided by an admin after its escalation:"
                    + " only an admin may decide it again (an admin's REOPEN gives it back to every moderator)"), message);
        }
        JsonNode item = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REOPEN\", \"comments\": [{\"id\": \"" + id
                + "\", \"expectedVersion\": 3}]}").readEntity(JsonNode.class).at("/results/0");
        assertEquals(403, item.get("status").asInt(), item.toString());
        assertEquals("comments[0].decision", item.at("/error/field").asText(), item.toString());
        assertTrue(item.at("/error/message").asText().contains("after its escalation"), item.toString());
        assertEquals("REJECTED", item.at("/comment/status").asText(), "shown as it is, so the page can say why");
        assertTrue(item.at("/comment/seniorOnly").asBoolean(), item.toString());
        JsonNode now = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(3, now.get("version").asInt(), "nothing written");
        assertEquals("REJECTED", now.get("status").asText());

        JsonNode reopened = post(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REOPEN\", \"expectedVersion\": 3}").readEntity(JsonNode.class);
        assertEquals("PENDING", reopened.get("status").asText(), reopened.toString());
        assertFalse(reopened.has("seniorOnly"), reopened.toString());
        Response approved = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 4}");
        assertEquals(200, approved.getStatus(), approved.readEntity(String.class));
    }

    /**
     * The forty-fourth session: the comment in a store's answer (POST /v1/comments and /v1/threads sent again) carried
     * seniorOnly to website keys, which decide nothing: it is moderation state, who among the site's moderators may
     * decide it. A website key's answer leaves it out; a moderator's key or session (a site's own tools) still sees it.
     */
    @Test
    void seniorOnlyIsShownToModeratorsNotToWebsiteKeys() {
        String id = unique();
        String thread = "t-" + UUID.randomUUID();
        String threadBody = "{\"id\": \"" + thread + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"I will kill you\"}]}";
        submit(SITE_KEY, id, "I will kill you");
        assertEquals(200, post(SITE_KEY, "/v1/threads", threadBody).getStatus());
        for (String escalated : List.of(id, thread + "%2Fc1"))
            assertEquals(200, post(SITE_MODERATOR_KEY, "/v1/comments/" + escalated + "/decision",
                    "{\"decision\": \"ESCALATE\", \"expectedVersion\": 1}").getStatus(), escalated);

        JsonNode site = post(SITE_KEY, "/v1/comments", submission(id, "I will kill you")).readEntity(JsonNode.class);
        assertEquals(List.of("ESCALATED", "true"), List.of(site.path("status").asText(), site.path("duplicate").asText()), site.toString());
        assertFalse(site.has("seniorOnly"), "a website key's answer: " + site);
        JsonNode siteThread = post(SITE_KEY, "/v1/threads", threadBody).readEntity(JsonNode.class).at("/comments/0");
        assertEquals("ESCALATED", siteThread.path("status").asText(), siteThread.toString());
        assertFalse(siteThread.has("seniorOnly"), "a website key's thread: " + siteThread);

        JsonNode moderator = post(SITE_MODERATOR_KEY, "/v1/comments", submission(id, "I will kill you")).readEntity(JsonNode.class);
        assertTrue(moderator.path("duplicate").asBoolean() && moderator.path("seniorOnly").asBoolean(), moderator.toString());
        assertTrue(post(SITE_MODERATOR_KEY, "/v1/threads", threadBody).readEntity(JsonNode.class).at("/comments/0/seniorOnly")
                .asBoolean(), "a moderator key's thread");
        JsonNode session = post(tokenOf("sam"), "/v1/threads", threadBody).readEntity(JsonNode.class).at("/comments/0");
        assertTrue(session.path("seniorOnly").asBoolean(), "a moderator's session: " + session);
    }

    /**
     * A moderator's third audit: a comment approved by mistake could be revised, never put back in Pending unread. REOPEN
     * does, in the history as any decision, with the version check and the retry's; PENDING already is a 409 naming
     * decision; a reason is a 400 naming it; bulk decisions take it too.
     */
    @Test
    void aReopenPutsADecidedCommentBackInPendingAndAPendingOneIsA409NamingDecision() {
        String id = unique(), other = unique();
        submit(id, "I will kill you");
        submit(other, "I will kill them");
        assertEquals(200, post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").getStatus());

        String reopen = "{\"decision\": \"reopen\", \"expectedVersion\": 2, \"note\": \"approved by mistake\"}";
        Response r = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", reopen);
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals(200, r.getStatus(), body.toString());
        assertEquals(List.of("PENDING", "MODERATOR", "3"), List.of(body.get("status").asText(), body.get("decidedBy").asText(),
                body.get("version").asText()));
        JsonNode last = body.at("/history/2");
        assertEquals(List.of("REOPEN", "PENDING", "approved by mistake", "3"), List.of(last.get("decision").asText(),
                last.get("status").asText(), last.get("note").asText(), last.get("version").asText()), last.toString());
        assertTrue(last.get("actor").asText().startsWith("key:moderator-"), last.toString());
        assertTrue(last.has("decidedAt"), last.toString());
        JsonNode pending = as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&limit=200").get(JsonNode.class).get("comments");
        assertTrue(pending.findValuesAsText("id").contains(id), "back in Pending");

        // Its answer lost, sent again: applied once. Stale: the 409 of any decision.
        Response again = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", reopen);
        assertEquals(3, again.readEntity(JsonNode.class).get("version").asInt());
        assertEquals(3, history(id).size());
        expectError(Fakes.ADMIN_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"REOPEN\", \"expectedVersion\": 2}", 409, "expectedVersion");
        // PENDING already: nothing to reopen, nothing written.
        Response noop = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"REOPEN\", \"expectedVersion\": 3}");
        JsonNode refused = noop.readEntity(JsonNode.class);
        assertEquals(409, noop.getStatus(), refused.toString());
        assertEquals("decision", refused.get("field").asText());
        assertTrue(refused.get("message").asText().contains("is PENDING already"), refused.toString());
        assertEquals("PENDING", refused.at("/current/status").asText());
        assertEquals(3, history(id).size());
        expectError(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REOPEN\", \"reason\": \"insult\", \"expectedVersion\": 3}", 400, "reason");

        // Bulk: one decided comment reopened, one PENDING already refused in place.
        post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"expectedVersion\": 3}").close();
        Response bulk = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REOPEN\", \"comments\": ["
                + "{\"id\": \"" + id + "\", \"expectedVersion\": 4}, {\"id\": \"" + other + "\", \"expectedVersion\": 1}]}");
        JsonNode results = bulk.readEntity(JsonNode.class).get("results");
        assertEquals(200, bulk.getStatus(), String.valueOf(results));
        assertEquals(List.of(200, 409), List.of(results.at("/0/status").asInt(), results.at("/1/status").asInt()), results.toString());
        assertEquals("PENDING", results.at("/0/comment/status").asText());
        assertEquals("comments[1].decision", results.at("/1/error/field").asText());
        assertEquals(List.of("REVIEW", "APPROVE", "REOPEN", "REJECT", "REOPEN"), history(id).stream()
                .map(org.parley.service.moderation.DecisionRecord::decision).toList());
        expectError(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"UNDO\", \"expectedVersion\": 5}", 400, "decision");
    }

    /** A moderator's audit: a bulk reject gave every comment the toolbar's reason, and so the same training label. */
    @Test
    void aBulkRejectTakesEachCommentsOwnReasonOrTheSharedOne() {
        String a = unique(), b = unique(), c = unique(), d = unique();
        for (String id : List.of(a, b, c, d)) submit(id, "Thanks for the article");
        Response r = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REJECT\", \"comments\": ["
                + "{\"id\": \"" + a + "\", \"expectedVersion\": 1, \"reason\": \"insult\"},"
                + "{\"id\": \"" + b + "\", \"expectedVersion\": 1},"
                + "{\"id\": \"" + c + "\", \"expectedVersion\": 1, \"reason\": \"rude\"}]}");
        JsonNode results = r.readEntity(JsonNode.class).get("results");
        assertEquals(200, r.getStatus());
        assertEquals("insult", as(Fakes.MODERATOR_KEY, "/v1/comments/" + a).get(JsonNode.class).at("/history/1/reason").asText());
        assertEquals(400, results.get(1).get("status").asInt());
        assertEquals("comments[1].reason", results.get(1).at("/error/field").asText(), "no reason of its own and none shared");
        assertEquals("comments[2].reason", results.get(2).at("/error/field").asText());

        r = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"comments\": ["
                + "{\"id\": \"" + b + "\", \"expectedVersion\": 1},"
                + "{\"id\": \"" + d + "\", \"expectedVersion\": 1, \"reason\": \"profanity\"}]}");
        assertEquals(200, r.getStatus());
        r.close();
        assertEquals("threat", as(Fakes.MODERATOR_KEY, "/v1/comments/" + b).get(JsonNode.class).at("/history/1/reason").asText());
        assertEquals("profanity", as(Fakes.MODERATOR_KEY, "/v1/comments/" + d).get(JsonNode.class).at("/history/1/reason").asText(),
                "an item's own reason wins over the shared one");
        expectError(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"APPROVE\", \"reason\": \"insult\", \"comments\": ["
                + "{\"id\": \"" + a + "\", \"expectedVersion\": 2}]}", 400, "reason");
    }

    @Test
    void theQueueListsPendingCommentsHighestRiskFirst() {
        String article = "a-" + UUID.randomUUID();
        for (String[] c : new String[][]{{"x1", "I will kill you"}, {"x2", "kill kill"}}) {
            ObjectNode n = JSON.createObjectNode().put("id", article + c[0]).put("articleId", article).put("text", c[1]);
            post(Fakes.WEBSITE_KEY, "/v1/comments", n.toString()).close();
        }
        JsonNode page = as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&articleId=" + article).get(JsonNode.class);
        assertEquals(2, page.get("total").asInt());
        double first = page.at("/comments/0/risk").asDouble(), second = page.at("/comments/1/risk").asDouble();
        assertTrue(first >= second);
        assertFalse(page.has("next"), "the page is not full: nothing behind it");
        JsonNode one = as(Fakes.MODERATOR_KEY, "/v1/queue?limit=1&articleId=" + article).get(JsonNode.class);
        JsonNode rest = as(Fakes.MODERATOR_KEY, "/v1/queue?limit=1&articleId=" + article + "&after=" + one.get("next").asText())
                .get(JsonNode.class);
        assertEquals(page.at("/comments/1/id"), rest.at("/comments/0/id"), "next asks for the page behind");
        JsonNode counts = as(Fakes.MODERATOR_KEY, "/v1/queue/counts?articleId=" + article).get(JsonNode.class);
        assertEquals(2, counts.get("PENDING").asInt());
        post(Fakes.WEBSITE_KEY, "/v1/comments/" + article + "x1/report", "{\"reason\": \"abusive\"}").close();
        JsonNode reported = post(Fakes.WEBSITE_KEY, "/v1/comments/" + article + "x1/report", "{\"reportId\": \"r-7\"}")
                .readEntity(JsonNode.class);
        assertEquals(2, reported.get("openReports").asInt());
        assertFalse(reported.has("duplicate"));
        JsonNode retried = post(Fakes.WEBSITE_KEY, "/v1/comments/" + article + "x1/report", "{\"reportId\": \"r-7\"}")
                .readEntity(JsonNode.class);
        assertEquals(2, retried.get("openReports").asInt(), "a retried report counts once");
        assertTrue(retried.get("duplicate").asBoolean());
        assertEquals(0, as(Fakes.MODERATOR_KEY, "/v1/queue?status=REPORTED&articleId=" + article).get(JsonNode.class)
                .get("total").asInt(), "a pending comment is not on the site, so it is not in REPORTED");
    }

    @Test
    void aModeratorLogsInWithACookieSessionAndOutAgain() {
        Response bad = post(null, "/v1/session", "{\"username\": \"alice\", \"password\": \"wrong\"}");
        assertEquals(401, bad.getStatus());
        assertEquals(403, post(null, "/v1/session", "{\"username\": \"wendy\", \"password\": \"" + PASSWORD + "\"}").getStatus(),
                "a website account may not log in to moderate");

        assertEquals(401, post(null, "/v1/session", "{\"username\": \"alice\", \"password\": \"" + "a".repeat(150) + "\"}").getStatus(),
                "longer than bcrypt reads: wrong, not a server error");
        Response login = post(null, "/v1/session", "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(200, login.getStatus());
        assertEquals("no-store", login.getHeaderString("Cache-Control"), "the body holds the token");
        String cookie = login.getHeaderString("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        JsonNode session = login.readEntity(JsonNode.class);
        String token = session.get("token").asText();
        assertFalse(session.get("decidesEscalated").asBoolean(), "a moderator passes escalations up, and the page knows it");
        assertTrue(as(Fakes.ADMIN_KEY, "/v1/session").get(JsonNode.class).get("decidesEscalated").asBoolean());
        assertTrue(cookie.startsWith(SessionCookie.PLAIN.name() + "=" + token));

        Response queue = RESOURCES.target("/v1/queue").request().cookie(SessionCookie.PLAIN.name(), token).get();
        assertEquals(200, queue.getStatus());
        String id = unique();
        submit(id, "I will kill you");
        Response decided = RESOURCES.target("/v1/comments/" + id + "/decision").request().cookie(SessionCookie.PLAIN.name(), token)
                .post(Entity.json("{\"decision\": \"APPROVE\", \"expectedVersion\": 1}"));
        assertEquals("alice", decided.readEntity(JsonNode.class).at("/history/1/actor").asText());

        RESOURCES.target("/v1/session").request().cookie(SessionCookie.PLAIN.name(), token).delete().close();
        assertEquals(401, RESOURCES.target("/v1/queue").request().cookie(SessionCookie.PLAIN.name(), token).get().getStatus());
        assertEquals(401, RESOURCES.target("/v1/queue").request().cookie(SessionCookie.PLAIN.name(), Fakes.MODERATOR_KEY).get().getStatus(),
                "the cookie holds sessions, not API keys");

        // An API client logs out with the token it was given.
        String bearer = tokenOf("alice");
        assertEquals(200, as(bearer, "/v1/session").get().getStatus());
        assertEquals(204, as(bearer, "/v1/session").delete().getStatus());
        assertEquals(401, as(bearer, "/v1/session").get().getStatus());
    }

    @Test
    void guessingAPasswordIsThrottledPerUsername() {
        ACCOUNTS.put("carol", PASSWORD.toCharArray(), Role.MODERATOR, Instant.now());
        for (int i = 0; i < 10; i++)
            assertEquals(401, post(null, "/v1/session", "{\"username\": \"carol\", \"password\": \"guess" + i + "\"}").getStatus());
        Response throttled = post(null, "/v1/session", "{\"username\": \"Carol\", \"password\": \"" + PASSWORD + "\"}");
        assertEquals(429, throttled.getStatus(), "the 11th attempt within minutes, even with the right password");
        assertNotNull(throttled.getHeaderString("Retry-After"));
        assertEquals(200, post(null, "/v1/session", "{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}").getStatus(),
                "other usernames are not held up");
    }

    /** Every moderation endpoint, with a body that would otherwise be accepted. */
    private static final String[][] MODERATION = {
            {"GET", "/v1/queue", null},
            {"GET", "/v1/queue/counts", null},
            {"GET", "/v1/articles", null},
            {"GET", "/v1/sites", null},
            {"GET", "/v1/comments/some-id", null},
            {"POST", "/v1/comments/some-id/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}"},
            {"POST", "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"x\", \"expectedVersion\": 1}]}"},
            {"GET", "/v1/session", null},
    };

    @Test
    void websiteKeysAndAnonymousCallersCannotReachAnyModerationEndpoint() {
        for (String[] e : MODERATION) {
            assertEquals(403, call(Fakes.WEBSITE_KEY, e).getStatus(), "website key on " + e[0] + " " + e[1]);
            assertEquals(401, call(null, e).getStatus(), "no key on " + e[0] + " " + e[1]);
            int asModerator = call(Fakes.MODERATOR_KEY, e).getStatus();
            assertTrue(asModerator != 401 && asModerator != 403, e[1] + " with a moderator key: " + asModerator);
        }
        for (String[] e : new String[][]{{"POST", "/v1/comments", submission(unique(), "hello")},
                {"POST", "/v1/threads", "{}"}, {"GET", "/v1/comments/x/status", null}, {"POST", "/v1/comments/x/report", "{}"}})
            assertEquals(401, call(null, e).getStatus(), "no key on " + e[1]);
    }

    /**
     * The key a site publishes in its pages, which anyone may copy: it stores, reads and reports no comment, not even
     * its own site's, and every endpoint here is a 403 that names the role it needs (not the 404 of another site's).
     */
    @Test
    void aScorerKeyStoresReportsReadsAndModeratesNothingEvenOfItsOwnSite() {
        String id = unique(), fresh = unique(), threadId = "t-" + UUID.randomUUID();
        submit(SITE_KEY, id, "Thanks for the article");
        String[][] website = {{"POST", "/v1/comments", submission(fresh, "hello")},
                {"POST", "/v1/threads", "{\"id\": \"" + threadId + "\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"hi\"}]}"},
                {"GET", "/v1/comments/" + id + "/status", null}, {"POST", "/v1/comments/" + id + "/report", "{\"reason\": \"spam\"}"}};
        for (String key : List.of(SITE_PAGE_KEY, Fakes.SCORER_KEY)) {
            for (String[] e : website) refusedNaming(call(key, e), e[1], "website");
            for (String[] e : MODERATION) refusedNaming(call(key, e), e[1], "moderator");
        }
        assertTrue(STORE.named(fresh, Sites.EVERY).isEmpty(), "not stored");
        assertTrue(STORE.named(threadId + "/c1", Sites.EVERY).isEmpty(), "no comment of the thread stored");
        JsonNode stored = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(0, stored.get("openReports").asInt(), "no report stored: " + stored);
        assertEquals(1, stored.get("version").asInt(), stored.toString());
    }

    /** A moderator's bulk approve of {@code ids} (each at version 1) on {@code service}: a 200, and its results in place. */
    private static JsonNode approvedTogether(ResourceExtension service, String... ids) {
        String items = java.util.Arrays.stream(ids).map(id -> "{\"id\": \"" + id + "\", \"expectedVersion\": 1}")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        Response r = service.target("/v1/decisions").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                .post(Entity.entity("{\"decision\": \"APPROVE\", \"comments\": " + items + "}", MediaType.APPLICATION_JSON));
        JsonNode results = r.readEntity(JsonNode.class).get("results");
        assertEquals(200, r.getStatus(), String.valueOf(results));
        return results;
    }

    private static void refusedNaming(Response r, String path, String needed) {
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals(403, r.getStatus(), path + ": " + body);
        assertEquals("role scorer may not use " + path + ": it needs " + needed + " or a role above it", body.get("message").asText());
        assertEquals("key", body.path("field").asText(), "the credential whose role falls short: " + body);
    }

    private static Response call(String key, String[] e) {
        return e[0].equals("GET") ? as(key, e[1]).get() : post(key, e[1], e[2]);
    }

    /** /v1/score/thread's "targets", sent to /v1/threads: the thread format's "unknown field" said nothing of ?target=. */
    @Test
    void targetsInAThreadsBodyPointToTheQueryParameter() {
        Response r = post(Fakes.WEBSITE_KEY, "/v1/threads",
                "{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"hi\"}], \"targets\": [\"Syria\"]}");
        JsonNode body = r.readEntity(JsonNode.class);
        assertEquals(400, r.getStatus(), body.toString());
        assertEquals("targets", body.get("field").asText());
        assertTrue(body.get("message").asText().contains("?target="), body.toString());
    }

    /**
     * A stance integrator's second review (forty-fifth session): {@code ?targets=} (the body's name on /v1/score and
     * /v1/score/thread) or {@code ?Target=} stored the thread with no stance and no word. A parameter the endpoint does
     * not read is a 400 naming it and pointing to target=; nothing is stored.
     */
    @Test
    void aQueryParameterThreadsDoesNotReadIsRefusedNamingIt() {
        for (String query : List.of("targets=Syria", "target=Syria&Target=Putin", "target=Syria&tagret=Putin")) {
            String id = "t-" + UUID.randomUUID();
            Response r = post(Fakes.WEBSITE_KEY, "/v1/threads?" + query, stanceThread(id));
            JsonNode body = r.readEntity(JsonNode.class);
            String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
            assertEquals(400, r.getStatus(), query + " -> " + body);
            assertEquals(name, body.get("field").asText(), body.toString());
            assertTrue(body.get("message").asText().contains("target=PHRASE"), body.toString());
            assertTrue(STORE.named(id + "/c1", Sites.EVERY).isEmpty(), "nothing stored");
        }
        Response keyed = post(Fakes.WEBSITE_KEY, "/v1/threads?target=Syria&key=" + Fakes.WEBSITE_KEY, stanceThread("t-" + UUID.randomUUID()));
        assertEquals(200, keyed.getStatus(), "the key may come as a parameter: " + keyed.readEntity(String.class));
    }

    /**
     * A fourth penetration test (forty-sixth session): {@code ?site=b.example} on POST /v1/comments stored the comment
     * for the key's own site, and {@code ?target=} (/v1/threads') stored it with no stance, with no word. It reads key
     * alone now, as /v1/threads reads target and key; anything else is a 400 naming it, and nothing is stored.
     */
    @Test
    void aQueryParameterCommentsDoesNotReadIsRefusedNamingIt() {
        for (String query : List.of("site=b.example", "target=Syria", "targets=Syria", "Key=" + Fakes.WEBSITE_KEY)) {
            String id = unique();
            Response r = post(Fakes.WEBSITE_KEY, "/v1/comments?" + query, submission(id, "Thanks for the article"));
            JsonNode body = r.readEntity(JsonNode.class);
            assertEquals(400, r.getStatus(), query + " -> " + body);
            assertEquals(query.substring(0, query.indexOf('=')), body.get("field").asText(), body.toString());
            assertTrue(body.get("message").asText().contains("reads key only"), body.toString());
            assertTrue(STORE.named(id, Sites.EVERY).isEmpty(), "nothing stored");
        }
        Response keyed = post(Fakes.WEBSITE_KEY, "/v1/comments?key=" + Fakes.WEBSITE_KEY, submission(unique(), "Thanks for the article"));
        assertEquals(201, keyed.getStatus(), "the key may come as a parameter: " + keyed.readEntity(String.class));
    }

    /**
     * A website integrator's audit (sixty-sixth session): a misspelt {@code ?stie=} was ignored on a site's status,
     * withdrawal and report. Each reads site and key; anything else is a 400 naming it, and the withdrawal erases nothing.
     */
    @Test
    void aSitesReadsAndWritesOfOneCommentRefuseAParameterTheyDoNotRead() {
        String id = unique();
        assertEquals(201, post(Fakes.WEBSITE_KEY, "/v1/comments", submission(id, "Thanks for the article")).getStatus());
        for (Response r : List.of(as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status?stie=a").get(),
                as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "?stie=a").delete(),
                post(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/report?stie=a", "{}"))) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertEquals(400, r.getStatus(), body.toString());
            assertEquals("stie", body.get("field").asText(), body.toString());
            assertTrue(body.get("message").asText().contains("reads site and key only"), body.toString());
        }
        JsonNode now = as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status?key=" + Fakes.WEBSITE_KEY).get().readEntity(JsonNode.class);
        assertEquals("PUBLISHED", now.get("status").asText(), "neither erased nor reported: " + now);
        assertEquals(1, now.get("version").asInt(), now.toString());
    }

    /**
     * A website integrator's audit (sixty-sixth session): a site could not tell its reader why a comment was rejected.
     * Its status says who set it, and a moderator's rejection its reason; the policy's, and what is not rejected, none.
     */
    @Test
    void aSitesStatusSaysWhoDecidedAndWhyAModeratorRejected() {
        String id = unique();
        assertEquals(201, post(Fakes.WEBSITE_KEY, "/v1/comments", submission(id, "Thanks for the article")).getStatus());
        JsonNode published = as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status").get().readEntity(JsonNode.class);
        assertEquals("RULE", published.get("decidedBy").asText(), published.toString());
        assertFalse(published.has("reason"), published.toString());

        Response rejected = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision",
                "{\"decision\": \"REJECT\", \"reason\": \"spam\", \"expectedVersion\": 1}");
        assertEquals(200, rejected.getStatus(), rejected.readEntity(String.class));
        JsonNode now = as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status").get().readEntity(JsonNode.class);
        assertEquals(List.of("REJECTED", "MODERATOR", "spam"), List.of(now.get("status").asText(), now.get("decidedBy").asText(),
                now.get("reason").asText()), now.toString());

        Response reopened = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 2}");
        assertEquals(200, reopened.getStatus(), reopened.readEntity(String.class));
        JsonNode approved = as(Fakes.WEBSITE_KEY, "/v1/comments/" + id + "/status").get().readEntity(JsonNode.class);
        assertFalse(approved.has("reason"), "the rejection's reason goes with it: " + approved);
    }

    /** A thread comment's quote may hold as much as a text the models read, 20,480 characters, and not one more. */
    @Test
    void aThreadCommentsQuoteIsStoredUpToTheLimitAndRefusedPastIt() {
        String quote = "q".repeat(20_480);
        String at = "{\"id\": \"t-" + UUID.randomUUID() + "\", \"article\": {\"title\": \"T\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"Thanks\", \"quote\": \"%s\"}]}";
        Response stored = post(Fakes.WEBSITE_KEY, "/v1/threads", at.formatted(quote));
        assertEquals(200, stored.getStatus(), stored.readEntity(String.class));
        Response refused = post(Fakes.WEBSITE_KEY, "/v1/threads", at.replace("t-", "u-").formatted(quote + "q"));
        JsonNode why = refused.readEntity(JsonNode.class);
        assertEquals(400, refused.getStatus(), why.toString());
        assertEquals("comments[0].quote", why.get("field").asText(), why.toString());
        assertEquals(20_480, why.get("limit").asInt(), why.toString());
    }

    @Test
    void badInputOnEveryEndpointIsA4xxNamingTheField() {
        String longText = "x".repeat(20_481);
        String id = unique();
        submit(id, "I will kill you");
        Object[][] cases = {
                {"/v1/comments", "{\"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                {"/v1/comments", "{\"id\": \"i\", \"text\": \"hi\"}", 400, "articleId"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\"}", 400, "text"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"   \"}", 400, "text"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"" + longText + "\"}", 400, "text"},
                {"/v1/comments", "{\"id\": \"" + "i".repeat(201) + "\", \"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"number\": 0}", 400, "number"},
                // Thread t's comment c is stored as t/c: a comment sent alone may not take that id.
                {"/v1/comments", "{\"id\": \"t/c\", \"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                // A Node.js integrator's audit: "." and ".." were stored, and no URL reaches them (clients drop dot segments).
                {"/v1/comments", "{\"id\": \"..\", \"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                {"/v1/comments", "{\"id\": \".\", \"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"rating\": {\"up\": -1, \"down\": 0}}", 400, "rating.up"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"rating\": {\"up\": 1}}", 400, "rating.down"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"colour\": 1}", 400, "colour"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": 5}", 400, "text"},
                {"/v1/comments", "{\"id\": \"i\", ", 400, "body"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"targets\": [\"\"]}", 400, "targets[0]"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"parentId\": \"i\"}", 400, "parentId"},
                {"/v1/threads", "[]", 400, "body"},
                // "a/b" + "c" and "a" + "b/c" would both be stored as a/b/c.
                {"/v1/threads", "{\"id\": \"a/b\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \"c\", \"text\": \"hi\"}]}", 400, "id"},
                {"/v1/threads", "{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \"c1\"}]}", 400, "comments[0].text"},
                {"/v1/threads", thread(MAX_THREAD + 1), 413, "comments"},
                {"/v1/comments/" + id + "/report", "{\"reason\": \"" + "r".repeat(201) + "\"}", 400, "reason"},
                {"/v1/comments/" + id + "/report", "{\"reportId\": \"" + "r".repeat(201) + "\"}", 400, "reportId"},
                {"/v1/comments/" + id + "/report", "{\"reportId\": \" \"}", 400, "reportId"},
                {"/v1/threads?target=" + "t".repeat(201), thread(1), 400, "target[0]"},
                // Bytes that are not UTF-8 (a lone surrogate's, %ED%A0%80) were decoded to U+FFFD and stance stored on "\ufffd".
                {"/v1/threads?target=Syria&target=%ED%A0%80", thread(1), 400, "target[1]"},
                // A repeated target stored each comment's stance on it twice (a stance integrator's review, thirty-ninth session).
                {"/v1/threads?target=Syria&target=syria", thread(1), 400, "target[1]"},
                // A control character was stored and shown as sent (a stance integrator's second review, forty-fifth session).
                {"/v1/threads?target=war&target=Syria%07", thread(1), 400, "target[1]"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"targets\": [\"Sy\\u009bria\"]}", 400, "targets[0]"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"targets\": [\"war\", \"War\"]}", 400, "targets[1]"},
                // PostgreSQL's text cannot hold U+0000: refused before it reaches the store, as a 400, not a 500.
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\\u0000\"}", 400, "text"},
                {"/v1/comments", "{\"id\": \"i\", \"articleId\": \"a\", \"text\": \"hi\", \"parentAuthor\": \"" + "p".repeat(201) + "\"}", 400, "parentAuthor"},
                {"/v1/threads", "{\"id\": \"\\u0000\", \"article\": {\"title\": \"T\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"hi\"}]}", 400, "id"},
                {"/v1/comments/" + id + "/report", "{\"reason\": \"\\u0000\"}", 400, "reason"},
                // An unpaired surrogate was stored as '?': "i\udc00" and "i\udc01" became one comment.
                {"/v1/comments", "{\"id\": \"i\\udc00\", \"articleId\": \"a\", \"text\": \"hi\"}", 400, "id"},
                {"/v1/threads", "{\"id\": \"t\", \"article\": {\"title\": \"T\\ud800\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"hi\"}]}", 400, "article.title"},
        };
        for (Object[] c : cases) expectError(Fakes.WEBSITE_KEY, (String) c[0], (String) c[1], (int) c[2], (String) c[3]);
        Object[][] moderator = {
                {"/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\"}", 400, "expectedVersion"},
                {"/v1/comments/" + id + "/decision", "{\"decision\": \"MAYBE\", \"expectedVersion\": 1}", 400, "decision"},
                {"/v1/comments/" + id + "/decision", "{\"decision\": \"REJECT\", \"expectedVersion\": 1}", 400, "reason"},
                {"/v1/comments/" + id + "/decision", "{\"decision\": \"REJECT\", \"reason\": \"ugly\", \"expectedVersion\": 1}", 400, "reason"},
                {"/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 0}", 400, "expectedVersion"},
                {"/v1/comments/nope/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}", 404, "id"},
                {"/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": []}", 400, "comments"},
                {"/v1/decisions", "{\"decision\": \"APPROVE\"}", 400, "comments"},
                {"/v1/decisions", bulk(201), 413, "comments"},
                {"/v1/comments/" + id + "/decision?site=" + "s".repeat(201), "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}", 400, "site"},
                {"/v1/comments/" + id + "/decision?site=%00", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}", 400, "site"},
                {"/v1/session", "{\"password\": \"x\"}", 400, "username"},
                {"/v1/session", "{\"username\": \"\\u0000\", \"password\": \"x\"}", 400, "username"},
        };
        for (Object[] c : moderator) expectError(Fakes.MODERATOR_KEY, (String) c[0], (String) c[1], (int) c[2], (String) c[3]);
        for (String[] q : new String[][]{{"/v1/queue?status=LATER", "status"}, {"/v1/queue?limit=0", "limit"},
                {"/v1/queue?limit=201", "limit"}, {"/v1/queue?offset=-1", "offset"}, {"/v1/queue?after=no-such-comment", "after"}, {"/v1/queue?after=%00", "after"},
                {"/v1/queue?after=MC41CisxMDAwMDAwMDAwLTAxLTAxVDAwOjAwOjAwWgorMTAwMDAwMDAwMC0wMS0wMVQwMDowMDowMFoKeA", "after"}, // a cursor forged with the year 1,000,000,000
                // Jersey's own answer to an unconvertible query parameter is a 404 "no such endpoint".
                {"/v1/queue?limit=abc", "limit"}, {"/v1/articles?limit=1.5", "limit"},
                {"/v1/queue?articleId=%00", "articleId"}, {"/v1/queue/counts?articleId=a%00", "articleId"},
                {"/v1/comments/" + id + "?site=%00", "site"}, {"/v1/comments/" + id + "/status?site=" + "s".repeat(201), "site"}}) {
            Response r = as(Fakes.MODERATOR_KEY, q[0]).get();
            JsonNode body = r.readEntity(JsonNode.class);
            assertEquals(400, r.getStatus(), q[0]);
            assertEquals(q[1], body.get("field").asText(), q[0]);
        }
        // What the field takes, not only its name (WebApplicationExceptionMapper's ParamException; seen by no test before
        // the sixty-first session's PIT run of the errors package).
        for (String q : new String[] {"/v1/queue?limit=abc", "/v1/articles?limit=1.5"})
            assertEquals("limit must be a whole number", as(Fakes.MODERATOR_KEY, q).get().readEntity(JsonNode.class).get("message").asText(), q);
        assertEquals(404, as(Fakes.MODERATOR_KEY, "/v1/comments/nope").get().getStatus());
        JsonNode bulk = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"" + id
                + "\", \"site\": \"" + "s".repeat(201) + "\", \"expectedVersion\": 1}]}").readEntity(JsonNode.class);
        assertEquals(List.of("400", "comments[0].site"), List.of(bulk.at("/results/0/status").asText(), bulk.at("/results/0/error/field").asText()),
                bulk.toString());
    }

    private static void expectError(String key, String path, String body, int status, String field) {
        Response r = post(key, path, body);
        JsonNode error = r.readEntity(JsonNode.class);
        assertEquals(status, r.getStatus(), path + " " + body.substring(0, Math.min(body.length(), 120)) + " -> " + error);
        assertEquals(field, error.path("field").asText(), path + " " + error);
    }

    private static String thread(int comments) {
        ObjectNode t = JSON.createObjectNode().put("id", "big");
        t.putObject("article").put("title", "T");
        ArrayNode list = t.putArray("comments");
        for (int i = 0; i < comments; i++) list.addObject().put("id", "c" + i).put("text", "hello " + i);
        return t.toString();
    }

    private static String bulk(int comments) {
        ObjectNode b = JSON.createObjectNode().put("decision", "APPROVE");
        ArrayNode list = b.putArray("comments");
        for (int i = 0; i < comments; i++) list.addObject().put("id", "c" + i).put("expectedVersion", 1);
        return b.toString();
    }

    /**
     * A site withdraws its comment (its author deleted it, or asked for erasure): DELETE erases it, on either of the site's
     * keys; another site's key, and an id never stored, get the status endpoint's 404 word for word, and erase nothing.
     */
    @Test
    void aSiteErasesItsCommentAndAnotherSiteGetsThe404AndErasesNothing() {
        String id = unique(), missing = unique(), article = unique();
        String body = JSON.createObjectNode().put("id", id).put("articleId", article).put("text", "I will kill you")
                .put("author", "Seqenenre").put("quote", "the line it answers").put("parentAuthor", "Ahmose").toString();
        assertEquals(201, post(SITE_KEY, "/v1/comments", body).getStatus());
        post(SITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"he named my neighbour\"}").close();
        assertEquals(1, as(Fakes.MODERATOR_KEY, "/v1/queue/counts?articleId=" + article).get(JsonNode.class).get("PENDING").asInt());

        for (String key : List.of(Fakes.WEBSITE_KEY, OTHER_WEBSITE_KEY, BLOG_KEY)) {
            Response erase = as(key, "/v1/comments/" + id).delete();
            String none = as(key, "/v1/comments/" + missing + "/status").get().readEntity(String.class);
            assertEquals(404, erase.getStatus());
            assertEquals(none.replace(missing, id), erase.readEntity(String.class), "the 404 of status, word for word");
            Response unknown = as(key, "/v1/comments/" + missing).delete();
            assertEquals(404, unknown.getStatus());
            assertEquals(none, unknown.readEntity(String.class));
        }
        for (String key : List.of(Fakes.MODERATOR_KEY, SITE_MODERATOR_KEY)) {  // a moderator rejects; an erasure is the site's
            Response refused = as(key, "/v1/comments/" + id).delete();
            String why = refused.readEntity(String.class);
            assertEquals(403, refused.getStatus(), why);
            assertTrue(why.contains("only a site's website key withdraws its comment"), why);
        }
        JsonNode untouched = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals("I will kill you", untouched.get("text").asText(), "nothing erased by another site: " + untouched);
        assertEquals("PENDING", untouched.get("status").asText());
        int before = untouched.get("version").asInt();

        Response erased = as(SITE_KEY_2, "/v1/comments/" + id).delete();
        JsonNode answer = erased.readEntity(JsonNode.class);
        assertEquals(200, erased.getStatus(), answer.toString());
        assertEquals(JSON.createObjectNode().put("id", id).put("status", "ERASED").put("version", before + 1).put("decidedBy", "WEBSITE"), answer);
        Response again = as(SITE_KEY, "/v1/comments/" + id).delete();
        assertEquals(200, again.getStatus());
        assertEquals(answer, again.readEntity(JsonNode.class), "idempotent");
        assertEquals(answer, as(SITE_KEY, "/v1/comments/" + id + "/status").get(JsonNode.class));

        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals("ERASED", seen.get("status").asText());
        assertEquals("WEBSITE", seen.get("decidedBy").asText());
        assertEquals("", seen.get("text").asText());
        assertFalse(seen.has("author") || seen.has("quote") || seen.has("parentAuthor"), seen.toString());
        assertEquals(0, seen.get("spans").size());
        assertTrue(seen.get("attributes").has("THREAT"), "the scores stay");
        JsonNode history = seen.get("history");
        assertEquals(List.of("REVIEW", "ERASE"), List.of(history.get(0).get("decision").asText(), history.get(1).get("decision").asText()));
        for (JsonNode d : history) assertEquals("", d.get("text").asText(), d.toString());
        assertEquals("key:" + new ApiKey(SITE_KEY_2, Role.WEBSITE, 1).getName(), history.get(1).get("actor").asText());
        assertEquals("WEBSITE", history.get(1).get("actorKind").asText());
        assertFalse(seen.at("/reports/0").has("reason"), "the reader's reason is erased, the report kept: " + seen);
        assertFalse(seen.toString().contains("kill") || seen.toString().contains("Seqenenre") || seen.toString().contains("neighbour"), seen.toString());
        assertEquals(0, as(Fakes.MODERATOR_KEY, "/v1/queue/counts?articleId=" + article).get(JsonNode.class).get("PENDING").asInt());
        assertEquals(0, as(Fakes.MODERATOR_KEY, "/v1/queue?status=PENDING&articleId=" + article).get(JsonNode.class).get("total").asInt());
    }

    /**
     * A moderator deciding on what they saw before the site erased it gets the 409 with the comment as it is now; deciding on
     * the erased version is refused too, as is a bulk item; a reader's report is refused, and stored nowhere.
     */
    @Test
    void anErasedCommentTakesNoDecisionAndNoReport() {
        String id = unique();
        submit(SITE_KEY, id, "I will kill you");
        int erased = as(SITE_KEY, "/v1/comments/" + id).delete().readEntity(JsonNode.class).get("version").asInt();

        for (int expected : new int[]{erased - 1, erased}) {
            Response r = post(Fakes.MODERATOR_KEY, "/v1/comments/" + id + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": " + expected + "}");
            JsonNode why = r.readEntity(JsonNode.class);
            assertEquals(409, r.getStatus(), why.toString());
            assertEquals("ERASED", why.at("/current/status").asText(), why.toString());
            assertTrue(why.get("message").asText().contains("was erased (withdrawn by its site, or by an operator): no decision can be made on it"), why.toString());
            assertEquals(expected == erased ? "id" : "expectedVersion", why.get("field").asText());
        }
        JsonNode bulk = post(Fakes.MODERATOR_KEY, "/v1/decisions", "{\"decision\": \"REJECT\", \"reason\": \"threat\", \"comments\": [{\"id\": \""
                + id + "\", \"expectedVersion\": " + erased + "}]}").readEntity(JsonNode.class);
        assertEquals(409, bulk.at("/results/0/status").asInt(), bulk.toString());
        assertEquals("ERASED", bulk.at("/results/0/comment/status").asText(), bulk.toString());

        Response report = post(SITE_KEY, "/v1/comments/" + id + "/report", "{\"reason\": \"a reader's words\"}");
        String said = report.readEntity(String.class);
        assertEquals(409, report.getStatus(), said);
        assertTrue(said.contains("was erased: no report is stored"), said);
        JsonNode seen = as(Fakes.MODERATOR_KEY, "/v1/comments/" + id).get(JsonNode.class);
        assertEquals(erased, seen.get("version").asInt());
        assertEquals(0, seen.get("reports").size());
        assertEquals(2, seen.get("history").size(), "no decision after the erasure");
    }

    /**
     * A site's erasure is logged with its site and id, the one record outside the database that an operator re-applies
     * after restoring a backup taken before it (which brings the comment back whole); never its text or author. A DELETE
     * sent again erases nothing and logs the line again, said to be a repeat, which reads back as the same erasure
     * ({@link #anErasureCommittedAsTheConnectionBrokeHasItsLineAndTheDeleteSentAgainLogsARepeat}). An id with a quote and a line
     * break stays one quoted value.
     */
    @Test
    void aSitesErasureIsLoggedWithItsSiteAndIdForAnOperatorToReapplyAfterARestore() {
        String id = unique() + "\"\n";
        String body = JSON.createObjectNode().put("id", id).put("articleId", "a-1").put("text", "I will kill you, Ahmose")
                .put("author", "Seqenenre").toString();
        assertEquals(201, post(SITE_KEY, "/v1/comments", body).getStatus());
        try (LogLines log = LogLines.of(CommentsResource.class.getName(), Level.INFO)) {
            String path = "/v1/comments/" + java.net.URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
            assertEquals(200, as(SITE_KEY, path).delete().getStatus());
            assertEquals(200, as(SITE_KEY, path).delete().getStatus());
            List<String> lines = log.list().stream().map(e -> e.getFormattedMessage()).toList();
            assertEquals(2, lines.size(), lines.toString());
            String line = lines.get(0);
            assertFalse(line.contains("sent again"), line);
            assertTrue(lines.get(1).contains("sent again: erased before"), lines.get(1));
            assertEquals(ErasureLogLine.read("INFO  [2026-12-04 10:00:00,000] " + CommentsResource.class.getName() + ": " + line),
                    ErasureLogLine.read("INFO  [2026-12-04 10:00:01,000] " + CommentsResource.class.getName() + ": " + lines.get(1)));
            String quotedId = "\"" + id.replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            assertTrue(line.startsWith("erased comment " + quotedId + " of site \"" + SITE + "\""), line);
            assertTrue(line.contains("scripts/erase --site SITE --id ID"), line);
            assertFalse(line.contains("\n") || line.contains("kill") || line.contains("Seqenenre"), line);
            // What scripts/erase --from-log reads back, as config.yml's logFormat writes it: the same id and site.
            String asLogged = "INFO  [2026-12-04 10:00:00,000] " + CommentsResource.class.getName() + ": " + line + " request=r-1";
            assertEquals(Optional.of(new ErasureLogLine(SITE, id)), ErasureLogLine.read(asLogged), asLogged);
        }
    }

    /**
     * A database outage audit (forty-eighth session): a site's DELETE whose erasure committed as its connection broke
     * (seen against PostgreSQL with every COMMIT held, then let through) was answered the outage's 503 and logged
     * nothing; the DELETE sent again found the comment erased and logged nothing either, so the erasure log, the one
     * record a restore re-applies, had lost it. The retry logged it from then on; since the sixty-first session the line
     * is written before the commit, so the erasure has it though its answer was lost, and the retry logs a repeat.
     */
    @Test
    void anErasureCommittedAsTheConnectionBrokeHasItsLineAndTheDeleteSentAgainLogsARepeat() throws Throwable {
        String id = unique();
        submit(id, "I will kill you, Ahmose");
        String site = ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site();
        CommentStore breaking = org.mockito.Mockito.spy(new CommentStore(JDBI));
        boolean[] broke = {false};
        org.mockito.Mockito.doAnswer(call -> {
            Object erased = call.callRealMethod(); // committed
            if (broke[0]) return erased;
            broke[0] = true;
            throw new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                    new java.sql.SQLException("An I/O error occurred while sending to the backend", "08006"), null);
        }).when(breaking).erase(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
        ResourceExtension service = commentsOver(breaking);
        try (LogLines log = LogLines.of(CommentsResource.class.getName(), Level.INFO)) {
            java.util.function.Supplier<List<ErasureLogLine>> lines = () -> log.list().stream().map(e -> ErasureLogLine.read(
                    "INFO  [2026-12-04 10:00:00,000] " + CommentsResource.class.getName() + ": " + e.getFormattedMessage()))
                    .flatMap(Optional::stream).toList();
            Response first = service.target("/v1/comments/" + id).request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY).delete();
            assertEquals(503, first.getStatus(), first.readEntity(String.class));
            assertEquals("ERASED", STORE.find(site, id).orElseThrow().status().name(), "committed all the same");
            assertEquals(List.of(new ErasureLogLine(site, id)), lines.get(), "the erasure, in the log for a restore to re-apply");
            Response again = service.target("/v1/comments/" + id).request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY).delete();
            assertEquals(200, again.getStatus());
            assertEquals(List.of(new ErasureLogLine(site, id), new ErasureLogLine(site, id)), lines.get());
            assertTrue(log.list().get(1).getFormattedMessage().contains("sent again: erased before"), log.list().get(1).getFormattedMessage());
        } finally {
            service.after();
        }
    }

    /** A reply that comes after its parent was erased answers no text: no stance toward the empty one. */
    @Test
    void aReplyToAnErasedCommentHasNoReplyStance() {
        String parent = unique(), reply = unique();
        submit(SITE_KEY, parent, "The strike is justified.");
        assertEquals(200, as(SITE_KEY, "/v1/comments/" + parent).delete().getStatus());
        String body = JSON.createObjectNode().put("id", reply).put("articleId", "a-1").put("text", "Is it, though?")
                .put("parentId", parent).toString();
        JsonNode stored = post(SITE_KEY, "/v1/comments", body).readEntity(JsonNode.class);
        assertFalse(stored.has("replyStance"), stored.toString());
    }
}
