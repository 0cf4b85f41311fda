package org.parley.service.auth;

import org.parley.service.WrittenBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

class ModeratorPageFilterTest {
    private final ModeratorPageFilter filter = new ModeratorPageFilter(
            ApiKeys.parse("site-key-1:website,mod-key-11:moderator,adm-key-11:admin,page-key-1:scorer", 10));
    private HttpServletRequest request;
    private HttpServletResponse response;
    private FilterChain chain;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws Exception {
        request = mock(HttpServletRequest.class);
        response = new WrittenBody(body).response;
        chain = mock(FilterChain.class);
    }

    @Test
    void aPlainRequestPassesWithTheSecurityHeaders() throws Exception {
        filter.doFilter(request, response, chain);
        verifyPassedOn();
        verify(response).setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        verify(response).setHeader("Referrer-Policy", "no-referrer");
        verify(response).setHeader("Cache-Control", "no-cache");
        verify(response, never()).setStatus(anyInt());
    }

    @Test
    void aWebsiteKeyAsBearerIsForbidden() throws Exception {
        when(request.getHeader("Authorization")).thenReturn("Bearer site-key-1");
        filter.doFilter(request, response, chain);
        assertForbidden();
    }

    /** The key a site publishes in its pages, in any of the places a key may come. */
    @Test
    void aScorerKeyIsForbiddenWhereverItIsSentAndTheRefusalNamesTheRoleNeeded() throws Exception {
        when(request.getHeader(ApiKeyAuthFilter.GOOGLE_KEY_HEADER)).thenReturn("page-key-1");
        filter.doFilter(request, response, chain);
        assertForbidden();
        String said = body.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("scorer API keys may not open the moderator pages: they need moderator or a role above it"), said);
    }

    @Test
    void aWebsiteKeyInTheQueryIsForbidden() throws Exception {
        when(request.getParameter("key")).thenReturn("site-key-1");
        filter.doFilter(request, response, chain);
        assertForbidden();
    }

    @Test
    void aWebsiteKeyInGooglesHeaderIsForbidden() throws Exception {
        when(request.getHeader("X-Goog-Api-Key")).thenReturn("site-key-1");
        filter.doFilter(request, response, chain);
        assertForbidden();
    }

    @Test
    void thePageWithoutItsSlashIsSentToIt() throws Exception {
        // Served at /moderate, the page's relative main.js and app.css would be looked for at the root.
        when(request.getRequestURI()).thenReturn("/moderate");
        filter.doFilter(request, response, chain);
        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(301);
        verify(response).setHeader("Location", "/moderate/");
    }

    @Test
    void moderatorAndAdminKeysPass() throws Exception {
        when(request.getHeader("Authorization")).thenReturn("bearer mod-key-11");
        when(request.getParameter("key")).thenReturn("adm-key-11");
        filter.doFilter(request, response, chain);
        verifyPassedOn();
        verify(response, never()).setStatus(403);
    }

    @Test
    void anUnknownKeyIsLeftToTheApiToRefuse() throws Exception {
        when(request.getHeader("Authorization")).thenReturn("Bearer nobody-knows-me");
        filter.doFilter(request, response, chain);
        verifyPassedOn();
    }

    @Test
    void aWebsiteKeyIsForbiddenEvenNextToAnAdminOne() throws Exception {
        when(request.getHeader("Authorization")).thenReturn("Bearer adm-key-11");
        when(request.getParameter("key")).thenReturn("site-key-1");
        filter.doFilter(request, response, chain);
        assertForbidden();
    }

    /** The asset servlet's answer to a file it does not have: reset() (every header gone) and setStatus(404), nothing written. */
    @Test
    void aFileThePageDoesNotHaveIsAJson404WithThePagesHeaders() throws Exception {
        when(request.getRequestURI()).thenReturn("/moderate/nope.js");
        when(response.getStatus()).thenReturn(404);
        filter.doFilter(request, response, chain);
        verifyPassedOn();
        verify(response).setStatus(404);
        verify(response).setContentType("application/json");
        assertEquals("{\"code\":404,\"message\":\"no such file: /moderate/nope.js\"}", body.toString(StandardCharsets.UTF_8));
        verify(response, times(2)).setHeader("X-Content-Type-Options", "nosniff");  // again, after reset()
        verify(response).setDateHeader(eq("Date"), anyLong());
    }

    @Test
    void aNotModifiedOrACommittedAnswerIsLeftAsItIs() throws Exception {
        when(response.getStatus()).thenReturn(304);
        filter.doFilter(request, response, chain);
        when(response.getStatus()).thenReturn(404);
        when(response.isCommitted()).thenReturn(true);
        filter.doFilter(request, response, chain);
        verify(response, never()).setStatus(anyInt());
        assertEquals(0, body.size());
    }

    /**
     * An audit of malformed headers (forty-third session): the asset servlet answered an If-Modified-Since that is not
     * a date with the 404 of a missing file, {@code Range: garbage} with a bare 416 and {@code bytes=5-1} with a 206 of
     * nothing. It now sees no Range and no such date; a valid date still reaches it (its 304).
     */
    @Test
    void theAssetServletSeesNoRangeAndNoIfModifiedSinceThatIsNotADate() throws Exception {
        when(request.getHeader("Range")).thenReturn("bytes=5-1");
        when(request.getHeader("If-Range")).thenReturn("\"etag\"");
        when(request.getHeader("If-Modified-Since")).thenReturn("garbage");
        when(request.getDateHeader("If-Modified-Since")).thenThrow(new IllegalArgumentException("Cannot convert date: garbage"));
        filter.doFilter(request, response, chain);
        HttpServletRequest seen = verifyPassedOn();
        assertNull(seen.getHeader("Range"));
        assertNull(seen.getHeader("If-Range"));
        assertFalse(seen.getHeaders("Range").hasMoreElements());
        assertNull(seen.getHeader("If-Modified-Since"));
        assertEquals(-1, seen.getDateHeader("If-Modified-Since"));

        reset(request, chain);
        when(request.getHeader("If-Modified-Since")).thenReturn("Sat, 05 Dec 2026 02:49:12 GMT");
        when(request.getDateHeader("If-Modified-Since")).thenReturn(1_796_438_952_000L);
        filter.doFilter(request, response, chain);
        seen = verifyPassedOn();
        assertEquals("Sat, 05 Dec 2026 02:49:12 GMT", seen.getHeader("If-Modified-Since"));
        assertEquals(1_796_438_952_000L, seen.getDateHeader("If-Modified-Since"));
    }

    /** The request the chain got, which reads as {@code request} but for the headers the filter hides. */
    private HttpServletRequest verifyPassedOn() throws Exception {
        org.mockito.ArgumentCaptor<jakarta.servlet.ServletRequest> passed = org.mockito.ArgumentCaptor.forClass(jakarta.servlet.ServletRequest.class);
        verify(chain).doFilter(passed.capture(), eq(response));
        assertSame(request, ((jakarta.servlet.http.HttpServletRequestWrapper) passed.getValue()).getRequest());
        return (HttpServletRequest) passed.getValue();
    }

    private void assertForbidden() throws Exception {
        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(403);
        verify(response).setContentType("application/json");
        String json = body.toString(StandardCharsets.UTF_8);
        assertTrue(json.startsWith("{\"code\":403,\"message\":\""), json);
        // The headers are set on refusals too.
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
    }
}
