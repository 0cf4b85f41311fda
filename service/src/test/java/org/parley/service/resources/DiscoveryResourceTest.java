package org.parley.service.resources;

import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** Where the discovery document roots its clients, and who may keep it. */
@ExtendWith(DropwizardExtensionsSupport.class)
class DiscoveryResourceTest {
    static final ResourceExtension BY_HOST = ResourceExtension.builder().addResource(new DiscoveryResource(Optional.empty())).build();
    static final ResourceExtension CONFIGURED = ResourceExtension.builder()
            .addResource(new DiscoveryResource(Optional.of("https://comments.example.com/"))).build();

    /**
     * A fifth penetration test (forty-seventh session): without {@code publicUrl} the root is the request's Host, and the
     * answer said nothing of caching, so a shared cache that keys on the URL could keep the root of a request sent with
     * {@code Host: evil.example} and hand it to every client built from the document.
     */
    @Test
    void aDocumentRootedAtTheRequestsHostIsKeptByNoCache() {
        Response answer = BY_HOST.target("/$discovery/rest").request().header("Host", "evil.example").get();
        assertEquals(200, answer.getStatus());
        assertEquals("no-store", answer.getHeaderString("Cache-Control"));
        assertTrue(answer.readEntity(String.class).contains("\"rootUrl\""));
    }

    @Test
    void aDocumentRootedAtTheConfiguredUrlMayBeCached() {
        Response answer = CONFIGURED.target("/$discovery/rest").request().header("Host", "evil.example").get();
        assertEquals(200, answer.getStatus());
        assertNull(answer.getHeaderString("Cache-Control"));
        String doc = answer.readEntity(String.class);
        assertTrue(doc.contains("https://comments.example.com/") && !doc.contains("evil.example"), doc);
    }
}
