package org.parley.service.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The address the per-address limits count: an IPv6 address's /64. */
class ClientAddressTest {
    private static String of(String remoteAddr) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getRemoteAddr()).thenReturn(remoteAddr);
        return ClientAddress.of(request);
    }

    /**
     * A fifth penetration test (forty-seventh session): each of a /64's 2^64 addresses, which its holder may all send
     * from, had budgets of its own, so one server guessed passwords 50 times in 10 minutes from each.
     */
    @Test
    void theAddressesOfOneIpv6SlashSixtyFourAreOneClient() {
        assertEquals("2001:db8:1:2::/64", of("[2001:db8:1:2:aaaa:bbbb:cccc:dddd]"), "as Jetty gives it, in brackets");
        assertEquals(of("2001:db8:1:2::1"), of("[2001:0db8:0001:0002:ffff:0:0:9]"));
        assertNotEquals(of("2001:db8:1:2::1"), of("2001:db8:1:3::1"), "another /64 is another client");
        assertEquals(of("::1"), of("[0:0:0:0:0:0:0:1]"));

        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) assertTrue(throttle.tryAttempt("carol", of("2001:db8:1:2::" + Integer.toHexString(i + 1))).isEmpty());
        assertTrue(throttle.tryAttempt("carol", of("2001:db8:1:2::ffff")).isPresent(), "the 11th try from the same /64");
        assertTrue(throttle.tryAttempt("carol", of("2001:db8:9:9::1")).isEmpty(), "another /64 still logs in");
    }

    @Test
    void anIpv4AddressCountsAloneAndOneMappedIntoIpv6AsItself() {
        assertEquals("203.0.113.9", of("203.0.113.9"));
        assertNotEquals(of("203.0.113.9"), of("203.0.113.10"));
        assertEquals("203.0.113.9", of("[::ffff:203.0.113.9]"));
        assertEquals("not an address", of("not an address"), "a forwarded header's text is counted as it is");
        assertEquals("unknown", ClientAddress.of(null));
    }
}
