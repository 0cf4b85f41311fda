package org.parley.service.auth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.parley.service.access.Role;
import org.parley.service.errors.ApiException;
import org.parley.service.errors.ErrorResponses;

import java.util.Arrays;

/**
 * Jersey's RolesAllowed refusal (a 403 that says nothing) in our format, naming the role the endpoint needs (its
 * {@code @RolesAllowed}, the method's before the class's) and the caller's, so a site that sent its page's scorer key
 * to its server's endpoint can tell why. Here rather than in errors: roles are auth's, and errors stays below it.
 */
public final class RoleRefusalMapper implements ExceptionMapper<ForbiddenException> {
    @Context
    private UriInfo uri;
    @Context
    private ResourceInfo resource;
    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(ForbiddenException e) {
        // Named as every other refusal names its field: the credential whose role falls short (a website integrator's
        // audit, sixty-sixth session: the 401 and 404 named theirs, the 403 none).
        return ErrorResponses.build(uri.getPath(), new ApiException(403, "key", null, message()));
    }

    private String message() {
        RolesAllowed allowed = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (allowed == null || allowed.value().length == 0) return ErrorResponses.roleRefused(uri.getPath());
        Role needed = Arrays.stream(allowed.value()).map(Role::parse).min(Role::compareTo).orElseThrow();
        String caller = security.getUserPrincipal() instanceof Caller c ? "role " + c.role().lowerName() : "this caller";
        return caller + " may not use " + ErrorResponses.endpoint(uri.getPath()) + ": it needs " + needed.lowerName()
                + (needed == Role.ADMIN ? "" : " or a role above it");
    }
}
