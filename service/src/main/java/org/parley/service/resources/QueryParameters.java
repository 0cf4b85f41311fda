package org.parley.service.resources;

import jakarta.ws.rs.core.UriInfo;
import org.parley.service.errors.ApiException;

import java.util.Set;

/**
 * Refuses a query parameter an endpoint does not read, a 400 naming it. Misspelt or misplaced parameters
 * ({@code ?targets=Syria} on /v1/threads, {@code ?site=b.example} on POST /v1/comments) were ignored, and the call stored
 * what the caller did not ask for with no word. Not for the Perspective endpoints: Google's clients send their own
 * standard parameters ({@code alt}, {@code prettyPrint}, {@code $.xgafv}).
 */
final class QueryParameters {
    private QueryParameters() {}

    /**
     * @param read  the names the endpoint reads (case counts: Jersey's are)
     * @param reads what the message says the endpoint reads instead, after "unknown query parameter 'x': "
     */
    static void refuseUnknown(UriInfo uri, Set<String> read, String reads) {
        for (String name : uri.getQueryParameters().keySet()) {
            if (read.contains(name)) continue;
            String shown = ApiException.shown(name);
            throw ApiException.badField(shown, "unknown query parameter '" + shown + "': " + reads);
        }
    }
}
