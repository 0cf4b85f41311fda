package org.parley.service.errors;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * What a percent-encoded string's escapes spell. Jersey decodes bytes that are not UTF-8 to U+FFFD, so a path id, a
 * header and {@code ?target=} are checked on their escapes before they are read: {@link PathUtf8},
 * {@code auth.PageModerator}, {@code ThreadsResource}.
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
