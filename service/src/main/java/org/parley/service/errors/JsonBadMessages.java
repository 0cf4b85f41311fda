package org.parley.service.errors;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Requests Jetty refuses before any resource sees them (a %00 or an ambiguous encoding in the
 * path, a malformed header) are answered in JSON like every other error, not with Jetty's HTML page.
 * Jetty's reason names the rule broken; it never holds the request body.
 */
public final class JsonBadMessages extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        fields.put("X-Content-Type-Options", "nosniff");  // as on every other answer (auth.NoSniff)
        String message = "request refused by the HTTP layer: " + (reason == null ? HttpStatus.getMessage(status) : reason);
        String body = JsonNodeFactory.instance.objectNode().put("code", status).put("message", message).toString();
        return ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8));
    }
}
