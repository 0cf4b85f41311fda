package org.parley.service.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.parley.service.access.Role;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ServletErrors;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

/**
 * Guards the moderator UI's static files ({@code /moderate/*}): a strict Content-Security-Policy
 * (only our own script and styles, so injected markup cannot run), no sniffing, no referrer; and a
 * 403 for a request that carries a scorer or website API key, which may not reach any moderation page.
 * Everything the page shows comes from /v1, which checks roles itself. {@code /moderate} without
 * the slash is sent to {@code /moderate/}: the page's relative script and styles would not load there.
 * {@code Cache-Control: no-cache}: a browser asks again (an ETag, a 304 when unchanged) rather than keep a file by
 * heuristic freshness, which the asset servlet's Last-Modified alone allows for days. The script is ES modules that
 * import one another's names, and one module kept from before an upgrade beside newer ones would stop the page.
 * A file the page does not have is a JSON 404, as every other error, where the asset servlet left it empty.
 * The asset servlet read an {@code If-Modified-Since} that is not a date as a missing file (its getDateHeader threw,
 * and it answers any exception with a 404), and answered a {@code Range} it could not parse with a bare 416 and
 * {@code bytes=5-1} with a 206 of nothing (an audit of malformed headers, forty-third session). The page's files
 * are a few KiB: it is served whole, its Range ignored, and such a date ignored, as RFC 9110 (14.2, 13.1.3) allows.
 */
public final class ModeratorPageFilter implements Filter {
    /**
     * base-uri and form-action do not fall back to default-src: an injected {@code <base>} or form could have moved the
     * page's relative scripts or its log-in elsewhere (none was found; a moderator's fifth audit, sixty-fourth session).
     */
    public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private final ApiKeys keys;

    public ModeratorPageFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        pageHeaders(response);
        Optional<Role> below = belowModerator(bearer(request.getHeader("Authorization")))
                .or(() -> belowModerator(request.getParameter("key")))
                .or(() -> belowModerator(request.getHeader(ApiKeyAuthFilter.GOOGLE_KEY_HEADER)));
        if (below.isPresent()) {
            ServletErrors.write(response, 403, below.get().lowerName() + " API keys may not open the moderator pages: "
                    + "they need moderator or a role above it");
            return;
        }
        if ("/moderate".equals(request.getRequestURI())) {
            response.setStatus(301);
            response.setHeader("Location", "/moderate/");
            return;
        }
        chain.doFilter(new WithoutRangesOrBadDates(request), res);
        // Dropwizard's AssetServlet answers a file it does not have (Resources.getResource throws) with reset() and
        // setStatus(404), not sendError(): no error handler is asked, so none set on any context could write a body,
        // and reset() took the headers set above and Jetty's Date. Nothing is written yet: answer as every error is.
        if (response.getStatus() == 404 && !response.isCommitted()) {
            pageHeaders(response);
            response.setDateHeader("Date", System.currentTimeMillis());
            ServletErrors.write(response, 404, "no such file: " + ApiException.shown(request.getRequestURI()));
        }
    }

    /** The request the asset servlet reads: no Range (nor its If-Range), and no If-Modified-Since that is not a date. */
    private static final class WithoutRangesOrBadDates extends HttpServletRequestWrapper {
        WithoutRangesOrBadDates(HttpServletRequest request) {
            super(request);
        }

        private static boolean ignored(String name) {
            return "Range".equalsIgnoreCase(name) || "If-Range".equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return ignored(name) || (IF_MODIFIED_SINCE.equalsIgnoreCase(name) && getDateHeader(name) == -1) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return getHeader(name) == null ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public long getDateHeader(String name) {
            if (ignored(name)) return -1;
            try {
                return super.getDateHeader(name);
            } catch (IllegalArgumentException notADate) {
                return -1;
            }
        }
    }

    private static final String IF_MODIFIED_SINCE = "If-Modified-Since";

    private static void pageHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
    }

    /** The role of the API key {@code token}, if it is one below moderator. */
    private Optional<Role> belowModerator(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        return keys.find(token).map(ApiKey::role).filter(role -> !role.includes(Role.MODERATOR));
    }

    private static String bearer(String header) {
        if (header == null) return null;
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase("Bearer")) return null;
        return header.substring(space + 1).strip();
    }
}
