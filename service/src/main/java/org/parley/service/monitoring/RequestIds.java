package org.parley.service.monitoring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives each request on the application port an id that links its request log line to the application log lines
 * written while it ran: the client's (or a proxy's) {@value #HEADER} if it is sane, else a random UUID. The answer
 * carries it back in {@value #HEADER}, error answers too (registered ahead of every other filter); the
 * application log has it as the MDC key {@value #MDC_KEY} while the request runs, and the request log reads it
 * from the answer's header. A given id of other characters or over {@value #MAX_LENGTH} is replaced, never
 * echoed: a header's bytes would otherwise reach the logs (a forged line) and the answer unchecked.
 */
public final class RequestIds extends HttpFilter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    static final int MAX_LENGTH = 64;
    /** Letters, digits and . _ : - (UUIDs, hex, and the ids proxies make, e.g. nginx's $request_id). */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = idOf(request.getHeader(HEADER));
        response.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY); // Jetty's threads serve other requests next
        }
    }

    /** The given id if it is sane, else a fresh one. */
    static String idOf(String given) {
        return given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
