package org.parley.service.auth;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.parley.service.access.Role;
import org.parley.service.Fakes;
import org.parley.service.access.Sites;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/** How many look-ups each way of presenting a credential costs. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ApiKeyAuthFilterTest {
    private static final String SESSION = "session-token-of-ada";
    private static final ApiKeys KEYS = spy(ApiKeys.parse(Fakes.KEYS, 1000));
    private static final AtomicInteger SESSION_LOOKUPS = new AtomicInteger();
    private static final ResourceExtension RESOURCES = Fakes.builder(Fakes.mapper(), new ApiKeyAuthFilter(KEYS, token -> {
                SESSION_LOOKUPS.incrementAndGet();
                return SESSION.equals(token)
                        ? Optional.of(new ModeratorSession("ada", Role.MODERATOR, Sites.EVERY, Instant.now().plusSeconds(3600))) : Optional.empty();
            }, SessionCookie.PLAIN, new RateLimiter(2, 1000)))
            .addResource(new WhoAmI())
            .addResource(new ThreadName())
            .build();

    @Path("/whoami")
    @Produces(MediaType.TEXT_PLAIN)
    public static final class WhoAmI {
        @GET
        @RolesAllowed(Role.MODERATOR_NAME)
        public String who(@Context SecurityContext security) {
            return security.getUserPrincipal().getName();
        }
    }

    /** What the request's thread is called while the resource runs. */
    @Path("/thread-name")
    @Produces(MediaType.TEXT_PLAIN)
    public static final class ThreadName {
        @GET
        @RolesAllowed(Role.SCORER_NAME)
        public String name() {
            return Thread.currentThread().getName();
        }
    }

    /**
     * Dropwizard names the thread after the URL with its query, and the admin port's /threads showed
     * "dw-34 - POST /v1/score?key=scorer-key-…" to any reader while the request ran.
     */
    @Test
    void aKeyInTheQueryIsNotLeftInTheThreadsName() {
        Thread thread = Thread.currentThread();
        String own = thread.getName();
        String key = Fakes.MODERATOR_KEY;
        try {
            thread.setName("dw-34 - GET /thread-name?key=" + key);  // as Dropwizard's ThreadNameFilter names it
            Response r = RESOURCES.target("/thread-name").queryParam("key", key).request().get();
            assertEquals(200, r.getStatus());
            assertEquals("dw-34 - GET /thread-name", r.readEntity(String.class));
        } finally {
            thread.setName(own);
        }
    }

    @BeforeEach
    void countAfresh() {
        clearInvocations(KEYS);
        SESSION_LOOKUPS.set(0);
    }

    /** The cookie's token was looked up among the API keys twice: once to refuse a key there, once to authenticate. */
    @Test
    void aSessionCookieIsLookedUpOnceAmongTheKeysThenAmongTheSessions() {
        Response r = RESOURCES.target("/whoami").request().cookie(SessionCookie.PLAIN.name(), SESSION).get();
        assertEquals(200, r.getStatus());
        assertEquals("ada", r.readEntity(String.class));
        verify(KEYS, times(1)).find(anyString());
        assertEquals(1, SESSION_LOOKUPS.get());
    }

    @Test
    void anApiKeyInTheCookieIsNoCredentialAndIsLookedUpOnce() {
        assertEquals(401, RESOURCES.target("/whoami").request().cookie(SessionCookie.PLAIN.name(), Fakes.MODERATOR_KEY)
                .get().getStatus());
        verify(KEYS, times(1)).find(anyString());
        assertEquals(0, SESSION_LOOKUPS.get(), "not a session either");
    }

    @Test
    void aBearerKeyIsLookedUpOnceAndASessionTokenThereOnceInEach() {
        assertEquals(200, RESOURCES.target("/whoami").request().header("Authorization", "Bearer " + Fakes.MODERATOR_KEY)
                .get().getStatus());
        verify(KEYS, times(1)).find(anyString());
        assertEquals(0, SESSION_LOOKUPS.get());

        clearInvocations(KEYS);
        assertEquals(200, RESOURCES.target("/whoami").request().header("Authorization", "Bearer " + SESSION).get().getStatus());
        verify(KEYS, times(1)).find(anyString());
        assertEquals(1, SESSION_LOOKUPS.get());
    }

    /** docs/scoring-api.md, "Keys and roles": a known key without the role is a 403, a role above it passes (PIT: an authorizer that always allowed survived). */
    @Test
    void aKnownKeyBelowTheRoleIsA403AndARoleAboveItPasses() {
        assertEquals(403, RESOURCES.target("/whoami").request().header("Authorization", "Bearer " + Fakes.WEBSITE_KEY).get().getStatus());
        assertEquals(200, RESOURCES.target("/whoami").request().header("Authorization", "Bearer " + Fakes.ADMIN_KEY).get().getStatus());
    }
}
