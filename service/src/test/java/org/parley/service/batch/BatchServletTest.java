package org.parley.service.batch;

import org.parley.service.WrittenBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;
import org.parley.service.core.Refusal;
import org.parley.service.core.HeldTurn;
import org.parley.service.core.ScoringGate;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/**
 * The batch servlet with a stand-in for Jersey's servlet, which records what each part reached it as: the part's own
 * method, path, query, headers and body, the batch's key where the part has none, and the scoring lanes' refusal before
 * it. The whole service's answers to the Python client's batch are PerspectiveBatchTest's.
 */
class BatchServletTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScoringGate gate = new ScoringGate(1, 0, Duration.ofMinutes(5));
    private final List<HttpServletRequest> seen = new ArrayList<>();
    private final List<Map<String, String>> seenHeaders = new ArrayList<>();
    private final List<String> seenBodies = new ArrayList<>();

    /** Run once as the next part reaches Jersey: while its batch still holds what its parts kept. */
    private java.util.concurrent.Callable<?> meanwhile;

    /** Status and body the stand-in answers instead of {"n": N} ("" a body of none); null: the default. */
    private Map.Entry<Integer, String> answerWith;
    /** The stand-in fails once it has written its answer and a header, as a bug half-way through Jersey would. */
    private boolean failAfterWriting;

    /** Answers 200 with {"n": N}, the part's place among those that reached it. */
    private final HttpServlet jersey = new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
            if (meanwhile != null) {
                java.util.concurrent.Callable<?> now = meanwhile;
                meanwhile = null;
                try {
                    now.call();
                } catch (Exception e) {
                    throw new java.io.IOException(e);
                }
            }
            seen.add(request);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : Collections.list(request.getHeaderNames())) headers.put(name.toLowerCase(java.util.Locale.ROOT), request.getHeader(name));
            seenHeaders.add(headers);
            seenBodies.add(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            if (answerWith != null) {
                response.setStatus(answerWith.getKey());
                if (!answerWith.getValue().isEmpty()) response.getOutputStream().write(answerWith.getValue().getBytes(StandardCharsets.UTF_8));
                return;
            }
            response.setStatus(200);
            response.setContentType("application/json");
            response.getOutputStream().write(("{\"n\": " + seen.size() + "}").getBytes(StandardCharsets.UTF_8));
            if (failAfterWriting) {
                response.setHeader("X-Half", "written");
                throw new IllegalStateException("a bug after writing");
            }
        }
    };
    /** The configured keys and their sites: only their parts' bodies are kept. own-key and header-key are one site's. */
    private static final Map<String, String> KEYS = Map.of("own-key", "a.example", "header-key", "a.example",
            "part-key", "b.example", "batch-key", "c.example");

    private static Optional<String> siteOf(String token) {
        return Optional.ofNullable(KEYS.get(token));
    }
    private BatchServlet batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5,
            Optional.of("https://comments.example.com/parley/"));

    /** @param headers those the batch's own answer set, by name as set */
    private record Answer(int status, String type, String body, Map<String, String> headers) {}

    /** Sent without a Content-Length, as a chunked body is: its size is known only as it is read. */
    private boolean chunked;
    /** The servlet's clock, in nanoseconds; and the byte of the body before which its sender pauses this long. */
    private final long[] now = {0};
    private int pauseAt = -1;
    private Duration pause = Duration.ZERO;

    private Answer post(String query, Map<String, String> headers, String body) throws Exception {
        return send("POST", query, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private Answer send(String method, String query, Map<String, String> headers, byte[] body) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn("/batch");
        when(request.getRequestURL()).thenReturn(new StringBuffer("http://localhost:9610/batch"));
        when(request.getQueryString()).thenReturn(query);
        when(request.getContentType()).thenReturn(headers.get("Content-Type"));
        when(request.getContentLengthLong()).thenReturn(chunked ? -1L : body.length);
        when(request.getRemoteAddr()).thenReturn("192.0.2.7");
        when(request.getHeaderNames()).thenAnswer(i -> Collections.enumeration(headers.keySet()));
        when(request.getHeader(anyString())).thenAnswer(i -> headers.get((String) i.getArgument(0)));
        when(request.getHeaders(anyString())).thenAnswer(i -> Collections.enumeration(
                headers.containsKey((String) i.getArgument(0)) ? List.of(headers.get((String) i.getArgument(0))) : List.of()));
        ByteArrayInputStream in = new ByteArrayInputStream(body);
        when(request.getInputStream()).thenReturn(new ServletInputStream() {
            @Override public int read() {
                if (body.length - in.available() == pauseAt) now[0] += pause.toNanos();
                return in.read();
            }
            @Override public boolean isFinished() { return in.available() == 0; }
            @Override public boolean isReady() { return true; }
            @Override public void setReadListener(ReadListener listener) {}
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpServletResponse response = new WrittenBody(out).response;
        int[] status = {200};
        String[] type = {null};
        doAnswer(i -> status[0] = i.getArgument(0)).when(response).setStatus(anyInt());
        doAnswer(i -> type[0] = i.getArgument(0)).when(response).setContentType(anyString());
        Map<String, String> set = new LinkedHashMap<>();
        doAnswer(i -> set.put(i.getArgument(0), i.getArgument(1))).when(response).setHeader(anyString(), anyString());
        batch.service(request, response);
        return new Answer(status[0], type[0], out.toString(StandardCharsets.UTF_8), set);
    }

    private static Map<String, String> batchHeaders(String... more) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "multipart/mixed; boundary=b");
        for (int i = 0; i < more.length; i += 2) h.put(more[i], more[i + 1]);
        return h;
    }

    private static String part(String id, String request) {
        return "--b\r\nContent-Type: application/http\r\nContent-ID: <" + id + ">\r\n\r\n" + request + "\r\n";
    }

    private static final String ANALYZE = "{\"comment\": {\"text\": \"hi\"}, \"requestedAttributes\": {\"TOXICITY\": {}}}";

    @Test
    void eachPartReachesJerseyAsARequestOfItsOwnWithTheBatchsKeyWhereItHasNone() throws Exception {
        String body = part("a", "POST /parley/v1alpha1/comments:analyze?key=own-key&alt=json HTTP/1.1\nContent-Type: application/json\n"
                        + "content-length: 9999\nCookie: session=s\n\n" + ANALYZE)
                + part("b", "POST /v1alpha1/comments%3Aanalyze HTTP/1.1\r\nContent-Type: application/json\r\n\r\n" + ANALYZE)
                + part("c", "POST /v1alpha1/comments:suggestscore HTTP/1.1\r\nX-Goog-Api-Key: part-key\r\n\r\n{}")
                + "--b--\r\n";
        Answer a = post("key=batch-key", batchHeaders("Authorization", "Bearer header-key", "X-Custom", "passed on",
                "Cookie", "session=moderator", "Content-Length", "1234"), body);
        assertEquals(200, a.status());
        assertTrue(a.type().startsWith("multipart/mixed; boundary=batch_"), a.type());
        assertEquals(3, seen.size());

        HttpServletRequest first = seen.get(0);
        assertEquals("POST", first.getMethod());
        assertEquals("/v1alpha1/comments:analyze", first.getRequestURI(), "the public URL's path taken off");
        assertEquals("http://localhost:9610/v1alpha1/comments:analyze", first.getRequestURL().toString());
        assertEquals("key=own-key&alt=json", first.getQueryString());
        assertEquals("own-key", first.getParameter("key"));
        assertEquals("192.0.2.7", first.getRemoteAddr(), "the batch's sender");
        assertEquals(ANALYZE, seenBodies.get(0));
        assertEquals(Integer.toString(ANALYZE.length()), seenHeaders.get(0).get("content-length"), "its body's own length");
        assertNull(seenHeaders.get(0).get("authorization"), "its own key: the batch's is not passed on");
        assertEquals("passed on", seenHeaders.get(0).get("x-custom"));
        assertEquals("session=s", seenHeaders.get(0).get("cookie"), "its own cookie, not the batch's");

        assertEquals("/v1alpha1/comments%3Aanalyze", seen.get(1).getRequestURI());
        assertEquals("Bearer header-key", seenHeaders.get(1).get("authorization"), "no key of its own: the batch's, by the auth filter's order");
        assertNull(seenHeaders.get(1).get("cookie"), "the batch's cookie is not passed on");
        assertNull(seenHeaders.get(1).get("x-goog-api-key"));

        assertEquals("part-key", seenHeaders.get(2).get("x-goog-api-key"));
        assertNull(seenHeaders.get(2).get("authorization"));
        assertNull(seenHeaders.get(2).get("content-type"), "none given, none added");

        // The answer: each part's in order, with Google's response ids.
        String[] answers = a.body().split("--batch_[0-9a-f]+");
        assertEquals(5, answers.length, a.body());  // before the first, three parts, and "--" after the last
        for (int i = 1; i <= 3; i++) {
            assertTrue(answers[i].startsWith("\r\nContent-Type: application/http\r\nContent-ID: <response-" + "abc".charAt(i - 1) + ">\r\n\r\nHTTP/1.1 200 OK\r\n"), answers[i]);
            assertTrue(answers[i].endsWith("\r\n\r\n{\"n\": " + i + "}\r\n"), answers[i]);
        }
        assertEquals("--\r\n", answers[4]);

        // Only the batch's ?key=: it goes as X-Goog-Api-Key to a part without one.
        post("key=batch-key", batchHeaders(), part("d", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE) + "--b--");
        assertEquals("batch-key", seenHeaders.get(3).get("x-goog-api-key"));
    }

    @Test
    void aPartToAnotherPathOrNotHttpIsAnsweredAloneAndTheOthersRun() throws Exception {
        String body = part("1", "POST /v1/score HTTP/1.1\nAuthorization: Bearer k\n\n{\"comment\": {\"text\": \"hi\"}}")
                + part("2", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE)
                + part("3", "GET /v1/queue HTTP/1.1\n\n")
                + part("4", "POST /v1alpha1/../v1/comments HTTP/1.1\n\n{}")
                + part("5", "not http")
                + "--b--\r\n";
        Answer a = post(null, batchHeaders(), body);
        assertEquals(200, a.status());
        assertEquals(1, seen.size(), "only the analyze reached Jersey");
        String[] answers = a.body().split("--batch_[0-9a-f]+");
        int[] expected = {404, 200, 404, 404, 400};
        for (int i = 0; i < 5; i++) {
            String answer = answers[i + 1];
            assertTrue(answer.contains("Content-ID: <response-" + (i + 1) + ">\r\n\r\nHTTP/1.1 " + expected[i] + " "), answer);
            if (expected[i] == 200) continue;
            JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n{") + 4));
            assertEquals(expected[i], error.at("/error/code").asInt(), answer);
            assertTrue(answer.contains("Content-Type: application/json\r\n"), answer);
        }
        assertTrue(answers[1].contains("/v1/score cannot be called in a batch"), answers[1]);
    }

    /**
     * Jetty inflates a request's gzip body, never a part's: a gzip part reached BodyEncoding, whose 415 said "gzip,
     * applied once" is supported. It is the part's own 415, naming the batch's gzip instead, its body neither kept nor run.
     */
    @Test
    void aGzipPartIsRefusedAloneNamingTheBatchsGzip() throws Exception {
        String body = part("z", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\nContent-Encoding: gzip\n\n\u001f\u008bnot-inflated")
                + part("i", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\nContent-Encoding: identity\n\n" + ANALYZE)
                + "--b--\r\n";
        Answer a = post(null, batchHeaders(), body);
        assertEquals(200, a.status());
        assertEquals(1, seen.size(), "only the identity part reached Jersey");
        assertEquals(ANALYZE, seenBodies.get(0));
        String[] answers = a.body().split("--batch_[0-9a-f]+");
        assertTrue(answers[1].contains("Content-ID: <response-z>\r\n\r\nHTTP/1.1 415 "), answers[1]);
        JsonNode error = JSON.readTree(answers[1].substring(answers[1].indexOf("\r\n\r\n{") + 4));
        assertEquals("Content-Encoding 'gzip' is not supported on a batch part: send each part's body uncompressed (identity), "
                + "or gzip the whole batch (Content-Encoding: gzip on POST /batch)", error.at("/error/message").asText());
        assertTrue(answers[2].contains("HTTP/1.1 200 "), answers[2]);
    }

    @Test
    void aFullScoringLaneRefusesAPartAsItRefusesARequestSentAlone() throws Exception {
        try (HeldTurn held = HeldTurn.of(gate)) {
            assertTrue(gate.refusalNow().isPresent(), "the lane is full");
            Answer a = post(null, batchHeaders(), part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE)
                    + part("2", "POST /v1alpha1/comments:suggestscore HTTP/1.1\n\n{}") + "--b--");
            assertEquals(200, a.status());
            assertTrue(a.body().contains("<response-1>\r\n\r\nHTTP/1.1 503 Service Unavailable\r\n"), a.body());
            assertTrue(a.body().contains("Retry-After: 1\r\n"), a.body());
            assertTrue(a.body().contains("\"status\":\"UNAVAILABLE\""), a.body());
            assertEquals(1, seen.size(), "suggestscore, in no lane, still ran");
        }
    }

    @Test
    void aBatchThatCannotBeReadIsRefusedWholeInGooglesEnvelope() throws Exception {
        StringBuilder six = new StringBuilder();
        for (int i = 0; i < 6; i++) six.append(part("x" + i, "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE));
        six.append("--b--");
        Answer tooMany = post(null, batchHeaders(), six.toString());
        assertEquals(413, tooMany.status());
        assertEquals("application/json", tooMany.type());
        assertTrue(JSON.readTree(tooMany.body()).at("/error/message").asText().startsWith("a batch holds at most 5 parts"), tooMany.body());
        assertEquals(0, seen.size(), "no part ran");

        Answer noBoundary = post(null, batchHeaders("Content-Type", "multipart/mixed"), six.toString());
        assertEquals(400, noBoundary.status());
        assertEquals("Content-Type", JSON.readTree(noBoundary.body()).at("/error/details/0/fieldViolations/0/field").asText());

        Answer cut = post(null, batchHeaders(), part("x", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE));
        assertEquals(400, cut.status(), "no closing --b--");
        assertTrue(JSON.readTree(cut.body()).at("/error/message").asText().startsWith("body is not a multipart/mixed batch"), cut.body());

        assertEquals(415, post(null, batchHeaders("Content-Type", "application/json"), "{}").status());
        assertEquals(415, post(null, batchHeaders("Content-Type", "multipart/form-data; boundary=b"), six.toString()).status(),
                "a form a page of any site may post");
        assertEquals(415, post(null, batchHeaders("Content-Encoding", "deflate"), six.toString()).status());
        assertEquals(413, post(null, batchHeaders(), "x".repeat(100_001)).status(), "over the body limit");
        chunked = true;
        Answer large = post(null, batchHeaders(), part("x", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n"
                + "x".repeat(100_001)) + "--b--");
        assertEquals(413, large.status(), "over the limit as it is read");
        assertEquals("body is larger than 100000 bytes", JSON.readTree(large.body()).at("/error/message").asText());
        chunked = false;
        assertEquals(405, send("GET", null, batchHeaders(), new byte[0]).status());
        assertEquals(0, seen.size());
    }

    /**
     * The batch needs no key, so its body is read before any part's key is checked: a part whose credential is no
     * configured key still reaches the key check (which refuses it, and counts the failure, before any body is read),
     * but its body is skipped, never held; and the parts all batches keep at once are bounded (a 503 beyond).
     */
    @Test
    void onlyAPartWithAConfiguredKeyHasItsBodyKeptAndAllBatchesKeepABoundedAmount() throws Exception {
        String big = "{\"comment\": {\"text\": \"" + "x".repeat(3_000) + "\"}}";
        String body = part("none", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + big)
                + part("wrong", "POST /v1alpha1/comments:analyze?key=guess HTTP/1.1\n\n" + big)
                + part("session", "POST /v1alpha1/comments:analyze HTTP/1.1\nAuthorization: Bearer not-a-key\n\n" + big)
                + part("known", "POST /v1alpha1/comments:analyze HTTP/1.1\nX-Goog-Api-Key: part-key\n\n" + big) + "--b--";
        Answer a = post(null, batchHeaders(), body);
        assertEquals(200, a.status());
        assertEquals(4, seen.size(), "every part meets the key check");
        assertEquals(List.of("", "", "", big), seenBodies);
        assertEquals(Integer.toString(big.length()), seenHeaders.get(0).get("content-length"), "the length it came with");
        assertEquals("guess", seen.get(1).getParameter("key"));

        // Two kept bodies of 3 KB, of two keys, where all batches may keep 5 KiB: the batch is a 503, and what it took is given back.
        batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5, Optional.empty(), 5_120);
        String known = part("k", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + big);
        Answer busy = post(null, batchHeaders(), known + known.replace("<k>", "<k2>").replace("own-key", "part-key") + "--b--");
        assertEquals(503, busy.status(), busy.body());
        assertEquals("UNAVAILABLE", JSON.readTree(busy.body()).at("/error/status").asText());
        assertEquals(4, seen.size(), "no part ran");
        for (int i = 0; i < 3; i++) assertEquals(200, post(null, batchHeaders(), known + "--b--").status(), "given back");
        assertEquals(7, seen.size());
    }

    /**
     * A third penetration test (forty-third session): the bytes batches keep were one pool for every key, so two paused
     * batches with a page's published scorer key held it all, and every other site's batch was a 503. One key's batches
     * then kept at most half of it; since the forty-fourth session one site's do, whichever of its keys they present, so a
     * site's several keys (its page's scorer key and its server's website key) cannot take the whole. While a batch of
     * own-key holds 3 KiB of a 6 KiB pool, another batch of own-key, and one of header-key (the same site's), are 429s
     * (their Retry-After 1 s), and part-key's batch of the same size (another site's) is served; given back, the site's
     * are served again.
     */
    @Test
    void oneSitesBatchesKeepAtMostHalfOfWhatAllBatchesMayWhicheverOfItsKeys() throws Exception {
        batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5, Optional.empty(), 6_144);
        String big = "{\"comment\": {\"text\": \"" + "x".repeat(2_900) + "\"}}";  // 3 KiB
        String own = part("k", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + big) + "--b--";
        String sameSite = own.replace("own-key", "header-key");
        String other = own.replace("own-key", "part-key");
        Answer[] during = new Answer[3];
        meanwhile = () -> {
            during[0] = post(null, batchHeaders(), own);
            during[1] = post(null, batchHeaders(), sameSite);
            during[2] = post(null, batchHeaders(), other);
            return null;
        };
        assertEquals(200, post(null, batchHeaders(), own).status());
        for (int i = 0; i < 2; i++) {
            assertEquals(429, during[i].status(), during[i].body());
            JsonNode error = JSON.readTree(during[i].body());
            assertEquals("RESOURCE_EXHAUSTED", error.at("/error/status").asText(), during[i].body());
            assertTrue(error.at("/error/message").asText().contains("one site's may hold at most 3 KiB"), during[i].body());
            assertEquals("1", during[i].headers().get("Retry-After"), during[i].body());
        }
        assertEquals(200, during[2].status(), "another site's batch is served: " + during[2].body());
        assertEquals(200, post(null, batchHeaders(), own).status(), "given back");
        assertEquals(200, post(null, batchHeaders(), sameSite).status(), "given back");
    }

    /**
     * A batch's kept parts hold the bytes all batches share until its body ends: a sender that paused after its parts
     * (a byte every few seconds keeps Jetty's idle timeout away) held them for as long as it liked, and no part ran, so
     * its key paid nothing. Two such batches with a page's scorer key held them all, and every other site's batch was a
     * 503 (a third penetration test). A body that takes longer than the read limit to arrive is now a 408, and what its
     * parts took is given back.
     */
    @Test
    void aBatchWhoseBodyTakesLongerThanTheReadLimitIsA408AndGivesBackWhatItsPartsHeld() throws Exception {
        batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5, Optional.empty(),
                6_144, Duration.ofSeconds(60), () -> now[0]);  // room for one such part of a key, not two
        String known = part("k", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n{\"comment\": {\"text\": \""
                + "x".repeat(3_000) + "\"}}");
        String held = known + "--b--";
        pauseAt = known.length();  // its part kept, the sender pauses before the closing line
        pause = Duration.ofSeconds(61);
        Answer slow = post(null, batchHeaders(), held);
        assertEquals(408, slow.status(), slow.body());
        assertEquals("DEADLINE_EXCEEDED", JSON.readTree(slow.body()).at("/error/status").asText(), slow.body());
        assertTrue(slow.body().contains("longer than 60 s"), slow.body());
        assertEquals(0, seen.size(), "no part ran");
        pause = Duration.ofSeconds(59);  // within the limit: served
        assertEquals(200, post(null, batchHeaders(), held).status(), "what the slow one kept was given back");
        assertEquals(1, seen.size());
    }

    /** Seeded mutations of the Python client's batch, through the servlet: a 200 with an answer for each part, or a 4xx. */
    @Test
    void aMangledBatchIsAnsweredNeverFailed() throws Exception {
        byte[] fixture = BatchPartsTest.pythonClientsBatch();
        String type = BatchPartsTest.pythonClientsType(fixture);
        java.util.Random random = new java.util.Random(7);
        byte[] alphabet = "\r\n-=:; <>/?&%\"{}akeyPOST HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1);
        java.util.Set<Integer> statuses = new java.util.TreeSet<>();
        for (int round = 0; round < 500; round++) {
            byte[] body = fixture.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0 && body.length > 0; edits--) {
                int at = random.nextInt(body.length);
                if (random.nextInt(3) == 0) body = java.util.Arrays.copyOf(body, at);
                else body[at] = random.nextBoolean() ? alphabet[random.nextInt(alphabet.length)] : (byte) random.nextInt(256);
            }
            Answer a = send("POST", null, batchHeaders("Content-Type", type), body);
            statuses.add(a.status());
            if (a.status() == 200)
                assertTrue(a.body().endsWith("--\r\n") && a.body().contains("\r\n\r\nHTTP/1.1 "), a.body());
            else
                assertEquals(a.status(), JSON.readTree(a.body()).at("/error/code").asInt(), a.body());
        }
        assertTrue(statuses.contains(200) && statuses.contains(400), statuses.toString());
        assertTrue(java.util.Set.of(200, 400, 413).containsAll(statuses), statuses.toString());
    }

    /**
     * The forty-first session's audit: the request log had the batch's line alone, so a part's 400 or 429 was nowhere an
     * operator counts statuses. Each part is an INFO line on {@value BatchServlet#PARTS_LOGGER} with its place, method,
     * path without the query, status and milliseconds, and the batch's request id (the MDC's, which RequestIds sets for
     * the batch); never its key or its comment's text.
     */
    @Test
    void eachPartIsALogLineWithItsStatusAndTheBatchsRequestIdNeverItsKeyOrText() throws Exception {
        org.slf4j.MDC.put(org.parley.service.monitoring.RequestIds.MDC_KEY, "lb-7f3a");
        java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> lines;
        try (org.parley.service.LogLines log = org.parley.service.LogLines.of(BatchServlet.PARTS_LOGGER, ch.qos.logback.classic.Level.INFO)) {
            post(null, batchHeaders(), part("1", "POST /parley/v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n"
                            + ANALYZE.replace("hi", "a secret comment"))
                    + part("2", "POST /v1/score?key=own-key HTTP/1.1\n\n{}")
                    + "--b\r\nContent-Type: text/plain\r\n\r\nnot a request\r\n--b--");
            lines = log.list();
        } finally {
            org.slf4j.MDC.remove(org.parley.service.monitoring.RequestIds.MDC_KEY);
        }
        assertEquals(3, lines.size(), lines.toString());
        String[] expected = {"part 1 of 3: POST /parley/v1alpha1/comments:analyze 200 ", "part 2 of 3: POST /v1/score 404 ",
                "part 3 of 3: - - 400 "};
        for (int i = 0; i < 3; i++) {
            ch.qos.logback.classic.spi.ILoggingEvent line = lines.get(i);
            String message = line.getFormattedMessage();
            assertEquals(ch.qos.logback.classic.Level.INFO, line.getLevel());
            assertTrue(message.startsWith(expected[i]) && message.matches(".* \\d+ ms"), message);
            assertFalse(message.contains("own-key") || message.contains("secret"), message);
            assertEquals("lb-7f3a", line.getMDCPropertyMap().get("requestId"), message);
        }
    }

    /**
     * A fourth penetration test (forty-sixth session): a bug in a part was logged with its exception's message, which a
     * request's bug never is (UnexpectedExceptionMapper): a message may quote the part's comment, or hold a line break
     * that writes a line of its own. Now its class and frames alone; the part is its own 500.
     */
    @Test
    void aPartsBugIsLoggedWithoutItsExceptionsMessage() throws Exception {
        meanwhile = () -> { throw new IllegalStateException("a bug quoting \"a secret comment\"\nINFO  [forged] line"); };
        java.util.List<ch.qos.logback.classic.spi.ILoggingEvent> lines;
        Answer a;
        try (org.parley.service.LogLines log = org.parley.service.LogLines.of(BatchServlet.class.getName(), ch.qos.logback.classic.Level.ERROR)) {
            a = post(null, batchHeaders(), part("1", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + ANALYZE) + "--b--");
            lines = log.list();
        }
        assertEquals(200, a.status(), a.body());
        assertTrue(a.body().contains("HTTP/1.1 500") && a.body().contains("internal error "), a.body());
        assertEquals(1, lines.size(), lines.toString());
        for (ch.qos.logback.classic.spi.IThrowableProxy t = lines.get(0).getThrowableProxy(); t != null; t = t.getCause())
            assertFalse(String.valueOf(t.getMessage()).contains("secret") || String.valueOf(t.getMessage()).contains("forged"), t.getMessage());
    }

    /**
     * The forty-first session's audit: two parts of one Content-ID ran and were answered {@code <response-1>} twice. The
     * batch is refused before any part runs, in Google's envelope naming the field and the id.
     */
    @Test
    void aRepeatedContentIdRefusesTheBatchBeforeAnyPartRuns() throws Exception {
        String one = "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + ANALYZE;
        Answer a = post(null, batchHeaders(), part("1", one) + part("2", one) + part("1", one) + "--b--\r\n");
        assertEquals(400, a.status(), a.body());
        assertEquals("application/json", a.type());
        JsonNode error = JSON.readTree(a.body());
        assertEquals("INVALID_ARGUMENT", error.at("/error/status").asText(), a.body());
        assertEquals("Content-ID", error.at("/error/details/0/fieldViolations/0/field").asText(), a.body());
        assertTrue(error.at("/error/message").asText().startsWith("Content-ID '<1>' is given to parts 1 and 3"), a.body());
        assertEquals(0, seen.size(), "no part ran");
    }

    /**
     * The forty-first session's audit: 100 parts with one wrong key spent the address's failed-authentication tries
     * part by part. Each part of a batch carries the batch's record of refused keys for the auth filter
     * (auth.RefusedInBatch; RequestCostTest.aBatchSpendsATryForEachDistinctWrongKeyNotForEachPart), another batch its own.
     */
    @Test
    void thePartsOfABatchShareItsRecordOfRefusedKeysAndNoOtherBatchDoes() throws Exception {
        String two = part("1", "POST /v1alpha1/comments:analyze?key=wrong HTTP/1.1\n\n" + ANALYZE)
                + part("2", "POST /v1alpha1/comments:analyze?key=wrong HTTP/1.1\n\n" + ANALYZE) + "--b--\r\n";
        post(null, batchHeaders(), two);
        post(null, batchHeaders(), two);
        assertEquals(4, seen.size());
        Object first = seen.get(0).getAttribute(org.parley.service.auth.RefusedInBatch.ATTRIBUTE);
        assertInstanceOf(org.parley.service.auth.RefusedInBatch.class, first);
        assertSame(first, seen.get(1).getAttribute(org.parley.service.auth.RefusedInBatch.ATTRIBUTE));
        Object second = seen.get(2).getAttribute(org.parley.service.auth.RefusedInBatch.ATTRIBUTE);
        assertNotSame(first, second, "each batch its own");
        assertSame(second, seen.get(3).getAttribute(org.parley.service.auth.RefusedInBatch.ATTRIBUTE));
    }
    /** The batch's own answer: nosniff always, its parts' answers private (their keys' own); a 405 names POST in Allow. */
    @Test
    void theBatchsAnswerIsNosniffItsPartsPrivateAndA405NamesPost() throws Exception {
        Answer a = post(null, batchHeaders(), part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE) + "--b--");
        assertEquals(200, a.status());
        assertEquals("nosniff", a.headers().get("X-Content-Type-Options"));
        assertEquals(org.parley.service.auth.PrivateAnswers.VALUE, a.headers().get("Cache-Control"));

        Answer get = send("GET", null, batchHeaders(), new byte[0]);
        assertEquals(405, get.status());
        assertEquals("POST", get.headers().get("Allow"));
        assertEquals("nosniff", get.headers().get("X-Content-Type-Options"));

        Answer untyped = post(null, new LinkedHashMap<>(), "{}");
        assertEquals(415, untyped.status());
        assertTrue(JSON.readTree(untyped.body()).at("/error/message").asText().endsWith("(was none)"), untyped.body());
    }

    /** The body limit is inclusive: a batch of exactly maxBytes is read, whether its length is declared or not. */
    @Test
    void aBatchOfExactlyTheBodyLimitIsRead() throws Exception {
        String head = part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n{\"comment\": {\"text\": \"");
        String tail = "\"}}\r\n--b--";
        String body = head.substring(0, head.length() - 2) + "x".repeat(100_000 - head.length() + 2 - tail.length()) + tail;
        assertEquals(100_000, body.length());
        assertEquals(200, post(null, batchHeaders(), body).status(), "declared");
        chunked = true;
        assertEquals(200, post(null, batchHeaders(), body).status(), "counted as it is read");
        assertEquals(413, post(null, batchHeaders(), body + " ").status());
    }

    /** The read limit is inclusive: a body that arrives in exactly 60 s is read. */
    @Test
    void aBatchWhoseBodyTakesExactlyTheReadLimitIsServed() throws Exception {
        batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5, Optional.empty(),
                6_144, Duration.ofSeconds(60), () -> now[0]);
        String known = part("k", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + ANALYZE);
        pauseAt = known.length();
        pause = Duration.ofSeconds(60);
        assertEquals(200, post(null, batchHeaders(), known + "--b--").status());
    }

    /**
     * A site's share is given back batch by batch: while one of its batches holds 2 KiB of its 3 KiB half, a batch of 1 KiB
     * is served and gives its 1 KiB back, so a batch of 2 KiB more is still a 429; once all have ended, 3 KiB is served.
     */
    @Test
    void aSitesShareIsGivenBackBatchByBatch() throws Exception {
        batch = new BatchServlet(() -> jersey, new Refusal(gate, gate, JSON), JSON, BatchServletTest::siteOf, 100_000, 5, Optional.empty(), 6_144);
        java.util.function.IntFunction<String> ofKib = kib -> part("k", "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n"
                + "{\"comment\": {\"text\": \"" + "x".repeat(kib * 1_000 - 100) + "\"}}") + "--b--";
        Answer[] during = new Answer[2];
        meanwhile = () -> {
            during[0] = post(null, batchHeaders(), ofKib.apply(1));
            during[1] = post(null, batchHeaders(), ofKib.apply(2).replace("own-key", "header-key"));
            return null;
        };
        assertEquals(200, post(null, batchHeaders(), ofKib.apply(2)).status());
        assertEquals(200, during[0].status(), during[0].body());
        assertEquals(429, during[1].status(), "2 KiB held, 2 more: " + during[1].body());
        assertEquals(200, post(null, batchHeaders(), ofKib.apply(3)).status(), "all given back");
    }

    /** A batch's X-Goog-Api-Key goes to a part without a key when the batch's query names none (only ?alt=json). */
    @Test
    void theBatchsKeyHeaderGoesToAPartWithoutOneWhenItsQueryHasNoKey() throws Exception {
        post("alt=json", batchHeaders("X-Goog-Api-Key", "batch-key"),
                part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE) + "--b--");
        assertEquals("batch-key", seenHeaders.get(0).get("x-goog-api-key"));
        assertEquals(ANALYZE, seenBodies.get(0), "its body kept: the key is a configured one");
    }

    /** A part typed other than application/http is its own 400, though it holds a request: it is not run. */
    @Test
    void aPartOfAnotherTypeIsRefusedThoughItHoldsARequest() throws Exception {
        Answer a = post(null, batchHeaders(), "--b\r\nContent-Type: text/plain\r\nContent-ID: <1>\r\n\r\n"
                + "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n" + ANALYZE + "\r\n--b--");
        assertEquals(0, seen.size());
        assertTrue(a.body().contains("HTTP/1.1 400 ") && a.body().contains("a part's Content-Type must be application/http (was 'text/plain')"),
                a.body());
    }

    /**
     * A part Jersey answers 4xx with no body gets Google's envelope of that status (as a servlet's sendError would); a 4xx
     * with a body keeps it, and a 2xx without one stays without.
     */
    @Test
    void aFailureWithoutABodyGetsGooglesEnvelopeAndOthersKeepTheirs() throws Exception {
        String one = part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE) + "--b--";
        answerWith = Map.entry(400, "");
        String bare = post(null, batchHeaders(), one).body();
        assertTrue(bare.contains("HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\n"), bare);
        assertEquals(400, JSON.readTree(bare.substring(bare.indexOf("\r\n\r\n{") + 4)).at("/error/code").asInt(), bare);

        answerWith = Map.entry(409, "its own");
        String own = post(null, batchHeaders(), one).body();
        assertTrue(own.contains("Content-Length: 7\r\n\r\nits own\r\n"), own);

        answerWith = Map.entry(204, "");
        String none = post(null, batchHeaders(), one).body();
        assertTrue(none.contains("HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n\r\n"), none);
    }

    /** A part that fails after Jersey wrote part of its answer is a clean 500: none of what was written is sent. */
    @Test
    void aPartThatFailsHalfWrittenIsAClean500() throws Exception {
        failAfterWriting = true;
        String body = post(null, batchHeaders(), part("1", "POST /v1alpha1/comments:analyze HTTP/1.1\n\n" + ANALYZE) + "--b--").body();
        assertTrue(body.contains("HTTP/1.1 500 "), body);
        assertFalse(body.contains("X-Half") || body.contains("written") || body.contains("\"n\""), body);
        String answer = body.substring(body.indexOf("\r\n\r\n{") + 4, body.lastIndexOf("\r\n--batch_"));
        assertEquals(500, JSON.readTree(answer).at("/error/code").asInt(), body);
    }
    /**
     * A part typed multipart/mixed is one part, the 400 of a part that is not application/http: until the forty-ninth
     * session mime4j read it into parts of their own, and the requests inside it ran as the batch's.
     */
    @Test
    void aPartTypedMultipartIsOneRefusedPartAndNothingInsideItRuns() throws Exception {
        String inner = "--in\r\nContent-Type: application/http\r\n\r\nPOST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n\n"
                + ANALYZE + "\r\n--in--";
        Answer a = post(null, batchHeaders(), "--b\r\nContent-Type: multipart/mixed; boundary=in\r\nContent-ID: <1>\r\n\r\n"
                + inner + "\r\n--b--");
        assertEquals(200, a.status(), a.body());
        assertEquals(0, seen.size(), "nothing ran");
        assertEquals(3, a.body().split("--batch_[0-9a-f]+").length, "one answer: " + a.body());
        assertTrue(a.body().contains("HTTP/1.1 400 ") && a.body().contains("(was 'multipart/mixed; boundary=in')"), a.body());
    }

    /**
     * RFC 9112 forbids control bytes in a part's request line and headers (HTAB alone is allowed, between a header's
     * words): a NUL, a CR without its LF, another C0 control or DEL there is the part's own 400 naming the byte and its
     * offset, and the part never reaches Jersey. Until the forty-ninth session such a byte in a header's value was passed
     * on to Jersey as part of the value.
     */
    @Test
    void aControlByteInAPartsHeadIsItsOwn400NamingTheByteAndItsOffset() throws Exception {
        String line = "POST /v1alpha1/comments:analyze?key=own-key HTTP/1.1\n";
        String body = part("nul", line + "X-Note: a\u0000b\n\n" + ANALYZE)
                + part("cr", line + "X-Note: a\rb\n\n" + ANALYZE)
                + part("del", line + "X-Note: a\u007fb\n\n" + ANALYZE)
                + part("esc", line + "X-Note: a\u001bb\n\n" + ANALYZE)
                + part("tab", line + "X-Note: a\tb\n\n" + ANALYZE)
                + "--b--\r\n";
        Answer a = post(null, batchHeaders(), body);
        assertEquals(200, a.status(), a.body());
        assertEquals(1, seen.size(), "only the part with a tab reached Jersey: " + a.body());
        assertEquals("a\tb", seenHeaders.get(0).get("x-note"));
        String[] answers = a.body().split("--batch_[0-9a-f]+");
        String[] kinds = {"NUL (0x00)", "CR (0x0d) without LF after it", "DEL (0x7f)", "control character 0x1b"};
        int offset = line.length() + "X-Note: a".length();
        for (int i = 0; i < kinds.length; i++) {
            String answer = answers[i + 1];
            assertTrue(answer.contains("HTTP/1.1 400 "), answer);
            JsonNode error = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n{") + 4));
            assertEquals(400, error.at("/error/code").asInt(), answer);
            assertEquals("this part is not an HTTP request: its request line and headers hold " + kinds[i] + " at byte "
                    + offset + " of the part (from 0), which RFC 9112 forbids there (of the control characters only HTAB "
                    + "may appear, in a header's value)", error.at("/error/message").asText(), answer);
        }
        assertTrue(answers[5].contains("HTTP/1.1 200 "), answers[5]);
    }
}
