package org.parley.service.auth;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

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
        assertNotNull(AdminRequestFilter.refusal("127.0.0.1:8081", "http://evil.example"), "a form posted from any site");
        assertNotNull(AdminRequestFilter.refusal("127.0.0.1:8081", "null"), "a sandboxed page");
    }
}
