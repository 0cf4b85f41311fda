package org.parley.service.errors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;
import org.parley.service.auth.Caller;
import org.parley.service.auth.Role;

import java.util.Arrays;

/** JAX-RS's own refusals (unknown path, wrong method or media type, missing role) in our formats. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private UriInfo uri;
    @Context
    private Request request;
    @Context
    private ResourceInfo resource;
    @Context
    private SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        // Jersey answers a query parameter it cannot convert ("?limit=abc") with a 404, as if the path were unknown.
        if (e instanceof ParamException p) {
            String field = p.getParameterName();
            String expected = " has an invalid value";
            for (Throwable t = p.getCause(); t != null; t = t.getCause())
                if (t instanceof NumberFormatException) expected = " must be a whole number";
            return ErrorResponses.build(uri.getPath(), ApiException.badField(field, field + expected));
        }
        int status = e.getResponse().getStatus();
        // Jersey's 405 lists the methods the path takes; keep that (RFC 9110 asks for it), and say it.
        String allow = e.getResponse().getHeaderString("Allow");
        String message = switch (status) {
            case 401 -> "missing or unknown API key: send 'Authorization: Bearer KEY' or '?key=KEY'";
            case 403 -> forbidden();
            case 404 -> "no such endpoint: /" + strip(uri.getPath());
            case 405 -> "method " + ApiException.shown(request.getMethod()) + " is not allowed on /" + strip(uri.getPath())
                    + (allow == null ? "" : "; it takes " + String.join(", ", allow.split(",\\s*")));
            case 406 -> "this endpoint answers application/json only";
            case 415 -> "Content-Type must be application/json";
            default -> status >= 500 ? "internal error" : "request refused (" + status + ")";
        };
        String field = status == 415 ? "Content-Type" : null;
        Response out = ErrorResponses.build(uri.getPath(), new ApiException(status, field, null, message));
        return allow == null ? out : Response.fromResponse(out).header("Allow", allow).build();
    }

    /**
     * Jersey's RolesAllowed refusal says nothing; name the role the endpoint needs (its {@code @RolesAllowed}, the
     * method's before the class's), and the caller's, so a site that sent its page's scorer key to its server's
     * endpoint can tell why.
     */
    private String forbidden() {
        String refused = "this API key's role may not use /" + strip(uri.getPath());
        RolesAllowed allowed = resource.getResourceMethod() == null ? null : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        if (allowed == null && resource.getResourceClass() != null) allowed = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        if (allowed == null || allowed.value().length == 0) return refused;
        Role needed = Arrays.stream(allowed.value()).map(Role::parse).min(Role::compareTo).orElseThrow();
        String caller = security.getUserPrincipal() instanceof Caller c ? "role " + c.role().lowerName() : "this caller";
        return caller + " may not use /" + strip(uri.getPath()) + ": it needs " + needed.lowerName()
                + (needed == Role.ADMIN ? "" : " or a role above it");
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
