package org.parley.service.resources;

import com.google.common.io.Resources;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document, written by hand in openapi.yaml next to this class's package and served
 * as YAML and JSON without a key. A test checks it names every endpoint the resources serve.
 * Each is sent with its length: past Jersey's 8 KB buffer it went chunked, and a HEAD said
 * Content-Length: 0 (a website integrator's audit, sixty-sixth session).
 */
@Path("/")
public final class OpenApiResource {
    static final String RESOURCE = "/openapi.yaml";
    private final byte[] yaml;
    private final byte[] json;

    public OpenApiResource() {
        try {
            this.yaml = Resources.toByteArray(Resources.getResource(OpenApiResource.class, RESOURCE));
            this.json = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory())
                    .readTree(new String(yaml, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public Response yaml() {
        return withLength(yaml);
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json() {
        return withLength(json);
    }

    private static Response withLength(byte[] document) {
        return Response.ok(document).header(HttpHeaders.CONTENT_LENGTH, document.length).build();
    }
}
