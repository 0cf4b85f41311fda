package org.parley.service.auth;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.Authorizer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.parley.service.access.Role;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the credential in {@code Authorization: Bearer KEY}, {@code ?key=KEY} or
 * {@code X-Goog-Api-Key: KEY} (the Perspective ways) or the moderator UI's session cookie, authenticates it (an API key, else a session token), then
 * spends one token of the key's rate limit, or the moderator's, and one more for each
 * {@link RateLimiter#bodyTokens share} of the body as it is read ({@link BodyCharge}; if it is refused, at most a full bucket). A client address that failed too
 * often is refused before its credential is looked at; a batch's part that presents a credential an earlier part of
 * the batch was refused is refused without another try ({@link RefusedInBatch}). Roles are checked afterwards by
 * {@code @RolesAllowed}, with {@link Role#includes}.
 */
@Priority(Priorities.AUTHENTICATION)
public final class ApiKeyAuthFilter extends AuthFilter<ApiKeyAuthFilter.Credential, Caller> {
    private static final String BEARER = "Bearer";
    /** How Google's client libraries send an API key (Perspective clients among them). */
    public static final String GOOGLE_KEY_HEADER = "X-Goog-Api-Key";
    private final RateLimiter limiter;
    private final ApiKeys keys;
    private final SessionCookie sessionCookie;
    @Context
    private HttpServletRequest servletRequest;

    /** API keys only: no moderator sessions. */
    public ApiKeyAuthFilter(ApiKeys keys, RateLimiter limiter) {
        this(keys, token -> Optional.empty(), SessionCookie.PLAIN, limiter);
    }

    /** A presented token, and whether it came in the session cookie, which holds sessions only. */
    public record Credential(String token, boolean cookie) {}

    /**
     * @param sessions      finds the moderator session of a token (a database look-up)
     * @param sessionCookie the cookie that POST /v1/session sets, the only one read
     */
    public ApiKeyAuthFilter(ApiKeys keys, Authenticator<String, ModeratorSession> sessions, SessionCookie sessionCookie,
                            RateLimiter limiter) {
        this.keys = keys;
        this.sessionCookie = sessionCookie;
        // A cookie's token was already found to be no API key (filter): it goes to the sessions alone.
        this.authenticator = credential -> {
            Optional<ApiKey> key = credential.cookie() ? Optional.empty() : keys.find(credential.token());
            return key.isPresent() ? Optional.of(key.get()) : sessions.authenticate(credential.token()).map(s -> s);
        };
        this.authorizer = (Authorizer<Caller>) (caller, role, request) -> caller.role().includes(Role.parse(role));
        this.prefix = BEARER;
        this.realm = "parley";
        this.limiter = limiter;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        withoutQueryInThreadName();
        String token = bearer(request.getHeaderString(HttpHeaders.AUTHORIZATION))
                .or(() -> Optional.ofNullable(request.getUriInfo().getQueryParameters().getFirst("key")))
                .or(() -> Optional.ofNullable(request.getHeaderString(GOOGLE_KEY_HEADER)))
                .orElse(null);
        boolean cookie = false;
        if (token == null) { // the cookie carries a session, never an API key (only the log-in sets it)
            token = Optional.ofNullable(request.getCookies().get(sessionCookie.name())).map(Cookie::getValue).orElse(null);
            if (token != null && keys.find(token).isPresent()) token = null;
            cookie = token != null;
        }
        // Only a presented credential counts as a try: a page asking who is logged in guesses nothing.
        boolean tries = token != null && !token.isEmpty();
        // A batch's part that presents what an earlier part was refused is refused alike, without another try.
        RefusedInBatch batch = tries && !cookie ? RefusedInBatch.of(request) : null;
        if (batch != null && batch.refused(token)) throw ErrorResponses.credentialRefused(request.getUriInfo().getPath(), true);
        String address = tries ? ClientAddress.of(servletRequest) : null;
        OptionalLong blocked = tries ? limiter.tryCredential(address) : OptionalLong.empty();
        if (blocked.isPresent())
            throw ApiException.unavailable(429, blocked.getAsLong(), "more than " + limiter.failuresPerMinute()
                    + " failed authentications a minute from this address; retry after " + blocked.getAsLong() + " s");
        if (!tries || !authenticate(request, new Credential(token, cookie), BEARER)) {  // a failed try keeps the token it took
            if (batch != null) batch.add(token);
            throw ErrorResponses.credentialRefused(request.getUriInfo().getPath(), tries && !cookie);
        }
        limiter.succeeded(address);
        Object caller = request.getSecurityContext().getUserPrincipal();
        // A batch keeps the body of a part that presents an API key only (batch.BatchServlet): one that presents a session
        // (its own Cookie, or the token as a key) reached the resource without its body, a 400 about a missing comment.text.
        if (caller instanceof ModeratorSession && RefusedInBatch.of(request) != null)
            throw new ApiException(403, "key", null, "a batch part takes an API key (?key=KEY, X-Goog-Api-Key or "
                    + "'Authorization: Bearer KEY'), not a moderator's session: send this request alone, or with the site's key");
        if (caller instanceof ApiKey key) {
            OptionalLong visitor = limiter.tryAcquireVisitor(key, address);
            if (visitor.isPresent()) throw ApiException.tooManyRequestsFromAddress(visitor.getAsLong(), limiter.scorerPerAddress());
            OptionalLong wait = limiter.tryAcquire(key);
            if (wait.isPresent()) throw ApiException.tooManyRequests(wait.getAsLong(), key.perSecond());
        } else if (caller instanceof ModeratorSession session) {
            OptionalLong wait = limiter.tryAcquire(session);
            if (wait.isPresent()) throw ApiException.tooManyRequests(wait.getAsLong(), limiter.sessionPerSecond());
        }
        if (limiter.chargesBodies() && request.hasEntity()) BodyCharge.attach(request, limiter, limiter.payer((Caller) caller, address));
    }

    /**
     * Dropwizard names the request's thread after its URL, query included ("dw-34 - POST /v1/score?key=…"), and the admin
     * port's {@code /threads} (a read: from any page, after DNS rebinding, or any user of the machine) lists the names:
     * a {@code ?key=} would be shown there while its request runs. The name keeps the path; Dropwizard restores the
     * thread's own name after the request. Public for the batch (batch.BatchServlet), whose {@code ?key=} is in the name too.
     */
    public static void withoutQueryInThreadName() {
        Thread thread = Thread.currentThread();
        String name = thread.getName();
        int query = name.indexOf('?');
        if (query >= 0) thread.setName(name.substring(0, query));
    }

    /** The token of an {@code Authorization: Bearer TOKEN} header, if that is what the header holds. */
    public static Optional<String> bearer(String header) {
        if (header == null) return Optional.empty();
        int space = header.indexOf(' ');
        if (space <= 0 || !header.substring(0, space).equalsIgnoreCase(BEARER)) return Optional.empty();
        return Optional.of(header.substring(space + 1).strip());
    }
}
