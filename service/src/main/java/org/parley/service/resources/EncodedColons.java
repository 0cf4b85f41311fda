package org.parley.service.resources;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.parley.service.errors.ErrorResponses;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * Perspective's custom methods ({@code comments:analyze}, {@code comments:suggestscore}) with the colon
 * percent-encoded, as some HTTP clients send it: Jersey matches the path as sent, encoded, so
 * {@code comments%3Aanalyze} was a 404 naming the endpoint that exists. Google's servers take both, so
 * the colon is decoded before matching, on the Perspective paths only (no other path has a custom method).
 */
@PreMatching
public final class EncodedColons implements ContainerRequestFilter {
    private static final Pattern COLON = Pattern.compile("%3[Aa]");

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        if (!ErrorResponses.isPerspective(path) || !COLON.matcher(path).find()) return;
        URI uri = request.getUriInfo().getRequestUri();
        request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                + COLON.matcher(uri.getRawPath()).replaceAll(":") + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())));
    }
}
