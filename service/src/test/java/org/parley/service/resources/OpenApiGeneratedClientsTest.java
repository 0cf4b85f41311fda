package org.parley.service.resources;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.parley.label.Attribute;
import org.parley.label.ReplyStance;
import org.parley.label.Stance;
import org.parley.policy.Action;
import org.parley.policy.Severity;
import org.parley.sentiment.Sentiment;
import org.parley.service.ParleyConfiguration;
import org.parley.service.access.Role;
import org.parley.service.core.RequestChecks;
import org.parley.service.moderation.Decider;
import org.parley.service.moderation.Queue;
import org.parley.service.moderation.Reason;
import org.parley.service.moderation.Status;
import org.parley.service.moderation.Verdict;
import org.parley.thread.BbcCommentPageParser;
import org.parley.thread.CommentThread;
import org.parley.thread.InvalidThreadException;
import org.parley.thread.ThreadJson;

import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What client generators make of openapi.yaml (a generated-client audit, forty-fourth session: openapi-generator 7.23's
 * Java okhttp-gson and native clients and typescript-fetch, driven against a running service). The document was valid
 * and its exchanges held (OpenApiContractTest), yet a generated Java client failed on the plainest /v1/score call, named
 * every method after its path, and handed the moderation fields back as untyped maps. These rules need no npm: they
 * read the document as the generators do.
 */
class OpenApiGeneratedClientsTest {

    /**
     * Without operationIds the generators make names from paths (v1CommentsIdDecisionPost, and models such as
     * V1alpha1CommentsAnalyzePostRequestRequestedAttributesValueScoreThreshold); without tags every method lands in one
     * DefaultApi. Redocly's and Spectral's recommended rules warn on both.
     */
    @Test
    void everyOperationHasAUniqueOperationIdAndADeclaredTag() throws Exception {
        JsonNode doc = openApi();
        Set<String> declared = new HashSet<>();
        doc.path("tags").forEach(t -> declared.add(t.get("name").asText()));
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : fields(doc.get("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                if (!Set.of("get", "post", "put", "delete", "patch").contains(op.getKey())) continue;
                operations++;
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                String id = op.getValue().path("operationId").asText("");
                if (!id.matches("[a-z][A-Za-z0-9]*")) problems.add(name + ": operationId '" + id + "' (a lowerCamelCase name)");
                else if (!ids.add(id)) problems.add(name + ": operationId " + id + " repeats another's");
                JsonNode tags = op.getValue().path("tags");
                if (tags.size() != 1 || !declared.contains(tags.get(0).asText()))
                    problems.add(name + ": tags " + tags + " (one tag of the document's tags, which names the generated API class)");
            }
        }
        assertTrue(operations >= 25, "the operations were read: " + operations);
        assertEquals(List.of(), problems);
    }

    /**
     * openapi-generator's Java clients start an optional array at an empty list and send it: a ScoreRequest built without
     * targets went out as {@code "targets": []}, which minItems 1 (and the service) refuse, so every /v1/score, batch item,
     * /v1/score/thread and /v1/comments call without targets was a 400. {@code nullable: true} makes them start at null,
     * left out of the JSON (the service reads a null as absent). The same holds an answer's array whose absence means
     * something ("absent: every site"): read as an empty list, it said the opposite.
     */
    @Test
    void anOptionalArrayThatMayNotBeEmptyOrWhoseAbsenceMeansSomethingIsNullable() throws Exception {
        List<String> problems = new ArrayList<>();
        walk(openApi(), "", (pointer, schema) -> {
            JsonNode properties = schema.get("properties");
            if (properties == null) return;
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            for (Map.Entry<String, JsonNode> p : fields(properties)) {
                JsonNode s = p.getValue();
                if (!"array".equals(s.path("type").asText()) || required.contains(p.getKey())) continue;
                boolean mayNotBeEmpty = s.path("minItems").asInt(0) >= 1;
                boolean absenceMeans = s.path("description").asText().toLowerCase(Locale.ROOT).contains("absent");
                if ((mayNotBeEmpty || absenceMeans) && !s.path("nullable").asBoolean(false))
                    problems.add(pointer + "/properties/" + p.getKey() + (mayNotBeEmpty ? " (minItems 1)" : " (its absence means something)"));
            }
        });
        assertEquals(List.of(), problems, "optional arrays a generated client would send, or read, as []");
    }

