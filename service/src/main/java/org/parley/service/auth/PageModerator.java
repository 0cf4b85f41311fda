package org.parley.service.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.PercentEncoding;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The moderator page names, in {@value #HEADER}, the moderator it shows (percent-encoded UTF-8); a request whose
 * session is another's is a 412 and does nothing. A browser has one session cookie for all its windows: a log-in as
 * carol in a second window made the first, still showing bob, record bob's key presses as carol's decisions (a
 * moderator's fifth audit, sixty-fourth session). The page then becomes the session's moderator's (ui/session.js).
 * Only sessions are compared: an API key's caller is no page's, and a request without the header (a script) is as before.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 1)  // just after the session is found, before any resource acts
public final class PageModerator implements ContainerRequestFilter {
    public static final String HEADER = "X-Parley-Moderator";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() instanceof ModeratorSession session)
            check(request.getHeaderString(HEADER), session.username());
    }

    /**
     * Refuses {@code sent} (the header's value; null: not sent) where it names another moderator than {@code username},
     * the session's. Also the log-out's, which no filter sees: bob's Log out ended carol's session.
     */
    public static void check(String sent, String username) {
        if (sent == null) return;
        // Escapes that are not UTF-8 would decode to U+FFFD: malformed, not another name (a sixth penetration test).
        if (!PercentEncoding.utf8(sent)) throw malformed();
        String named;
        try {
            named = URLDecoder.decode(sent.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {  // "%zz"
            throw malformed();
        }
        if (!named.equals(username))
            throw new ApiException(412, HEADER, null, "this page acts for moderator '" + ApiException.shown(named)
                    + "', but the session this browser sent is '" + ApiException.shown(username)
                    + "''s (a log-in in another window of the browser): nothing was done");
    }

    private static ApiException malformed() {
        return ApiException.badField(HEADER, HEADER + " must be a moderator's username, percent-encoded as UTF-8");
    }
}
