package org.parley.service.errors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import org.junit.jupiter.api.Test;
import org.parley.service.WrittenBody;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

/**
 * An Accept or Content-Type Jersey could not parse, refused naming the header before Jersey's servlet gives it a bare 400.
 * Seen only through a started service (ParleyApplicationTest) until the sixty-first session.
 */
class MediaTypeHeadersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServletRequest request(List<String> accept, List<String> contentType) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getHeaders(HttpHeaders.ACCEPT)).thenAnswer(call -> Collections.enumeration(accept));
        when(request.getHeaders(HttpHeaders.CONTENT_TYPE)).thenAnswer(call -> Collections.enumeration(contentType));
        when(request.getServletPath()).thenReturn("");
        when(request.getRequestURI()).thenReturn("/v1/score");
        return request;
    }

    private static Optional<ApiException> refusal(List<String> accept, List<String> contentType) {
        return MediaTypeHeaders.refusal(request(accept, contentType));
    }

    @Test
    void headersThatParseOrAreAbsentPass() {
        assertEquals(Optional.empty(), refusal(List.of(), List.of()));
        assertEquals(Optional.empty(), refusal(List.of("application/json", "text/*;q=0.5"), List.of("application/json; charset=utf-8")));
        assertEquals(Optional.empty(), refusal(List.of("*/*"), List.of(" ")), "a blank Content-Type is Jersey's to read as none");
    }

    @Test
    void anAcceptThatDoesNotParseIsRefusedWholeAsJerseyReadsIt() {
        ApiException weight = refusal(List.of("application/json;q=abc"), List.of()).orElseThrow();
        assertEquals(HttpHeaders.ACCEPT, weight.field());
        assertTrue(weight.getMessage().startsWith("Accept 'application/json;q=abc' is not a list of media types"), weight.getMessage());
        ApiException twice = refusal(List.of("application/json", "garbage/"), List.of()).orElseThrow();
        assertTrue(twice.getMessage().startsWith("Accept 'application/json,garbage/' is not"), "both headers, joined: " + twice.getMessage());
    }

    @Test
    void aContentTypeSentTwiceOrNotAMediaTypeIsRefused() {
        ApiException twice = refusal(List.of(), List.of("application/json", "application/json")).orElseThrow();
        assertEquals(HttpHeaders.CONTENT_TYPE, twice.field());
        assertEquals("Content-Type was sent 2 times: send it once, Content-Type: application/json", twice.getMessage());
        ApiException slash = refusal(List.of(), List.of("/")).orElseThrow();
        assertTrue(slash.getMessage().startsWith("Content-Type '/' is not a media type"), slash.getMessage());
    }

    /** The filter answers the refusal itself, as every other field's 400, and Jersey never sees the request. */
    @Test
    void theFilterAnswersA400WithNosniffAndStopsTheChain() throws Exception {
        WrittenBody written = new WrittenBody();
        HttpServletResponse response = written.response;
        FilterChain chain = mock(FilterChain.class);
        new MediaTypeHeaders(JSON).doFilter(request(List.of("q=2"), List.of()), response, chain);
        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(400);
        verify(response).setHeader("X-Content-Type-Options", "nosniff");
        JsonNode body = JSON.readTree(written.bytes.toByteArray());
        assertEquals(400, body.path("code").asInt(), body.toString());
        assertEquals(HttpHeaders.ACCEPT, body.path("field").asText(), body.toString());
    }

    /** Not Jersey's servlet (the batch, the page's files): left to their own reading. */
    @Test
    void aRequestOutsideJerseysServletOrWithGoodHeadersGoesOn() throws Exception {
        HttpServletRequest batch = request(List.of("q=2"), List.of());
        when(batch.getServletPath()).thenReturn("/batch");
        FilterChain chain = mock(FilterChain.class);
        HttpServletResponse response = mock(HttpServletResponse.class);
        new MediaTypeHeaders(JSON).doFilter(batch, response, chain);
        verify(chain).doFilter(batch, response);
        HttpServletRequest good = request(List.of("application/json"), List.of("application/json"));
        new MediaTypeHeaders(JSON).doFilter(good, response, chain);
        verify(chain).doFilter(good, response);
        verifyNoInteractions(response);
    }
}
