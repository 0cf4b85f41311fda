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
}
