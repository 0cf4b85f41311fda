package org.parley.service.resources;

import com.google.common.io.Resources;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The OpenAPI document, written by hand in openapi.yaml next to this class's package and served
 * as YAML and JSON without a key. A test checks it names every endpoint the resources serve.
 */
@Path("/")
public final class OpenApiResource {
    static final String RESOURCE = "/openapi.yaml";
    private final String yaml;
    private final JsonNode document;

    public OpenApiResource() {
        try {
            this.yaml = Resources.toString(Resources.getResource(OpenApiResource.class, RESOURCE), StandardCharsets.UTF_8);
            this.document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    @GET
    @Path("openapi.yaml")
    @Produces("application/yaml")
    public String yaml() {
        return yaml;
    }

    @GET
    @Path("openapi.json")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode json() {
        return document;
    }
}
