package org.parley.service.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An answer's Content-Type names no charset but UTF-8, the one its body is written in. Jersey copies a charset asked for
 * in Accept ({@code application/json; charset=utf-16}) into the answer's type while Jackson writes UTF-8 whatever it says,
 * so a client that decodes by the header read garbled text, and one that does not know a made-up charset threw (an
 * integrator's audit, sixty-third session). Other charsets are not refused with a 406: JSON between systems is UTF-8
 * (RFC 8259), and a client that asks for another still reads a correctly labelled answer. Runs before the body is
 * written, so a writer that follows the type's charset (a String's) writes UTF-8 too.
 */
@Provider
public final class AnswerCharset implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset == null || charset.equalsIgnoreCase(StandardCharsets.UTF_8.name())) return;
        Map<String, String> rest = new HashMap<>(type.getParameters());
        rest.remove(MediaType.CHARSET_PARAMETER);
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, new MediaType(type.getType(), type.getSubtype(), rest));
    }
}
