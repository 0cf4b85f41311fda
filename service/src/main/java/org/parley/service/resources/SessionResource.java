package org.parley.service.resources;

import com.codahale.metrics.annotation.ExceptionMetered;
import com.codahale.metrics.annotation.Timed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.parley.service.api.moderation.LoginRequest;
import org.parley.service.api.moderation.SessionView;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.Caller;
import org.parley.service.auth.ClientAddress;
import org.parley.service.auth.LoginThrottle;
import org.parley.service.auth.ModeratorSession;
import org.parley.service.auth.PageModerator;
import org.parley.service.access.Role;
import org.parley.service.auth.SessionCookie;
import org.parley.service.access.Sites;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.BodySizeLimit;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.store.AccountStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Moderator log-in: a username and password give a session token, returned and set as an
 * HttpOnly, SameSite=Strict cookie for the moderator UI. Sessions expire after the configured time.
 */
@Path("/v1/session")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    /** A log-in body's limit (413): a 100-character name and a 200-character password, every character escaped. */
    public static final long MAX_LOGIN_BYTES = 4096;
    private final AccountStore accounts;
    private final Duration lifetime;
    private final SessionCookie sessionCookie;
    private final EscalationRule escalations;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final int pollSeconds;
    /** The page's poll interval where none is configured (ParleyConfiguration.Moderation.pollSeconds's default). */
    public static final int POLL_SECONDS = 20;

    public SessionResource(AccountStore accounts, Duration lifetime, SessionCookie sessionCookie, EscalationRule escalations,
                           Clock clock) {
        this(accounts, lifetime, sessionCookie, escalations, clock, new LoginThrottle(LoginThrottle.ATTEMPTS, LoginThrottle.PER));
    }

    public SessionResource(AccountStore accounts, Duration lifetime, SessionCookie sessionCookie, EscalationRule escalations,
                           Clock clock, LoginThrottle throttle) {
        this(accounts, lifetime, sessionCookie, escalations, clock, throttle, POLL_SECONDS);
    }

    /** pollSeconds: how often the moderator page reads its queue again, told it with the session (moderation.pollSeconds). */
    public SessionResource(AccountStore accounts, Duration lifetime, SessionCookie sessionCookie, EscalationRule escalations,
                           Clock clock, LoginThrottle throttle, int pollSeconds) {
        this.pollSeconds = pollSeconds;
        this.throttle = throttle;
        this.accounts = accounts;
        this.lifetime = lifetime;
        this.sessionCookie = sessionCookie;
        this.escalations = escalations;
        this.clock = clock;
    }

    @POST
    @Timed(name = "login")
    @ExceptionMetered(name = "login")
    public Response login(@BodySizeLimit.Max(MAX_LOGIN_BYTES) LoginRequest body, @Context HttpServletRequest request) {
        if (body == null) throw ApiException.badField("body", "{\"username\": …, \"password\": …} is required");
        if (body.username() == null || body.username().isBlank()) throw ApiException.badField("username", "username is required");
        if (body.password() == null || body.password().isEmpty()) throw ApiException.badField("password", "password is required");
        if (body.username().length() > 100 || body.password().length() > 200)
            throw new ApiException(401, "password", null, "wrong username or password");
        OptionalLong wait = throttle.tryAttempt(body.username(), ClientAddress.of(request));
        if (wait.isPresent())
            throw ApiException.unavailable(429, wait.getAsLong(), "too many log-in attempts from this address; retry after "
                    + wait.getAsLong() + " s");
        AccountStore.Account account = accounts.check(body.username(), body.password().toCharArray())
                .orElseThrow(() -> new ApiException(401, "password", null, "wrong username or password"));
        if (!account.role().includes(Role.MODERATOR))
            throw new ApiException(403, "username", null, "this account may not moderate");
        accounts.purgeExpired(clock.instant());  // expired sessions are refused anyway; this keeps the table small
        // Removed, or given a new password, since the check: wrong now.
        AccountStore.Session s = accounts.login(account, lifetime, clock.instant())
                .orElseThrow(() -> new ApiException(401, "password", null, "wrong username or password"));
        return Response.ok(view(s.account().username(), s.account().role(), s.account().sites(), s.expiresAt(), s.token()))
                .header(HttpHeaders.SET_COOKIE, sessionCookie.setCookie(s.token(), lifetime.toSeconds()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();  // the body holds the token
    }

    /**
     * Who is logged in: the UI calls it on load to know whether to show the log-in form, and again as the session
     * nears its end (a log-in in another tab of the browser has put a newer session in the cookie meanwhile).
     */
    @GET
    @RolesAllowed(Role.MODERATOR_NAME)
    @Timed(name = "whoami")
    @ExceptionMetered(name = "whoami")
    public SessionView whoami(@Context SecurityContext security) {
        Caller c = (Caller) security.getUserPrincipal();
        return view(c.getName(), c.role(), c.moderatedSites(), c instanceof ModeratorSession s ? s.expiresAt() : null, null);
    }

    /**
     * Ends the session named by the cookie, or by any of the ways an API client may present its token, as every other
     * request may ({@code Authorization: Bearer TOKEN}, {@code ?key=TOKEN}, {@code X-Goog-Api-Key: TOKEN}). A fifth
     * penetration test (forty-seventh session): a token sent as {@code ?key=} or {@code X-Goog-Api-Key} got the 204 of a
     * log-out and its session went on.
     */
    @DELETE
    @Timed(name = "logout")
    @ExceptionMetered(name = "logout")
    public Response logout(@Context HttpHeaders headers, @QueryParam("key") String key) {
        Cookie cookie = headers.getCookies().get(sessionCookie.name());
        // The page's Log out ends the session it shows, not another moderator's that a log-in in another window put in
        // the cookie (auth.PageModerator; a moderator's fifth audit, sixty-fourth session).
        String page = headers.getHeaderString(PageModerator.HEADER);
        if (cookie != null && page != null)
            accounts.session(cookie.getValue(), clock.instant()).ifPresent(s -> PageModerator.check(page, s.account().username()));
        if (cookie != null) accounts.logout(cookie.getValue());
        ApiKeyAuthFilter.bearer(headers.getHeaderString(HttpHeaders.AUTHORIZATION)).ifPresent(accounts::logout);
        if (key != null) accounts.logout(key);
        String google = headers.getHeaderString(ApiKeyAuthFilter.GOOGLE_KEY_HEADER);
        if (google != null) accounts.logout(google);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, sessionCookie.setCookie("", 0)).build();
    }

    /**
     * A session's end is fixed at its log-in (no request moves it). It goes out as a time and as the seconds left by
     * this service's clock, rounded up: the page counts those down on its own clock, which may be minutes off ours.
     */
    private SessionView view(String name, Role role, Sites sites, Instant expires, String token) {
        Long left = expires == null ? null
                : Math.max(0, (Duration.between(clock.instant(), expires).toMillis() + 999) / 1000);
        return new SessionView(name, role.name().toLowerCase(Locale.ROOT), sites.only(), QueueResource.shown(sites),
                escalations.senior(role), pollSeconds, expires == null ? null : expires.toString(), left, token);
    }
}
