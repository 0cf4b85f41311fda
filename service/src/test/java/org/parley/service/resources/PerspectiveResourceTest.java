package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.label.Attribute;
import org.parley.service.Fakes;
import org.parley.explain.SpanExplainer;
import org.parley.explain.TaggedExplainer;
import org.parley.model.ModelBundle;
import org.parley.model.ToxicityModel;
import org.parley.service.api.ScoreResponse;
import org.parley.service.core.ServedModel;
import org.parley.text.Sentences;
import org.parley.text.TextPipeline;
import org.mockito.MockedStatic;
import org.parley.service.api.perspective.AnalyzeRequest;
import org.parley.service.api.perspective.AnalyzeResponse;
import org.parley.service.api.perspective.SuggestScoreRequest;
import org.parley.service.auth.ApiKey;
import org.parley.service.access.Role;
import org.parley.service.core.ModelHolder;
import org.parley.service.store.FeedbackStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mockStatic;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** Perspective's request and response shapes, as JSON fixtures a Perspective client would send and expect. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PerspectiveResourceTest {
    private static final ObjectMapper JSON = Fakes.mapper();
    private static final Path FEEDBACK = Path.of("target", "perspective-feedback-" + ProcessHandle.current().pid());
    private static final ResourceExtension RESOURCES = Fakes.resources(
            Fakes.modelHolder(Fakes.scorer(), "1"), FEEDBACK);

    private static String fixture(String name) {
        try {
            return Files.readString(Path.of(ResourceHelpers.resourceFilePath("fixtures/perspective/" + name)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Response post(String path, String body) {
        return RESOURCES.target("/v1alpha1/comments:" + path).queryParam("key", Fakes.WEBSITE_KEY).request()
                .post(Entity.entity(body, MediaType.APPLICATION_JSON));
    }

    private static void assertJson(String expectedFixture, Response r, int status) throws Exception {
        String body = r.readEntity(String.class);
        assertEquals(status, r.getStatus(), body);
        assertEquals(JSON.readTree(fixture(expectedFixture)), JSON.readTree(body), body);
    }

    @Test
    void analyzeAnswersInPerspectivesShapeWithPerSentenceSpansAndThresholds() throws Exception {
        assertJson("analyze-response.json", post("analyze", fixture("analyze-request.json")), 200);
    }

    /**
     * A Perspective-client audit (sixty-ninth session): a threshold copied from an answer's score left the attribute out
     * (0.95 as a float is 0.94999998 as a double, below the threshold 0.95), 13 texts of 20; and a comment of markup alone
     * had no span while every other comment has one.
     */
    @Test
    void aScoreEqualToItsThresholdIsKeptAndATextWithoutTokensIsOneSpan() throws Exception {
        JsonNode body = JSON.readTree(post("analyze", "{\"comment\": {\"text\": \"you idiot\"}, \"languages\": [\"en\"],"
                + " \"requestedAttributes\": {\"TOXICITY\": {\"scoreThreshold\": 0.95}, \"INSULT\": {\"scoreThreshold\": 0.9000001}}}")
                .readEntity(String.class));
        assertEquals("0.95", body.at("/attributeScores/TOXICITY/summaryScore/value").asText(), body.toString());
        assertFalse(body.at("/attributeScores").has("INSULT"), "just above its score: " + body);
        JsonNode markup = JSON.readTree(post("analyze", "{\"comment\": {\"text\": \"<b>\"}, \"languages\": [\"en\"],"
                + " \"spanAnnotations\": true, \"requestedAttributes\": {\"TOXICITY\": {}}}").readEntity(String.class));
        JsonNode spans = markup.at("/attributeScores/TOXICITY/spanScores");
        assertEquals(1, spans.size(), markup.toString());
        assertEquals(0, spans.get(0).get("begin").asInt());
        assertEquals(3, spans.get(0).get("end").asInt());
    }

    /** A website audit: some HTTP clients percent-encode the colon of a custom method, and that was a 404. */
    @Test
    void theColonOfACustomMethodMayComePercentEncoded() throws Exception {
        for (String colon : new String[] {"%3A", "%3a"}) {
            Response r = RESOURCES.target("/v1alpha1/comments" + colon + "analyze").queryParam("key", Fakes.WEBSITE_KEY).request()
                    .post(Entity.entity(fixture("analyze-request.json"), MediaType.APPLICATION_JSON));
            assertJson("analyze-response.json", r, 200);
        }
        Response r = RESOURCES.target("/v1alpha1/comments%3Asuggestscore").queryParam("key", Fakes.WEBSITE_KEY).request()
                .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0}}}}",
                        MediaType.APPLICATION_JSON));
        assertEquals(200, r.getStatus(), r.readEntity(String.class));
    }

    /**
     * A browser's {@code fetch} with a string body and no headers sends {@code text/plain;charset=UTF-8}, which was a 415
     * here (a Perspective compatibility review). Read as JSON on these paths, under the guard a missing Content-Type
     * has: no cookies. Its charset is still checked, and every other path keeps its 415.
     */
    @Test
    void aTextPlainBodyIsJsonOnThePerspectivePathsWithoutCookies() throws Exception {
        for (String type : new String[] {"text/plain;charset=UTF-8", "text/plain", "TEXT/PLAIN; charset=utf-8"})
            assertJson("analyze-response.json", typed("/v1alpha1/comments:analyze", type, fixture("analyze-request.json"), null), 200);
        String unquoted = "{comment: {text: \"what kind of idiot name is foo?\"}, languages: [\"en\"], requestedAttributes: {TOXICITY: {}}}";
        Response lenient = typed("/v1alpha1/comments:analyze", "text/plain;charset=UTF-8", unquoted, null);
        assertEquals(200, lenient.getStatus(), "unquoted names too: " + lenient.readEntity(String.class));
        int before = stored().size();
        String suggestion = "{\"comment\": {\"text\": \"plain suggestion\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.3}}}}";
        Response suggested = typed("/v1alpha1/comments:suggestscore", "text/plain;charset=UTF-8", suggestion, null);
        assertEquals(200, suggested.getStatus(), () -> suggested.readEntity(String.class));
        assertEquals(0.3, storedText("plain suggestion").labels().get(Attribute.TOXICITY), 0.0);

        // With a session cookie, a forged cross-site request (text/plain needs no preflight): the 415, and nothing stored.
        for (String session : new String[] {"parley_session=x", "AWSALB=y; __Host-parley_session=x"}) {
            Response withCookie = typed("/v1alpha1/comments:suggestscore", "text/plain;charset=UTF-8",
                    suggestion.replace("plain suggestion", "forged"), session);
            assertEquals(415, withCookie.getStatus(), () -> withCookie.readEntity(String.class));
            assertEquals("INVALID_ARGUMENT", JSON.readTree(withCookie.readEntity(String.class)).at("/error/status").asText());
        }
        assertEquals(before + 1, stored().size());
        // curl -d's form type: the 415 says what else is read, and how to send it (a newcomer's fourth audit).
        Response form = typed("/v1alpha1/comments:analyze", "application/x-www-form-urlencoded", fixture("analyze-request.json"), null);
        JsonNode formBody = JSON.readTree(form.readEntity(String.class));
        assertEquals(415, form.getStatus(), formBody.toString());
        assertTrue(formBody.at("/error/message").asText().contains("or left out, or text/plain")
                && formBody.at("/error/message").asText().contains("-H 'Content-Type: application/json'"), formBody.toString());
        // Another cookie authenticates nothing (a load balancer's, a Perspective-client audit: the second call was a 415).
        Response sticky = typed("/v1alpha1/comments:analyze", "text/plain;charset=UTF-8", fixture("analyze-request.json"), "AWSALB=y");
        assertJson("analyze-response.json", sticky, 200);
        // Another charset is refused as for application/json; so are the other types a form sends.
        Response latin1 = typed("/v1alpha1/comments:analyze", "text/plain;charset=ISO-8859-1", fixture("analyze-request.json"), null);
        String latin1Body = latin1.readEntity(String.class);
        assertEquals(415, latin1.getStatus(), latin1Body);
        assertTrue(latin1Body.contains("charset"), latin1Body);
        for (String type : new String[] {"text/html", "application/x-www-form-urlencoded", "multipart/form-data"})
            assertEquals(415, typed("/v1alpha1/comments:analyze", type, fixture("analyze-request.json"), null).getStatus(), type);
        // Other paths stay strict.
        Response score = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{\"comment\": {\"text\": \"hello\"}}", "text/plain;charset=UTF-8"));
        assertEquals(415, score.getStatus(), () -> score.readEntity(String.class));
    }

    /**
     * Python's {@code str(body)} in place of {@code json.dumps(body)} writes single-quoted strings, double quotes for one
     * that holds an apostrophe: "not valid JSON" here, as for the unquoted names of Perspective's curl sample. Read on
     * these paths as the double-quoted body is; other paths stay strict.
     */
    @Test
    void singleQuotedStringsAreReadOnThePerspectivePaths() throws Exception {
        String text = "it's a stupid idea";
        String quoted = JSON.writeValueAsString(Map.of("comment", Map.of("text", text),
                "languages", List.of("en"), "requestedAttributes", Map.of("TOXICITY", Map.of())));
        String pythons = "{'comment': {'text': \"" + text + "\"}, 'languages': ['en'], 'requestedAttributes': {'TOXICITY': {}}}";
        Response strict = post("analyze", quoted), lenient = post("analyze", pythons);
        String strictBody = strict.readEntity(String.class), lenientBody = lenient.readEntity(String.class);
        assertEquals(200, strict.getStatus(), strictBody);
        assertEquals(200, lenient.getStatus(), lenientBody);
        assertEquals(JSON.readTree(strictBody), JSON.readTree(lenientBody));
        // Within a single-quoted string, a double quote is a character, and \' an apostrophe, as Python writes them.
        Response both = post("analyze", "{'comment': {'text': 'say \"no\", it\\'s fine'}, 'requestedAttributes': {'TOXICITY': {}}}");
        assertEquals(200, both.getStatus(), () -> both.readEntity(String.class));

        Response score = RESOURCES.target("/v1/score").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY)
                .post(Entity.entity("{'comment': {'text': 'hello'}}", MediaType.APPLICATION_JSON));
        assertEquals(400, score.getStatus(), () -> score.readEntity(String.class));
    }

    private static Response typed(String path, String type, String body, String cookie) {
        var request = RESOURCES.target(path).queryParam("key", Fakes.WEBSITE_KEY).request();
        if (cookie != null) request = request.header("Cookie", cookie);
        return request.post(Entity.entity(body, type));
    }

    @Test
    void analyzeWithoutSpanAnnotationsOrTokenAnswersSummaryScoresOnly() throws Exception {
        assertJson("analyze-minimal-response.json", post("analyze", fixture("analyze-minimal-request.json")), 200);
    }

    /**
     * With spans, the comment is tokenised once, for its sentences and its scores, as /v1/score does (its
     * sentences were tokenised again), and the answer with the shipped model is the one the text strings give:
     * each sentence by CoreNLP's rules, or ended by a blank line as the sentence rule's are, scored as a text of
     * its own.
     */
    @Test
    void analyzeWithSpansTokenisesTheCommentOnceAndAnswersAsBefore() throws Exception {
        TextPipeline counting = spy(TextPipeline.standard());
        ToxicityModel model = new ToxicityModel(ModelBundle.load(Path.of("../models/toxicity.zip")), counting, 1);
        ServedModel served = new ServedModel(model, TaggedExplainer.explainerOnly(new SpanExplainer(model, counting, 1.0)),
                new ScoreResponse.ModelInfo("shipped", "1", "checksum-1"),
                org.parley.service.Fakes.pipelineSame("toxicity.zip"), null);
        PerspectiveResource resource = new PerspectiveResource(new ModelHolder(served, p -> { throw new UnsupportedOperationException(); }),
                null, null);  // neither read: "languages" is given, nothing is stored
        for (String text : List.of("You are a stupid idiot. Mr. Smith said so, e.g. yesterday! Go away, moron.",
                "I will kill you. Really, I will.", "Thanks for the article.",
                "  WHAT A MORON!!! u r an id1ot... see http://x.example/a.b ok?  ",
                "Great piece, thanks\n\nyou are a moron though\n\nanyway see you")) {
            com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
            body.putObject("comment").put("text", text);
            for (Attribute a : Attribute.values()) body.with("requestedAttributes").putObject(a.name());
            body.put("spanAnnotations", true).putArray("languages").add("en");
            AnalyzeRequest request = JSON.treeToValue(body, AnalyzeRequest.class);

            clearInvocations(counting);
            AnalyzeResponse answer;
            // The sentences were split over TextPipeline.standard()'s tokens: it hands out the counting pipeline here too.
            try (MockedStatic<TextPipeline> standard = mockStatic(TextPipeline.class, CALLS_REAL_METHODS)) {
                standard.when(TextPipeline::standard).thenReturn(counting);
                answer = resource.analyze(request);
            }
            verify(counting, times(1)).tokenize(text);
            verify(counting, times(1)).tokenize(anyString());

            List<int[]> sentences = Sentences.split(text, TextPipeline.standard().tokenize(text));
            List<String> texts = new ArrayList<>(List.of(text));
            for (int[] s : sentences) texts.add(text.substring(s[0], s[1]));
            float[][] expected = model.score(texts);
            for (Attribute a : Attribute.values()) {
                AnalyzeResponse.AttributeScores got = answer.attributeScores().get(a.name());
                assertEquals(expected[0][a.ordinal()], got.summaryScore().value(), 0f, text + " " + a);
                assertEquals(sentences.size(), got.spanScores().size(), text);
                for (int k = 0; k < sentences.size(); k++) {
                    AnalyzeResponse.SpanScore span = got.spanScores().get(k);
                    assertEquals(sentences.get(k)[0], span.begin(), text);
                    assertEquals(sentences.get(k)[1], span.end(), text);
                    assertEquals(expected[k + 1][a.ordinal()], span.score().value(), 0f, text + " " + a + " sentence " + k);
                }
            }
        }
    }

    /**
     * A comment with spans was two scorer calls, its own and then its sentences' (a speed review); it is one now, which
     * holds the comment and its sentences, and the answer is what scoring each text alone gives.
     */
    @Test
    void analyzeWithSpansScoresTheCommentAndItsSentencesInOneScorerCall() throws Exception {
        org.parley.score.Scorer counted = Fakes.scorer();
        PerspectiveResource resource = new PerspectiveResource(Fakes.modelHolder(counted, "1"), null, null);
        String text = "You are a stupid idiot. Thanks for the article! I will kill you.";
        com.fasterxml.jackson.databind.node.ObjectNode body = JSON.createObjectNode();
        body.putObject("comment").put("text", text);
        body.with("requestedAttributes").putObject("TOXICITY");
        body.with("requestedAttributes").putObject("THREAT");
        body.put("spanAnnotations", true).putArray("languages").add("en");
        clearInvocations(counted);
        AnalyzeResponse answer = resource.analyze(JSON.treeToValue(body, AnalyzeRequest.class));
        verify(counted, times(1)).score(org.mockito.ArgumentMatchers.anyList(), org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.anyList());
        verify(counted, times(1)).score(org.mockito.ArgumentMatchers.anyList());  // the fake's: the call above, as strings

        List<int[]> sentences = Sentences.split(text, TextPipeline.standard().tokenize(text));
        assertEquals(3, sentences.size());
        List<String> texts = new ArrayList<>(List.of(text));
        for (int[] s : sentences) texts.add(text.substring(s[0], s[1]));
        float[][] expected = Fakes.scorer().score(texts);
        for (Attribute a : List.of(Attribute.TOXICITY, Attribute.THREAT)) {
            AnalyzeResponse.AttributeScores got = answer.attributeScores().get(a.name());
            assertEquals(expected[0][a.ordinal()], got.summaryScore().value(), 0f, a.name());
            assertEquals(sentences.size(), got.spanScores().size());
            for (int k = 0; k < sentences.size(); k++) {
                assertEquals(sentences.get(k)[0], got.spanScores().get(k).begin());
                assertEquals(sentences.get(k)[1], got.spanScores().get(k).end());
                assertEquals(expected[k + 1][a.ordinal()], got.spanScores().get(k).score().value(), 0f, a + " sentence " + k);
            }
        }
    }

    @Test
    void requestAndResponseTypesReadAndWriteTheFixtures() throws Exception {
        AnalyzeRequest request = JSON.readValue(fixture("analyze-request.json"), AnalyzeRequest.class);
        assertEquals("token-1", request.clientToken());
        assertEquals(0.5, request.requestedAttributes().get("THREAT").scoreThreshold());
        AnalyzeResponse response = JSON.readValue(fixture("analyze-response.json"), AnalyzeResponse.class);
        assertEquals(JSON.readTree(fixture("analyze-response.json")), JSON.readTree(JSON.writeValueAsString(response)));
        SuggestScoreRequest suggest = JSON.readValue(fixture("suggestscore-request.json"), SuggestScoreRequest.class);
        assertEquals(0.8, suggest.attributeScores().get("TOXICITY").summaryScore().value().doubleValue());
    }

    @Test
    void unknownAttributesAndUnsupportedLanguagesAre400sInGooglesEnvelope() throws Exception {
        assertJson("analyze-unknown-attribute-error.json",
                post("analyze", "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"FLIRTATION\": {}}}"), 400);
        assertJson("analyze-language-error.json",
                post("analyze", "{\"comment\": {\"text\": \"Hallo\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, \"languages\": [\"de\"]}"), 400);
    }

    @Test
    void aCommentClearlyInAnotherLanguageIsRefusedUnlessTheCallerNamesEnglish() throws Exception {
        String german = "Die Regierung hat wieder einmal versagt, und niemand übernimmt die Verantwortung dafür.";
        Response refused = post("analyze", "{\"comment\": {\"text\": \"" + german + "\"}, \"requestedAttributes\": {\"INSULT\": {}}}");
        JsonNode error = JSON.readTree(refused.readEntity(String.class));
        assertEquals(400, refused.getStatus(), error.toString());
        assertEquals("INVALID_ARGUMENT", error.at("/error/status").asText());
        assertTrue(error.at("/error/message").asText().startsWith("Attribute INSULT does not support request languages: de"), error.toString());
        // Perspective's typed error, which its clients branch on (a Node.js integrator's audit found none).
        JsonNode detail = error.at("/error/details/0");
        assertEquals("LANGUAGE_NOT_SUPPORTED_BY_ATTRIBUTE", detail.path("errorType").asText(), error.toString());
        assertEquals("{\"detectedLanguages\":[\"de\"],\"attribute\":\"INSULT\"}", detail.path("languageNotSupportedByAttributeError").toString());
        assertFalse(error.toString().contains("Regierung"), "the refusal must not quote the comment");

        Response asEnglish = post("analyze", "{\"comment\": {\"text\": \"" + german + "\"}, \"requestedAttributes\": {\"INSULT\": {}}, \"languages\": [\"en\"]}");
        JsonNode scored = JSON.readTree(asEnglish.readEntity(String.class));
        assertEquals(200, asEnglish.getStatus(), scored.toString());
        assertTrue(scored.has("attributeScores") && !scored.has("detectedLanguages"), scored.toString());

        Response longRun = post("analyze", "{\"comment\": {\"text\": \"" + "a ".repeat(10_240).strip() + "\"}, \"requestedAttributes\": {\"INSULT\": {}}}");
        assertEquals(200, longRun.getStatus(), "one word 10,240 times overflowed a regex's stack");

        Response english = post("analyze", "{\"comment\": {\"text\": \"The government has failed again, and nobody takes the blame for it.\"}, \"requestedAttributes\": {\"INSULT\": {}}}");
        JsonNode detected = JSON.readTree(english.readEntity(String.class));
        assertEquals(200, english.getStatus(), detected.toString());
        assertEquals("[\"en\"]", detected.get("detectedLanguages").toString());

        // Too short to refuse, but not English either: scored as English, and detected as what it is.
        Response shortSpanish = post("analyze", "{\"comment\": {\"text\": \"Tu madre es una puta y tú eres un imbécil.\"}, \"requestedAttributes\": {\"INSULT\": {}}}");
        JsonNode spanish = JSON.readTree(shortSpanish.readEntity(String.class));
        assertEquals(200, shortSpanish.getStatus(), spanish.toString());
        assertEquals("[\"en\"]", spanish.get("languages").toString());
        assertEquals("[\"es\"]", spanish.get("detectedLanguages").toString());
    }

    /** The discovery document lists the protobuf defaults, and a client generated from it may send them (a website audit). */
    @Test
    void theProtobufDefaultsMeanPlainTextAndProbability() throws Exception {
        Response r = post("analyze", "{\"comment\": {\"text\": \"you idiot\", \"type\": \"TEXT_TYPE_UNSPECIFIED\"},"
                + " \"requestedAttributes\": {\"INSULT\": {\"scoreType\": \"SCORE_TYPE_UNSPECIFIED\"}}}");
        JsonNode body = JSON.readTree(r.readEntity(String.class));
        assertEquals(200, r.getStatus(), body.toString());
        assertEquals("PROBABILITY", body.at("/attributeScores/INSULT/summaryScore/type").asText(), body.toString());
    }

    /** A refusal names every value taken, the protobuf defaults too: it said only PLAIN_TEXT and PROBABILITY. */
    @Test
    void refusedTypesNameTheProtobufDefaultsTaken() throws Exception {
        Response html = post("analyze", "{\"comment\": {\"text\": \"hi\", \"type\": \"HTML\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}");
        String htmlBody = html.readEntity(String.class);
        assertEquals(400, html.getStatus(), htmlBody);
        assertTrue(htmlBody.contains("PLAIN_TEXT or TEXT_TYPE_UNSPECIFIED"), htmlBody);
        Response stdDev = post("analyze", "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreType\": \"STD_DEV_SCORE\"}}}");
        String stdDevBody = stdDev.readEntity(String.class);
        assertEquals(400, stdDev.getStatus(), stdDevBody);
        assertTrue(stdDevBody.contains("PROBABILITY or SCORE_TYPE_UNSPECIFIED"), stdDevBody);
        Response suggested = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.2, \"type\": \"STD_DEV_SCORE\"}}}}");
        String suggestedBody = suggested.readEntity(String.class);
        assertEquals(400, suggested.getStatus(), suggestedBody);
        assertTrue(suggestedBody.contains("PROBABILITY or SCORE_TYPE_UNSPECIFIED"), suggestedBody);
    }

    /**
     * Each 400 names its field twice: in the message, as before, and in Google's standard google.rpc.BadRequest
     * detail (a Node.js integrator's audit found no details but for languages), in the request's own terms; a body
     * that is not JSON at all names none, as Google's APIs answer JSON they cannot parse.
     */
    @Test
    void otherBadInputIsAGoogleErrorNamingTheField() throws Exception {
        for (String[] c : new String[][] {
                {"{\"requestedAttributes\": {\"TOXICITY\": {}}}", "comment.text", "comment.text"},
                {"{\"comment\": {\"text\": \"\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", "comment.text", "comment.text"},
                {"{\"comment\": {\"text\": \"" + "a".repeat(20_481) + "\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", "20480", "comment.text"},
                {"{\"comment\": {\"text\": \"hi\"}}", "must name at least one of [TOXICITY, SEVERE_TOXICITY, IDENTITY_ATTACK,"
                        + " INSULT, PROFANITY, THREAT]", "requestedAttributes"},
                {"{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"FOO\": {}}}", "unknown attribute 'FOO'", "requestedAttributes.FOO"},
                {"{\"comment\": {\"text\": \"<b>hi</b>\", \"type\": \"HTML\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", "comment.type", "comment.type"},
                {"{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreThreshold\": 2}}}", "scoreThreshold",
                        "requestedAttributes.TOXICITY.scoreThreshold"},
                {"{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreType\": \"STD_DEV_SCORE\"}}}", "scoreType",
                        "requestedAttributes.TOXICITY.scoreType"},
                {"{\"comment\": {\"text\": 3}, \"requestedAttributes\": {\"TOXICITY\": {}}}", "comment.text", "comment.text"},
                {"{\"comment\": {\"text\": \"a\\u0000\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}", "U+0000", "comment.text"},
                // Echoed back in the answer, so bounded.
                {"{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, \"clientToken\": \"" + "c".repeat(1001) + "\"}", "clientToken", "clientToken"},
                {"{\"comment\": ", "JSON", null}}) {
            Response r = post("analyze", c[0]);
            JsonNode body = JSON.readTree(r.readEntity(String.class));
            assertEquals(400, r.getStatus(), body.toString());
            assertEquals(400, body.at("/error/code").asInt(), body.toString());
            assertEquals("INVALID_ARGUMENT", body.at("/error/status").asText(), body.toString());
            assertTrue(body.at("/error/message").asText().contains(c[1]), body.toString());
            assertBadRequest(body, c[2]);
        }
        Response unknown = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"attributeScores\": {\"FOO\": {\"summaryScore\": {\"value\": 0.5}}}}");
        JsonNode unknownBody = JSON.readTree(unknown.readEntity(String.class));
        assertEquals(400, unknown.getStatus(), unknownBody.toString());
        assertBadRequest(unknownBody, "attributeScores.FOO");
        Response doNotStore = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"doNotStore\": true,"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}");
        assertBadRequest(JSON.readTree(doNotStore.readEntity(String.class)), "doNotStore");
        // No key is no field's fault: no detail.
        Response keyless = RESOURCES.target("/v1alpha1/comments:analyze").request()
                .post(Entity.entity(fixture("analyze-minimal-request.json"), MediaType.APPLICATION_JSON));
        JsonNode keylessBody = JSON.readTree(keyless.readEntity(String.class));
        assertEquals(403, keyless.getStatus(), keylessBody.toString());
        assertTrue(keylessBody.at("/error/details").isMissingNode(), keylessBody.toString());
        // A name given twice: the field named (a Perspective-client audit, sixty-ninth session: no field).
        Response twice = post("analyze", "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreThreshold\": 0.9},"
                + " \"TOXICITY\": {}}}");
        JsonNode twiceBody = JSON.readTree(twice.readEntity(String.class));
        assertEquals(400, twice.getStatus(), twiceBody.toString());
        assertBadRequest(twiceBody, "requestedAttributes.TOXICITY");
        assertEquals("requestedAttributes.TOXICITY is given twice in one object: which one is meant?", twiceBody.at("/error/message").asText());
        String longName = "K".repeat(101);  // past the 100 characters a name is repeated back with: it was "not valid JSON"
        JsonNode longTwice = JSON.readTree(post("analyze", "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"" + longName
                + "\": {}, \"" + longName + "\": {}}}").readEntity(String.class));
        assertBadRequest(longTwice, "requestedAttributes." + "K".repeat(100) + "…");
        // A refused value is repeated back cut short, not whole.
        Response r = post("analyze", "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, \"languages\": [\"" + "x".repeat(100_000) + "\"]}");
        String body = r.readEntity(String.class);
        assertEquals(400, r.getStatus(), body);
        assertTrue(body.length() < 1_000 && body.contains("100000 characters"), body.length() + ": " + body);
    }

    /** One detail, Google's BadRequest, whose one violation names the field (or none) and says what the message says. */
    private static void assertBadRequest(JsonNode body, String field) {
        JsonNode details = body.at("/error/details");
        assertEquals(1, details.size(), body.toString());
        assertEquals("type.googleapis.com/google.rpc.BadRequest", details.at("/0/@type").asText(), body.toString());
        JsonNode violations = details.at("/0/fieldViolations");
        assertEquals(1, violations.size(), body.toString());
        if (field == null) assertFalse(violations.get(0).has("field"), body.toString());
        else assertEquals(field, violations.at("/0/field").asText(), body.toString());
        assertEquals(body.at("/error/message").asText(), violations.at("/0/description").asText(), body.toString());
    }

    /**
     * Clients built from the discovery document (Google's Python sample; checked by hand with the
     * googleapis Node library's discoverAPI) call each method at rootUrl + path: those must be ours.
     */
    @Test
    void theDiscoveryDocumentLeadsClientsToTheseEndpoints() throws Exception {
        JsonNode doc = JSON.readTree(RESOURCES.target("/$discovery/rest").queryParam("version", "v1alpha1").request().get(String.class));
        assertEquals("commentanalyzer", doc.get("name").asText());
        String root = doc.get("rootUrl").asText();
        assertTrue(root.startsWith("http") && root.endsWith("/"), root);
        JsonNode methods = doc.at("/resources/comments/methods");
        assertEquals("POST", methods.at("/analyze/httpMethod").asText());
        Response analyze = RESOURCES.target("/" + methods.at("/analyze/path").asText()).queryParam("key", Fakes.WEBSITE_KEY)
                .request().post(Entity.entity(fixture("analyze-minimal-request.json"), MediaType.APPLICATION_JSON));
        assertEquals(200, analyze.getStatus(), analyze.readEntity(String.class));
        Response suggest = RESOURCES.target("/" + methods.at("/suggestscore/path").asText()).queryParam("key", Fakes.WEBSITE_KEY)
                .request().post(Entity.entity(fixture("suggestscore-request.json"), MediaType.APPLICATION_JSON));
        assertEquals(200, suggest.getStatus(), suggest.readEntity(String.class));
        for (JsonNode m : methods)
            assertTrue(doc.get("schemas").has(m.at("/request/$ref").asText()), m.toString());
        assertEquals(200, RESOURCES.target("/discovery/v1/apis/commentanalyzer/v1alpha1/rest").request().get().getStatus());
        // Each field the service reads or answers (a Perspective-client audit, sixty-ninth session: a client generated
        // from it could send no context, and dropped suggestscore's languages). doNotStore is read there only to refuse it.
        documents(doc, "AnalyzeCommentRequest", AnalyzeRequest.class);
        documents(doc, "AnalyzeCommentResponse", AnalyzeResponse.class);
        documents(doc, "SuggestCommentScoreRequest", SuggestScoreRequest.class, "doNotStore");
        documents(doc, "SuggestCommentScoreResponse", org.parley.service.api.perspective.SuggestScoreResponse.class);
    }

    /** The record's fields, and those it takes to ignore them, under their JSON names, each in the schema but {@code except}. */
    private static void documents(JsonNode doc, String schema, Class<? extends Record> type, String... except) {
        List<String> fields = new ArrayList<>();
        for (var c : type.getRecordComponents()) fields.add(c.getName());
        var ignored = type.getAnnotation(com.fasterxml.jackson.annotation.JsonIgnoreProperties.class);
        if (ignored != null) for (String f : ignored.value()) if (!f.contains("_")) fields.add(f);
        fields.removeAll(List.of(except));
        JsonNode properties = doc.at("/schemas/" + schema + "/properties");
        for (String f : fields) assertTrue(properties.has(f), schema + " lacks " + f + ": " + properties);
    }

    /** Google's client libraries send the key in a header rather than the query. */
    @Test
    void theKeyMayComeInGooglesHeader() throws Exception {
        Response ok = RESOURCES.target("/v1alpha1/comments:analyze").request().header("X-Goog-Api-Key", Fakes.WEBSITE_KEY)
                .post(Entity.entity(fixture("analyze-minimal-request.json"), MediaType.APPLICATION_JSON));
        assertEquals(200, ok.getStatus(), ok.readEntity(String.class));
        Response wrong = RESOURCES.target("/v1alpha1/comments:analyze").request().header("X-Goog-Api-Key", "nope-nope-nope")
                .post(Entity.entity(fixture("analyze-minimal-request.json"), MediaType.APPLICATION_JSON));
        assertEquals(400, wrong.getStatus());
    }

    /**
     * Refused keys answer as Google's front end does (its public error format; not checked against Google's servers):
     * no key a 403 PERMISSION_DENIED, an unknown one, however sent, a 400 INVALID_ARGUMENT whose ErrorInfo says
     * API_KEY_INVALID. Neither is a 401, so neither names Parley's Bearer scheme; Parley's own paths keep their 401.
     */
    @Test
    void refusedKeysAnswerAsGooglesFrontEndDoes() throws Exception {
        for (String method : List.of("analyze", "suggestscore")) {
            String path = "/v1alpha1/comments:" + method;
            Entity<String> body = Entity.entity(fixture(method.equals("analyze") ? "analyze-minimal-request.json" : "suggestscore-request.json"),
                    MediaType.APPLICATION_JSON);
            Response keyless = RESOURCES.target(path).request().post(body);
            JsonNode missing = JSON.readTree(keyless.readEntity(String.class));
            assertEquals(403, keyless.getStatus(), path + ": " + missing);
            assertEquals(403, missing.at("/error/code").asInt(), missing.toString());
            assertEquals("PERMISSION_DENIED", missing.at("/error/status").asText(), missing.toString());
            assertEquals("The request is missing a valid API key.", missing.at("/error/message").asText(), missing.toString());
            assertNull(keyless.getHeaderString("WWW-Authenticate"), path);
            for (Response r : List.of(RESOURCES.target(path).queryParam("key", "nope-nope-nope").request().post(body),
                    RESOURCES.target(path).request().header("X-Goog-Api-Key", "nope-nope-nope").post(body),
                    RESOURCES.target(path).request().header("Authorization", "Bearer nope-nope-nope").post(body))) {
                JsonNode wrong = JSON.readTree(r.readEntity(String.class));
                assertEquals(400, r.getStatus(), path + ": " + wrong);
                assertEquals(400, wrong.at("/error/code").asInt(), wrong.toString());
                assertEquals("INVALID_ARGUMENT", wrong.at("/error/status").asText(), wrong.toString());
                assertEquals("API key not valid. Please pass a valid API key.", wrong.at("/error/message").asText(), wrong.toString());
                assertEquals(1, wrong.at("/error/details").size(), wrong.toString());
                assertEquals("type.googleapis.com/google.rpc.ErrorInfo", wrong.at("/error/details/0/@type").asText(), wrong.toString());
                assertEquals("API_KEY_INVALID", wrong.at("/error/details/0/reason").asText(), wrong.toString());
                assertEquals("googleapis.com", wrong.at("/error/details/0/domain").asText(), wrong.toString());
                assertEquals("commentanalyzer.googleapis.com", wrong.at("/error/details/0/metadata/service").asText(), wrong.toString());
                assertNull(r.getHeaderString("WWW-Authenticate"), path);
            }
        }
        // A known key without the role keeps its 403 naming the endpoint.
        Response scorer = RESOURCES.target("/v1alpha1/comments:suggestscore").queryParam("key", Fakes.SCORER_KEY).request()
                .post(Entity.entity(fixture("suggestscore-request.json"), MediaType.APPLICATION_JSON));
        JsonNode role = JSON.readTree(scorer.readEntity(String.class));
        assertEquals(403, scorer.getStatus(), role.toString());
        assertTrue(role.at("/error/message").asText().contains("role scorer"), role.toString());
        for (String key : new String[] {null, "nope-nope-nope"}) {
            Response score = (key == null ? RESOURCES.target("/v1/score") : RESOURCES.target("/v1/score").queryParam("key", key)).request()
                    .post(Entity.entity("{\"comment\": {\"text\": \"hi\"}}", MediaType.APPLICATION_JSON));
            assertEquals(401, score.getStatus(), key);
            assertEquals("Bearer realm=\"parley\"", score.getHeaderString("WWW-Authenticate"), key);
        }
    }

    private static List<FeedbackStore.Feedback> stored() {
        List<FeedbackStore.Feedback> all = new ArrayList<>();
        Fakes.feedback(FEEDBACK).all(all::add);
        return all;
    }

    @Test
    void suggestScoreStoresTheSuggestionInTheDatabaseWithTheCallersName() throws Exception {
        int before = stored().size();
        assertJson("suggestscore-response.json", post("suggestscore", fixture("suggestscore-request.json")), 200);
        List<FeedbackStore.Feedback> after = stored();
        assertEquals(before + 1, after.size());
        FeedbackStore.Feedback last = after.get(after.size() - 1);
        assertEquals("You people never listen.", last.text());
        assertEquals(new ApiKey(Fakes.WEBSITE_KEY, Role.WEBSITE, 1).getName(), last.client());
        assertEquals(0.8, last.labels().get(Attribute.TOXICITY), 1e-6);
        assertEquals(1.0, last.labels().get(Attribute.INSULT), 1e-6);
        assertFalse(last.labels().containsKey(Attribute.THREAT), "unsuggested attributes stay unlabelled");
        assertJson("suggestscore-response.json", post("suggestscore", fixture("suggestscore-request.json")), 200);
        assertEquals(before + 1, stored().size(), "the same suggestion again (a retry) is stored once");
    }

    /**
     * A data scientist's second audit: a suggestion in another language was stored as any other and exported as an
     * English label, where a comment in another language is left out of the export (the model reads English only).
     */
    @Test
    void aSuggestionThatLooksForeignIsStoredWithItsLanguageUnlessTheCallerNamesEnglish() throws Exception {
        String german = "Die Regierung hat wieder einmal versagt, und niemand übernimmt die Verantwortung dafür.";
        String scores = "\"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.0}}}";
        assertEquals(200, post("suggestscore", "{\"comment\": {\"text\": \"" + german + "\"}, " + scores + "}").getStatus());
        assertEquals("de", storedText(german).language());
        // With the site of the key that suggested it (an unnamed key's own, key:FINGERPRINT): its site's export holds it.
        assertEquals(org.parley.service.auth.ApiKeys.parse(Fakes.KEYS, 1).find(Fakes.WEBSITE_KEY).orElseThrow().site(),
                storedText(german).site());
        assertTrue(storedText(german).site().startsWith("key:"), storedText(german).site());

        assertEquals(200, post("suggestscore", "{\"comment\": {\"text\": \"" + german + " \"}, \"languages\": [\"en\"], " + scores + "}").getStatus());
        assertNull(storedText(german + " ").language(), "languages the caller names are taken as they are");
        String english = "The government has failed again, and nobody takes the blame.";
        assertEquals(200, post("suggestscore", "{\"comment\": {\"text\": \"" + english + "\"}, " + scores + "}").getStatus());
        assertNull(storedText(english).language());
    }

    private static FeedbackStore.Feedback storedText(String text) {
        return stored().stream().filter(f -> f.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void suggestScoreRefusesValuesOutsideTheUnitIntervalAndStoresNothing() throws Exception {
        int before = stored().size();
        Response r = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 1.5}}}}");
        assertEquals(400, r.getStatus());
        assertTrue(r.readEntity(String.class).contains("attributeScores.TOXICITY.summaryScore.value"));
        Response stdDev = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.2, \"type\": \"STD_DEV_SCORE\"}}}}");
        assertEquals(400, stdDev.getStatus(), "not a probability, so not a label");
        assertTrue(stdDev.readEntity(String.class).contains("summaryScore.type"));
        assertEquals(before, stored().size());
    }

    @Test
    void suggestScoreRefusesDoNotStoreAndStoresNothingButKeepsTheSuggestedValueExact() throws Exception {
        int before = stored().size();
        Response r = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"doNotStore\": true,"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}");
        String body = r.readEntity(String.class);
        assertEquals(400, r.getStatus(), body);
        assertTrue(body.contains("doNotStore") && body.contains("INVALID_ARGUMENT"), body);
        assertEquals(before, stored().size());

        assertEquals(200, post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"doNotStore\": false,"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}").getStatus());
        List<FeedbackStore.Feedback> after = stored();
        assertEquals(0.9, after.get(after.size() - 1).labels().get(Attribute.TOXICITY), 0.0);
        assertEquals(before + 1, stored().size());
    }

    /**
     * A Perspective compatibility review: proto3 JSON leaves a field at its default out, so a protobuf client's
     * suggestion of 0 comes as {@code "summaryScore": {}} (or with its type only); it was a 400, the one correction a
     * moderator sends most. As Google's parser reads it, a value left out is 0.
     *
     * <p>A null value was read as 0 too (forty-fourth session): no protobuf client writes one, so it came from a body whose
     * score was unset, and was stored as a label of 0 for retraining that nobody gave. It is a 400 naming the value, as a
     * null summaryScore is, and nothing is stored; openapi.yaml's schema, which never allowed a null, now says so.
     */
    @Test
    void aSuggestedValueLeftOutIsProtobufsZeroAndANullIsRefused() throws Exception {
        int before = stored().size();
        for (String score : new String[] {"{\"value\": null}", "{\"value\": null, \"type\": \"PROBABILITY\"}"}) {
            Response r = post("suggestscore", "{\"comment\": {\"text\": \"null suggestion\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": "
                    + score + "}, \"INSULT\": {\"summaryScore\": {\"value\": 0.8}}}}");
            JsonNode body = JSON.readTree(r.readEntity(String.class));
            assertEquals(400, r.getStatus(), score + ": " + body);
            assertEquals("INVALID_ARGUMENT", body.at("/error/status").asText(), body.toString());
            assertBadRequest(body, "attributeScores.TOXICITY.summaryScore.value");
            assertTrue(body.at("/error/message").asText().contains("must not be null"), body.toString());
        }
        assertEquals(before, stored().size(), "nothing stored, not even the other attribute's suggestion");
        for (String score : new String[] {"{}", "{\"type\": \"PROBABILITY\"}"}) {
            String text = "proto zero " + score;
            Response r = post("suggestscore", "{\"comment\": {\"text\": " + JSON.writeValueAsString(text)
                    + "}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": " + score + "}}}");
            assertEquals(200, r.getStatus(), () -> score + ": " + r.readEntity(String.class));
            assertEquals(0.0, storedText(text).labels().get(Attribute.TOXICITY), 0.0, score);
        }
        Response none = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"attributeScores\": {\"TOXICITY\": {}}}");
        assertEquals(400, none.getStatus(), "no summaryScore at all is no suggestion");
        assertBadRequest(JSON.readTree(none.readEntity(String.class)), "attributeScores.TOXICITY.summaryScore");
    }

    /**
     * The same review: a proto3 JSON parser takes each field's protobuf name as well as its JSON name, and clients that
     * keep the protobuf names send them. {@code span_annotations} and {@code client_token} were ignored without a word,
     * {@code requested_attributes} was "must name at least one", and {@code "do_not_store": true} on suggestscore was
     * ignored and the suggestion stored.
     */
    @Test
    void fieldsMayComeUnderTheirProtobufNames() throws Exception {
        Response r = post("analyze", "{\"comment\": {\"text\": \"You idiot. Have a nice day.\"}, \"requested_attributes\": "
                + "{\"TOXICITY\": {\"score_type\": \"PROBABILITY\", \"score_threshold\": 0.0}, \"INSULT\": {\"score_threshold\": 1.0}},"
                + " \"span_annotations\": true, \"client_token\": \"proto-1\", \"do_not_store\": true, \"languages\": [\"en\"]}");
        JsonNode body = JSON.readTree(r.readEntity(String.class));
        assertEquals(200, r.getStatus(), body.toString());
        assertEquals("proto-1", body.path("clientToken").asText(), body.toString());
        assertEquals(2, body.at("/attributeScores/TOXICITY/spanScores").size(), body.toString());
        assertFalse(body.at("/attributeScores").has("INSULT"), "score_threshold 1.0 is read: " + body);

        int before = stored().size();
        Response refused = post("suggestscore", "{\"comment\": {\"text\": \"x\"}, \"do_not_store\": true,"
                + " \"attribute_scores\": {\"TOXICITY\": {\"summary_score\": {\"value\": 0.9}}}}");
        assertEquals(400, refused.getStatus(), () -> refused.readEntity(String.class));
        assertEquals(before, stored().size(), "nothing stored");
        Response kept = post("suggestscore", "{\"comment\": {\"text\": \"proto names\"}, \"client_token\": \"proto-2\","
                + " \"attribute_scores\": {\"TOXICITY\": {\"summary_score\": {\"value\": 0.9}}}}");
        assertEquals("proto-2", JSON.readTree(kept.readEntity(String.class)).path("clientToken").asText());
        assertEquals(0.9, storedText("proto names").labels().get(Attribute.TOXICITY), 0.0);
    }

    /**
     * An integrator's audit (sixty-third session): a field Perspective does not define was ignored anywhere but inside
     * requestedAttributes.ATTR, so a misspelt spanAnnotation got no spans and a misspelt doNotStore stored the comment,
     * without a word. Now a 400 in Google's envelope naming it, at every level, as Google's parser refuses it; the fields
     * Perspective defines that Parley does not read are still taken.
     */
    @Test
    void aFieldPerspectiveDoesNotDefineIsA400NamingItAtEveryLevel() throws Exception {
        String attrs = "\"requestedAttributes\": {\"TOXICITY\": {}}";
        for (String[] c : new String[][] {
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"spanAnnotation\": true}", "spanAnnotation"},
                {"analyze", "{\"comment\": {\"text\": \"hi you\", \"foo\": 1}, " + attrs + "}", "comment.foo"},
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, \"requestedAttributes\": {\"TOXICITY\": {\"scoreTreshold\": 0.9}}}",
                        "requestedAttributes.TOXICITY.scoreTreshold"},
                {"suggestscore", "{\"comment\": {\"text\": \"hi you\"}, \"doNotStor\": true,"
                        + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}", "doNotStor"},
                {"suggestscore", "{\"comment\": {\"text\": \"hi you\"},"
                        + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9, \"valeu\": 1}}}}",
                        "attributeScores.TOXICITY.summaryScore.valeu"},
                // The fields Parley does not read, of the wrong type (taken unread until the seventieth session).
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"sessionId\": 5}", "sessionId"},
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"community_id\": true}", "communityId"},
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"context\": \"before\"}", "context"},
                {"analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"context\": {\"entries\": [{\"txt\": \"a\"}]}}",
                        "context.entries[0].txt"},
                {"suggestscore", "{\"comment\": {\"text\": \"hi you\"}, \"sessionId\": [],"
                        + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}", "sessionId"}}) {
            int before = stored().size();
            Response r = post(c[0], c[1]);
            JsonNode body = JSON.readTree(r.readEntity(String.class));
            assertEquals(400, r.getStatus(), c[1] + " " + body);
            assertEquals("INVALID_ARGUMENT", body.at("/error/status").asText(), body.toString());
            assertBadRequest(body, c[2]);
            assertEquals(before, stored().size(), "nothing stored: " + c[1]);
        }
        Response defined = post("analyze", "{\"comment\": {\"text\": \"hi you\", \"type\": \"PLAIN_TEXT\"}, " + attrs
                + ", \"communityId\": \"c\", \"sessionId\": \"s\", \"context\": {\"entries\": [{\"text\": \"before\"}]}}");
        assertEquals(200, defined.getStatus(), () -> defined.readEntity(String.class));
        Response protoNames = post("analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs
                + ", \"session_id\": \"s\", \"community_id\": \"c\", \"context\": {\"entries\": []}}");
        assertEquals(200, protoNames.getStatus(), () -> protoNames.readEntity(String.class));
        // Context's other field, as the discovery document defines it (a check of the mends: a 400 for a day).
        for (String context : List.of("{\"articleAndParentComment\": {\"article\": {\"text\": \"a\"}, \"parentComment\": {\"text\": \"p\"}}}",
                "{\"article_and_parent_comment\": {\"parent_comment\": {\"text\": \"p\", \"type\": \"PLAIN_TEXT\"}}}")) {
            Response withParent = post("analyze", "{\"comment\": {\"text\": \"hi you\"}, " + attrs + ", \"context\": " + context + "}");
            assertEquals(200, withParent.getStatus(), () -> context + " " + withParent.readEntity(String.class));
        }
        Response suggested = post("suggestscore", "{\"comment\": {\"text\": \"defined fields\"}, \"sessionId\": \"s\", \"context\": {},"
                + " \"communityId\": \"c\", \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9, \"type\": \"PROBABILITY\"},"
                + " \"spanScores\": [{\"begin\": 0, \"end\": 7, \"score\": {\"value\": 0.9}}]}}}");
        assertEquals(200, suggested.getStatus(), () -> suggested.readEntity(String.class));
    }

    /**
     * The same review: a field under both its names was read as the later of the two without a word, where a proto3 JSON
     * parser refuses it ({@code "do_not_store": true, "doNotStore": false} stored the suggestion). A 400 in Google's
     * envelope naming the field, at any depth, whatever the values (null too).
     */
    @Test
    void aFieldUnderBothItsNamesIsA400NamingIt() throws Exception {
        String text = "{\"comment\": {\"text\": \"hi\"}, \"languages\": [\"en\"], ";
        for (String[] c : new String[][] {
                {text + "\"requestedAttributes\": {\"TOXICITY\": {}}, \"requested_attributes\": {\"INSULT\": {}}}", "requestedAttributes"},
                {text + "\"requested_attributes\": {\"INSULT\": {}}, \"requestedAttributes\": null}", "requestedAttributes"},
                {text + "\"requestedAttributes\": {\"TOXICITY\": {}}, \"spanAnnotations\": false, \"span_annotations\": true}", "spanAnnotations"},
                {text + "\"requestedAttributes\": {\"TOXICITY\": {\"scoreThreshold\": 0.9, \"score_threshold\": 0.0}}}",
                        "requestedAttributes.TOXICITY.scoreThreshold"},
                {"{comment: {text: \"hi\"}, requestedAttributes: {TOXICITY: {}}, clientToken: \"a\", client_token: \"b\"}", "clientToken"}}) {
            Response r = post("analyze", c[0]);
            JsonNode body = JSON.readTree(r.readEntity(String.class));
            assertEquals(400, r.getStatus(), c[0] + " " + body);
            assertEquals("INVALID_ARGUMENT", body.at("/error/status").asText(), body.toString());
            assertTrue(body.at("/error/message").asText().startsWith(c[1] + " is given twice"), body.toString());
            assertBadRequest(body, c[1]);
        }
        int before = stored().size();
        for (String[] c : new String[][] {
                {"{\"comment\": {\"text\": \"both names\"}, \"do_not_store\": true, \"doNotStore\": false,"
                        + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}}}", "doNotStore"},
                {"{\"comment\": {\"text\": \"both names\"}, \"attribute_scores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9}}},"
                        + " \"attributeScores\": {\"INSULT\": {\"summaryScore\": {\"value\": 0.1}}}}", "attributeScores"},
                {"{\"comment\": {\"text\": \"both names\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.9},"
                        + " \"summary_score\": {\"value\": 0.1}}}}", "attributeScores.TOXICITY.summaryScore"}}) {
            Response r = post("suggestscore", c[0]);
            JsonNode body = JSON.readTree(r.readEntity(String.class));
            assertEquals(400, r.getStatus(), c[0] + " " + body);
            assertTrue(body.at("/error/message").asText().startsWith(c[1] + " is given twice"), body.toString());
            assertBadRequest(body, c[1]);
        }
        assertEquals(before, stored().size(), "nothing stored");
    }

    /**
     * The same review: proto3 JSON takes a float as a string ({@code "scoreThreshold": "0.5"}) and an enum as its number;
     * both were 400s. Strings are read as proto3 reads them (a JSON number, NaN, Infinity), and the one enum number known
     * here, 0, the *_UNSPECIFIED default; any other number is a 400 saying to send the name, since Perspective's
     * numbering of the others is not in this repository.
     */
    @Test
    void floatsMayComeAsStringsAndEnumsAsTheirKnownNumber() throws Exception {
        String text = "{\"comment\": {\"text\": \"You idiot. Have a nice day.\"TYPE}, \"languages\": [\"en\"], \"spanAnnotations\": true, ";
        JsonNode asNumbers = JSON.readTree(post("analyze", text.replace("TYPE", "") + "\"requestedAttributes\": "
                + "{\"TOXICITY\": {\"scoreThreshold\": 0.05}, \"INSULT\": {\"scoreThreshold\": 1.0}, \"THREAT\": {}}}").readEntity(String.class));
        assertTrue(asNumbers.at("/attributeScores").has("TOXICITY") && !asNumbers.at("/attributeScores").has("INSULT"), asNumbers.toString());
        Response r = post("analyze", text.replace("TYPE", ", \"type\": 0") + "\"requestedAttributes\": {\"TOXICITY\": "
                + "{\"scoreThreshold\": \"5e-2\", \"scoreType\": 0}, \"INSULT\": {\"score_threshold\": \"1.0\"}, \"THREAT\": {\"scoreType\": 0}}}");
        String body = r.readEntity(String.class);
        assertEquals(200, r.getStatus(), body);
        assertEquals(asNumbers, JSON.readTree(body), "the same answer as with numbers");

        for (String[] c : new String[][] {
                {"\"scoreType\": 1", "requestedAttributes.TOXICITY.scoreType", "send the name (PROBABILITY)"},
                {"\"scoreType\": 0.0", "requestedAttributes.TOXICITY.scoreType", "must be a name"},
                {"\"scoreThreshold\": \"0.5 \"", "requestedAttributes.TOXICITY.scoreThreshold", "must be a number, or a string holding one"},
                {"\"scoreThreshold\": \"0x1p-1\"", "requestedAttributes.TOXICITY.scoreThreshold", "must be a number, or a string holding one"},
                {"\"scoreThreshold\": \"" + "1".repeat(2_000) + "\"", "requestedAttributes.TOXICITY.scoreThreshold", "must be a number"},
                {"\"scoreThreshold\": true", "requestedAttributes.TOXICITY.scoreThreshold", "must be a number"},
                {"\"scoreThreshold\": \"NaN\"", "requestedAttributes.TOXICITY.scoreThreshold", "must be in [0, 1]"},
                {"\"scoreThreshold\": \"Infinity\"", "requestedAttributes.TOXICITY.scoreThreshold", "must be in [0, 1]"}}) {
            Response refused = post("analyze", text.replace("TYPE", "") + "\"requestedAttributes\": {\"TOXICITY\": {" + c[0] + "}}}");
            JsonNode error = JSON.readTree(refused.readEntity(String.class));
            assertEquals(400, refused.getStatus(), c[0] + " " + error);
            assertTrue(error.at("/error/message").asText().contains(c[2]), c[0] + " " + error);
            assertBadRequest(error, c[1]);
        }
        Response textType = post("analyze", text.replace("TYPE", ", \"type\": 2") + "\"requestedAttributes\": {\"TOXICITY\": {}}}");
        JsonNode textTypeError = JSON.readTree(textType.readEntity(String.class));
        assertEquals(400, textType.getStatus(), textTypeError.toString());
        assertBadRequest(textTypeError, "comment.type");

        int before = stored().size();
        Response suggested = post("suggestscore", "{\"comment\": {\"text\": \"proto strings\", \"type\": 0}, \"attributeScores\": "
                + "{\"TOXICITY\": {\"summaryScore\": {\"value\": \"0.9\", \"type\": 0}}, \"INSULT\": {\"summaryScore\": {\"value\": \"1\"}}}}");
        assertEquals(200, suggested.getStatus(), () -> suggested.readEntity(String.class));
        assertEquals(0.9, storedText("proto strings").labels().get(Attribute.TOXICITY), 0.0, "as sent, in double precision");
        assertEquals(1.0, storedText("proto strings").labels().get(Attribute.INSULT), 0.0);
        for (String[] c : new String[][] {{"\"value\": \"0.9.1\"", "attributeScores.TOXICITY.summaryScore.value"},
                {"\"value\": \"-Infinity\"", "attributeScores.TOXICITY.summaryScore.value"},
                {"\"value\": 0.9, \"type\": 4", "attributeScores.TOXICITY.summaryScore.type"}}) {
            Response refused = post("suggestscore", "{\"comment\": {\"text\": \"refused\"}, \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {"
                    + c[0] + "}}}}");
            JsonNode error = JSON.readTree(refused.readEntity(String.class));
            assertEquals(400, refused.getStatus(), c[0] + " " + error);
            assertBadRequest(error, c[1]);
        }
        assertEquals(before + 1, stored().size(), "the refused ones stored nothing");
    }

    /**
     * The same review: a language refusal's requestedLanguages named the refused language only, where Perspective's
     * are the caller's; its attribute was the first in Parley's order, not the caller's; and suggestscore answered its
     * clientToken alone, without Perspective's detectedLanguages or requestedLanguages.
     */
    @Test
    void languagesAreAnsweredAsPerspectiveAnswersThem() throws Exception {
        Response r = post("analyze", "{\"comment\": {\"text\": \"Hello\"}, \"requestedAttributes\": {\"THREAT\": {}, \"TOXICITY\": {}},"
                + " \"languages\": [\"en\", \"es\"]}");
        JsonNode error = JSON.readTree(r.readEntity(String.class)).at("/error/details/0/languageNotSupportedByAttributeError");
        assertEquals("{\"requestedLanguages\":[\"en\",\"es\"],\"attribute\":\"THREAT\"}", error.toString());

        JsonNode detected = JSON.readTree(post("suggestscore", "{\"comment\": {\"text\": \"The minister has failed again, plainly.\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.1}}}}").readEntity(String.class));
        assertEquals("{\"detectedLanguages\":[\"en\"]}", detected.toString());
        String german = "Die Regierung hat wieder einmal versagt, und niemand übernimmt die Verantwortung.";
        JsonNode foreign = JSON.readTree(post("suggestscore", "{\"comment\": {\"text\": \"" + german + "\"},"
                + " \"attributeScores\": {\"TOXICITY\": {\"summaryScore\": {\"value\": 0.1}}}}").readEntity(String.class));
        assertEquals("{\"detectedLanguages\":[\"de\"]}", foreign.toString());
    }

    /** An integrator's audit (sixty-third session): a null in languages was refused as a language called 'null', with Perspective's typed detail. */
    @Test
    void aNullLanguageIsAMalformedListNotAnUnsupportedLanguage() throws Exception {
        Response r = post("analyze", "{\"comment\": {\"text\": \"Hello\"}, \"requestedAttributes\": {\"TOXICITY\": {}}, \"languages\": [\"en\", null]}");
        JsonNode body = JSON.readTree(r.readEntity(String.class));
        assertEquals(400, r.getStatus(), body.toString());
        assertEquals("languages[1] must be a language code such as en, not null", body.at("/error/message").asText(), body.toString());
        assertBadRequest(body, "languages[1]");
    }
}
