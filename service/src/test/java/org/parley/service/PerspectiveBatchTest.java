package org.parley.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.junit.jupiter.api.Assertions.*;
import static org.parley.service.TestKeys.WEBSITE;

/**
 * Google's HTTP batch on the whole service: the body Google's Python client sends for {@code new_batch_http_request()}
 * (a fixture it wrote), and parts that each pay and fail on their own. The service was a 404 at /batch before.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PerspectiveBatchTest {
    /** One request a second, two at once: a batch of six parts outruns it. */
    private static final String SLOW = "app-batch-slow-key";
    static final DropwizardAppExtension<ParleyConfiguration> APP = ShippedService.extension(
            config("apiKeys", WEBSITE + ":website," + SLOW + ":website:1"));

    /** A part's answer: its Content-ID, status, headers (lower-case names) and body. */
    private record PartAnswer(String id, int status, Map<String, String> headers, String body) {
        JsonNode json() throws java.io.IOException {
            return APP.getObjectMapper().readTree(body);
        }
    }

    private static Response batch(String query, String contentType, byte[] body) {
        return batch("/batch", query, contentType, body);
    }

    private static Response batch(String path, String query, String contentType, byte[] body) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path + (query == null ? "" : "?" + query))
                .property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, 120_000)
                .request().post(Entity.entity(body, contentType));
    }

    private static List<PartAnswer> parts(Response r) {
        String type = r.getHeaderString("Content-Type");
        assertEquals(200, r.getStatus(), type);
        Matcher boundary = Pattern.compile("^multipart/mixed; boundary=(batch_[0-9a-f]+)$").matcher(type);
        assertTrue(boundary.matches(), type);
        String body = r.readEntity(String.class);
        String[] raw = body.split("--" + boundary.group(1));
        assertEquals("--\r\n", raw[raw.length - 1], "the closing delimiter");
        List<PartAnswer> out = new ArrayList<>();
        for (int i = 1; i < raw.length - 1; i++) {
            String part = raw[i];
            assertTrue(part.startsWith("\r\nContent-Type: application/http\r\n") && part.endsWith("\r\n"), part);
            int head = part.indexOf("\r\n\r\n");
            Matcher id = Pattern.compile("\r\nContent-ID: (.*)\r\n").matcher(part.substring(0, head + 2));
            String http = part.substring(head + 4, part.length() - 2);
            int end = http.indexOf("\r\n\r\n");
            String[] lines = http.substring(0, end).split("\r\n");
            Matcher status = Pattern.compile("HTTP/1\\.1 (\\d{3}) .+").matcher(lines[0]);
            assertTrue(status.matches(), lines[0]);
            Map<String, String> headers = new TreeMap<>();
            for (int l = 1; l < lines.length; l++) {
                String[] kv = lines[l].split(": ", 2);
                headers.put(kv[0].toLowerCase(java.util.Locale.ROOT), kv[1]);
            }
            String content = http.substring(end + 4);
            assertEquals(Integer.toString(content.getBytes(StandardCharsets.UTF_8).length), headers.get("content-length"), part);
            out.add(new PartAnswer(id.find() ? id.group(1) : null, Integer.parseInt(status.group(1)), headers, content));
        }
        return out;
    }

    private static String part(String id, String request) {
        return "--b\r\nContent-Type: application/http\r\nContent-ID: <" + id + ">\r\n\r\n" + request + "\r\n";
    }

    private static String analyze(String text) {
        return "{\"comment\": {\"text\": \"" + text + "\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}";
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The TOXICITY of a text as :analyze answers it sent alone. */
    private static double alone(String text) {
        Response r = APP.client().target("http://localhost:" + APP.getLocalPort() + "/v1alpha1/comments:analyze?key=" + WEBSITE)
                .request().post(Entity.json(analyze(text)));
        assertEquals(200, r.getStatus());
        return r.readEntity(JsonNode.class).at("/attributeScores/TOXICITY/summaryScore/value").asDouble();
    }

    @Test
    void googlesPythonClientsBatchIsAnsweredPartByPartAsEachWouldBeAlone() throws Exception {
        byte[] body;
        try (var in = getClass().getResourceAsStream("/batch/python-client-batch.txt")) {
            body = in.readAllBytes();
        }
        String boundary = new String(body, 0, 64, StandardCharsets.ISO_8859_1).lines().findFirst().orElseThrow().substring(2);
        // Its parts name the public URL's path (/parley/v1alpha1/…), as the client reads the discovery document's rootUrl.
        List<PartAnswer> answers = parts(batch(null, "multipart/mixed; boundary=\"" + boundary + "\"", body));
        assertEquals(4, answers.size());
        String[] texts = {"You are a complete idiot.", "Thanks for the article.", "What a lovely day."};
        for (int i = 0; i < 4; i++) {
            PartAnswer a = answers.get(i);
            // Google's Python client takes the id after "+" in <response-…> for its callback.
            assertTrue(a.id().matches("<response-[0-9a-f-]{36} \\+ " + (i + 1) + ">"), a.id());
            assertTrue(a.headers().get("content-type").startsWith("application/json"), a.headers().toString());
            assertEquals("private, no-store", a.headers().get("cache-control"), "the keyed answer's own headers");
            if (i == 3) continue;
            assertEquals(200, a.status(), a.body());
            assertEquals("tok-" + i, a.json().get("clientToken").asText());
            assertEquals(alone(texts[i]), a.json().at("/attributeScores/TOXICITY/summaryScore/value").asDouble(), 1e-6, texts[i]);
        }
        PartAnswer flirtation = answers.get(3);
        assertEquals(400, flirtation.status());
        assertEquals("INVALID_ARGUMENT", flirtation.json().at("/error/status").asText());
        assertEquals("requestedAttributes.FLIRTATION", flirtation.json().at("/error/details/0/fieldViolations/0/field").asText());
    }

    @Test
    void eachPartHasItsOwnKeyAndErrorAndABadOneFailsNoOther() throws Exception {
        String body = part("own", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\nContent-Type: application/json\n\n" + analyze("Nice one"))
                + part("none", "POST /v1alpha1/comments:analyze HTTP/1.1\nContent-Type: application/json\n\n" + analyze("Nice one"))
                + part("wrong", "POST /v1alpha1/comments:analyze HTTP/1.1\nX-Goog-Api-Key: no-such-key\n\n" + analyze("Nice one"))
                + part("score", "POST /v1/score HTTP/1.1\nAuthorization: Bearer " + WEBSITE + "\nContent-Type: application/json\n\n"
                        + "{\"comment\": {\"text\": \"Nice one\"}}")
                + part("long", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n\n" + analyze("x".repeat(20_481)))
                + part("colon", "POST /parley/v1alpha1/comments%3Aanalyze?key=" + WEBSITE + " HTTP/1.1\n\n{comment: {text: 'hi'}, requestedAttributes: {TOXICITY: {}}}")
                + "--b--\r\n";
        List<PartAnswer> a = parts(batch(null, "multipart/mixed; boundary=b", bytes(body)));
        assertEquals(List.of(200, 403, 400, 404, 400, 200), a.stream().map(PartAnswer::status).toList(), a.toString());
        assertEquals("PERMISSION_DENIED", a.get(1).json().at("/error/status").asText(), "no key anywhere, as Google answers");
        assertEquals("API_KEY_INVALID", a.get(2).json().at("/error/details/0/reason").asText());
        assertTrue(a.get(3).json().at("/error/message").asText().startsWith("/v1/score cannot be called in a batch"), a.get(3).body());
        assertEquals("comment.text", a.get(4).json().at("/error/details/0/fieldViolations/0/field").asText(), "the part's own limit");
        assertEquals("<response-colon>", a.get(5).id(), "a lenient Perspective body, an encoded colon, the public path: as alone");

        // The batch's key serves the part that has none; a part's own key is still its own.
        a = parts(batch("key=" + WEBSITE, "multipart/mixed; boundary=b", bytes(
                part("none", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + analyze("Nice one"))
                        + part("wrong", "POST /v1alpha1/comments:analyze?key=no-such-key HTTP/1.1\n\n" + analyze("Nice one")) + "--b--")));
        assertEquals(List.of(200, 400), a.stream().map(PartAnswer::status).toList(), a.toString());
    }

    /**
     * A third penetration test (forty-third session): a part's Accept or Content-Type that does not parse was answered
     * "Bad Request", naming nothing; it is the part's own 400 naming the header now, and the batch's other parts are served.
     */
    @Test
    void aPartsMalformedAcceptOrContentTypeIsItsOwn400NamingTheHeader() throws Exception {
        String[] headers = {"Accept: ;;;", "Accept: */*;q=abc", "Content-Type: /", "Content-Type: application/json; charset"};
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < headers.length; i++)
            body.append(part("h" + i, "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n" + headers[i] + "\n\n" + analyze("Nice one")));
        body.append(part("fine", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\nAccept: application/json\n"
                + "Content-Type: application/json; charset=utf-8\n\n" + analyze("Nice one")));
        List<PartAnswer> a = parts(batch(null, "multipart/mixed; boundary=b", bytes(body + "--b--")));
        assertEquals(List.of(400, 400, 400, 400, 200), a.stream().map(PartAnswer::status).toList(), a.toString());
        for (int i = 0; i < headers.length; i++) {
            String name = headers[i].substring(0, headers[i].indexOf(':'));
            JsonNode error = a.get(i).json();
            assertEquals("INVALID_ARGUMENT", error.at("/error/status").asText(), a.get(i).body());
            assertEquals(name, error.at("/error/details/0/fieldViolations/0/field").asText(), a.get(i).body());
            assertTrue(error.at("/error/message").asText().contains("application/json"), a.get(i).body());
        }
    }

    /**
     * A third penetration test (forty-third session): a part that presented a moderator's session (its own Cookie) was
     * let in by the key check with no body kept, and answered as a missing comment.text. A part's session, as a cookie or
     * as the token itself, is the part's own 403 saying that a batch takes API keys; the same session alone is served.
     */
    @Test
    void aPartThatPresentsAModeratorsSessionIsA403SayingBatchesTakeKeys() throws Exception {
        Response login = APP.client().target("http://localhost:" + APP.getLocalPort() + "/v1/session").request()
                .post(Entity.json("{\"username\": \"admin\", \"password\": \"" + TestKeys.ADMIN_PASSWORD + "\"}"));
        assertEquals(200, login.getStatus());
        String cookie = login.getHeaderString("Set-Cookie").split(";")[0];
        String token = cookie.substring(cookie.indexOf('=') + 1);
        Response alone = APP.client().target("http://localhost:" + APP.getLocalPort() + "/v1alpha1/comments:analyze").request()
                .header("Authorization", "Bearer " + token).post(Entity.json(analyze("Nice one")));
        assertEquals(200, alone.getStatus(), "the session is served alone");
        List<PartAnswer> a = parts(batch(null, "multipart/mixed; boundary=b", bytes(
                part("cookie", "POST /v1alpha1/comments:analyze HTTP/1.1\nCookie: " + cookie + "\nContent-Type: application/json\n\n" + analyze("Nice one"))
                        + part("bearer", "POST /v1alpha1/comments:analyze HTTP/1.1\nAuthorization: Bearer " + token + "\n\n" + analyze("Nice one"))
                        + part("key", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n\n" + analyze("Nice one")) + "--b--")));
        assertEquals(List.of(403, 403, 200), a.stream().map(PartAnswer::status).toList(), a.toString());
        for (PartAnswer p : a.subList(0, 2)) {
            assertEquals("PERMISSION_DENIED", p.json().at("/error/status").asText(), p.body());
            assertTrue(p.json().at("/error/message").asText().startsWith("a batch part takes an API key"), p.body());
        }
    }

    @Test
    void eachPartPaysItsKeysRateLimit() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++)
            body.append(part("p" + i, "POST /v1alpha1/comments:analyze?key=" + SLOW + " HTTP/1.1\n\n" + analyze("Nice one")));
        List<PartAnswer> a = parts(batch(null, "multipart/mixed; boundary=b", bytes(body + "--b--")));
        assertEquals(200, a.get(0).status(), a.get(0).body());
        List<PartAnswer> limited = a.stream().filter(p -> p.status() == 429).toList();
        // Two tokens at most, and one more a second: six parts sent in well under four seconds cannot all pass.
        assertFalse(limited.isEmpty(), a.toString());
        for (PartAnswer p : limited) {
            assertEquals("RESOURCE_EXHAUSTED", p.json().at("/error/status").asText(), p.body());
            assertNotNull(p.headers().get("retry-after"), p.headers().toString());
        }
    }

    /**
     * The forty-first session's audit: 100 parts with a wrong key were 60 400s and 40 429s, and the address's right key
     * was refused for a minute after (failedAuthPerMinute, 60 here). The wrong key costs the batch one try: every part is
     * its 400, a right key in the same batch and alone afterwards is served.
     */
    @Test
    void aWrongKeyInEveryPartCostsTheBatchOneFailedAuthentication() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 99; i++)
            body.append(part("w" + i, "POST /v1alpha1/comments:analyze?key=a-stale-key HTTP/1.1\n\n" + analyze("Nice one")));
        body.append(part("right", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n\n" + analyze("Nice one")));
        List<PartAnswer> a = parts(batch(null, "multipart/mixed; boundary=b", bytes(body + "--b--")));
        assertEquals(100, a.size());
        for (PartAnswer p : a.subList(0, 99)) {
            assertEquals(400, p.status(), p.id() + " " + p.body());
            assertEquals("API_KEY_INVALID", p.json().at("/error/details/0/reason").asText(), p.body());
        }
        assertEquals(200, a.get(99).status(), a.get(99).body());
        assertTrue(alone("Nice one") >= 0, "the address's right key is served alone too");
    }

    @Test
    void aBodyThatIsNoBatchOrTooLargeABatchIsA4xxInGooglesEnvelope() throws Exception {
        String one = part("x", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n\n" + analyze("hi"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) many.append(one.replace("<x>", "<x" + i + ">"));
        Response tooMany = batch(null, "multipart/mixed; boundary=b", bytes(many + "--b--"));
        assertEquals(413, tooMany.getStatus());
        JsonNode error = tooMany.readEntity(JsonNode.class);
        assertTrue(error.at("/error/message").asText().startsWith("a batch holds at most 100 parts (maxBatchSize"), error.toString());

        Response noBoundary = batch(null, "multipart/mixed", bytes(one + "--b--"));
        assertEquals(400, noBoundary.getStatus());
        assertEquals("Content-Type", noBoundary.readEntity(JsonNode.class).at("/error/details/0/fieldViolations/0/field").asText());
        Response cut = batch(null, "multipart/mixed; boundary=b", bytes(one));
        assertEquals(400, cut.getStatus());
        assertTrue(cut.readEntity(JsonNode.class).at("/error/message").asText().startsWith("body is not a multipart/mixed batch"));
        Response json = batch(null, "application/json", bytes("{}"));
        assertEquals(415, json.getStatus());
        assertEquals("application/json", json.getMediaType().toString());
        Response sameId = batch(null, "multipart/mixed; boundary=b", bytes(one + one + "--b--"));
        assertEquals(400, sameId.getStatus());
        assertEquals("Content-ID", sameId.readEntity(JsonNode.class).at("/error/details/0/fieldViolations/0/field").asText());
    }

    /**
     * The forty-first session's audit: {@code /batch/} was Jersey's plain 404 "no such endpoint", not a batch, where
     * Jersey serves {@code /v1/score/} as {@code /v1/score}. It is the batch now, its refusals in Google's envelope.
     */
    @Test
    void aTrailingSlashIsTheBatchToo() throws Exception {
        String one = part("x", "POST /v1alpha1/comments:analyze?key=" + WEBSITE + " HTTP/1.1\n\n" + analyze("Nice one"));
        List<PartAnswer> a = parts(batch("/batch/", null, "multipart/mixed; boundary=b", bytes(one + "--b--")));
        assertEquals(List.of(200), a.stream().map(PartAnswer::status).toList(), a.toString());
        Response json = batch("/batch/", null, "application/json", bytes("{}"));
        assertEquals(415, json.getStatus());
        assertEquals(415, json.readEntity(JsonNode.class).at("/error/code").asInt(), "Google's envelope");
    }
}
