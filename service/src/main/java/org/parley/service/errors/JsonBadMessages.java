package org.parley.service.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.pathmap.ServletPathSpec;
import org.eclipse.jetty.server.HttpConnection;
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
    private static final com.fasterxml.jackson.databind.ObjectMapper GOOGLE = new com.fasterxml.jackson.databind.ObjectMapper();
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

    /**
     * Refused while the request line and headers are parsed. Jetty gives this handler the status and reason alone, but
     * before it calls it (HttpChannelOverHttp#badMessage, Jetty 11) it hands the request what it had parsed: the request
     * line and the headers before the one it refused, which the connection reading them ({@link HttpConnection#getCurrentConnection},
     * set on this thread while it parses) holds. So a Perspective path or {@code /batch} is answered in Google's envelope,
     * as its other refusals are, and a control character names the header it was in: the one after the headers parsed
     * (an audit of malformed headers, forty-third session; fixed in the forty-fourth).
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        Request parsed = parsedSoFar();
        String path = parsed == null || parsed.getHttpURI() == null ? null : parsed.getHttpURI().getPath();
        if (status == HttpStatus.EXPECTATION_FAILED_417)
            return answer(path, status, "Expect is not understood: this service takes Expect: 100-continue or no Expect at all",
                    "Expect", null);
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431)
            return answer(path, status, "request headers too large: the request line and headers "
                    + "together may hold " + (maxRequestHeaderBytes > 0 ? "at most " + maxRequestHeaderBytes + " bytes" : "no more than "
                    + "the server's maxRequestHeaderSize") + " (a long Cookie or Authorization? send a key as Authorization: "
                    + "Bearer KEY, and no cookies but the session's)", "headers", maxRequestHeaderBytes > 0 ? maxRequestHeaderBytes : null);
        if (reason != null && reason.startsWith("Illegal character") && path != null) {
            List<String> before = parsed.getHttpFields() == null ? List.of() : parsed.getHttpFields().stream().map(HttpField::getName).toList();
            String which = before.isEmpty() ? "the first header" : "header " + (before.size() + 1) + ", the one after "
                    + ApiException.shown(before.get(before.size() - 1));
            return answer(path, status, refused(status, reason) + " in " + which + " (its name or value): a header may hold no"
                    + " control character (only a tab), nor a line break but the one that ends it", "headers", null);
        }
        return answer(path, status, refused(status, reason), null, null);
    }

    /** The request as Jetty parsed it before refusing it, or null (refused in its request line, or not on this thread). */
    private static Request parsedSoFar() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        return connection == null ? null : connection.getHttpChannel().getRequest();
    }

    /** Google's envelope for a Perspective path and /batch (whose parts' refusals are in it), else the service's own. */
    private static ByteBuffer answer(String path, int status, String message, String field, Long limit) {
        if (path != null && (ErrorResponses.isPerspective(path) || path.equals("/batch") || path.equals("/batch/"))) {
            try {
                return ByteBuffer.wrap(GOOGLE.writeValueAsBytes(ErrorResponses.google(new ApiException(status, field, limit, message))));
            } catch (com.fasterxml.jackson.core.JsonProcessingException impossible) {  // a record of strings and numbers
                throw new IllegalStateException(impossible);
            }
        }
        return ByteBuffer.wrap(ServletErrors.json(status, message, field, limit));
    }

    /**
     * Refused later by Jetty's request handling (e.g. a Content-Type it cannot parse, a method not taken), or while
     * the service stops, in Google's envelope on its paths as above: during the shutdown grace period a request on a kept-alive connection gets the 503 of
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
            ServletErrors.write(response, code, answer(request.getRequestURI(), code, "the service is stopping and did not "
                    + "process this request: send it again (to another instance, or here after " + STOPPING_RETRY_AFTER_SECONDS
                    + " s, when a restart may be serving)", null, null).array());
            return;
        }
        ServletErrors.write(response, code, answer(request.getRequestURI(), code, code != HttpStatus.METHOD_NOT_ALLOWED_405
                ? refused(code, message) : "method " + ApiException.shown(request.getMethod()) + " is not allowed: this service takes "
                        + allowedMethods + " (each path some of them)", null, null).array());
    }

    private static String refused(int status, String reason) {
        return "request refused by the HTTP layer: " + (reason == null ? HttpStatus.getMessage(status) : ApiException.shown(reason));
    }
}
