package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.score.Scorer;
import org.parley.service.Fakes;
import org.parley.stance.StanceModel;
import org.parley.thread.Comment;
import org.parley.thread.CommentThread;
import org.parley.thread.ThreadJson;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;

/** POST /v1/score/thread over fake models, on the BBC seed thread. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ScoreThreadResourceTest {
    private static final Scorer MODEL = Fakes.scorer();
    private static final StanceModel STANCE = Fakes.stance();
    private static final ResourceExtension RESOURCES = Fakes.resources(
            Fakes.modelHolder(MODEL, "1"),
            Path.of("target/test-feedback"), STANCE);

    @BeforeEach
    void countFromZero() {
        clearInvocations(MODEL, STANCE);
    }

    private static CommentThread seed() throws Exception {
        return Fakes.seedThread();
    }

    private static ObjectNode request(CommentThread thread) {
        ObjectNode body = Fakes.mapper().createObjectNode();
        body.set("thread", ThreadJson.toTree(thread));
        return body;
    }

    private static Response post(JsonNode body) {
        return ScoreResourceTest.post(RESOURCES, "/v1/score/thread", body.toString());
    }

    private static JsonNode ok(Response r) throws Exception {
        String body = r.readEntity(String.class);
        assertEquals(200, r.getStatus(), body);
        return Fakes.mapper().readTree(body);
    }

    private static JsonNode byId(JsonNode comments, String id) {
        for (JsonNode c : comments) if (c.get("id").asText().equals(id)) return c;
        throw new AssertionError("no comment " + id + " in " + comments);
    }

    @Test
    void theSeedThreadIsAnsweredPerCommentInPageOrderWithProposedTargets() throws Exception {
        CommentThread thread = seed();
        JsonNode body = ok(post(request(thread)));
        assertEquals("001_ebaeb092d28a86a2", body.get("id").asText());
        assertEquals("proposed", body.at("/targets/source").asText());
        List<String> targets = List.of("Syria", "Barack Obama", "Vladimir Putin", "military action", "chemical weapons");
        assertEquals(targets, Fakes.mapper().convertValue(body.at("/targets/used"), List.class));

        JsonNode comments = body.get("comments");
        assertEquals(thread.comments().size(), comments.size());
        for (int i = 0; i < comments.size(); i++) {
            Comment c = thread.comments().get(i);
            JsonNode got = comments.get(i);
            assertEquals(c.id(), got.get("id").asText());
            assertEquals(c.number().intValue(), got.get("number").asInt());
            assertEquals(6, got.get("attributes").size(), got.toString());
            assertTrue(got.has("rating") && got.has("action") && got.has("spans") && got.has("rules"), got.toString());
            assertEquals(targets.size(), got.get("stance").size());
            assertEquals("military action", got.at("/stance/3/target").asText());
            assertFalse(got.has("model"), "the model is named once, for the whole thread");
        }
        assertEquals("fake", body.at("/model/name").asText());
        assertEquals("stance-checksum-1", body.at("/stanceModel/checksum").asText());
        // One toxicity call for all comments (plus at most one occlusion pass and one for the sentences of those the
        // other rules publish), one stance call for all of them.
        verify(MODEL, atMost(3)).score(anyList());
        verify(STANCE, times(1)).stance(eq(thread.comments().stream().map(c -> c.text()).toList()), eq(targets));
        verify(STANCE, never()).stance(anyString(), anyList());
    }

    /**
     * A stance integrator's review (thirty-ninth session): docs/scoring-api.md names this endpoint among the four that store
     * nothing whatever {@code doNotStore} says, and /v1/score takes it, but here it was a 400 "unknown field 'doNotStore'",
     * so a site that sends its privacy promise with every scoring call could not score a thread. Taken, as a boolean.
     */
    @Test
    void doNotStoreIsTakenAsOnScore() throws Exception {
        JsonNode body = ok(post(request(seed()).put("doNotStore", true).putPOJO("targets", List.of("military action"))));
        assertEquals(20, body.at("/summary/comments").asInt(), body.toString());
        ok(post(request(seed()).put("doNotStore", false).putPOJO("targets", List.of("military action"))));
        Response wrong = post(request(seed()).put("doNotStore", "yes"));
        assertEquals(400, wrong.getStatus());
        assertEquals("doNotStore", Fakes.mapper().readTree(wrong.readEntity(String.class)).get("field").asText());
    }

    @Test
    void comment365IsReadAgainstItsQuoteAndACommentWithoutParentHasNoReplyStance() throws Exception {
        CommentThread thread = seed();
        JsonNode comments = ok(post(request(thread).putPOJO("targets", List.of("military action against Syria")))).get("comments");
        Comment c365 = thread.comment("c365");
        JsonNode got = byId(comments, "c365");
        assertEquals("quote", got.get("replyTo").asText());
        assertEquals("COMMENT", got.at("/replyStance/label").asText(), got.toString());
        verify(STANCE).replyStance(c365.text(), c365.quote());

        Comment orphan = thread.comments().stream().filter(c -> c.quote() == null && c.parentId() == null).findFirst().orElseThrow();
        JsonNode none = byId(comments, orphan.id());
        assertFalse(none.has("replyStance") || none.has("replyTo"), none.toString());
        long withParent = thread.comments().stream().filter(c -> c.quote() != null || c.parentId() != null).count();
        verify(STANCE, times((int) withParent)).replyStance(anyString(), anyString());
    }

    @Test
    void aReplyWithoutAQuoteIsReadAgainstItsParentCommentOnTheThread() throws Exception {
        String json = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"number\": 1, \"text\": \"Strike them now.\"},"
                + "{\"id\": \"c2\", \"number\": 2, \"text\": \"Why would we?\", \"parentNumber\": 1}]}, \"targets\": [\"war\"]}";
        JsonNode c2 = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", json)).get("comments").get(1);
        assertEquals("c1", c2.get("replyTo").asText());
        assertEquals("QUERY", c2.at("/replyStance/label").asText());
        verify(STANCE).replyStance("Why would we?", "Strike them now.");
    }

    /**
     * alsoQuotes is checked as the thread format checks it and changes nothing scored: the reply stance is read against
     * the parent (here the quote, which holds the further passage too, as import-page writes it), and the answer names no
     * entry. Decided in the forty-seventh session (docs/scoring-api.md); this pins it, it held before.
     */
    @Test
    void furtherQuotedCommentsAreCheckedAndChangeNothingScored() throws Exception {
        String comments = "{\"id\": \"c1\", \"number\": 1, \"author\": \"Bob\", \"text\": \"Strike them now.\"},"
                + "{\"id\": \"c2\", \"number\": 2, \"text\": \"No.\"},"
                + "{\"id\": \"c3\", \"number\": 3, \"text\": \"Why would we?\", \"parentNumber\": 2, \"quote\": \"No.\\n\\nStrike them now.\"%s}";
        String with = ", \"alsoQuotes\": [{\"id\": \"c1\", \"author\": \"Bob\", \"text\": \"Strike them now.\"}]";
        String thread = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": [" + comments + "]}, \"targets\": [\"war\"]}";
        JsonNode plain = ok(post(Fakes.mapper().readTree(thread.formatted(""))));
        JsonNode quoting = ok(post(Fakes.mapper().readTree(thread.formatted(with))));
        assertEquals(plain.get("comments"), quoting.get("comments"));
        assertEquals(plain.get("summary"), quoting.get("summary"));
        assertEquals("quote", quoting.at("/comments/2/replyTo").asText());
        assertFalse(quoting.get("comments").get(2).has("alsoQuotes"), quoting.toString());
        verify(STANCE, times(2)).replyStance("Why would we?", "No.\n\nStrike them now.");

        Response bad = post(Fakes.mapper().readTree(thread.formatted(", \"alsoQuotes\": [{\"number\": 3}]")));
        JsonNode why = Fakes.mapper().readTree(bad.readEntity(String.class));
        assertEquals(400, bad.getStatus(), why.toString());
        assertEquals("thread.comments[2].alsoQuotes[0].number", why.get("field").asText(), why.toString());
    }

    /** A padded target is taken as its phrase (the limit is on that), and used, answered and summed up as the phrase. */
    @Test
    void aPaddedTargetIsUsedAsItsPhrase() throws Exception {
        String phrase = "war " + "x".repeat(196);  // 200 characters
        String json = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"number\": 1, \"text\": \"Strike them now.\"}]}, \"targets\": [\"" + " ".repeat(60) + phrase + "\\n\"]}";
        JsonNode body = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", json));
        assertEquals(List.of(phrase), Fakes.mapper().convertValue(body.at("/targets/used"), List.class), body.toString());
        assertEquals(phrase, body.at("/comments/0/stance/0/target").asText());
        assertEquals(phrase, body.at("/summary/stance/0/target").asText());
    }

    @Test
    void theSummaryCountsAddUpToTheCommentsAndMatchTheirLabelsAndActions() throws Exception {
        CommentThread thread = seed();
        JsonNode body = ok(post(request(thread).putPOJO("targets", List.of("military action", "Obama"))));
        assertEquals("given", body.at("/targets/source").asText());
        JsonNode summary = body.get("summary");
        int n = thread.comments().size();
        assertEquals(n, summary.get("comments").asInt());
        assertEquals(2, summary.get("stance").size());
        for (int t = 0; t < 2; t++) {
            JsonNode counts = summary.at("/stance/" + t + "/counts");
            assertEquals(List.of("FAVOR", "AGAINST", "NONE"), names(counts));
            Map<String, Integer> expected = new HashMap<>();
            for (JsonNode c : body.get("comments")) expected.merge(c.at("/stance/" + t + "/label").asText(), 1, Integer::sum);
            int sum = 0;
            for (String label : names(counts)) {
                assertEquals(expected.getOrDefault(label, 0).intValue(), counts.get(label).asInt(), label);
                sum += counts.get(label).asInt();
            }
            assertEquals(n, sum);
        }
        // The fake reads every comment with "bomb" as AGAINST: the seed has some, so the count is not trivially 0.
        assertTrue(summary.at("/stance/0/counts/AGAINST").asInt() > 0, summary.toString());
        Map<String, Integer> actions = new HashMap<>();
        for (JsonNode c : body.get("comments")) actions.merge(c.get("action").asText(), 1, Integer::sum);
        assertEquals(List.of("PUBLISH", "REVIEW", "REJECT"), names(summary.get("actions")));
        int sum = 0;
        for (String a : names(summary.get("actions"))) {
            assertEquals(actions.getOrDefault(a, 0).intValue(), summary.at("/actions/" + a).asInt(), a);
            sum += summary.at("/actions/" + a).asInt();
        }
        assertEquals(n, sum);
    }

    /**
     * A concurrency review (thirty-seventh session): the first thread without targets loaded CoreNLP's NER (~3 s) inside
     * the scoring lane's turn, so every request behind it waited for the load too. It is loaded before the turn now.
     */
    @Test
    void theTargetFinderIsLoadedBeforeTheTurnAndUsedInIt() throws Throwable {
        org.parley.service.core.ScoringGate gate = new org.parley.service.core.ScoringGate(1, 100, 0, java.time.Duration.ofMinutes(1));
        List<String> seen = new java.util.ArrayList<>();
        org.parley.service.core.ThreadTargets targets = new org.parley.service.core.ThreadTargets(article -> {
            seen.add("find holding " + gate.unitsHeld());
            return List.of(new org.parley.targets.CandidateTarget("Syria", org.parley.targets.CandidateTarget.Kind.LOCATION, 9));
        }, () -> seen.add("load holding " + gate.unitsHeld()));
        ResourceExtension service = Fakes.builder(Fakes.mapper(), new org.parley.service.auth.ApiKeyAuthFilter(
                        org.parley.service.auth.ApiKeys.parse(Fakes.KEYS, 1000), new org.parley.service.auth.RateLimiter(2, 1000)))
                .addResource(new ScoreThreadResource(Fakes.commentScorer(Fakes.modelHolder(MODEL, "1")), Fakes.stanceHolder(STANCE),
                        targets, Fakes.sentiment(), 500, null, gate))
                .build();
        service.before();
        try {
            String thread = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": [{\"id\": \"c1\", \"text\": \"No.\"}]}";
            assertEquals("[\"Syria\"]", ok(ScoreResourceTest.post(service, "/v1/score/thread", thread + "}")).at("/targets/used").toString());
            assertEquals(2, seen.size(), seen.toString());
            assertEquals("load holding 0", seen.get(0), "loaded holding no turn");
            assertTrue(seen.get(1).startsWith("find holding ") && !seen.get(1).equals("find holding 0"), "found in the turn: " + seen);
            seen.clear();
            ok(ScoreResourceTest.post(service, "/v1/score/thread", thread + ", \"targets\": [\"war\"]}"));
            assertEquals(List.of(), seen, "given targets need no finder");
        } finally {
            service.after();
        }
    }

    @Test
    void attributesAndSpansAreAsForOneComment() throws Exception {
        String json = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"You idiot.\"}]}, \"targets\": [\"war\"], \"attributes\": [\"INSULT\"], \"spans\": false}";
        JsonNode c1 = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", json)).get("comments").get(0);
        assertEquals(List.of("INSULT"), names(c1.get("attributes")));
        assertEquals("INSULT", c1.at("/rating/attribute").asText());
        assertEquals(0, c1.get("spans").size());
        assertEquals("REJECT", c1.get("action").asText());
        assertFalse(c1.has("number"));
        assertFalse(c1.has("sentiment"));
    }

    @Test
    void sentimentIsAddedToEveryCommentWhenAskedFor() throws Exception {
        String json = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": ["
                + "{\"id\": \"c1\", \"text\": \"I love this.\"}, {\"id\": \"c2\", \"text\": \"Taxes.\"}]},"
                + " \"targets\": [\"war\"], \"attributes\": [\"SENTIMENT\"]}";
        JsonNode comments = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", json)).get("comments");
        assertEquals("POSITIVE", comments.at("/0/sentiment/label").asText(), comments.toString());
        assertEquals("NEUTRAL", comments.at("/1/sentiment/label").asText());
        assertEquals(6, comments.at("/0/attributes").size());
    }

    @Test
    void sentimentIsReadForThreadsOfAtMostTwentyComments() throws Exception {
        StringBuilder comments = new StringBuilder();
        for (int i = 1; i <= 20; i++) comments.append(i > 1 ? "," : "").append("{\"id\": \"c").append(i).append("\", \"text\": \"Taxes.\"}");
        String twenty = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": [" + comments + "]},"
                + " \"targets\": [\"war\"], \"attributes\": [\"SENTIMENT\"]}";
        assertEquals("NEUTRAL", ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", twenty)).at("/comments/19/sentiment/label").asText());
        comments.append(",{\"id\": \"c21\", \"text\": \"Taxes.\"}");
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score/thread", "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"},"
                + " \"comments\": [" + comments + "]}, \"targets\": [\"war\"], \"attributes\": [\"SENTIMENT\"]}");
        JsonNode body = Fakes.mapper().readTree(r.readEntity(String.class));
        assertEquals(400, r.getStatus(), body.toString());
        assertEquals("attributes", body.get("field").asText());
        assertEquals(20, body.get("limit").asInt());
    }

    /** A reply's quote may be as long as any text the models read: 20,480 characters, not one fewer. */
    @Test
    void aQuoteOfTheLongestAParentMayBeIsRead() throws Exception {
        String json = "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": ["
                + "{\"id\": \"c2\", \"number\": 2, \"text\": \"Why would we?\", \"parentNumber\": 1, \"quote\": \""
                + "q".repeat(org.parley.stance.StanceLimits.MAX_PARENT_CHARS) + "\"}]}, \"targets\": [\"war\"]}";
        assertEquals("quote", ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread", json)).at("/comments/0/replyTo").asText());
    }

    @Test
    void aThreadWithoutCommentsIsAnEmptyAnswer() throws Exception {
        JsonNode body = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread",
                "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": []}}"));
        assertEquals(0, body.get("comments").size());
        assertEquals(0, body.at("/summary/comments").asInt());
        assertEquals(5, body.at("/summary/stance").size());
    }

    /** scripts/import-page's output posted as it is: the answer says where the thread goes. */
    @Test
    void aBareThreadDocumentIsRefusedWithTheShapeItBelongsIn() throws Exception {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score/thread",
                "{\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": []}");
        JsonNode body = Fakes.mapper().readTree(r.readEntity(String.class));
        assertEquals(400, r.getStatus(), body.toString());
        assertEquals("id", body.get("field").asText());
        assertTrue(body.get("message").asText().contains("{\"thread\": {"), body.toString());
        Response typo = ScoreResourceTest.post(RESOURCES, "/v1/score/thread", "{\"thread\": {}, \"spams\": false}");
        assertFalse(Fakes.mapper().readTree(typo.readEntity(String.class)).get("message").asText().contains("goes inside"));
    }

    @Test
    void badThreadsAreRefusedNamingTheFieldAndNeverReachTheModels() throws Exception {
        String article = "\"article\": {\"title\": \"Syria\"}";
        String first = "{\"id\": \"c0\", \"text\": \"a\"}";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= Fakes.MAX_THREAD; i++) many.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"text\": \"a\"}");
        Object[][] cases = {
                {"{}", 400, "thread", null},
                {"{\"thread\": null}", 400, "thread", null},
                {"{\"thread\": []}", 400, "thread", null},
                {"{\"thread\": {" + article + ", \"comments\": []}}", 400, "thread.id", null},
                {"{\"thread\": {\"id\": \"t\", \"comments\": []}}", 400, "thread.article", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [{\"id\": \"c1\"}]}}", 400, "thread.comments[0].text", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [" + first + ", {\"id\": \"c2\", \"text\": \"b\", \"parentId\": \"c9\"}]}}", 400, "thread.comments[1].parentId", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [{\"id\": \"c1\", \"text\": \"a\", \"parent_id\": \"c0\"}]}}", 400, "thread.comments[0].parent_id", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [" + many + "]}}", 413, "thread.comments", Fakes.MAX_THREAD},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [{\"id\": \"c1\", \"text\": \"" + "a".repeat(20_481) + "\"}]}}", 400, "thread.comments[0].text", 20_480},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [{\"id\": \"c1\", \"text\": \"a\", \"quote\": \"" + "q".repeat(20_481) + "\"}]}}", 400, "thread.comments[0].quote", 20_480},
                // The thread is read as a tree, which the reader's check of strings does not reach: PostgreSQL's text cannot hold U+0000.
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [" + first + ", {\"id\": \"c1\", \"text\": \"you\\u0000idiot\"}]}}", 400, "thread.comments[1].text", null},
                // Each further quoted passage holds at most what /v1/score takes; the field names the comment and the entry.
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": [" + first + ", {\"id\": \"c1\", \"text\": \"b\", \"alsoQuotes\": ["
                        + "{\"number\": 5, \"text\": \"" + "q".repeat(20_480) + "\"}, {\"number\": 6, \"text\": \"" + "q".repeat(20_481) + "\"}]}]}}",
                        400, "thread.comments[1].alsoQuotes[1].text", 20_480},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": []}", 400, "targets", 1},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": [\"" + "t".repeat(201) + "\"]}", 400, "targets[0]", 200},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"attributes\": [\"FLIRTATION\"]}", 400, "attributes[0]", null},
                // A repeated target gave the summary two rows for it (a stance integrator's review, thirty-ninth session).
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": [\"Syria\", \"SYRIA\"]}", 400, "targets[1]", null},
                // Read alike by the model, answered twice (a stance integrator's second review, forty-fifth session).
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": [\"Syria\", \"Syria\\u200b\"]}", 400, "targets[1]", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": [\"Zurich\", \"Z\u00fcrich\"]}", 400, "targets[1]", null},
                // A control character was read and answered as sent (a stance integrator's second review, forty-fifth session).
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"targets\": [\"Syria\\u0007\"]}", 400, "targets[0]", null},
                {"{\"thread\": {\"id\": \"t\", " + article + ", \"comments\": []}, \"target\": [\"war\"]}", 400, "target", null},
        };
        for (Object[] c : cases) {
            Response r = ScoreResourceTest.post(RESOURCES, "/v1/score/thread", (String) c[0]);
            String label = ((String) c[0]).substring(0, Math.min(120, ((String) c[0]).length()));
            JsonNode json = Fakes.mapper().readTree(r.readEntity(String.class));
            assertEquals(c[1], r.getStatus(), label + " -> " + json);
            assertEquals(c[2], json.get("field").asText(), label + " -> " + json);
            if (c[3] == null) assertFalse(json.hasNonNull("limit"), json.toString());
            else assertEquals(c[3], json.get("limit").asInt(), json.toString());
            assertTrue(json.get("message").asText().contains((String) c[2]), json.toString());
        }
        verifyNoInteractions(MODEL, STANCE);
    }

    /** maxThreadComments is the most a thread may hold, not one less (badThreadsAreRefusedNamingTheFieldAndNeverReachTheModels refuses one more). */
    @Test
    void aThreadOfExactlyTheLimitIsScored() throws Exception {
        StringBuilder comments = new StringBuilder();
        for (int i = 0; i < Fakes.MAX_THREAD; i++) comments.append(i == 0 ? "" : ",").append("{\"id\": \"c").append(i).append("\", \"text\": \"a\"}");
        JsonNode body = ok(ScoreResourceTest.post(RESOURCES, "/v1/score/thread",
                "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"Syria\"}, \"comments\": [" + comments + "]}, \"targets\": [\"war\"]}"));
        assertEquals(Fakes.MAX_THREAD, body.get("comments").size(), body.toString());
    }

    @Test
    void aMistypedFieldIsNamedWithoutRepeatingItsText() throws Exception {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score/thread", "{\"thread\": {\"id\": \"t\", \"article\": {\"title\": \"x\"},"
                + " \"comments\": [{\"id\": \"c1\", \"text\": \"a\", \"number\": \"you secret idiot\"}]}}");
        JsonNode json = Fakes.mapper().readTree(r.readEntity(String.class));
        assertEquals(400, r.getStatus());
        assertEquals("thread.comments[0].number", json.get("field").asText());
        assertEquals("thread.comments[0].number: expected an integer, got a string", json.get("message").asText());
    }

    @Test
    void websiteKeysOnly() {
        Response none = RESOURCES.target("/v1/score/thread").request().post(jakarta.ws.rs.client.Entity.json("{}"));
        assertEquals(401, none.getStatus());
    }

    private static List<String> names(JsonNode object) {
        List<String> out = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
