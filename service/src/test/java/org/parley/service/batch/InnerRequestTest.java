package org.parley.service.batch;

import org.junit.jupiter.api.Test;
import org.parley.service.errors.ApiException;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A batch part's HTTP request, as Google's clients write it (LF or CRLF lines), and what is not one. */
class InnerRequestTest {
    private static InnerRequest parse(String s) {
        return InnerRequest.parse(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsThePythonClientsPartWithItsLfLines() {
        InnerRequest r = parse("POST /parley/v1alpha1/comments:analyze?key=k-1&alt=json HTTP/1.1\nContent-Type: application/json\n"
                + "MIME-Version: 1.0\naccept: application/json\nHost: comments.example.com\ncontent-length: 11\n\n{\"a\": \"é\"}");
        assertEquals("POST", r.method());
        assertEquals("/parley/v1alpha1/comments:analyze", r.path());
        assertEquals("key=k-1&alt=json", r.query());
        assertEquals("application/json", r.header("content-type"));
        assertEquals(5, r.headers().size());
        assertEquals("{\"a\": \"é\"}", new String(r.body(), StandardCharsets.UTF_8));
        assertTrue(r.hasQueryParameter("key"));
        assertFalse(r.hasQueryParameter("alt2"));
    }

    @Test
    void readsCrlfLinesAnAbsoluteTargetFoldedHeadersAndNoBody() {
        InnerRequest r = parse("\r\nPOST https://comments.example.com/v1alpha1/comments%3Aanalyze HTTP/1.0\r\nX-Goog-Api-Key: k-2\r\n"
                + "X-Long: one\r\n two\r\n\r\n");
        assertEquals("/v1alpha1/comments%3Aanalyze", r.path());
        assertNull(r.query());
        assertEquals("k-2", r.header("x-goog-api-key"));
        assertEquals("one two", r.header("X-Long"));
        assertEquals(0, r.body().length);
        assertEquals(List.of(), parse("GET /v1alpha1/x").headers(), "a request line alone");
    }

    @Test
    void whatIsNoHttpRequestIsTheParts400() {
        for (String bad : List.of("", "\r\n\r\n", "garbage", "POST /a HTTP/2\r\n\r\n", "POST a/b HTTP/1.1\n\n{}",
                "POST /a b HTTP/1.1\n\n", "POST /a\u00e9 HTTP/1.1\n\n", "POST /a HTTP/1.1\nno colon here\n\n{}",
                "POST /a HTTP/1.1\n folded first\n\n", "POST /a HTTP/1.1\nBad Name: x\n\n",
                "POST /a HTTP/1.1\nX: " + "y".repeat(InnerRequest.MAX_HEAD_BYTES) + "\nZ: 1\n\n")) {
            ApiException e = assertThrows(ApiException.class, () -> parse(bad), bad);
            assertEquals(400, e.status(), bad);
            assertTrue(e.getMessage().startsWith("this part is not an HTTP request: "), e.getMessage());
        }
    }
    /** The request line and headers, up to the blank line, are read up to exactly MAX_HEAD_BYTES; a byte more is the part's 400. */
    @Test
    void aHeadOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() {
        String line = "POST /a HTTP/1.1\n";
        String head = line + "X: " + "y".repeat(InnerRequest.MAX_HEAD_BYTES - line.length() - 4) + "\n";
        assertEquals(InnerRequest.MAX_HEAD_BYTES, head.length());
        InnerRequest r = parse(head + "\n{}");
        assertEquals("{}", new String(r.body(), StandardCharsets.UTF_8));
        ApiException e = assertThrows(ApiException.class, () -> parse(head.replace("X: ", "X: y") + "\n{}"));
        assertEquals("this part is not an HTTP request: its request line and headers are longer than 8192 bytes", e.getMessage());
    }

    /** A query holds no control character: DEL (0x7f) is one, as RFC 3986 has no place for it. */
    @Test
    void aDelInTheQueryIsRefused() {
        assertEquals(400, assertThrows(ApiException.class, () -> parse("POST /a?k=\u007f HTTP/1.1\n\n")).status());
        assertEquals("k=~", parse("POST /a?k=~ HTTP/1.1\n\n").query());
    }

    /** RFC 9112: blank lines before the request line are passed over, however many; the head ends at the blank line after it. */
    @Test
    void readHeadPassesOverBlankLinesBeforeTheRequestLine() throws Exception {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(
                "\r\n\r\n\nPOST /a HTTP/1.1\r\nX: 1\r\n\r\n{\"body\": 1}".getBytes(StandardCharsets.UTF_8));
        InnerRequest r = InnerRequest.parse(InnerRequest.readHead(in));
        assertEquals("/a", r.path());
        assertEquals("1", r.header("X"));
        assertEquals("{\"body\": 1}", new String(in.readAllBytes(), StandardCharsets.UTF_8), "the body left unread");
    }

    /**
     * RFC 9112: no control character in the request line or a header line but HTAB. Each is refused naming its kind and
     * offset in the part, wherever in the head it is (a folded line, a CR before CRLF); the body, a tab and obs-text
     * (bytes 0x80 and up) in a value are not refused.
     */
    @Test
    void aControlByteInTheHeadIsRefusedNamingItsKindAndOffset() {
        Object[][] cases = {
                {"POST /a\u0000 HTTP/1.1\n\n", "NUL (0x00)", 7},
                {"\r\nPO\u0001ST /a HTTP/1.1\n\n", "control character 0x01", 4},
                {"POST /a HTTP/1.1\r\r\n\r\n", "CR (0x0d) without LF after it", 16},
                {"POST /a HTTP/1.1\nX\u007f: 1\n\n", "DEL (0x7f)", 18},
                {"POST /a HTTP/1.1\nX: 1\n \u0000folded\n\n", "NUL (0x00)", 23},
                {"POST /a HTTP/1.1\nX: 1\nY: \u001f", "control character 0x1f", 25},
        };
        for (Object[] c : cases) {
            ApiException e = assertThrows(ApiException.class, () -> parse((String) c[0]), (String) c[0]);
            assertEquals(400, e.status());
            assertEquals("this part is not an HTTP request: its request line and headers hold " + c[1] + " at byte " + c[2]
                    + " of the part (from 0), which RFC 9112 forbids there (of the control characters only HTAB may appear, "
                    + "in a header's value)", e.getMessage());
        }
        InnerRequest r = InnerRequest.parse("POST /a HTTP/1.1\r\nX: a\tb\u00e9\r\n\r\n\u0000\r\u007f".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("a\tb\u00e9", r.header("X"));
        assertEquals("\u0000\r\u007f", new String(r.body(), StandardCharsets.ISO_8859_1));
    }

    /** readHead keeps a NUL as any other byte (it does not end the head), so that parse sees it and refuses the part. */
    @Test
    void readHeadKeepsANulSoThatTheHeadIsRefused() throws Exception {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(
                "POST /a HTTP/1.1\nX: a\u0000b\n\n{}".getBytes(StandardCharsets.UTF_8));
        byte[] head = InnerRequest.readHead(in);
        assertEquals("POST /a HTTP/1.1\nX: a\u0000b\n\n", new String(head, StandardCharsets.UTF_8));
        assertEquals(400, assertThrows(ApiException.class, () -> InnerRequest.parse(head)).status());
    }
}
