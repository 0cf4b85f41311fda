package org.parley.service.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A path parameter whose percent-escapes are not well-formed UTF-8 is a 400 naming it. Jersey decodes such bytes to
 * U+FFFD, so {@code /v1/comments/a%C3%28/status} looked up "a\uFFFD(" and was answered 404 as a comment never stored
 * (an integrator's audit, sixty-third session), while an id that holds U+FFFD itself, sent as its bytes, is a real one.
 * After the key is checked, as the resource's own refusals are.
 */
@Provider
public final class PathUtf8 implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        request.getUriInfo().getPathParameters(false).forEach((name, values) -> {
            for (String value : values)
                if (!PercentEncoding.utf8(value))
                    throw ApiException.badField(name, name + " in the path is not UTF-8: percent-encode its UTF-8 bytes");
        });
    }
}