    /**
     * :analyze and :suggestscore named a {@code key} query parameter beside the queryKey security scheme that already is
     * one: every generated call took an extra argument (always null), and the okhttp client, given a key, set it twice.
     */
    @Test
    void noParameterRepeatsAnApiKeySecurityScheme() throws Exception {
        JsonNode doc = openApi();
        Map<String, String> schemes = new HashMap<>();
        for (Map.Entry<String, JsonNode> s : fields(doc.at("/components/securitySchemes")))
            if ("apiKey".equals(s.getValue().path("type").asText()))
                schemes.put(s.getValue().get("in").asText() + ":" + s.getValue().get("name").asText().toLowerCase(Locale.ROOT), s.getKey());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(doc.get("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : doc.get("security");
                Set<String> applied = new HashSet<>();
                security.forEach(requirement -> requirement.fieldNames().forEachRemaining(applied::add));
                for (JsonNode param : op.getValue().path("parameters")) {
                    String scheme = schemes.get(param.path("in").asText() + ":" + param.path("name").asText().toLowerCase(Locale.ROOT));
                    if (scheme != null && applied.contains(scheme))
                        problems.add(op.getKey() + " " + path.getKey() + ": parameter " + param.get("name").asText() + " is security scheme " + scheme);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * CommentView gave attributes, rating, spans, stance, replyStance, model, stanceModel, parent and history as bare
     * objects: a generated client read them as Object or Map of Object (a severity of 6 came back as 6.0), where
     * ScoreResponse's same fields were typed. Every object a component schema holds says what is in it.
     */
    @Test
    void noComponentSchemaHoldsAnObjectThatDoesNotSayWhatIsInIt() throws Exception {
        // None is free-form: the thread of /v1/score/thread was (Object in Java) until CommentThread described it.
        List<String> problems = new ArrayList<>();
        walk(openApi().at("/components/schemas"), "/components/schemas", (pointer, schema) -> {
            boolean object = "object".equals(schema.path("type").asText());
            boolean says = schema.has("properties") || schema.path("additionalProperties").isObject()
                    || schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf");
            if (object && !says) problems.add(pointer);
        });
        assertEquals(List.of(), problems, "objects a generated client can only read as a map of anything");
    }

    /**
     * The thread of /v1/score/thread and the body of /v1/threads were a free-form object (Object in a generated Java
     * client, anything accepted by a validator): the thread format's fields, which of them are required and their limits
     * lived in docs/thread-format.md alone. Both refer to CommentThread, whose objects name exactly the fields ThreadJson
     * writes for a thread that uses every field (docs/thread-format.md's second example), require what the format
     * requires, and refuse any other field, as the service does.
     */
    @Test
    void theThreadBothEndpointsTakeIsTheThreadFormatsSchema() throws Exception {
        JsonNode doc = openApi();
        String ref = "#/components/schemas/CommentThread";
        assertEquals(ref, doc.at("/components/schemas/ThreadRequest/properties/thread/$ref").asText(), "/v1/score/thread's thread");
        assertEquals(ref, doc.at("/paths/~1v1~1threads/post/requestBody/content/application~1json/schema/$ref").asText(), "/v1/threads' body");

        JsonNode written = ThreadJson.toTree(threadFormatExamples().get(1));  // forum-42, every field
        Map<String, JsonNode> objects = new java.util.LinkedHashMap<>();
        objects.put("CommentThread", written);
        objects.put("ThreadArticle", written.get("article"));
        objects.put("ThreadComment", written.at("/comments/0"));
        objects.put("ThreadRating", written.at("/comments/0/rating"));
        objects.put("ThreadQuotedComment", written.at("/comments/0/alsoQuotes/0"));
        Map<String, Set<String>> required = Map.of("CommentThread", Set.of("id", "article", "comments"),
                "ThreadArticle", Set.of("title"), "ThreadComment", Set.of("id", "text"), "ThreadRating", Set.of("up", "down"),
                "ThreadQuotedComment", Set.of());
        List<String> problems = new ArrayList<>();
        objects.forEach((name, json) -> {
            JsonNode schema = doc.at("/components/schemas/" + name);
            Set<String> documented = new TreeSet<>();
            schema.path("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> fields = new TreeSet<>();
            json.fieldNames().forEachRemaining(fields::add);
            if (!documented.equals(fields)) problems.add(name + ": properties " + documented + ", ThreadJson writes " + fields);
            if (!values(schema.path("required")).equals(required.get(name))) problems.add(name + ": required " + schema.path("required"));
            if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean())
                problems.add(name + ": additionalProperties must be false (an unknown field is a 400)");
        });
        assertEquals(List.of(), problems);
    }

    /**
     * The limits CommentThread states are the ones the service enforces. The format's own (ids, names and titles, url,
     * body, numbers, votes) are held to ThreadJson, which the service reads a thread with: the longest the schema allows
     * is read, one more is refused. A comment's text and quote are held to /v1/score's limit, which both endpoints apply
     * on top of the format's 50,000, and the comments to the default maxThreadComments of each endpoint.
     */
    @Test
    void theThreadSchemasLimitsAreTheServices() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");
        List<String> problems = new ArrayList<>();
        String[][] strings = {{"CommentThread", "id", ""}, {"ThreadArticle", "id", "article"}, {"ThreadArticle", "title", "article"},
                {"ThreadArticle", "url", "article"}, {"ThreadArticle", "body", "article"}, {"ThreadComment", "id", "comments/0"},
                {"ThreadComment", "author", "comments/0"}, {"ThreadComment", "parentAuthor", "comments/0"},
                {"ThreadQuotedComment", "author", "comments/0/alsoQuotes/0"}};
        for (String[] f : strings) {
            JsonNode property = schemas.at("/" + f[0] + "/properties/" + f[1]);
            int max = property.path("maxLength").asInt(-1);
            if (max < 1) { problems.add(f[0] + "." + f[1] + ": no maxLength"); continue; }
            String prefix = f[1].equals("url") ? "https://example.org/" : "";
            if (!reads(f[2], f[1], prefix + "x".repeat(max - prefix.length())))
                problems.add(f[0] + "." + f[1] + ": " + max + " characters, the schema's most, are refused");
            if (reads(f[2], f[1], prefix + "x".repeat(max + 1 - prefix.length())))
                problems.add(f[0] + "." + f[1] + ": " + (max + 1) + " characters are read: maxLength " + max + " is not the limit");
            if (!f[1].equals("url") && property.path("minLength").asInt(0) != 1) problems.add(f[0] + "." + f[1] + ": minLength 1 (not blank)");
        }
        // parentId names another comment: its limit is an id's
        assertEquals(schemas.at("/ThreadComment/properties/id/maxLength"), schemas.at("/ThreadComment/properties/parentId/maxLength"));
        for (String[] f : new String[][] {{"ThreadComment", "number", "comments/0", "1"}, {"ThreadComment", "parentNumber", "comments/0", "1"},
                {"ThreadRating", "up", "comments/0/rating", "0"}, {"ThreadRating", "down", "comments/0/rating", "0"}}) {
            JsonNode property = schemas.at("/" + f[0] + "/properties/" + f[1]);
            int min = property.path("minimum").asInt(Integer.MIN_VALUE);
            if (min != Integer.parseInt(f[3])) problems.add(f[0] + "." + f[1] + ": minimum " + property.path("minimum") + ", the format's " + f[3]);
            if (!"integer".equals(property.path("type").asText()) || !"int32".equals(property.path("format").asText()))
                problems.add(f[0] + "." + f[1] + ": an int32 integer, as the format reads it");
            if (!reads(f[2], f[1], min)) problems.add(f[0] + "." + f[1] + ": " + min + ", the schema's least, is refused");
            if (reads(f[2], f[1], min - 1)) problems.add(f[0] + "." + f[1] + ": " + (min - 1) + " is read");
        }
        for (String f : List.of("text", "quote")) {
            int max = schemas.at("/ThreadComment/properties/" + f + "/maxLength").asInt(-1);
            if (max != RequestChecks.MAX_TEXT) problems.add("ThreadComment." + f + ": maxLength " + max + ", the service's " + RequestChecks.MAX_TEXT);
            if (!reads("comments/0", f, "x".repeat(RequestChecks.MAX_TEXT + 1)))
                problems.add("ThreadComment." + f + ": the format itself refuses " + (RequestChecks.MAX_TEXT + 1) + ": say so");
        }
        // A further quoted passage is held to the limit of the quote it sits in; the entries to the format's count.
        int passage = schemas.at("/ThreadQuotedComment/properties/text/maxLength").asInt(-1);
        if (passage != RequestChecks.MAX_TEXT) problems.add("ThreadQuotedComment.text: maxLength " + passage + ", the service's " + RequestChecks.MAX_TEXT);
        int entries = schemas.at("/ThreadComment/properties/alsoQuotes/maxItems").asInt(-1);
        ObjectNode many = (ObjectNode) ThreadJson.toTree(threadFormatExamples().get(1));
        com.fasterxml.jackson.databind.node.ArrayNode list = (com.fasterxml.jackson.databind.node.ArrayNode) many.at("/comments/0/alsoQuotes");
        while (list.size() < entries) list.add(list.get(0).deepCopy());
        try {
            ThreadJson.fromTree(many);
        } catch (InvalidThreadException e) {
            problems.add("ThreadComment.alsoQuotes: maxItems " + entries + " entries are refused: " + e.getMessage());
        }
        list.add(list.get(0).deepCopy());
        try {
            ThreadJson.fromTree(many);
            problems.add("ThreadComment.alsoQuotes: " + (entries + 1) + " entries are read: maxItems " + entries + " is not the limit");
        } catch (InvalidThreadException expected) {
            // the limit
        }
        ParleyConfiguration defaults = new ParleyConfiguration();
        int comments = schemas.at("/CommentThread/properties/comments/maxItems").asInt(-1);
        if (comments != defaults.maxThreadComments || comments != defaults.moderation.maxThreadComments)
            problems.add("CommentThread.comments: maxItems " + comments + ", maxThreadComments " + defaults.maxThreadComments
                    + " (/v1/score/thread) and " + defaults.moderation.maxThreadComments + " (/v1/threads)");
        assertEquals(List.of(), problems);
    }

    /**
     * Every thread of docs/thread-format.md and a page the parser reads (seed 001, as scripts/import-page writes it) is a
     * valid body of both endpoints, and the format's mistakes (docs/thread-format.md's Errors) are not: with the
     * free-form object, any JSON object was.
     */
    @Test
    void theThreadFormatsExamplesValidateAgainstTheDocumentAndItsMistakesDoNot() throws Exception {
        OpenApiInteractionValidator validator;
        try (InputStream in = OpenApiGeneratedClientsTest.class.getResourceAsStream("/openapi.yaml")) {
            validator = OpenApiInteractionValidator.createForInlineApiSpecification(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
        List<String> good = new ArrayList<>();
        for (CommentThread t : threadFormatExamples()) good.add(ThreadJson.toJson(t));
        good.add(ThreadJson.toJson(BbcCommentPageParser.parse("001_ebaeb092d28a86a2",
                Files.readString(Path.of("..", "seeds", "001_ebaeb092d28a86a2.txt")))));
        good.add("{\"id\": \"n\", \"article\": {\"title\": \"T\", \"url\": null, \"body\": null}, \"comments\": [{\"id\": \"c1\","
                + " \"text\": \"Hi.\", \"number\": null, \"author\": null, \"quote\": null, \"rating\": null}]}");  // null: left out
        assertTrue(good.size() >= 6, "the examples were read: " + good.size());
        List<String> problems = new ArrayList<>();
        for (String thread : good) {
            ThreadJson.fromJson(thread);  // the service reads it
            problems.addAll(errors(validator, thread));
        }
        String base = "{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": [%s]}";
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("parent_id", String.format(base, "{\"id\": \"c1\", \"text\": \"a\"}, {\"id\": \"c2\", \"text\": \"b\", \"parent_id\": \"c1\"}"));
        bad.put("no text", String.format(base, "{\"id\": \"c1\"}"));
        bad.put("a number as a string", String.format(base, "{\"id\": \"c1\", \"text\": \"a\", \"number\": \"1\"}"));
        bad.put("a negative vote", String.format(base, "{\"id\": \"c1\", \"text\": \"a\", \"rating\": {\"up\": -1, \"down\": 0}}"));
        bad.put("a rating without down", String.format(base, "{\"id\": \"c1\", \"text\": \"a\", \"rating\": {\"up\": 1}}"));
        bad.put("an empty text", String.format(base, "{\"id\": \"c1\", \"text\": \"\"}"));
        bad.put("a text too long to score", String.format(base, "{\"id\": \"c1\", \"text\": \"" + "x".repeat(RequestChecks.MAX_TEXT + 1) + "\"}"));
        bad.put("comments an object", "{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": {}}");
        bad.put("no article title", "{\"id\": \"t\", \"article\": {\"url\": \"https://example.org/\"}, \"comments\": []}");
        bad.put("targets in the thread", "{\"id\": \"t\", \"article\": {\"title\": \"T\"}, \"comments\": [], \"targets\": [\"x\"]}");
        bad.put("no comments", "{\"id\": \"t\", \"article\": {\"title\": \"T\"}}");
        bad.put("a quoted comment with an unknown field", String.format(base, "{\"id\": \"c1\", \"text\": \"a\", \"alsoQuotes\": [{\"number\": 1, \"name\": \"D\"}]}"));
        bad.put("a quoted passage too long to store", String.format(base, "{\"id\": \"c1\", \"text\": \"a\", \"alsoQuotes\": [{\"number\": 1, \"text\": \""
                + "x".repeat(RequestChecks.MAX_TEXT + 1) + "\"}]}"));
        bad.forEach((mistake, thread) -> {
            for (String endpoint : List.of("/v1/threads", "/v1/score/thread")) {
                List<String> errors = errors(validator, endpoint, endpoint.equals("/v1/threads") ? thread : "{\"thread\": " + thread + "}");
                if (errors.isEmpty()) problems.add(endpoint + ": " + mistake + " is valid");
            }
        });
        assertEquals(List.of(), problems);
    }

    /**
     * Whether ThreadJson reads a thread with {@code field} of the object at {@code at} set to {@code value}: a string in
     * the every-field example, a number in a thread of one comment with a rating (so that no reference can refuse it).
     */
    private static boolean reads(String at, String field, Object value) throws java.io.IOException {
        ObjectNode thread = value instanceof Integer
                ? (ObjectNode) ThreadJson.toTree(ThreadJson.fromJson("{\"id\": \"t\", \"article\": {\"title\": \"T\"},"
                        + " \"comments\": [{\"id\": \"c1\", \"text\": \"a\", \"rating\": {\"up\": 1, \"down\": 1}}]}"))
                : (ObjectNode) ThreadJson.toTree(threadFormatExamples().get(1));
        ObjectNode target = (ObjectNode) (at.isEmpty() ? thread : thread.at("/" + at));
        if (value instanceof Integer i) target.put(field, i);
        else target.put(field, (String) value);
        try {
            ThreadJson.fromTree(thread);
            return true;
        } catch (InvalidThreadException e) {
            return false;
        }
    }

    /** The threads of docs/thread-format.md's json and jsonl blocks, in order: the BBC one, forum-42 (every field), two lines. */
    private static List<CommentThread> threadFormatExamples() throws java.io.IOException {
        String doc = Files.readString(Path.of("..", "docs", "thread-format.md"));
        List<CommentThread> out = new ArrayList<>();
        for (java.util.regex.Matcher m = java.util.regex.Pattern.compile("```(json|jsonl)\\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(doc); m.find(); )
            out.addAll(ThreadJson.read(new StringReader(m.group(2))));
        assertEquals("forum-42", out.get(1).id(), "docs/thread-format.md's every-field example is its second");
        return out;
    }

    /** The errors swagger-request-validator finds in the thread as the body of /v1/threads and as /v1/score/thread's thread. */
    private static List<String> errors(OpenApiInteractionValidator validator, String thread) {
        List<String> out = new ArrayList<>(errors(validator, "/v1/threads", thread));
        out.addAll(errors(validator, "/v1/score/thread", "{\"thread\": " + thread + "}"));
        return out;
    }

    private static List<String> errors(OpenApiInteractionValidator validator, String path, String body) {
        ValidationReport report = validator.validateRequest(SimpleRequest.Builder.post(path).withContentType("application/json")
                .withAuthorization("Bearer k").withBody(body).build());
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages())
            if (m.getLevel() == ValidationReport.Level.ERROR) out.add(path + ": " + m.getKey() + ": " + m.getMessage());
        return out;
    }

    /**
     * A generated-client audit (sixty-ninth session): the log-out listed no security, so the Python, Java and TypeScript
     * clients sent no token and ended no session (204 all the same). Every way of sending one is listed, and none.
     */
    @Test
    void theLogOutSendsTheTokenEveryWayAGeneratedClientMay() throws Exception {
        JsonNode security = openApi().at("/paths/~1v1~1session/delete/security");
        Set<String> schemes = new HashSet<>();
        for (JsonNode alternative : security) alternative.fieldNames().forEachRemaining(schemes::add);
        assertEquals(Set.of("bearer", "queryKey", "googleKey"), schemes, security.toString());
        assertTrue(java.util.stream.StreamSupport.stream(security.spliterator(), false).anyMatch(JsonNode::isEmpty),
                "none too, for the cookie: " + security);
    }

    /**
     * CommentView's status spelt Status's values out again, and Action's values were written out in five places: a
     * generator makes a separate enum type of each (CommentView.StatusEnum beside Status), which a client cannot pass
     * from one answer to the next request. An enum with a named schema's values refers to it.
     */
    @Test
    void anInlineEnumWithANamedEnumsValuesRefersToIt() throws Exception {
        JsonNode doc = openApi();
        Map<Set<String>, String> named = new HashMap<>();
        for (Map.Entry<String, JsonNode> s : fields(doc.at("/components/schemas")))
            if (s.getValue().has("enum")) named.put(values(s.getValue().get("enum")), s.getKey());
        assertTrue(named.size() >= 3, "the named enums were read: " + named.values());
        List<String> problems = new ArrayList<>();
        walk(doc, "", (pointer, schema) -> {
            if (!schema.has("enum") || pointer.matches("/components/schemas/[A-Za-z]+")) return;
            String same = named.get(values(schema.get("enum")));
            if (same != null) problems.add(pointer + " repeats " + same + "'s values: $ref it");
        });
        assertEquals(List.of(), problems);
    }

    /**
     * Generated clients turn each enum into a closed type, and the okhttp-gson client refuses an answer with a value the
     * document does not list (IllegalArgumentException): every enum the service writes lists exactly what its Java enum
     * can emit.
     */
    @Test
    void everyEnumListsExactlyTheValuesItsJavaEnumEmits() throws Exception {
        JsonNode doc = openApi();
        Map<String, Set<String>> expected = new java.util.LinkedHashMap<>();
        expected.put("/components/schemas/Attribute/enum", names(Attribute.values(), Enum::name));
        expected.put("/components/schemas/RequestedAttribute/enum", union(names(Attribute.values(), Enum::name), Set.of("SENTIMENT")));
        expected.put("/components/schemas/Action/enum", names(Action.values(), Enum::name));
        expected.put("/components/schemas/Status/enum", names(Status.values(), Enum::name));
        expected.put("/components/schemas/Decider/enum", names(Decider.values(), Enum::name));
        expected.put("/components/schemas/ModerationQueue/enum", names(Queue.values(), Enum::name));
        expected.put("/components/schemas/Verdict/enum", names(Verdict.values(), Enum::name));
        expected.put("/components/schemas/Reason/enum", names(Reason.values(), Reason::code));
        expected.put("/components/schemas/Rating/properties/name/enum", names(Severity.Level.values(), Enum::name));
        expected.put("/components/schemas/TargetStance/properties/label/enum", names(Stance.values(), Enum::name));
        expected.put("/components/schemas/ReplyStance/properties/label/enum", names(ReplyStance.values(), Enum::name));
        expected.put("/components/schemas/Sentiment/properties/label/enum", names(Sentiment.Label.values(), Enum::name));
        expected.put("/components/schemas/PipelineStatus/enum", names(org.parley.model.PipelineCheck.Status.values(), Enum::name));
        // what CommentStore records: the policy's action at ingestion, a moderator's verdict, or an erasure
        expected.put("/components/schemas/HistoryEntry/properties/decision/enum",
                union(union(names(Action.values(), Enum::name), names(Verdict.values(), Enum::name)), Set.of("ERASE")));
        // GET /v1/session answers the roles that reach it: moderator and above
        expected.put("/components/schemas/SessionView/properties/role/enum", Stream.of(Role.values())
                .filter(r -> r.ordinal() >= Role.MODERATOR.ordinal()).map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet()));
        List<String> problems = new ArrayList<>();
        expected.forEach((pointer, values) -> {
            JsonNode e = doc.at(pointer);
            if (e.isMissingNode()) problems.add(pointer + ": missing");
            else if (!values(e).equals(values)) problems.add(pointer + ": " + new TreeSet<>(values(e)) + ", the Java enum " + new TreeSet<>(values));
        });
        // maps keyed by an enum's names
        Map<String, Set<String>> keys = Map.of(
                "/paths/~1v1~1queue~1counts/get/responses/200/content/application~1json/schema", names(Queue.values(), Enum::name),
                "/components/schemas/TargetStance/properties/probabilities", names(Stance.values(), Enum::name),
                "/components/schemas/ReplyStance/properties/probabilities", names(ReplyStance.values(), Enum::name),
                "/components/schemas/Sentiment/properties/probabilities", names(Sentiment.Label.values(), Enum::name),
                "/components/schemas/ThreadSummary/properties/actions", names(Action.values(), Enum::name));
        keys.forEach((pointer, values) -> {
            Set<String> documented = new HashSet<>();
            doc.at(pointer + "/properties").fieldNames().forEachRemaining(documented::add);
            if (!documented.equals(values)) problems.add(pointer + "/properties: " + new TreeSet<>(documented) + ", the Java enum " + new TreeSet<>(values));
        });
        assertFalse(expected.isEmpty());
        assertEquals(List.of(), problems);
    }

    /**
     * TargetStance and ReplyStance required nothing, so generated clients typed every field optional (typescript-fetch
     * {@code label?:}) and a site null-checked fields no answer leaves out (a stance integrator's second review,
     * forty-fifth session). Each requires the fields of the record the service writes them from, none null
     * (ScoreParts fills each from an enum and a probability per class; stored comments keep the same JSON), and each
     * probability of its class; none of them is nullable. OpenApiContractTest holds real answers to the same lists.
     */
    @Test
    void theStanceSchemasRequireEveryFieldTheServiceAlwaysSends() throws Exception {
        JsonNode schemas = openApi().at("/components/schemas");
        Map<String, Class<? extends Record>> records = Map.of("TargetStance", org.parley.service.api.ScoreResponse.TargetStanceScore.class,
                "ReplyStance", org.parley.service.api.ScoreResponse.ReplyStanceScore.class);
        Map<String, Set<String>> classes = Map.of("TargetStance", names(Stance.values(), Enum::name),
                "ReplyStance", names(ReplyStance.values(), Enum::name));
        List<String> problems = new ArrayList<>();
        records.forEach((name, type) -> {
            JsonNode schema = schemas.get(name);
            Set<String> fields = Arrays.stream(type.getRecordComponents()).map(java.lang.reflect.RecordComponent::getName).collect(Collectors.toSet());
            if (!values(schema.path("required")).equals(fields)) problems.add(name + ": required " + schema.path("required") + ", always sent " + fields);
            JsonNode probabilities = schema.at("/properties/probabilities");
            if (!values(probabilities.path("required")).equals(classes.get(name)))
                problems.add(name + ".probabilities: required " + probabilities.path("required") + ", always sent " + classes.get(name));
            for (String field : fields)
                if (schema.at("/properties/" + field + "/nullable").asBoolean(false)) problems.add(name + "." + field + ": never null, not nullable");
        });
        assertEquals(List.of(), problems);
    }

    /**
     * Every other object of a 2xx answer whose fields the service always sends requires them (a stance integrator's second
     * review, forty-fifth session: ThreadSummary's rows, like most answer schemas, required nothing, so generated clients
     * typed each field optional). Each schema requires the JSON fields of the record the service writes it from, less
     * those it may leave out; a field left out is one its record writes only when not null (@JsonInclude NON_NULL), so
     * a primitive, or a field of a record that writes its nulls, is never left out. A map keyed by an enum requires each
     * constant (the summary writes every one, zero or not). OpenApiContractTest holds real answers to the same lists.
     */
    @Test
    void theAnswerSchemasRequireEveryFieldTheServiceAlwaysSends() throws Exception {
        JsonNode doc = openApi();
        String s = "/components/schemas/", batch = "/paths/~1v1~1score~1batch/post/responses/200/content/application~1json/schema",
                analyze = "/paths/~1v1alpha1~1comments:analyze/post/responses/200/content/application~1json/schema";
        // nullable: the fields the service writes as null where it has nothing to say (the schema must say so)
        record Written(String schema, Class<? extends Record> type, Set<String> mayBeLeftOut, Set<String> nullable) {
            Written(String schema, Class<? extends Record> type, Set<String> mayBeLeftOut) {
                this(schema, type, mayBeLeftOut, Set.of());
            }
        }
        List<Written> written = List.of(
                new Written(s + "ThreadSummary", org.parley.service.api.ThreadSummary.class, Set.of()),
                new Written(s + "ThreadSummary/properties/stance/items", org.parley.service.api.ThreadSummary.TargetCounts.class, Set.of()),
                new Written(s + "ThreadResponse/properties/targets", org.parley.service.api.ThreadResponse.Targets.class, Set.of()),
                new Written("/paths/~1v1~1threads/post/responses/200/content/application~1json/schema/properties/targets",
                        org.parley.service.api.moderation.ThreadResult.Targets.class, Set.of()),
                new Written(s + "AttributeScore", org.parley.service.api.ScoreResponse.AttributeScore.class, Set.of()),
                new Written(s + "Rating", org.parley.service.api.ScoreResponse.Rating.class, Set.of()),
                new Written(s + "SpanScore", org.parley.service.api.ScoreResponse.SpanScore.class, Set.of()),
                new Written(s + "Sentiment", org.parley.service.api.ScoreResponse.SentimentScore.class, Set.of("label")),
                new Written(s + "HistoryEntry", org.parley.service.api.moderation.CommentView.HistoryEntry.class, Set.of("reason", "note")),
                new Written(s + "CommentView/properties/reports/items", org.parley.service.api.moderation.CommentView.ReportEntry.class, Set.of("reason")),
                new Written(s + "CommentView/properties/communityRating", org.parley.service.api.moderation.CommentSubmission.Votes.class, Set.of()),
                new Written(batch, org.parley.service.api.BatchResponse.class, Set.of()),
                new Written(batch + "/properties/results/items", org.parley.service.api.BatchResponse.Item.class, Set.of("id", "score", "error")),
                new Written(analyze, org.parley.service.api.perspective.AnalyzeResponse.class, Set.of("detectedLanguages", "clientToken")),
                new Written(analyze + "/properties/attributeScores/additionalProperties",
                        org.parley.service.api.perspective.AnalyzeResponse.AttributeScores.class, Set.of("spanScores")),
                new Written(analyze + "/properties/attributeScores/additionalProperties/properties/spanScores/items",
                        org.parley.service.api.perspective.AnalyzeResponse.SpanScore.class, Set.of()),
                new Written(s + "TextPipelineCheck", org.parley.service.api.TextPipelineCheck.class, Set.of()),
                new Written("/paths/~1v1~1admin~1model/get/responses/200/content/application~1json/schema/properties/textPipeline",
                        AdminResource.TextPipelines.class, Set.of(), Set.of("spanTagger")),
                // Until the forty-sixth session it required the five newest fields alone, as if the older ones might be absent.
                new Written("/paths/~1v1~1admin~1model/get/responses/200/content/application~1json/schema", AdminResource.Served.class,
                        Set.of(), Set.of("spanStackerThreshold", "otherLanguage", "sentences")),
                new Written("/paths/~1v1alpha1~1comments:suggestscore/post/responses/200/content/application~1json/schema",
                        org.parley.service.api.perspective.SuggestScoreResponse.class, Set.of("detectedLanguages", "clientToken", "requestedLanguages")));
        List<String> problems = new ArrayList<>();
        for (Written w : written) {
            JsonNode schema = doc.at(w.schema());
            if (!schema.isObject()) { problems.add(w.schema() + ": no such schema"); continue; }
            com.fasterxml.jackson.annotation.JsonInclude include = w.type().getAnnotation(com.fasterxml.jackson.annotation.JsonInclude.class);
            boolean leavesOutNulls = include != null && include.value() == com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL;
            Set<String> always = new HashSet<>();
            for (java.lang.reflect.RecordComponent rc : w.type().getRecordComponents()) {
                com.fasterxml.jackson.annotation.JsonProperty named = rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                String field = named == null || named.value().isEmpty() ? rc.getName() : named.value();
                if (!schema.at("/properties/" + field).isObject()) problems.add(w.schema() + ": no property " + field);
                if (!w.mayBeLeftOut().contains(field)) always.add(field);
                else if (rc.getType().isPrimitive() || !leavesOutNulls)
                    problems.add(w.schema() + "." + field + ": " + w.type().getSimpleName() + " always writes it (as null when null)");
                if (rc.getType().isPrimitive() && schema.at("/properties/" + field + "/nullable").asBoolean(false))
                    problems.add(w.schema() + "." + field + ": a primitive, never null, yet nullable");
            }
            if (!values(schema.path("required")).equals(always)) problems.add(w.schema() + ": required " + schema.path("required") + ", always sent " + always);
            for (String field : w.nullable())
                if (!schema.at("/properties/" + field + "/nullable").asBoolean(false))
                    problems.add(w.schema() + "." + field + ": " + w.type().getSimpleName() + " writes it as null, yet it is not nullable");
        }
        for (String[] keyed : new String[][] {{s + "ThreadSummary/properties/stance/items/properties/counts", "Stance"},
                {s + "ThreadSummary/properties/actions", "Action"}}) {
            Set<String> constants = keyed[1].equals("Stance") ? names(Stance.values(), Enum::name) : names(Action.values(), Enum::name);
            if (!values(doc.at(keyed[0] + "/required")).equals(constants)) problems.add(keyed[0] + ": required " + doc.at(keyed[0] + "/required") + ", always sent " + constants);
        }
        assertEquals(List.of(), problems);
    }

    private interface Visitor {
        void schema(String pointer, JsonNode node);
    }

    /** Every object node under {@code node} (schemas and the rest: visitors look at what they need). */
    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.schema(pointer, node);
            for (Map.Entry<String, JsonNode> f : fields(node))
                walk(f.getValue(), pointer + "/" + f.getKey().replace("~", "~0").replace("/", "~1"), visitor);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, visitor);
        }
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node::fields;
    }

    private static Set<String> values(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static <E> Set<String> names(E[] values, Function<E, String> name) {
        return Arrays.stream(values).map(name).collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return out;
    }

    private static JsonNode openApi() throws java.io.IOException {
        try (InputStream in = OpenApiGeneratedClientsTest.class.getResourceAsStream("/openapi.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }
}
