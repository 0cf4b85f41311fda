package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.score.Scorer;
import org.parley.service.Fakes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.*;

/** Every kind of bad input gets a 4xx JSON body naming the field and the limit, and never reaches the model. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputTest {
    private static final Scorer MODEL = Fakes.scorer();
    private static final ResourceExtension RESOURCES = Fakes.resources(
            Fakes.modelHolder(MODEL, "1"),
            Path.of("target/test-feedback"));
    private static final String LONG = "a".repeat(20_481);

    @BeforeEach
    void countFromZero() {
        clearInvocations(MODEL);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // path, body, status, field, limit (null: none)
                Arguments.of("/v1/score", "{}", 400, "comment", null),
                Arguments.of("/v1/score", "{\"comment\": {}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": null}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"\"}}", 400, "comment.text", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \" \\n \"}}", 400, "comment.text", 1),
                // Invisible: zero-width space, no-break space, ideographic space, word joiner.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"\\u200b\\u00a0\\u3000\\u2060\"}}", 400, "comment.text", 1),
                // Invisible too (a website audit): Hangul filler, blank Braille, a lone combining accent, a lone variation selector, a control.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"\\u3164\"}}", 400, "comment.text", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"\\u2800\\u2800\"}}", 400, "comment.text", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"\\u0301\"}}", 400, "comment.text", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \" \\ufe0f\\u0007\"}}", 400, "comment.text", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"\\u200b\"]}", 400, "targets[0]", 1),
                // The same key twice: Jackson would keep the last one without a word.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"attributes\": [\"TOXICITY\"], \"attributes\": [\"THREAT\"]}", 400, "attributes", null),
                // Named where it is (a Perspective-client audit, sixty-ninth session: "body" alone).
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\", \"text\": \"ho\"}}", 400, "comment.text", null),
                Arguments.of("/v1/score/batch", "{\"comments\": [{\"comment\": {\"text\": \"a\"}}, {\"comment\": {\"text\": \"b\", \"text\": \"c\"}}]}",
                        400, "comments[1].comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"" + LONG + "\"}}", 400, "comment.text", 20_480),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"", 400, "body", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}} trailing", 400, "body", null),
                Arguments.of("/v1/score", "not json", 400, "body", null),
                Arguments.of("/v1/score", "", 400, "body", null),
                Arguments.of("/v1/score", "[1, 2]", 400, "body", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": 5}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": true}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": \"hi\"}", 400, "comment", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"doNotStore\": \"yes\"}", 400, "doNotStore", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"attributes\": \"TOXICITY\"}", 400, "attributes", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"attributes\": [\"TOXICITY\", \"FLIRTATION\"]}", 400, "attributes[1]", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"atributes\": [\"TOXICITY\"]}", 400, "atributes", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"id\": \"" + "x".repeat(201) + "\"}", 400, "id", 200),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": -1}}", 400, "context.commentNumber", 0),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": 3.5}}", 400, "context.commentNumber", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"rating\": {\"up\": \"many\"}}}", 400, "context.rating.up", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"parentText\": \"" + LONG + "\"}}", 400, "context.parentText", 20_480),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"articleTitle\": \"" + "x".repeat(1_001) + "\"}}", 400, "context.articleTitle", 1_000),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"rating\": {\"up\": -1}}}", 400, "context.rating.up", 0),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"rating\": {\"down\": -1}}}", 400, "context.rating.down", 0),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": []}", 400, "targets", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"war\", \" \"]}", 400, "targets[1]", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"war\", null]}", 400, "targets[1]", 1),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"" + "t".repeat(201) + "\"]}", 400, "targets[0]", 200),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [" + "\"war\",".repeat(10) + "\"peace\"]}", 400, "targets", 10),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": \"war\"}", 400, "targets", null),
                // A target repeated (in another case, with spaces around it) was read again and answered twice.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"Syria\", \"war\", \" syria \"]}", 400, "targets[2]", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [5]}", 400, "targets[0]", null),
                // A control character (a bell, DEL, a C1) was stored and shown as sent (a stance integrator's second review).
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"war\", \"Syria\\u0007\"]}", 400, "targets[1]", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"Sy\\u007fria\"]}", 400, "targets[0]", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"\\u0085Syria\\u009b\"]}", 400, "targets[0]", null),
                // PostgreSQL's text cannot hold U+0000, so no string field may carry one.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"you\\u0000idiot\"}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": [\"war\", \"\\u0000\"]}", 400, "targets[1]", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"id\": \"a\\u0000\"}", 400, "id", null),
                // Nor an unpaired surrogate: not text; PostgreSQL's driver stored it as '?', merging ids.
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"you \\ud800 idiot\"}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi \\udc00\"}}", 400, "comment.text", null),
                Arguments.of("/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"id\": \"a\\ude00\\ud83d\"}", 400, "id", null),
                Arguments.of("/v1/score/batch", "{}", 400, "comments", null),
                Arguments.of("/v1/score/batch", "{\"comments\": []}", 400, "comments", 1),
                Arguments.of("/v1/score/batch", "{\"comments\": {}}", 400, "comments", null),
                Arguments.of("/v1/score/batch", "{\"comments\": [" + "{\"comment\": {\"text\": \"a\"}},".repeat(Fakes.MAX_BATCH)
                        + "{\"comment\": {\"text\": \"a\"}}]}", 413, "comments", Fakes.MAX_BATCH));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("cases")
    void isRefusedNamingTheFieldAndLimit(String path, String body, int status, String field, Integer limit) {
        Response r = ScoreResourceTest.post(RESOURCES, path, body);
        assertRefused(r, status, field, limit);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = "{\"comment\": {\"text\": \"caf\u00e9 X\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.ISO_8859_1).indexOf('X');
        body[at] = (byte) 0xff;
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON));
        JsonNode json = assertRefused(r, 400, "body", null);
        assertTrue(json.get("message").asText().contains("UTF-8"), json.toString());
    }

    /** Overlong forms ("/" as C0 AF), surrogates as bytes and code points past U+10FFFF: Jackson read the first as "/". */
    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "F08080AF", "EDA080", "F4908080", "80", "E282"})
    void malformedUtf8IsRefusedAsSuch(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        byte[] head = "{\"comment\": {\"text\": \"hi there ".getBytes(StandardCharsets.UTF_8), tail = " friend\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity(body, MediaType.APPLICATION_JSON));
        JsonNode json = assertRefused(r, 400, "body", null);
        assertEquals("body is not valid UTF-8", json.get("message").asText(), hex);
    }

    @Test
    void wellFormedUtf8OfEveryLengthIsRead() {
        // 2, 3 and 4 bytes, the edges of the ranges: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFD, U+10000, U+10FFFF.
        String text = "\u0080\u07ff\u0800\ud7ff\ue000\ufffd\ud800\udc00\udbff\udfff caf\u00e9";
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity(("{\"comment\": {\"text\": \"" + text + "\"}}").getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    @Test
    void aNulCharacterIsRefusedByNameAndABatchItemWithOneInPlace() {
        JsonNode json = assertRefused(ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"a\\u0000\"}}"),
                400, "comment.text", null);
        assertEquals("comment.text must not contain the NUL character (U+0000)", json.get("message").asText());
        Response batch = ScoreResourceTest.post(RESOURCES, "/v1/score/batch",
                "{\"comments\": [{\"comment\": {\"text\": \"fine\"}}, {\"comment\": {\"text\": \"a\\u0000\"}}]}");
        JsonNode results = batch.readEntity(JsonNode.class).get("results");
        assertEquals(200, batch.getStatus());
        assertTrue(results.get(0).path("score").isObject() && results.get(0).path("error").isMissingNode() || results.get(0).path("error").isNull(),
                results.toString());
        assertEquals("comments[1].comment.text", results.get(1).path("error").path("field").asText(), results.toString());
    }

    /** A website audit: a refused id or field name was echoed back with its lone surrogate, and strict JSON parsers refuse the whole answer. */
    @Test
    void whatCannotBeStoredIsNotEchoedBack() {
        Response batch = ScoreResourceTest.post(RESOURCES, "/v1/score/batch",
                "{\"comments\": [{\"comment\": {\"text\": \"hi\"}}, {\"comment\": {\"text\": \"x\"}, \"id\": \"a\\ud800\"}, {\"comment\": {\"text\": \"x\"}, \"id\": \"b\\u0000\"}]}");
        assertEquals(200, batch.getStatus());
        String raw = batch.readEntity(String.class);
        assertFalse(raw.toLowerCase(java.util.Locale.ROOT).contains("\\ud800") || raw.contains("\\u0000") || raw.contains("\ud800"), raw);
        assertTrue(raw.contains("comments[1].id") && raw.contains("comments[2].id"), "both refused in place: " + raw);

        Response field = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"bogus\\ud800\": 1}");
        String said = field.readEntity(String.class);
        assertEquals(400, field.getStatus(), said);
        assertFalse(said.toLowerCase(java.util.Locale.ROOT).contains("\\ud800") || said.contains("\ud800"), said);
        assertTrue(said.contains("bogus\uFFFD") || said.toLowerCase(java.util.Locale.ROOT).contains("bogus\\ufffd"), said);
    }

    @Test
    void aBodyLargerThanTheLargestValidRequestIs413WhileItIsRead() {
        long max = new org.parley.service.errors.BodySizeLimit(Fakes.MAX_BATCH).maxBytes();
        String padded = "{\"comment\": {\"text\": \"hi\"}" + " ".repeat((int) max) + "}";
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", padded);
        JsonNode json = assertRefused(r, 413, "body", (int) max);
        assertTrue(json.get("message").asText().contains("larger than"), json.toString());
    }

    /** Overflowing inside a string, the 413 was wrapped by Jackson and came out as "cannot read comment.text". */
    @Test
    void aBodyThatOverflowsInsideATextIs413Too() {
        long max = new org.parley.service.errors.BodySizeLimit(Fakes.MAX_BATCH).maxBytes();
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"" + "a".repeat((int) max) + "\"}}");
        assertRefused(r, 413, "body", (int) max);
    }

    /**
     * Jackson's own reader limits are named with the limit (and the object being read: the reader stops
     * before it reaches the field), and a number out of a long's range with its own, as the other range errors
     * name theirs (a website audit found it had none: the limit, a long, did not fit the error's int).
     */
    @Test
    void theJsonReadersLimitsAreNamedWithTheLimit() {
        assertRefused(ScoreResourceTest.post(RESOURCES, "/v1/score",
                "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": 1" + "0".repeat(5000) + "}}"), 400, "context", 1000);
        JsonNode json = assertRefused(ScoreResourceTest.post(RESOURCES, "/v1/score",
                "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": 9223372036854775808}}"), 400, "context.commentNumber", Long.MAX_VALUE);
        assertTrue(json.get("message").asText().contains("at most 9223372036854775807"), json.toString());
    }

    @Test
    void aWrongContentTypeIs415() {
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.TEXT_PLAIN));
        assertRefused(r, 415, "Content-Type", null);
    }

    /** An Accept the endpoint cannot answer is a 406 naming Accept (it named no field until the sixty-third session). */
    @Test
    void anAcceptOtherThanJsonIs406NamingIt() {
        Response r = RESOURCES.target("/v1/score").request(MediaType.TEXT_HTML).header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.APPLICATION_JSON));
        assertEquals("this endpoint answers application/json only", assertRefused(r, 406, "Accept", null).get("message").asText());
    }

    /**
     * A weight of 0 is "not acceptable" (RFC 9110, 12.4.2), and the most specific range that matches decides; Jersey
     * chose the JSON method all the same (an integrator's audit, sixty-third session).
     */
    @ParameterizedTest
    @ValueSource(strings = {"application/json;q=0", "*/*;q=0", "application/*;q=0", "application/json;q=0, */*",
            "text/html, application/json; q=0.0", "*/*;q=0.000", "application/json;q=0, application/*"})
    void anAcceptThatWeighsJsonZeroIs406(String accept) {
        Response r = RESOURCES.target("/v1/score").request().header("Accept", accept).header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.APPLICATION_JSON));
        assertRefused(r, 406, "Accept", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json, */*;q=0", "*/*;q=0, application/*;q=0.1", "application/json;q=0.001",
            "text/html;q=0, */*", "*/*;q=0, application/json", "application/*;q=0, application/json"})
    void anAcceptThatWeighsJsonAboveZeroIsAnswered(String accept) {
        Response r = RESOURCES.target("/v1/score").request().header("Accept", accept).header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.APPLICATION_JSON));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    /**
     * A website audit: the charset was ignored, so Latin-1 "caf\u00e9" got "not valid UTF-8" and UTF-16 was read
     * when its text was ASCII. Any charset but UTF-8 is a 415 naming it; JSON between systems is UTF-8.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "iso-8859-1", "latin1", "windows-1252", "UTF-16LE", "utf-16", "\"ISO-8859-1\""})
    void aCharsetOtherThanUtf8Is415NamingIt(String charset) {
        String json = "{\"comment\": {\"text\": \"caf\u00e9\"}}";
        byte[] body = json.getBytes(charset.toLowerCase().contains("16") ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity(body, "application/json; charset=" + charset));
        String message = assertRefused(r, 415, "Content-Type", null).get("message").asText();
        assertTrue(message.contains(charset.replace("\"", "")) && message.contains("UTF-8"), message);
    }

    @Test
    void anAsciiUtf16BodyIs415TooAndSoOnPerspectivesPathInItsEnvelope() {
        byte[] body = "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}".getBytes(StandardCharsets.UTF_16LE);
        Response r = RESOURCES.target("/v1alpha1/comments:analyze").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity(body, "application/json; charset=UTF-16LE"));
        JsonNode json = r.readEntity(JsonNode.class);
        assertEquals(415, r.getStatus(), json.toString());
        assertEquals("INVALID_ARGUMENT", json.at("/error/status").asText(), json.toString());
        assertTrue(json.at("/error/message").asText().contains("UTF-16LE"), json.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"utf-8", "UTF-8", "utf8", "UTF8", "\"utf-8\""})
    void utf8IsReadHoweverItIsSpelled(String charset) {
        Response r = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"caf\u00e9\"}}".getBytes(StandardCharsets.UTF_8), "application/json; charset=" + charset));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    @Test
    void unknownPathsAndMethodsAreJsonToo() {
        Response missing = RESOURCES.target("/v1/nothing").request().get();
        assertEquals(404, missing.getStatus());
        assertTrue(missing.readEntity(String.class).startsWith("{\"code\":404"));
        Response method = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY).get();
        assertEquals(405, method.getStatus());
        assertTrue(method.getHeaderString("Allow").contains("POST"), "a 405 says which methods the path takes");
        String said = method.readEntity(JsonNode.class).get("message").asText();
        assertTrue(said.startsWith("method GET is not allowed on /v1/score; it takes ") && said.contains("POST"), said);
        Response noKey = RESOURCES.target("/v1/score").request().post(Entity.entity("{}", MediaType.APPLICATION_JSON));
        assertEquals(401, noKey.getStatus());
        assertEquals("Bearer realm=\"parley\"", noKey.getHeaderString("WWW-Authenticate"), "a 401 names the scheme");
    }

    @Test
    void tenTargetsOf200CharsAreScored() {
        // Ten different ones: a repeated target is refused (a stance integrator's review, thirty-ninth session).
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"targets\": ["
                + java.util.stream.IntStream.range(0, 10).mapToObj(i -> "\"" + "t".repeat(199) + i + "\"")
                        .collect(java.util.stream.Collectors.joining(",")) + "]}");
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    @Test
    void aFractionWhereAWholeNumberBelongsSaysSo() {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": 3.5}}");
        assertEquals("context.commentNumber must be a whole number", r.readEntity(JsonNode.class).get("message").asText());
    }

    /** A value of the wrong JSON type is named with the type its field takes, whatever that type is. */
    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeSaysWhatTheFieldTakes(String body, String message) {
        assertEquals(message, ScoreResourceTest.post(RESOURCES, "/v1/score", body).readEntity(JsonNode.class).get("message").asText());
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("{\"comment\": {\"text\": 5}}", "comment.text must be a string"),
                Arguments.of("{\"comment\": {\"text\": \"hi\"}, \"doNotStore\": \"yes\"}", "doNotStore must be true or false"),
                Arguments.of("{\"comment\": {\"text\": \"hi\"}, \"attributes\": \"TOXICITY\"}", "attributes must be an array"),
                Arguments.of("{\"comment\": \"hi\"}", "comment must be an object"),
                Arguments.of("{\"comment\": {\"text\": \"hi\"}, \"context\": {\"rating\": {\"up\": \"many\"}}}",
                        "context.rating.up must be a whole number"));
    }

    /** JavaScript's JSON.stringify writes whole numbers from 10^21 on with an exponent: too large, not a fraction. */
    @Test
    void aWholeNumberWithAnExponentBeyondTheRangeIsOutOfRangeWithTheLimit() {
        for (String n : new String[] {"1e+21", "-1E21", "9.3e18"}) {
            JsonNode refused = assertRefused(ScoreResourceTest.post(RESOURCES, "/v1/score",
                    "{\"comment\": {\"text\": \"hi\"}, \"context\": {\"commentNumber\": " + n + "}}"), 400, "context.commentNumber", Long.MAX_VALUE);
            assertTrue(refused.get("message").asText().contains("out of range"), n + ": " + refused);
        }
    }

    @Test
    void aSurrogatePairIsTextAndScored() {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"great \\ud83d\\ude00\"}, \"id\": \"\\ud83d\\ude00\"}");
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    @Test
    void textExactlyAtTheLimitIsScored() {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"" + "a".repeat(20_480) + "\"}}");
        assertEquals(200, r.getStatus());
    }

    /** Each limit is inclusive: the longest id, title and parent text, and counts of 0, are scored (cases() refuses one more). */
    @Test
    void valuesExactlyAtTheirLimitsAreScored() {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"hi\"}, \"id\": \"" + "x".repeat(200)
                + "\", \"context\": {\"articleTitle\": \"" + "t".repeat(1_000) + "\", \"parentText\": \"" + "p".repeat(20_480)
                + "\", \"commentNumber\": 0, \"rating\": {\"up\": 0, \"down\": 0}}}");
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    @Test
    void errorMessagesNeverQuoteTheComment() {
        Response r = ScoreResourceTest.post(RESOURCES, "/v1/score", "{\"comment\": {\"text\": \"secret words\", \"extra\": 1}");
        String body = r.readEntity(String.class);
        assertEquals(400, r.getStatus());
        assertFalse(body.contains("secret"), body);
    }

    private JsonNode assertRefused(Response r, int status, String field, Number limit) {
        String text = r.readEntity(String.class);
        assertEquals(status, r.getStatus(), text);
        assertFalse(text.contains("Exception") || text.contains("\tat "), "no stack trace: " + text);
        JsonNode json;
        try {
            json = Fakes.mapper().readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
        assertEquals(status, json.get("code").asInt(), text);
        assertEquals(field, json.path("field").asText(null), text);
        if (limit == null) assertFalse(json.has("limit"), text);
        else assertEquals(limit.longValue(), json.get("limit").asLong(), text);
        assertFalse(json.get("message").asText().isBlank());
        verify(MODEL, never()).score(anyList());
        return json;
    }
}
