package org.parley.service.auth;

import com.google.common.net.InetAddresses;
import jakarta.servlet.http.HttpServletRequest;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The client's address, for the limits kept per address: the log-in throttle, failed credentials, requests in progress
 * and a scorer key's visitors. An IPv6 address counts as its /64: one subscriber's line or one server is given a /64 at
 * least, and picks any of its 2^64 addresses as its source, so per address each of them had a budget of its own (a
 * fifth penetration test, forty-seventh session, read it in the code: 50 log-ins in 10 minutes, 60 failed keys a
 * minute and 64 requests in progress, each times 2^64). An IPv4 address, and one mapped into IPv6, counts alone.
 */
public final class ClientAddress {
    private ClientAddress() {}

    /** One shared value where no servlet request exists (the resource tests' in-memory container). */
    public static String of(HttpServletRequest request) {
        try {
            return request == null ? "unknown" : ofAddress(request.getRemoteAddr());
        } catch (IllegalStateException e) {  // a proxy outside a request
            return "unknown";
        }
    }

    /** {@code address} as the limits count it: an IPv6 address's /64 ("2001:db8:1:2::/64"), any other unchanged. */
    static String ofAddress(String address) {
        if (address == null || address.indexOf(':') < 0) return address;  // IPv4, or not an address (a forwarded header's)
        String literal = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        try {
            InetAddress parsed = InetAddresses.forString(literal);
            if (!(parsed instanceof Inet6Address)) return parsed.getHostAddress();  // IPv4-mapped: the IPv4 address
            byte[] bytes = parsed.getAddress();
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddresses.toAddrString(InetAddress.getByAddress(bytes)) + "/64";
        } catch (IllegalArgumentException | UnknownHostException e) {
            return address;
        }
    }
}
