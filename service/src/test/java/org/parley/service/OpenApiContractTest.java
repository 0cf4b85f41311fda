package org.parley.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.parley.service.core.HeldTurn;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.faults.TcpProxy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parley.service.TestKeys.ADMIN;
import static org.parley.service.TestKeys.ADMIN_PASSWORD;
import static org.parley.service.TestKeys.BULK;
import static org.parley.service.TestKeys.OTHER_SITE;
import static org.parley.service.TestKeys.SCORER;
import static org.parley.service.TestKeys.WEBSITE;

/**
 * The OpenAPI document websites build clients from, held to the service's real answers. openapi.yaml is written by
 * hand; this drives the whole service (one start, its own in-memory H2) through a success and the documented errors of
 * every operation, and validates each request and answer against the document (swagger-request-validator): status,
 * content type, required headers, and bodies against their schemas, fields the document does not name included. An
 * operation no exchange reaches fails, and so does an endpoint the service serves that the document does not name.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiContractTest {
    /** Its own in-memory H2, reached through H2's TCP server behind a relay the test can take down: the database's 503s. */
    static final TcpProxy DATABASE = TcpProxy.toH2InThisJvm();
    static final DropwizardAppExtension<ParleyConfiguration> APP = ShippedService.extension(config("database.url",
            "jdbc:h2:tcp://127.0.0.1:" + DATABASE.port() + "/mem:contract-test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH"),
            // Scoring gates of one turn each and no place to wait, so that the test fills a lane by holding its one turn
            // (core.ScoringGate): the gate's 503s. The exchanges are sent one at a time, so none else finds a lane full.
            config("overload.maxScoring", "1"), config("overload.maxBatchScoring", "1"), config("overload.maxWaiting", "0"));

    private static String root() {
        return "http://localhost:" + APP.getLocalPort();
    }

    private static String servedDocument() {
        return APP.client().target(root() + "/openapi.yaml").request().get(String.class);
    }

    @Test
    void theServedDocumentIsValidOpenApi3() {
        SwaggerParseResult parsed = OpenApiContract.parse(servedDocument());
        assertEquals(List.of(), parsed.getMessages());
        assertEquals("3.0.3", parsed.getOpenAPI().getOpenapi());
    }

    /** Every method and path Jersey serves is an operation of the document: none is added undocumented. */
    @Test
    void everyEndpointTheServiceServesIsInTheDocument() {
        Set<String> documented = OpenApiContract.of(root(), APP.getObjectMapper(), servedDocument()).operations();
        Set<String> served = new TreeSet<>();
        var config = ((org.glassfish.jersey.servlet.ServletContainer) APP.getEnvironment().getJerseyServletContainer())
                .getApplicationHandler().getConfiguration();
        Set<Class<?>> classes = new java.util.HashSet<>(config.getClasses());
        config.getInstances().forEach(i -> classes.add(i.getClass()));
        for (Class<?> type : classes) {
            if (!Resource.isAcceptable(type) || !type.isAnnotationPresent(jakarta.ws.rs.Path.class)) continue;
            collect(Resource.from(type), "", served);
        }
        assertTrue(served.size() >= 20, "the resources were read: " + served);
        Set<String> undocumented = new TreeSet<>(served);
        undocumented.removeAll(documented);
        assertEquals(Set.of(), undocumented, "served, not in openapi.yaml");
    }

    /** Resource paths joined; a template's regex of literal alternatives (the discovery document's two paths) expanded. */
    private static void collect(Resource resource, String parent, Set<String> out) {
        String joined = (parent + "/" + resource.getPath()).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) joined = joined.substring(0, joined.length() - 1);
        List<String> paths = new ArrayList<>();
        java.util.regex.Matcher alternatives = java.util.regex.Pattern.compile("\\{\\w+: *([^}]*\\|[^}]*)}").matcher(joined);
        if (alternatives.find()) {
            for (String alternative : alternatives.group(1).split("\\|"))
                paths.add(joined.substring(0, alternatives.start()) + alternative.replace("\\$", "$") + joined.substring(alternatives.end()));
        } else {
            paths.add(joined.replaceAll("\\{(\\w+)(:[^}]*)?}", "{$1}"));
        }
        for (ResourceMethod m : resource.getResourceMethods())
            for (String path : paths) out.add(m.getHttpMethod() + " " + path);
        for (Resource child : resource.getChildResources())
            for (String path : paths) collect(child, path, out);
    }

    @Test
    void everyOperationAnswersAsTheDocumentSays() throws Exception {
        OpenApiContract c = OpenApiContract.of(root(), APP.getObjectMapper(), servedDocument());

        // Scoring
        JsonNode scored = c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"You are a complete idiot and a moron.\"},"
                + " \"id\": \"c-1042\", \"attributes\": [\"TOXICITY\", \"INSULT\"], \"doNotStore\": true, \"spans\": true,"
                + " \"targets\": [\"military action against Syria\"], \"context\": {\"articleTitle\": \"Syria\","
                + " \"parentText\": \"We should strike now.\", \"commentNumber\": 361, \"rating\": {\"up\": 3, \"down\": 12}}}").expect(200);
        c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"Tu madre es una puta y tú eres un imbécil.\"}}").expect(200);
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"\"}}").refused(400), "comment.text");
        c.call("POST", "/v1/score").json("{\"comment\": {\"text\": \"hello\"}}").refused(401);
        c.call("POST", "/v1/score").key(WEBSITE).body("text/plain", "hello".getBytes(StandardCharsets.UTF_8)).refused(415);

        JsonNode batched = c.call("POST", "/v1/score/batch").key(WEBSITE).json("{\"comments\": [{\"comment\": {\"text\": \"Thanks for this.\"}, \"id\": \"b1\"},"
                + " {\"comment\": {\"text\": \"You idiot.\"}, \"spans\": false}]}").expect(200);
        c.call("POST", "/v1/score/batch").key(WEBSITE).json("{\"comments\": [{\"comment\": {\"text\": \"fine\"}}, {\"comment\": {}}]}").refused(200);
        field(c, c.call("POST", "/v1/score/batch").key(WEBSITE).json("{}").refused(400), "comments");
        c.call("POST", "/v1/score/batch").key(BULK).json("{\"comments\": [" + String.join(",",
                java.util.Collections.nCopies(101, "{\"comment\": {\"text\": \"x\"}}")) + "]}").refused(413);

        String thread = "{\"id\": \"t-1\", \"article\": {\"title\": \"Syria crisis\", \"body\": \"Leaders split over military action in Syria.\"},"
                + " \"comments\": [{\"id\": \"c1\", \"number\": 1, \"text\": \"Military action would be a disaster.\"},"
                + " {\"id\": \"c2\", \"number\": 2, \"parentNumber\": 1, \"text\": \"Agreed, you are right.\"},"
                + " {\"id\": \"c3\", \"number\": 3, \"text\": \"What about the refugees?\", \"quote\": \"Military action would be a disaster.\"}]}";
        JsonNode threadScored = c.call("POST", "/v1/score/thread").key(WEBSITE).json("{\"thread\": " + thread + ", \"targets\": [\"military action\"],"
                + " \"attributes\": [\"TOXICITY\"], \"spans\": true}").expect(200);
        field(c, c.call("POST", "/v1/score/thread").key(WEBSITE).json("{}").refused(400), "thread");
        // Every field of the thread format (docs/thread-format.md's second example), held to CommentThread's schemas
        String everyField = "{\"id\": \"forum-42\", \"article\": {\"id\": \"a-7\", \"title\": \"Talks stall\", \"url\": \"https://example.org/news/7\","
                + " \"body\": \"First paragraph.\\n\\nSecond paragraph.\"}, \"comments\": [{\"id\": \"c2\", \"number\": 2, \"author\": \"Dana\","
                + " \"text\": \"Not so sure.\", \"parentId\": \"c1\", \"parentNumber\": 1, \"parentAuthor\": \"Bob\", \"quote\": \"Agreed, totally\","
                + " \"rating\": {\"up\": 3, \"down\": 12}}, {\"id\": \"c1\", \"number\": 1, \"author\": \"Bob\", \"text\": \"Agreed, totally\","
                + " \"rating\": {\"up\": 0, \"down\": 0}}]}";
        c.call("POST", "/v1/score/thread").key(WEBSITE).json("{\"thread\": " + everyField + ", \"targets\": [\"the talks\"]}").expect(200);
        field(c, c.call("POST", "/v1/score/thread").key(WEBSITE).json("{\"thread\": " + everyField.replace("parentId", "parent_id") + "}")
                .refused(400), "thread.comments[0].parent_id");

        // The Perspective API
        JsonNode analyzed = c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).json("{\"comment\": {\"text\": \"You are an idiot. Thanks.\", \"type\": \"PLAIN_TEXT\"},"
                + " \"requestedAttributes\": {\"TOXICITY\": {\"scoreType\": \"PROBABILITY\"}, \"INSULT\": {\"scoreType\": \"SCORE_TYPE_UNSPECIFIED\"}}, \"languages\": [\"en\"],"
                + " \"spanAnnotations\": true, \"doNotStore\": true, \"clientToken\": \"tok-1\"}").expect(200);
        c.call("POST", "/v1alpha1/comments:analyze?key=" + WEBSITE).json("{\"comment\": {\"text\": \"What a thoughtful article.\"},"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}}").expect(200);
        c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).json("{\"comment\": {\"text\": \"Tu madre es una puta y tú eres un imbécil.\"},"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}}").expect(200);
        c.call("POST", "/v1alpha1/comments:analyze").header("X-Goog-Api-Key", WEBSITE).json("{\"comment\": {\"text\": \"Die Regierung hat wieder einmal versagt, und niemand übernimmt die Verantwortung dafür.\"},"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}}").expect(400);
        c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).json("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"FOO\": {}}}").refused(400);
        c.call("POST", "/v1alpha1/comments:analyze").key("no-such-key").json("{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}").refused(400);
        c.call("POST", "/v1alpha1/comments:suggestscore").json("{\"comment\": {\"text\": \"hi\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}").refused(403);
        // text/plain is read as JSON here without cookies (a browser fetch's string body); a form's type is not.
        c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).body("text/plain;charset=UTF-8", ("{\"comment\": {\"text\": \"hi\"},"
                + " \"requestedAttributes\": {\"TOXICITY\": {}}, \"languages\": [\"en\"]}").getBytes(StandardCharsets.UTF_8)).expect(200);
        c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).body("application/x-www-form-urlencoded", "hi".getBytes(StandardCharsets.UTF_8)).refused(415);
        c.call("POST", "/v1alpha1/comments:suggestscore").key(WEBSITE).json("{\"comment\": {\"text\": \"You are a fool.\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9, \"type\": \"PROBABILITY\"}}}, \"languages\": [\"en\"],"
                + " \"communityId\": \"news\", \"clientToken\": \"tok-2\"}").expect(200);
        c.call("POST", "/v1alpha1/comments:suggestscore").key(SCORER).json("{\"comment\": {\"text\": \"You are a fool.\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}").expect(403);
        c.call("POST", "/v1alpha1/comments:suggestscore").key(WEBSITE).json("{\"comment\": {\"text\": \"x\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}, \"doNotStore\": true}").refused(400);
        // A value left out is proto3's 0 (a protobuf client's suggestion of 0); a null is a 400 naming it, not a 0
        c.call("POST", "/v1alpha1/comments:suggestscore").key(WEBSITE).json("{\"comment\": {\"text\": \"A fair point.\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"type\": \"PROBABILITY\"}}}}").expect(200);
        field(c, c.call("POST", "/v1alpha1/comments:suggestscore").key(WEBSITE).json("{\"comment\": {\"text\": \"A fair point.\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": null}}}}").refused(400), "attributeScores.TOXICITY.summaryScore.value");
        c.call("GET", "/$discovery/rest?version=v1alpha1").expect(200);
        c.call("GET", "/discovery/v1/apis/commentanalyzer/v1alpha1/rest").expect(200);
        // Google's HTTP batch: a part that scores, one refused in its place; a body that is no batch; more parts than allowed
        String part = "--b\r\nContent-Type: application/http\r\nContent-ID: <p1>\r\n\r\nPOST /v1alpha1/comments:analyze?key=" + WEBSITE
                + " HTTP/1.1\nContent-Type: application/json\n\n{\"comment\": {\"text\": \"Thanks.\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}\r\n";
        String refusedPart = part.replace("<p1>", "<p2>").replace("TOXICITY", "FOO");
        c.call("POST", "/batch").body("multipart/mixed; boundary=b", (part + refusedPart + "--b--\r\n").getBytes(StandardCharsets.UTF_8)).expect(200);
        c.call("POST", "/batch").body("multipart/mixed; boundary=b", part.getBytes(StandardCharsets.UTF_8)).expect(400);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) many.append(part.replace("<p1>", "<m" + i + ">"));
        c.call("POST", "/batch").body("multipart/mixed; boundary=b", (many + "--b--").getBytes(StandardCharsets.UTF_8)).expect(413);
        c.call("POST", "/batch").body("multipart/mixed; boundary=b", (part + part + "--b--").getBytes(StandardCharsets.UTF_8)).expect(400);
        c.call("POST", "/batch").json("{}").refused(415);

        // Comments a site stores, and their status and reports
        String comment = "{\"id\": \"k-1\", \"articleId\": \"a-1\", \"articleTitle\": \"Syria crisis\", \"text\": \"You are an idiot.\","
                + " \"number\": 7, \"author\": \"Reader\", \"rating\": {\"up\": 1, \"down\": 0}, \"targets\": [\"military action\"]}";
        JsonNode stored = c.call("POST", "/v1/comments").key(WEBSITE).json(comment).expect(201);
        c.call("POST", "/v1/comments").key(WEBSITE).json(comment).expect(200);
        JsonNode reply = c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-2\", \"articleId\": \"a-1\", \"text\": \"Thank you.\", \"parentId\": \"k-1\","
                + " \"parentNumber\": 7, \"parentAuthor\": \"Reader\", \"quote\": \"You are an idiot.\"}").expect(201);
        c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-1\", \"articleId\": \"a-1\", \"text\": \"Another text.\"}").expect(409);
        field(c, c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-3\", \"articleId\": \"a-1\"}").refused(400), "text");
        c.call("POST", "/v1/comments").key(SCORER).json("{\"id\": \"k-4\", \"articleId\": \"a-1\", \"text\": \"Hi.\"}").expect(403);
        c.call("POST", "/v1/comments").key(OTHER_SITE).json("{\"id\": \"k-1\", \"articleId\": \"a-9\", \"text\": \"Same id, another site.\"}").expect(201);

        c.call("POST", "/v1/threads?target=military%20action").key(WEBSITE).json(thread).expect(200);
        // Sent again with a new target: its stored comments are read against it, the answer says which was new.
        JsonNode retargeted = c.call("POST", "/v1/threads?target=military%20action&target=Syria").key(WEBSITE).json(thread).expect(200);
        assertEquals("Syria", retargeted.at("/targets/new/0").asText(), retargeted.toString());
        field(c, c.call("POST", "/v1/threads").key(WEBSITE).json("{\"id\": \"t-2\"}").refused(400), "article");
        c.call("POST", "/v1/threads").key(WEBSITE).json(everyField).expect(200);
        field(c, c.call("POST", "/v1/threads").key(WEBSITE).json(everyField.replace("forum-42", "forum/42")).refused(400), "id");

        c.call("GET", "/v1/comments/k-1/status").key(WEBSITE).expect(200);
        c.call("GET", "/v1/comments/nothing-here/status").key(WEBSITE).expect(404);
        c.call("POST", "/v1/comments/k-1/report").key(WEBSITE).json("{\"reason\": \"abuse\", \"reportId\": \"r-1\"}").expect(200);
        c.call("POST", "/v1/comments/k-1/report").key(WEBSITE).json("{\"reason\": \"abuse\", \"reportId\": \"r-1\"}").expect(200);
        field(c, c.call("POST", "/v1/comments/k-1/report").key(WEBSITE).json("{\"reason\": \"" + "x".repeat(201) + "\"}").refused(400), "reason");
        c.call("POST", "/v1/comments/nothing-here/report").key(WEBSITE).json("{}").expect(404);
        c.call("GET", "/v1/changes?limit=10").key(WEBSITE).expect(200);
        field(c, c.call("GET", "/v1/changes?after=nonsense").key(WEBSITE).refused(400), "after");

        // Moderation
        JsonNode k1 = c.call("GET", "/v1/comments/k-1?site=" + stored.get("site").asText().replace(":", "%3A")).key(ADMIN).expect(200);
        field(c, c.call("GET", "/v1/comments/k-1").key(ADMIN).expect(400), "site");
        c.call("GET", "/v1/comments/k-2").key(ADMIN).expect(200);
        c.call("GET", "/v1/comments/nothing-here").key(ADMIN).expect(404);
        c.call("GET", "/v1/comments/k-2").key(WEBSITE).expect(403);
        int version = k1.get("version").asInt();
        String site = "?site=" + stored.get("site").asText().replace(":", "%3A");
        c.call("POST", "/v1/comments/k-1/decision" + site).key(ADMIN).json("{\"decision\": \"REJECT\", \"reason\": \"insult\","
                + " \"expectedVersion\": " + version + ", \"note\": \"name-calling\"}").expect(200);
        c.call("POST", "/v1/comments/k-1/decision" + site).key(ADMIN).json("{\"decision\": \"APPROVE\", \"expectedVersion\": " + version + "}").expect(409);
        field(c, c.call("POST", "/v1/comments/k-2/decision").key(ADMIN).json("{\"decision\": \"REJECT\", \"expectedVersion\": 1}").expect(400), "reason");
        c.call("POST", "/v1/comments/nothing-here/decision").key(ADMIN).json("{\"decision\": \"APPROVE\", \"expectedVersion\": 1}").expect(404);
        c.call("POST", "/v1/decisions").key(ADMIN).json("{\"decision\": \"APPROVE\", \"note\": \"fine\", \"comments\": [{\"id\": \"k-2\", \"expectedVersion\": 1},"
                + " {\"id\": \"nothing-here\", \"expectedVersion\": 1}, {\"id\": \"k-1\"}]}").expect(200);
        field(c, c.call("POST", "/v1/decisions").key(ADMIN).json("{\"decision\": \"MAYBE\", \"comments\": [{\"id\": \"k-2\", \"expectedVersion\": 1}]}").refused(400), "decision");
        c.call("POST", "/v1/decisions").key(WEBSITE).json("{\"decision\": \"APPROVE\", \"comments\": [{\"id\": \"k-2\", \"expectedVersion\": 1}]}").expect(403);

        c.call("GET", "/v1/queue?status=PENDING&limit=2").key(ADMIN).expect(200);
        c.call("GET", "/v1/queue?status=REJECTED&articleId=a-1&site=" + stored.get("site").asText().replace(":", "%3A")).key(ADMIN).expect(200);
        c.call("GET", "/v1/queue").key(WEBSITE).expect(403);
        c.call("GET", "/v1/queue/counts").key(ADMIN).expect(200);
        c.call("GET", "/v1/articles?limit=10").key(ADMIN).expect(200);
        c.call("GET", "/v1/sites?limit=10").key(ADMIN).expect(200);
        field(c, c.call("GET", "/v1/queue?limit=0").key(ADMIN).refused(400), "limit");
        field(c, c.call("GET", "/v1/queue/counts?site=" + "s".repeat(201)).key(ADMIN).refused(400), "site");
        field(c, c.call("GET", "/v1/articles?limit=0").key(ADMIN).refused(400), "limit");
        field(c, c.call("GET", "/v1/sites?limit=0").key(ADMIN).refused(400), "limit");

        // Erasure: the site withdraws its comment; a report on it is then a 409
        c.call("DELETE", "/v1/comments/k-2").key(WEBSITE).expect(200);
        c.call("DELETE", "/v1/comments/nothing-here").key(WEBSITE).expect(404);
        c.call("POST", "/v1/comments/k-2/report").key(WEBSITE).json("{\"reason\": \"abuse\"}").expect(409);
        JsonNode erased = c.call("GET", "/v1/comments/k-2").key(ADMIN).expect(200);
        if (!erased.path("status").asText().equals("ERASED")) c.problems.add("k-2 was erased: " + erased);

        // Sessions and admin
        JsonNode session = c.call("POST", "/v1/session").json("{\"username\": \"admin\", \"password\": \"" + ADMIN_PASSWORD + "\"}").expect(200);
        c.call("POST", "/v1/session").json("{\"username\": \"admin\", \"password\": \"wrong\"}").expect(401);
        field(c, c.call("POST", "/v1/session").json("{\"password\": \"x\"}").refused(400), "username");
        c.call("POST", "/v1/session").json("{\"username\": \"admin\", \"password\": \"" + "x".repeat(5000) + "\"}").refused(413);
        c.call("GET", "/v1/session").key(session.get("token").asText()).expect(200);
        c.call("GET", "/v1/session").key(ADMIN).expect(200);
        c.call("GET", "/v1/session").key(WEBSITE).expect(403);
        c.call("DELETE", "/v1/session").key(session.get("token").asText()).expect(204);
        JsonNode served = c.call("GET", "/v1/admin/model").key(ADMIN).expect(200);
        // The shipped bundles' text-pipeline checks (docs/data-science.md): read otherwise, 8 and 5 probes of 32; the tagger predates it.
        JsonNode pipelines = served.path("textPipeline");
        if (!(pipelines.at("/toxicity/status").asText().equals("DIFFERS") && pipelines.at("/toxicity/differing").asInt() == 8
                && pipelines.at("/stance/status").asText().equals("DIFFERS") && pipelines.at("/stance/differing").asInt() == 5
                && pipelines.at("/spanTagger/status").asText().equals("UNRECORDED") && pipelines.at("/spanTagger/probes").isNull()
                && pipelines.at("/spanTagger/trainedAt").asText().equals("unknown")))
            c.problems.add("GET /v1/admin/model: the shipped bundles' text-pipeline checks: " + pipelines);
        c.call("GET", "/v1/admin/model").key(WEBSITE).expect(403);
        c.call("GET", "/v1/admin/model").refused(401);
        c.call("GET", "/openapi.yaml").expect(200);
        c.call("GET", "/openapi.json").expect(200);

        // The documented limits are the served ones: a request at each is taken, one past it refused naming the field.
        String chars200 = "t".repeat(200);
        String tenTargets = "[" + java.util.stream.IntStream.range(0, 10).mapToObj(i -> "\"" + "t".repeat(199) + i + "\"").collect(java.util.stream.Collectors.joining(", ")) + "]";
        c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"" + "word ".repeat(4096) + "\"}, \"id\": \"" + chars200
                + "\", \"spans\": false, \"context\": {\"articleTitle\": \"" + "t".repeat(1000) + "\", \"commentNumber\": 0,"
                + " \"rating\": {\"up\": 0, \"down\": 0}}}").expect(200);
        c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"Strike now.\"}, \"targets\": " + tenTargets + "}").expect(200);
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"" + "word ".repeat(4096) + "x\"}}").refused(400), "comment.text");
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"a\"}, \"id\": \"" + chars200 + "x\"}").refused(400), "id");
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"a\"}, \"targets\": " + tenTargets.replace("]", ", \"x\"]") + "}").refused(400), "targets");
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"a\"}, \"targets\": [\"" + chars200 + "x\"]}").refused(400), "targets[0]");
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"a\"}, \"context\": {\"articleTitle\": \"" + "t".repeat(1001) + "\"}}").refused(400), "context.articleTitle");
        field(c, c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"a\"}, \"context\": {\"commentNumber\": -1}}").refused(400), "context.commentNumber");
        c.call("POST", "/v1/score/batch").key(WEBSITE).json("{\"comments\": [" + String.join(",",
                java.util.Collections.nCopies(100, "{\"comment\": {\"text\": \"x\"}}")) + "]}").expect(200);
        c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"" + chars200 + "\", \"articleId\": \"" + chars200 + "\", \"articleTitle\": \""
                + "t".repeat(1000) + "\", \"text\": \"Fine.\", \"number\": 1, \"author\": \"" + chars200 + "\", \"parentAuthor\": \"" + chars200 + "\"}").expect(201);
        field(c, c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"" + chars200 + "x\", \"articleId\": \"a-1\", \"text\": \"Fine.\"}").refused(400), "id");
        field(c, c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-6\", \"articleId\": \"a-1\", \"articleTitle\": \"" + "t".repeat(1001) + "\", \"text\": \"Fine.\"}").refused(400), "articleTitle");
        field(c, c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-6\", \"articleId\": \"a-1\", \"text\": \"Fine.\", \"number\": 0}").refused(400), "number");
        c.call("POST", "/v1/comments/k-1/report").key(WEBSITE).json("{\"reportId\": \"" + chars200 + "\"}").expect(200);
        field(c, c.call("POST", "/v1/comments/k-1/report").key(WEBSITE).json("{\"reportId\": \"" + chars200 + "x\"}").refused(400), "reportId");
        field(c, c.call("POST", "/v1/comments/k-1/decision" + site).key(ADMIN).json("{\"decision\": \"APPROVE\", \"expectedVersion\": 1, \"note\": \""
                + "n".repeat(2001) + "\"}").refused(400), "note");
        c.call("GET", "/v1/queue?limit=200").key(ADMIN).expect(200);
        field(c, c.call("GET", "/v1/queue?limit=201").key(ADMIN).refused(400), "limit");
        c.call("GET", "/v1/articles?limit=1000").key(ADMIN).expect(200);
        field(c, c.call("GET", "/v1/articles?limit=1001").key(ADMIN).refused(400), "limit");

        // Scoring at capacity: with a turn of each lane held, a request finds no place (the Refusal filter, before its
        // body is read, on the scoring paths; the gate itself on the submissions), the gate's 503 with Retry-After.
        try (HeldTurn single = HeldTurn.of(APP.getConfiguration().overload.gate()); HeldTurn batch = HeldTurn.of(APP.getConfiguration().overload.batchGate())) {
            List<JsonNode> busy = List.of(
                    c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"Hello.\"}}").expect(503),
                    c.call("POST", "/v1/score/batch").key(WEBSITE).json("{\"comments\": [{\"comment\": {\"text\": \"Hello.\"}}]}").expect(503),
                    c.call("POST", "/v1/score/thread").key(WEBSITE).json("{\"thread\": " + thread + "}").expect(503),
                    c.call("POST", "/v1alpha1/comments:analyze").key(WEBSITE).json("{\"comment\": {\"text\": \"Hello.\"},"
                            + " \"requestedAttributes\": {\"TOXICITY\": {}}}").expect(503).path("error"),
                    c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-7\", \"articleId\": \"a-1\", \"text\": \"Hello.\"}").expect(503),
                    c.call("POST", "/v1/threads").key(WEBSITE).json(thread.replace("t-1", "t-3")).expect(503));
            for (JsonNode refused : busy)
                if (!refused.path("message").asText().contains("scoring at capacity")) c.problems.add("not the gate's 503: " + refused);
        }
        c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-7\", \"articleId\": \"a-1\", \"text\": \"Hello.\"}").expect(201);

        // The database unreachable: what needs it is a 503 with Retry-After, scoring goes on.
        DATABASE.down();
        try {
            c.call("POST", "/v1/comments").key(WEBSITE).json("{\"id\": \"k-5\", \"articleId\": \"a-1\", \"text\": \"Hello.\"}").expect(503);
            c.call("GET", "/v1/comments/k-5/status").key(WEBSITE).expect(503);
            c.call("GET", "/v1/queue").key(ADMIN).expect(503);
            c.call("GET", "/v1/changes").key(WEBSITE).expect(503);
            c.call("POST", "/v1alpha1/comments:suggestscore").key(WEBSITE).json("{\"comment\": {\"text\": \"You are a clown.\"},"
                    + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.8}}}}").expect(503);
            c.call("POST", "/v1/score").key(WEBSITE).json("{\"comment\": {\"text\": \"Hello.\"}}").expect(200);
        } finally {
            DATABASE.up();
        }

        // Last of the scorer key's requests from this address: a body of a megabyte spends its bucket, so the next is a 429.
        c.call("POST", "/v1/score/batch").key(SCORER).json(" ".repeat(1 << 20) + "{\"comments\": [{\"comment\": {\"text\": \"ok\"}}]}").expect(200);
        c.call("POST", "/v1/score").key(SCORER).json("{\"comment\": {\"text\": \"ok\"}}").expect(429);

        // The answers' objects require what the service always sends (until the forty-fifth session TargetStance,
        // ReplyStance, ThreadSummary's rows and most answer schemas required nothing, so that generated clients typed each
        // field optional): each entry of a real answer holds exactly its schema's required fields, past those named
        // optional, and an answer with one of them left out, or any field made null that is not nullable, breaks the document.
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(servedDocument());
        String schemas = "/components/schemas/";
        Set<String> none = Set.of();
        for (String[] stance : new String[][] {{"POST", "/v1/score", "200", "/stance/0"}, {"POST", "/v1/score/thread", "200", "/comments/0/stance/0"},
                {"POST", "/v1/comments", "201", "/stance/0"}, {"POST", "/v1/threads", "200", "/comments/0/stance/1"},
                {"GET", "/v1/comments/k-1", "200", "/stance/0"}}) {
            JsonNode answer = Map.of("/v1/score", scored, "/v1/score/thread", threadScored, "/v1/comments", stored,
                    "/v1/threads", retargeted, "/v1/comments/k-1", k1).get(stance[1]);
            int status = Integer.parseInt(stance[2]);
            heldToRequired(c, doc, stance[0], stance[1], status, answer, stance[3], schemas + "TargetStance", Set.of("stanceModel"));
            heldToRequired(c, doc, stance[0], stance[1], status, answer, stance[3] + "/probabilities", schemas + "TargetStance/properties/probabilities", none);
        }
        for (Object[] replied : new Object[][] {{"/v1/score", 200, scored, "/replyStance"}, {"/v1/score/thread", 200, threadScored, "/comments/1/replyStance"},
                {"/v1/comments", 201, reply, "/replyStance"}}) {
            heldToRequired(c, doc, "POST", (String) replied[0], (Integer) replied[1], (JsonNode) replied[2], (String) replied[3], schemas + "ReplyStance", none);
            heldToRequired(c, doc, "POST", (String) replied[0], (Integer) replied[1], (JsonNode) replied[2], replied[3] + "/probabilities", schemas + "ReplyStance/properties/probabilities", none);
        }
        heldToRequired(c, doc, "POST", "/v1/score", 200, scored, "/attributes/TOXICITY", schemas + "AttributeScore", none);
        heldToRequired(c, doc, "POST", "/v1/score", 200, scored, "/rating", schemas + "Rating", none);
        heldToRequired(c, doc, "POST", "/v1/score", 200, scored, "/spans/0", schemas + "SpanScore", none);
        String batchAnswer = "/paths/~1v1~1score~1batch/post/responses/200/content/application~1json/schema";
        heldToRequired(c, doc, "POST", "/v1/score/batch", 200, batched, "", batchAnswer, none);
        heldToRequired(c, doc, "POST", "/v1/score/batch", 200, batched, "/results/0", batchAnswer + "/properties/results/items", Set.of("id", "score", "error"));
        heldToRequired(c, doc, "POST", "/v1/score/thread", 200, threadScored, "/targets", schemas + "ThreadResponse/properties/targets", none);
        for (Object[] summed : new Object[][] {{"/v1/score/thread", threadScored}, {"/v1/threads", retargeted}}) {
            String path = (String) summed[0];
            JsonNode answer = (JsonNode) summed[1];
            heldToRequired(c, doc, "POST", path, 200, answer, "/summary", schemas + "ThreadSummary", none);
            heldToRequired(c, doc, "POST", path, 200, answer, "/summary/stance/0", schemas + "ThreadSummary/properties/stance/items", none);
            heldToRequired(c, doc, "POST", path, 200, answer, "/summary/stance/0/counts", schemas + "ThreadSummary/properties/stance/items/properties/counts", none);
            heldToRequired(c, doc, "POST", path, 200, answer, "/summary/actions", schemas + "ThreadSummary/properties/actions", none);
        }
        heldToRequired(c, doc, "POST", "/v1/threads", 200, retargeted, "/targets",
                "/paths/~1v1~1threads/post/responses/200/content/application~1json/schema/properties/targets", none);
        String analyzeAnswer = "/paths/~1v1alpha1~1comments:analyze/post/responses/200/content/application~1json/schema";
        heldToRequired(c, doc, "POST", "/v1alpha1/comments:analyze", 200, analyzed, "", analyzeAnswer, Set.of("detectedLanguages", "clientToken"));
        heldToRequired(c, doc, "POST", "/v1alpha1/comments:analyze", 200, analyzed, "/attributeScores/TOXICITY",
                analyzeAnswer + "/properties/attributeScores/additionalProperties", Set.of("spanScores"));
        heldToRequired(c, doc, "POST", "/v1alpha1/comments:analyze", 200, analyzed, "/attributeScores/TOXICITY/spanScores/0",
                analyzeAnswer + "/properties/attributeScores/additionalProperties/properties/spanScores/items", none);
        // Until the forty-sixth session /v1/admin/model required its five newest fields alone.
        String adminAnswer = "/paths/~1v1~1admin~1model/get/responses/200/content/application~1json/schema";
        heldToRequired(c, doc, "GET", "/v1/admin/model", 200, served, "", adminAnswer, none);
        // spanTagger is null with spans.tagger false: until the forty-seventh session its nullable allOf refused null.
        heldToRequired(c, doc, "GET", "/v1/admin/model", 200, served, "/textPipeline", adminAnswer + "/properties/textPipeline", none);
        heldToRequired(c, doc, "GET", "/v1/comments/k-1", 200, k1, "/communityRating", schemas + "CommentView/properties/communityRating", none);
        heldToRequired(c, doc, "GET", "/v1/comments/k-1", 200, k1, "/history/0", schemas + "HistoryEntry", Set.of("reason", "note"));
        heldToRequired(c, doc, "GET", "/v1/comments/k-1", 200, k1, "/reports/0", schemas + "CommentView/properties/reports/items", Set.of("reason"));

        assertEquals(List.of(), c.problems, "exchanges that break openapi.yaml");
        Set<String> unexercised = c.operations();
        unexercised.removeAll(c.covered);
        assertEquals(Set.of(), unexercised, "operations of openapi.yaml no exchange reached");
    }

    /**
     * The object at {@code at} of a real answer holds exactly the fields the schema at {@code schema} (a JSON pointer into
     * the document) requires, past those named {@code optional}; leaving any required one out of the answer is an error
     * of the document, and so is making any field null that the schema does not call nullable. A schema that requires
     * nothing fails here, as does one that lets a field be null that the service never sends null.
     */
    private static void heldToRequired(OpenApiContract c, JsonNode doc, String method, String path, int status, JsonNode answer,
                                       String at, String schema, Set<String> optional) {
        String where = method + " " + path + " " + (at.isEmpty() ? "/" : at) + " (" + schema + ")";
        JsonNode s = doc.at(schema);
        if (!answer.at(at).isObject() || !s.isObject()) {
            c.problems.add(where + ": the answer holds none, or the document no such schema: " + answer);
            return;
        }
        List<String> asSent = c.answerErrors(method, path, status, answer);
        if (!asSent.isEmpty()) c.problems.add(where + ": the answer as sent: " + asSent);
        Set<String> required = new TreeSet<>(), sent = new TreeSet<>();
        s.path("required").forEach(f -> required.add(f.asText()));
        answer.at(at).fieldNames().forEachRemaining(sent::add);
        Set<String> always = new TreeSet<>(sent);
        always.removeAll(optional);
        if (!required.equals(always)) c.problems.add(where + ": requires " + required + ", every answer sends " + always);
        for (String field : sent) {
            for (boolean nulled : new boolean[] {false, true}) {
                if (!nulled && optional.contains(field)) continue;
                boolean nullable = s.at("/properties/" + field + "/nullable").asBoolean(false);
                JsonNode changed = answer.deepCopy();
                com.fasterxml.jackson.databind.node.ObjectNode entry = (com.fasterxml.jackson.databind.node.ObjectNode) changed.at(at);
                if (nulled) entry.putNull(field);
                else entry.remove(field);
                boolean broken = !c.answerErrors(method, path, status, changed).isEmpty();
                if (!broken && !(nulled && nullable))
                    c.problems.add(where + ": an answer with " + field + (nulled ? " null" : " left out") + " passes openapi.yaml");
                if (broken && nulled && nullable) c.problems.add(where + ": " + field + " is nullable, yet an answer with it null breaks openapi.yaml");
            }
        }
    }

    /** A 400 names the offending field, in ErrorBody's field or Google's fieldViolations. */
    private static void field(OpenApiContract c, JsonNode body, String expected) {
        String named = body.has("field") ? body.get("field").asText() : body.at("/error/details/0/fieldViolations/0/field").asText();
        if (!named.equals(expected)) c.problems.add("a 400 names field " + expected + ", not '" + named + "': " + body);
    }
}
