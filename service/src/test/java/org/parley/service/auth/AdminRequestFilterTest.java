package org.parley.service.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

class AdminRequestFilterTest {
    @Test
    void tasksFromThisMachinePass() {
        for (String host : new String[] {"127.0.0.1:8081", "localhost:8081", "LOCALHOST", "[::1]:8081"}) {
            assertNull(AdminRequestFilter.refusal(host, null), host);
            assertNull(AdminRequestFilter.refusal(host, "http://" + host), "a page the admin port served itself: " + host);
        }
    }

    @Test
    void aReboundNameOrAnotherOriginIsRefused() {
        assertNotNull(AdminRequestFilter.refusal("evil.example:8081", null), "DNS rebinding: the page's own name");
        assertNotNull(AdminRequestFilter.refusal("127.0.0.1.evil.example:8081", null));
        assertNotNull(AdminRequestFilter.refusal(null, null));
        assertNotNull(AdminRequestFilter.refusal("bad host%", null));
        assertEquals("admin tasks take requests for localhost, 127.0.0.1 or [::1] only (the Host header)",
                AdminRequestFilter.refusal("evil.example:8081", null));
        assertEquals("admin tasks take no requests from web pages (the Origin header)",
                AdminRequestFilter.refusal("127.0.0.1:8081", "http://evil.example"), "a form posted from any site");
        assertNotNull(AdminRequestFilter.refusal("127.0.0.1:8081", "null"), "a sandboxed page");
    }

    /** docs/scoring-api.md, "Operations": a task from a rebound name is a 403 before it runs; reads pass from anywhere. */
    @Test
    void theFilterRefusesATaskWithA403AndLetsAReadThrough() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        HttpServletResponse refused = ConcurrencyLimitTest.response(body);
        FilterChain never = mock(FilterChain.class);
        new AdminRequestFilter().doFilter(request("POST", "evil.example:8081"), refused, never);
        verify(never, never()).doFilter(any(), any());
        verify(refused).setStatus(403);
        assertTrue(body.toString().contains("the Host header"), body.toString());

        for (String method : new String[] {"GET", "HEAD", "OPTIONS"}) {
            FilterChain read = mock(FilterChain.class);
            HttpServletResponse passed = ConcurrencyLimitTest.response(new ByteArrayOutputStream());
            new AdminRequestFilter().doFilter(request(method, "evil.example:8081"), passed, read);
            verify(read).doFilter(any(), same(passed));
            verify(passed, never()).setStatus(anyInt());
        }
        FilterChain task = mock(FilterChain.class);
        new AdminRequestFilter().doFilter(request("POST", "127.0.0.1:8081"), ConcurrencyLimitTest.response(new ByteArrayOutputStream()), task);
        verify(task).doFilter(any(), any());
    }

    private static HttpServletRequest request(String method, String host) {
        HttpServletRequest r = mock(HttpServletRequest.class);
        when(r.getMethod()).thenReturn(method);
        when(r.getHeader("Host")).thenReturn(host);
        return r;
    }
}
