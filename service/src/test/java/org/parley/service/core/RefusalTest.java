package org.parley.service.core;

import org.parley.service.WrittenBody;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/** A scoring request that finds its lane full is refused before Jersey reads its body; any other passes. */
class RefusalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ScoringGate gate = new ScoringGate(1, 0, Duration.ofMinutes(5));
    private final ScoringGate batchGate = new ScoringGate(1, 0, Duration.ofMinutes(5));
    private final Refusal refusal = new Refusal(gate, batchGate, JSON);

    private record Answer(boolean passed, HttpServletResponse response, ByteArrayOutputStream body) {}

    private Answer send(String method, String path) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(path);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse response = new WrittenBody(body).response;
        FilterChain chain = mock(FilterChain.class);
        refusal.doFilter(request, response, chain);
        boolean passed = mockingDetails(chain).getInvocations().size() == 1;
        return new Answer(passed, response, body);
    }

    @Test
    void aFullLaneRefusesItsRequestsBeforeTheBodyIsRead() throws Exception {
        assertTrue(send("POST", "/v1/score").passed(), "a lane with room lets the request through");
        try (HeldTurn held = HeldTurn.of(gate)) {
            Answer single = send("POST", "/v1/score");
            assertFalse(single.passed());
            verify(single.response()).setStatus(503);
            verify(single.response()).setHeader("Retry-After", "1");
            verify(single.response()).setHeader("X-Content-Type-Options", "nosniff");
            JsonNode body = JSON.readTree(single.body().toByteArray());
            assertEquals(503, body.get("code").asInt());
            assertTrue(body.get("message").asText().startsWith("the service is scoring at capacity"), body.toString());

            Answer analyze = send("POST", "/v1alpha1/comments:analyze");
            assertFalse(analyze.passed());
            assertEquals("UNAVAILABLE", JSON.readTree(analyze.body().toByteArray()).at("/error/status").asText(), "Google's envelope");
            verify(analyze.response()).setHeader("Retry-After", "1");

            // Spellings Jersey scores as the same endpoints (resources.EncodedColons; a trailing slash) are refused too.
            assertFalse(send("POST", "/v1/score/").passed());
            assertFalse(send("POST", "/v1alpha1/comments%3Aanalyze").passed());
            assertFalse(send("POST", "/v1alpha1/comments%3aanalyze").passed());

            assertTrue(send("POST", "/v1/score/batch").passed(), "the batches' lane has room");
            assertTrue(send("GET", "/v1/score").passed(), "not a scoring request: Jersey answers it");
            assertTrue(send("POST", "/v1alpha1/comments:suggestscore").passed(), "feedback scores nothing");
            assertEquals(5, gate.refusals().getCount());
        }
        // The held request gives its turn back as its thread ends (it failed CI once when asked at once): closed, it has.
        assertTrue(send("POST", "/v1/score").passed(), "room again");
    }

    @Test
    void theBatchAndThreadEndpointsShareTheirOwnLane() throws Exception {
        try (HeldTurn held = HeldTurn.of(batchGate)) {
            for (String path : new String[]{"/v1/score/batch", "/v1/score/thread", "/v1/score/thread/"}) {
                Answer refused = send("POST", path);
                assertFalse(refused.passed(), path);
                verify(refused.response()).setStatus(503);
                assertEquals(503, JSON.readTree(refused.body().toByteArray()).get("code").asInt(), path);
            }
            assertTrue(send("POST", "/v1/score").passed(), "the single comments' lane has room");
            assertTrue(send("POST", "/v1alpha1/comments:analyze").passed());
            assertTrue(send("GET", "/v1/score/batch").passed(), "not a scoring request");
            assertEquals(3, batchGate.refusals().getCount());
            assertEquals(0, gate.refusals().getCount());
        }
    }
}
