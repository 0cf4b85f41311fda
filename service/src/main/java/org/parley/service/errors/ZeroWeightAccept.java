package org.parley.service.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.message.internal.AcceptableMediaType;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

import java.util.List;

/**
 * An Accept that weighs every type the endpoint answers at 0 is a 406. A weight of 0 means "not acceptable" and the
 * most specific range that matches a type decides its weight (RFC 9110, 12.5.1), so {@code application/json;q=0, *}{@code /*}
 * refuses JSON; Jersey chose the method all the same and answered 200 (an integrator's audit, sixty-third session).
 * Runs before the key is checked, as Jersey's own 406 does; a header that does not parse is MediaTypeHeaders' 400.
 */
@Provider
@Priority(Priorities.AUTHENTICATION - 1)
public final class ZeroWeightAccept implements ContainerRequestFilter {
    @Context
    private ExtendedUriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) {
        ResourceMethod method = uri.getMatchedResourceMethod();
        if (method == null || method.getProducedTypes().isEmpty()) return;
        // As Jersey parsed it to choose the method (none sent: */*); one that does not parse was refused before.
        List<AcceptableMediaType> ranges = ((ContainerRequest) request).getQualifiedAcceptableMediaTypes();
        if (method.getProducedTypes().stream().allMatch(type -> weight(type, ranges) == 0))
            throw new NotAcceptableException();
    }

    /** The weight (0 to 1000) of the most specific range that matches {@code type}; 0 when none does. */
    static int weight(MediaType type, List<AcceptableMediaType> ranges) {
        int best = -1, weight = 0;
        for (AcceptableMediaType range : ranges) {
            if (!range.isCompatible(type)) continue;
            int specificity = (range.isWildcardType() ? 0 : 2) + (range.isWildcardSubtype() ? 0 : 1);
            if (specificity > best) {
                best = specificity;
                weight = range.getQuality();
            }
        }
        return weight;
    }
}
