package org.parley.service.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.Fakes;
import org.parley.service.auth.ApiKeyAuthFilter;
import org.parley.service.auth.ApiKeys;
import org.parley.service.auth.ModeratorSession;
import org.parley.service.auth.RateLimiter;
import org.parley.service.access.Role;
import org.parley.service.auth.SessionCookie;
import org.parley.service.errors.BodySizeLimit;
import org.parley.service.moderation.EscalationRule;
import org.parley.service.store.AccountStore;
import org.parley.service.store.TestDatabases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.*;

/**
 * When a moderator's session ends, as the log-in and "who am I" answers tell the page, on a clock the test moves: the
 * page warns before the end and shows the log-in form at it, counting the seconds left on its own clock.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionResourceTest {
    private static final String PASSWORD = "correct horse battery";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final MovableClock CLOCK = new MovableClock();
    private static final AccountStore ACCOUNTS = accounts();

    static final ResourceExtension RESOURCES = resources(SessionCookie.PLAIN);
    /** The same behind TLS ({@code moderation.secureCookies}), on the same accounts. */
    static final ResourceExtension BEHIND_TLS = resources(SessionCookie.HOST);

    private static ResourceExtension resources(SessionCookie cookie) {
        return Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(ApiKeys.parse(Fakes.KEYS, 1000),
                        token -> ACCOUNTS.session(token, CLOCK.instant())
                                .map(s -> new ModeratorSession(s.account().username(), s.account().role(), s.account().sites(), s.expiresAt())),
                        cookie, new RateLimiter(2, 1000)))
                .addProvider(new BodySizeLimit(Fakes.MAX_BATCH))
                .addResource(new SessionResource(ACCOUNTS, Duration.ofMinutes(30), cookie, EscalationRule.ADMINS, CLOCK))
                .build();
    }

    private static AccountStore accounts() {
        try {
            AccountStore a = new AccountStore(TestDatabases.H2.migrated(Files.createTempDirectory("parley-session-test")));
            a.put("alice", PASSWORD.toCharArray(), Role.MODERATOR, START);
            return a;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theAnswersSayWhenTheSessionEndsAndHowManySecondsAreLeftByTheServicesClock() {
        CLOCK.now = START;
        Response login = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}"));
        assertEquals(200, login.getStatus());
        JsonNode session = login.readEntity(JsonNode.class);
        assertEquals("2026-03-02T09:30:00Z", session.get("expiresAt").asText());
        assertEquals(1800, session.get("expiresInSeconds").asLong());
        String token = session.get("token").asText();

        CLOCK.now = START.plusSeconds(1000).plusMillis(500);
        JsonNode whoami = who(token).readEntity(JsonNode.class);
        assertEquals("2026-03-02T09:30:00Z", whoami.get("expiresAt").asText(), "fixed at the log-in: asking does not move it");
        assertEquals(800, whoami.get("expiresInSeconds").asLong(), "799.5 s left, rounded up: the page never ends it early");

        CLOCK.now = START.plus(Duration.ofMinutes(30)).minusMillis(1);
        assertEquals(1, who(token).readEntity(JsonNode.class).get("expiresInSeconds").asLong());
        CLOCK.now = START.plus(Duration.ofMinutes(30));
        assertEquals(401, who(token).getStatus(), "at its end the session is refused");
    }

    @Test
    void anApiKeyHasNoEnd() {
        JsonNode key = RESOURCES.target("/v1/session").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                .get(JsonNode.class);
        assertEquals("moderator", key.get("role").asText());
        assertFalse(key.has("expiresAt"));
        assertFalse(key.has("expiresInSeconds"));
    }

    /**
     * No key pays for a log-in's body by the KiB, and the name's length was checked only once the whole body was read
     * into one string: 64 log-ins of 27 MB at once from one address filled a 2 GB heap. The longest name and password
     * the log-in reads, every character escaped, still fit.
     */
    @Test
    void aLogInBodyLargerThanAnyLogInIsRefusedAsItIsRead() {
        String name = "\\u0061".repeat(100), password = "\\u0062".repeat(200);
        Response longest = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"" + name + "\", \"password\": \"" + password + "\"}"));
        assertEquals(401, longest.getStatus(), "read, and wrong: not refused for its size");

        Response huge = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"" + "a".repeat(200_000) + "\", \"password\": \"x\"}"));
        assertEquals(413, huge.getStatus());
        JsonNode error = huge.readEntity(JsonNode.class);
        assertEquals("body", error.get("field").asText());
        assertEquals(SessionResource.MAX_LOGIN_BYTES, error.get("limit").asLong());
    }

    /**
     * A second penetration test (twenty-eighth session): SameSite=Strict lets a sibling host of the same site through, and
     * such a page could set parley_session for the parent domain, which the service read: a moderator logged out, or into
     * the planter's account. Behind TLS the cookie is a __Host- cookie, which a browser keeps only from this host
     * (Secure, Path=/, no Domain), and the plain name, all a sibling can plant, is not read.
     */
    @Test
    void behindTlsTheSessionIsAHostCookieAndAPlainOneIsNotRead() {
        CLOCK.now = START;
        Response login = BEHIND_TLS.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}"));
        assertEquals(200, login.getStatus());
        String token = login.readEntity(JsonNode.class).get("token").asText();
        assertEquals("__Host-parley_session=" + token + "; Path=/; Max-Age=1800; HttpOnly; SameSite=Strict; Secure",
                login.getHeaderString("Set-Cookie"), "a __Host- cookie must be Secure, for Path=/ and have no Domain");

        assertEquals(200, BEHIND_TLS.target("/v1/session").request().cookie("__Host-parley_session", token).get().getStatus());
        assertEquals(401, BEHIND_TLS.target("/v1/session").request().cookie("parley_session", token).get().getStatus(),
                "the plain name, which a sibling host can set for the parent domain, is not read");

        Response logout = BEHIND_TLS.target("/v1/session").request().cookie("__Host-parley_session", token).delete();
        assertEquals(204, logout.getStatus());
        assertTrue(logout.getHeaderString("Set-Cookie").startsWith("__Host-parley_session=; Path=/; Max-Age=0;"),
                logout.getHeaderString("Set-Cookie"));
        assertEquals(401, BEHIND_TLS.target("/v1/session").request().header("Authorization", "Bearer " + token).get().getStatus(),
                "the log-out by the __Host- cookie ended the session");
    }

    /**
     * A fifth penetration test (forty-seventh session): a session token authenticates as {@code ?key=} and
     * {@code X-Goog-Api-Key} as it does as a Bearer token, but the log-out read the cookie and the Bearer token only: sent
     * the other two ways it was the 204 of a log-out, and the session went on.
     */
    @Test
    void aLogOutEndsTheSessionWhicheverWayItsTokenIsPresented() {
        CLOCK.now = START;
        String byQuery = logIn(), byGoogleHeader = logIn(), other = logIn();
        assertEquals(200, RESOURCES.target("/v1/session").queryParam("key", byQuery).request().get().getStatus());

        assertEquals(204, RESOURCES.target("/v1/session").queryParam("key", byQuery).request().delete().getStatus());
        assertEquals(204, RESOURCES.target("/v1/session").request().header("X-Goog-Api-Key", byGoogleHeader).delete().getStatus());

        assertEquals(401, who(byQuery).getStatus(), "the log-out by ?key= ended the session");
        assertEquals(401, RESOURCES.target("/v1/session").queryParam("key", byQuery).request().get().getStatus());
        assertEquals(401, who(byGoogleHeader).getStatus(), "the log-out by X-Goog-Api-Key ended the session");
        assertEquals(200, who(other).getStatus(), "the account's other session goes on");
    }

    /**
     * A moderator's fifth audit (sixty-fourth session): a browser's windows share its session cookie, so a log-in as
     * another moderator in a second window made the first window's decisions theirs. The page names its moderator, and
     * a request whose session is another's is refused, whatever it asks.
     */
    @Test
    void aRequestForAnotherModeratorThanTheSessionsIs412AndAnApiKeyIsNotCompared() {
        ACCOUNTS.put("zo\u00eb", PASSWORD.toCharArray(), Role.MODERATOR, START);
        CLOCK.now = START;
        String alice = logIn();
        java.util.function.Function<String, Response> as = name -> RESOURCES.target("/v1/session").request()
                .cookie(SessionCookie.PLAIN.name(), alice).header("X-Parley-Moderator", name).get();
        assertEquals(200, as.apply("alice").getStatus());
        Response other = as.apply("bob");
        JsonNode error = other.readEntity(JsonNode.class);
        assertEquals(412, other.getStatus(), error.toString());
        assertEquals("X-Parley-Moderator", error.get("field").asText());
        assertTrue(error.get("message").asText().contains("'bob'") && error.get("message").asText().contains("'alice''s"), error.toString());
        assertEquals(412, as.apply("Alice").getStatus(), "a username is compared as stored");
        assertEquals(400, as.apply("%zz").getStatus());
        assertEquals(400, as.apply("%C3%28").getStatus(), "bytes that are not UTF-8 are malformed, not another name");

        Response zoe = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"zo\u00eb\", \"password\": \"" + PASSWORD + "\"}"));
        String token = zoe.readEntity(JsonNode.class).get("token").asText();
        assertEquals(200, RESOURCES.target("/v1/session").request().cookie(SessionCookie.PLAIN.name(), token)
                .header("X-Parley-Moderator", "zo%C3%AB").get().getStatus(), "percent-encoded UTF-8");
        assertEquals(200, RESOURCES.target("/v1/session").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                .header("X-Parley-Moderator", "bob").get().getStatus(), "an API key is no page's");

        // The log-out, which no filter sees: bob's page does not end alice's session.
        Response out = RESOURCES.target("/v1/session").request().cookie(SessionCookie.PLAIN.name(), alice)
                .header("X-Parley-Moderator", "bob").delete();
        assertEquals(412, out.getStatus());
        assertEquals(200, who(alice).getStatus(), "alice's session went on");
        assertEquals(204, RESOURCES.target("/v1/session").request().cookie(SessionCookie.PLAIN.name(), alice)
                .header("X-Parley-Moderator", "alice").delete().getStatus());
        assertEquals(401, who(alice).getStatus());
    }

    private static String logIn() {
        Response login = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"alice\", \"password\": \"" + PASSWORD + "\"}"));
        assertEquals(200, login.getStatus());
        return login.readEntity(JsonNode.class).get("token").asText();
    }

    /**
     * A database review (thirty-eighth session): a log-in whose account remove-moderator removed just after its password
     * check met the session's foreign key, a 500. It is the log-in's 401. The account goes as the resource reads the
     * clock, which it does first after the check.
     */
    @Test
    void aLogInWhoseAccountIsRemovedAfterThePasswordCheckIsA401() {
        ACCOUNTS.put("carol", PASSWORD.toCharArray(), Role.MODERATOR, START);
        CLOCK.now = START;
        CLOCK.onRead = () -> assertTrue(ACCOUNTS.remove("carol"));
        Response login = RESOURCES.target("/v1/session").request()
                .post(Entity.json("{\"username\": \"carol\", \"password\": \"" + PASSWORD + "\"}"));
        assertNull(CLOCK.onRead, "removed during the log-in");
        assertEquals(401, login.getStatus());
        JsonNode error = login.readEntity(JsonNode.class);
        assertEquals("wrong username or password", error.get("message").asText());
        assertEquals("password", error.get("field").asText());
        assertNull(login.getHeaderString("Set-Cookie"));
    }

    private static Response who(String token) {
        return RESOURCES.target("/v1/session").request().cookie(SessionCookie.PLAIN.name(), token).get();
    }

    /** The service's clock, set by each test. */
    private static final class MovableClock extends Clock {
        volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        /** Run at the next read, once. */
        volatile Runnable onRead;

        @Override
        public Instant instant() {
            Runnable r = onRead;
            onRead = null;
            if (r != null) r.run();
            return now;
        }
    }
}
