package org.parley.service.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ParamException;

/** JAX-RS's own refusals (unknown path, wrong method or media type) in our formats; a missing role: auth.RoleRefusalMapper. */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
    @Context
    private UriInfo uri;
    @Context
    private Request request;

    @Context
    private jakarta.ws.rs.core.HttpHeaders headers;

    /** Whether the body came as a form's (curl -d's default). */
    private boolean form() {
        jakarta.ws.rs.core.MediaType type = headers == null ? null : headers.getMediaType();
        return type != null && type.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    }

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
            case 403 -> ErrorResponses.roleRefused(uri.getPath()); // RolesAllowed's: auth.RoleRefusalMapper
            case 404 -> "no such endpoint: " + ErrorResponses.endpoint(uri.getPath());
            case 405 -> "method " + ApiException.shown(request.getMethod()) + " is not allowed on " + ErrorResponses.endpoint(uri.getPath())
                    + (allow == null ? "" : "; it takes " + String.join(", ", allow.split(",\\s*")));
            case 406 -> "this endpoint answers application/json only";
            // Perspective's paths also read a body untyped or text/plain, without a session cookie (resources.PerspectiveBodies):
            // curl -d's form type was told of application/json alone (a newcomer's fourth audit, sixty-ninth session).
            case 415 -> "Content-Type must be application/json" + (ErrorResponses.isPerspective(uri.getPath())
                    ? " (or left out, or text/plain, where no session cookie is sent" + (form() ? "; curl -d sends a form's type: add"
                    + " -H 'Content-Type: application/json'" : "") + ")" : "");
            default -> status >= 500 ? "internal error" : "request refused (" + status + ")";
        };
        String field = status == 415 ? "Content-Type" : status == 406 ? "Accept" : null;
        Response out = ErrorResponses.build(uri.getPath(), new ApiException(status, field, null, message));
        return allow == null ? out : Response.fromResponse(out).header("Allow", allow).build();
    }
}
