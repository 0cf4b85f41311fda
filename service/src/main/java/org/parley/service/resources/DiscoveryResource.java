package org.parley.service.resources;

import com.google.common.io.Resources;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.parley.service.errors.ApiException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The Perspective API's discovery document, for clients that build themselves from one (Google's
 * Python sample: {@code discovery.build("commentanalyzer", "v1alpha1", developerKey=KEY,
 * discoveryServiceUrl=".../$discovery/rest?version=v1alpha1")}): the analyze and suggestscore
 * methods, rooted at the configured public URL or, without one, at the request's own (its Host header).
 * Served without a key, as Google serves it.
 */
@Path("/")
public final class DiscoveryResource {
    static final String RESOURCE = "/perspective-discovery.json";
    static final String VERSION = "v1alpha1";
    private final String template;
    private final Optional<String> publicRoot;

    /** @param publicRoot the configured public URL, ending in "/"; empty: each request's base URI */
    public DiscoveryResource(Optional<String> publicRoot) {
        this.publicRoot = publicRoot;
        try {
            this.template = Resources.toString(Resources.getResource(DiscoveryResource.class, RESOURCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Both the short form Perspective's samples use and Google's long one. */
    @GET
    @Path("{discovery: \\$discovery/rest|discovery/v1/apis/commentanalyzer/v1alpha1/rest}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response document(@QueryParam("version") String version, @Context UriInfo uri) {
        // The short form names the version in its query: another is no document here (it was served v1alpha1's).
        if (version != null && !version.equals(VERSION))
            throw new ApiException(404, "version", null, "no discovery document for version '" + ApiException.shown(version)
                    + "': this service describes " + VERSION);
        if (publicRoot.isPresent()) return Response.ok(template.replace("ROOT_URL", publicRoot.get())).build();
        // Rooted at the request's Host: a shared cache in front that keys on the URL alone would hand the root one
        // request named (https://evil.example/) to every client that builds itself from the document, and those send
        // their key and comments there (a fifth penetration test, forty-seventh session). No cache keeps it.
        return Response.ok(template.replace("ROOT_URL", uri.getBaseUri().toString()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
