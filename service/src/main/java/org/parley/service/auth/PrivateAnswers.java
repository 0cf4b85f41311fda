package org.parley.service.auth;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code Cache-Control: private, no-store} on every answer to a caller with a credential (a key or a session),
 * unless the resource set its own. What such an answer holds depends on who asks: at one URL a moderator of
 * one site gets that site's queue and one of every site every site's, and a site's key gets its comment's
 * status where another site's gets a 404. No shared cache in front of the service may hand it to the next
 * caller (a session cookie, unlike {@code Authorization}, does not keep one from storing it), and a browser
 * keeps no comment text on disk. The OpenAPI and discovery documents, which need no key, stay cacheable.
 */
@Provider
public final class PrivateAnswers implements ContainerResponseFilter {
    public static final String VALUE = "private, no-store";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getSecurityContext() == null || request.getSecurityContext().getUserPrincipal() == null) return;
        if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL))
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, VALUE);
    }
}
