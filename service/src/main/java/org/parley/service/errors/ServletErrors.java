package org.parley.service.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Error answers written where Jersey's exception mappers do not reach (servlet filters, Jetty's error
 * handler): {@code {"code", "message"}}, the shape of an {@code ErrorBody} without a field, with the
 * message escaped as JSON.
 */
public final class ServletErrors {
    private ServletErrors() {}

    /** Writes the answer: status, JSON type, length and body (headers of its own are the caller's to set). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, json(status, message));
    }

    /** Writes an answer whose JSON body is already made (e.g. {@link ErrorResponses#body}'s). */
    public static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    static byte[] json(int status, String message) {
        return json(status, message, null, null);
    }

    /** With the field refused and its limit, as an ErrorBody names them (each left out when null). */
    static byte[] json(int status, String message, String field, Long limit) {
        ObjectNode body = JsonNodeFactory.instance.objectNode().put("code", status).put("message", message);
        if (field != null) body.put("field", field);
        if (limit != null) body.put("limit", limit);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
