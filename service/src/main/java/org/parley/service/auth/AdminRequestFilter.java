package org.parley.service.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.service.errors.ServletErrors;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Guards the admin port's tasks (reload a bundle, change log levels, run GC) against web pages.
 * The port listens on loopback, but a browser on the same machine can still be made to post to it
 * (a form on any site), or to read from it after DNS rebinding. A task must name a loopback host in
 * {@code Host} and come from no other origin; curl and scripts on the machine do both. Reads (health,
 * metrics) pass, so a probe on another interface still works.
 */
public final class AdminRequestFilter implements Filter {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        String refusal = READS.contains(request.getMethod()) ? null : refusal(request.getHeader("Host"), request.getHeader("Origin"));
        if (refusal == null) {
            chain.doFilter(req, res);
            return;
        }
        ServletErrors.write((HttpServletResponse) res, 403, refusal);
    }

    /** Why a task request is refused, or null; the words are ours, never the request's. */
    static String refusal(String host, String origin) {
        if (host == null || !LOOPBACK.contains(hostName(host)))
            return "admin tasks take requests for localhost, 127.0.0.1 or [::1] only (the Host header)";
        if (origin != null && !origin.equalsIgnoreCase("http://" + host) && !origin.equalsIgnoreCase("https://" + host))
            return "admin tasks take no requests from web pages (the Origin header)";
        return null;
    }

    /** The host part of a Host header: "127.0.0.1:8081" → "127.0.0.1", "[::1]:8081" → "[::1]". */
    private static String hostName(String host) {
        try {
            String name = URI.create("http://" + host.strip()).getHost();
            return name == null ? "" : name.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
