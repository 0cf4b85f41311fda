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
    static final ResourceExtension MAPPED = ResourceExtension.builder().addResource(new DiscoveryResource(Optional.empty()))
            .addProvider(new org.parley.service.errors.ApiExceptionMapper()).build();

    /** An integrator's audit (sixty-third session): {@code ?version=v1} was served v1alpha1's document. */
    @Test
    void aVersionThisServiceDoesNotDescribeIsA404NamingIt() throws Exception {
        assertEquals(200, MAPPED.target("/$discovery/rest").queryParam("version", "v1alpha1").request().get().getStatus());
        assertEquals(200, MAPPED.target("/$discovery/rest").request().get().getStatus(), "no version: the one there is");
        Response other = MAPPED.target("/$discovery/rest").queryParam("version", "v1").request().get();
        String body = other.readEntity(String.class);
        assertEquals(404, other.getStatus(), body);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
        assertEquals("version", json.path("field").asText(), body);
        assertEquals("no discovery document for version 'v1': this service describes v1alpha1", json.path("message").asText(), body);
    }

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
