package org.parley.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.parley.service.access.Role;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.*;

/** A body is charged as it is read; what it cost beyond a full bucket is given back when the request was refused or not taken. */
class BodyChargeTest {
    /** Sends a 100 KiB body (100 tokens at 1 KiB a token) through the charge, then answers it with {@code status}. */
    private static long waitAfter(int status, String key) throws Exception {
        RateLimiter limiter = new RateLimiter(2, 5, 1024, 0);  // 10 at once, then 5 a second
        ApiKey apiKey = new ApiKey(key, Role.WEBSITE, 5);
        Map<String, Object> properties = new HashMap<>();
        ContainerRequestContext request = mock(ContainerRequestContext.class);
        when(request.getEntityStream()).thenReturn(new ByteArrayInputStream(new byte[100 * 1024]));
        doAnswer(call -> properties.put(call.getArgument(0), call.getArgument(1))).when(request).setProperty(anyString(), any());
        when(request.getProperty(anyString())).thenAnswer(call -> properties.get(call.<String>getArgument(0)));
        BodyCharge.attach(request, limiter, limiter.payer(apiKey, "203.0.113.9"));
        ArgumentCaptor<InputStream> charged = ArgumentCaptor.forClass(InputStream.class);
        verify(request).setEntityStream(charged.capture());
        charged.getValue().readAllBytes();
        ContainerResponseContext response = mock(ContainerResponseContext.class);
        when(response.getStatus()).thenReturn(status);
        new BodyCharge.Refund().filter(request, response);
        return limiter.tryAcquire(apiKey).orElse(0);
    }

    @ParameterizedTest
    @CsvSource({"200, 15", "201, 15", "500, 15"})  // a 500 is neither a refusal (4xx) nor "not taken" (503)
    void anAnsweredBodyKeepsItsCost(int status, long atLeast) throws Exception {
        assertTrue(waitAfter(status, "answered-key-" + status) >= atLeast, "100 tokens on a bucket of 10 at 5 a second");
    }

    @ParameterizedTest
    @CsvSource({"400", "413", "503"})
    void aRefusedOrNotTakenBodyCostsAtMostAFullBucket(int status) throws Exception {
        assertTrue(waitAfter(status, "refused-key-" + status) <= 2, "a burst's wait at most");
    }

    /** Not free (docs/scoring-api.md, "Rate limits"): what is given back leaves the bucket empty, not full. */
    @ParameterizedTest
    @CsvSource({"400", "503"})
    void aRefusedBodyStillEmptiesTheBucket(int status) throws Exception {
        RateLimiter limiter = new RateLimiter(2, 1, 1024, 0);  // 2 at once, then 1 a second: a second to refill one
        ApiKey key = new ApiKey("emptied-key-" + status, Role.WEBSITE, 1);
        RateLimiter.Payer payer = limiter.payer(key, "203.0.113.9");
        limiter.charge(payer, 100);
        limiter.refundBeyondBurst(payer, 100);
        long wait = limiter.tryAcquire(key).orElse(0);
        assertTrue(wait >= 1 && wait <= 2, "the next request waits for the emptied bucket, a burst at most: " + wait);
    }
}
