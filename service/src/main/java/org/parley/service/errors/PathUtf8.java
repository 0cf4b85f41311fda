package org.parley.service.errors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * A path parameter whose percent-escapes are not well-formed UTF-8 is a 400 naming it. Jersey decodes such bytes to
 * U+FFFD, so {@code /v1/comments/a%C3%28/status} looked up "a\uFFFD(" and was answered 404 as a comment never stored
 * (an integrator's audit, sixty-third session), while an id that holds U+FFFD itself, sent as its bytes, is a real one.
 * After the key is checked, as the resource's own refusals are.
 */
@Provider
public final class PathUtf8 implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
        request.getUriInfo().getPathParameters(false).forEach((name, values) -> {
            for (String value : values)
                if (!wellFormed(value))
                    throw ApiException.badField(name, name + " in the path is not UTF-8: percent-encode its UTF-8 bytes");
        });
    }

    /** Whether the bytes that {@code encoded}'s percent-escapes spell are well-formed UTF-8 (RFC 3629); a query's too. */
    public static boolean wellFormed(String encoded) {
        if (encoded.indexOf('%') < 0) return true;
        byte[] bytes;
        try {  // Latin-1 maps each escaped byte to the one char of that value, and back
            bytes = URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return true;  // "%zz" is no escape: not a question of UTF-8, and Jersey reads it as sent
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));  // a new decoder reports what is malformed
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
