package org.parley.service.auth;

import org.parley.service.WrittenBody;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

class ConcurrencyLimitTest {
    private static HttpServletRequest from(String address) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getRemoteAddr()).thenReturn(address);
        return r;
    }

    /** A response whose body is written into {@code body} (AdminRequestFilterTest reads its refusals with it too). */
    static HttpServletResponse response(ByteArrayOutputStream body) throws Exception {
        return new WrittenBody(body).response;
    }

    /**
     * A security audit: 1,100 log-ins from one address that sent their headers and then a byte of body every
     * 10 s held all of Jetty's threads, and the service answered nobody. One address may hold a few at most.
     */
    @Test
    void anAddressMayHaveOnlySoManyRequestsInProgress() throws Exception {
        com.codahale.metrics.Meter refusals = new com.codahale.metrics.Meter();
        ConcurrencyLimit limit = new ConcurrencyLimit(3, refusals);
        CountDownLatch started = new CountDownLatch(3), release = new CountDownLatch(1);
        FilterChain slow = (req, res) -> {
            started.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> held = new ArrayList<>();
            for (int i = 0; i < 3; i++)
                held.add(pool.submit(() -> { limit.doFilter(from("203.0.113.9"), response(new ByteArrayOutputStream()), slow); return null; }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            assertEquals(3, limit.inProgress("203.0.113.9"));
            assertEquals(1, limit.addresses());

            ByteArrayOutputStream body = new ByteArrayOutputStream();
            HttpServletResponse refused = response(body);
            FilterChain never = mock(FilterChain.class);
            limit.doFilter(from("203.0.113.9"), refused, never);
            verify(never, never()).doFilter(any(), any());
            verify(refused).setStatus(429);
            verify(refused).setHeader("Retry-After", "1");
            verify(refused).setHeader("Connection", "close");  // "before its body is read": the body is never read
            assertTrue(body.toString().contains("requests in progress from this address"), body.toString());
            assertEquals(1, refusals.getCount(), "counted: before Jersey, no endpoint's metric has it");

            FilterChain passes = mock(FilterChain.class);
            limit.doFilter(from("198.51.100.7"), response(new ByteArrayOutputStream()), passes);
            verify(passes).doFilter(any(), any());  // another address is not held up

            release.countDown();
            for (Future<?> f : held) f.get(10, TimeUnit.SECONDS);
            assertEquals(0, limit.inProgress("203.0.113.9"), "finished requests are counted down, refused ones too");
            FilterChain again = mock(FilterChain.class);
            limit.doFilter(from("203.0.113.9"), response(new ByteArrayOutputStream()), again);
            verify(again).doFilter(any(), any());
            assertEquals(0, limit.addresses(), "an address is forgotten once its requests are done (a soak audit): addresses are many");
        } finally {
            pool.shutdownNow();
        }
    }

    /** docs/scoring-api.md, "Requests in progress": {@code concurrentPerAddress} 0 is no limit. */
    @Test
    void zeroIsNoLimit() throws Exception {
        com.codahale.metrics.Meter refusals = new com.codahale.metrics.Meter();
        ConcurrencyLimit limit = new ConcurrencyLimit(0, refusals);
        HttpServletResponse first = response(new ByteArrayOutputStream()), second = response(new ByteArrayOutputStream());
        FilterChain inner = mock(FilterChain.class);
        // a second request from the same address while the first is still in progress
        FilterChain outer = (req, res) -> limit.doFilter(from("203.0.113.9"), second, inner);
        limit.doFilter(from("203.0.113.9"), first, outer);
        verify(inner).doFilter(any(), same(second));
        verify(first, never()).setStatus(anyInt());
        verify(second, never()).setStatus(anyInt());
        assertEquals(0, refusals.getCount());
    }
}
