package org.parley.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code X-Content-Type-Options: nosniff} on every API answer: a browser must not read a JSON body
 * that echoes request fields as HTML or script. The moderator pages set it too (ModeratorPageFilter).
 */
@Provider
public final class NoSniff implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
    }
}
