package org.parley.service.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Requests Jetty refuses before any resource sees them (a %00 or an ambiguous encoding in the
 * path, a malformed header or Content-Type) are answered in JSON like every other error, not with
 * Jetty's HTML page. Jetty's reason names the rule broken; it never holds the request body, and
 * what it quotes of a header is cut short. A method the service never takes (TRACE; Dropwizard's
 * {@code server.allowedMethods} filter refuses it before Jersey) is a 405 that names it and those taken.
 * Where Jetty's reason is its status alone, the header that broke the rule is named as every other field is (an audit
 * of malformed headers, forty-third session): an {@code Expect} other than 100-continue (417 "Expectation Failed"),
 * and request headers past the connector's {@code maxRequestHeaderSize} (431: a long Cookie or Authorization).
 */
public final class JsonBadMessages extends ErrorHandler {
    /** A restart serves in ~6 s (docs/scoring-api.md, start-up), after the stop's grace period. */
    static final long STOPPING_RETRY_AFTER_SECONDS = 10;
    private final String allowedMethods;
    private final Filter crossOrigin;
    private final List<ServletPathSpec> crossOriginPaths;
    private final long maxRequestHeaderBytes;

    /** @param allowedMethods the methods the server takes at all ({@code server.allowedMethods}) */
    public JsonBadMessages(java.util.Collection<String> allowedMethods) {
        this(allowedMethods, null, List.of(), 0);
    }

    /**
     * @param crossOrigin the CORS filter, or null: none
     * @param crossOriginPaths the servlet path patterns it is mapped to
     * @param maxRequestHeaderBytes what the connector reads of a request's line and headers, named in a 431; 0: unknown
     */
    public JsonBadMessages(java.util.Collection<String> allowedMethods, Filter crossOrigin, List<String> crossOriginPaths,
                           long maxRequestHeaderBytes) {
        this.maxRequestHeaderBytes = maxRequestHeaderBytes;
        this.allowedMethods = String.join(", ", new java.util.TreeSet<>(allowedMethods));
        this.crossOrigin = crossOrigin;
        this.crossOriginPaths = crossOriginPaths.stream().map(ServletPathSpec::new).toList();
    }

    /** Jetty writes a body for GET, POST and HEAD only: a TRACE's 405 was empty. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    /** Refused while the request line and headers are parsed. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        if (status == HttpStatus.EXPECTATION_FAILED_417)
            return ByteBuffer.wrap(ServletErrors.json(status, "Expect is not understood: this service takes Expect: "
                    + "100-continue or no Expect at all", "Expect", null));
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431)
            return ByteBuffer.wrap(ServletErrors.json(status, "request headers too large: the request line and headers "
                    + "together may hold " + (maxRequestHeaderBytes > 0 ? "at most " + maxRequestHeaderBytes + " bytes" : "no more than "
                    + "the server's maxRequestHeaderSize") + " (a long Cookie or Authorization? send a key as Authorization: "
                    + "Bearer KEY, and no cookies but the session's)", "headers", maxRequestHeaderBytes > 0 ? maxRequestHeaderBytes : null));
        return ByteBuffer.wrap(ServletErrors.json(status, refused(status, reason)));
    }

    /**
     * Refused later by Jetty's request handling (e.g. a Content-Type it cannot parse, a method not taken), or while
     * the service stops: during the shutdown grace period a request on a kept-alive connection gets the 503 of
     * Jetty's StatisticsHandler, which no resource saw, so the client may send it again elsewhere or later.
     */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request, HttpServletResponse response,
                                              int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setHeader("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        if (code == HttpStatus.SERVICE_UNAVAILABLE_503 && baseRequest.getHttpChannel().getServer().isStopping()) {
            response.setHeader("Retry-After", Long.toString(STOPPING_RETRY_AFTER_SECONDS));
            // No filter saw this request: without the CORS filter's headers a page could not read it (Failed to fetch).
            if (crossOrigin != null && crossOriginPaths.stream().anyMatch(p -> p.matches(request.getRequestURI()))) {
                try {
                    crossOrigin.doFilter(request, response, (req, res) -> { });
                } catch (jakarta.servlet.ServletException e) {
                    throw new IOException(e);
                }
            }
            ServletErrors.write(response, code, "the service is stopping and did not process this request: send it again "
                    + "(to another instance, or here after " + STOPPING_RETRY_AFTER_SECONDS + " s, when a restart may be serving)");
            return;
        }
        ServletErrors.write(response, code, code != HttpStatus.METHOD_NOT_ALLOWED_405 ? refused(code, message)
                : "method " + ApiException.shown(request.getMethod()) + " is not allowed: this service takes "
                        + allowedMethods + " (each path some of them)");
    }

    private static String refused(int status, String reason) {
        return "request refused by the HTTP layer: " + (reason == null ? HttpStatus.getMessage(status) : ApiException.shown(reason));
    }
}
