package org.parley.service.auth;

/**
 * The moderator page's session cookie: its name, and the {@code Set-Cookie} that the log-in and log-out write.
 * Behind TLS ({@code moderation.secureCookies}) it is a {@code __Host-} cookie: a browser keeps one of that name
 * only if it is Secure, for {@code Path=/} and set without a {@code Domain}, so a page on a sibling host of the same
 * site (comments.news.example beside parley.news.example), which {@code SameSite=Strict} lets through, cannot plant
 * one for the parent domain and log a moderator out, or into the planter's account (a second penetration test,
 * twenty-eighth session). Over plain HTTP (a first run on localhost) browsers refuse such a name, so it stays plain.
 *
 * @param name   the only cookie name read: with TLS the plain name is ignored, as a planted cookie would carry it
 * @param secure whether the cookie goes over HTTPS only
 */
public record SessionCookie(String name, boolean secure) {
    public static final SessionCookie PLAIN = new SessionCookie("parley_session", false);
    public static final SessionCookie HOST = new SessionCookie("__Host-parley_session", true);

    /** The cookie for {@code moderation.secureCookies}. */
    public static SessionCookie of(boolean secure) {
        return secure ? HOST : PLAIN;
    }

    /** Written by hand because JAX-RS 3.0's NewCookie cannot say SameSite. The token is URL-safe base64. */
    public String setCookie(String token, long maxAgeSeconds) {
        return name + "=" + token + "; Path=/; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
