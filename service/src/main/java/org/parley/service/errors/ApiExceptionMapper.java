package org.parley.service.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Refused requests: status, message, field and limit as the exception says. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {
    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(ApiException e) {
        return ErrorResponses.build(uri.getPath(), e);
    }
}
