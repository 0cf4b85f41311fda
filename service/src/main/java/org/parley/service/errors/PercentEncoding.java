package org.parley.service.errors;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * What a percent-encoded string's escapes spell. Jetty and Jersey decode bytes that are not UTF-8 to U+FFFD (or, for
 * a query, the whole query as Latin-1), so a path id, a query and a header are checked on their escapes before they are
 * read: {@link PathUtf8}, {@code monitoring.UnreadableQueries}, {@code auth.PageModerator}, {@code ThreadsResource}.
 */
public final class PercentEncoding {
    private PercentEncoding() {
    }

    /** Whether the bytes that {@code encoded}'s percent-escapes spell are well-formed UTF-8 (RFC 3629). */
    public static boolean utf8(String encoded) {
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
