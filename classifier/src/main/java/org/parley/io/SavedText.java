package org.parley.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A text file as an editor saved it, for scraped pages: its byte-order mark decides (UTF-8,
 * UTF-16LE or UTF-16BE, as Notepad's "Unicode" writes), else UTF-8 if the bytes are valid UTF-8,
 * else Windows-1252, what Windows editors write as "ANSI" in the West. Read as UTF-8 with
 * replacement, a Windows-1252 page lost every £ and bullet to U+FFFD, and a UTF-16 one became a
 * garbage title and no comments, both without a word.
 *
 * @param text    the decoded text, without the byte-order mark
 * @param charset what it was decoded as; {@link #WINDOWS_1252} is a guess the caller should mention
 */
public record SavedText(String text, Charset charset) {
    public static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    public static SavedText read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    public static SavedText decode(byte[] bytes) {
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) return decode(bytes, 3, StandardCharsets.UTF_8);
        if (startsWith(bytes, 0xFF, 0xFE)) return decode(bytes, 2, StandardCharsets.UTF_16LE);
        if (startsWith(bytes, 0xFE, 0xFF)) return decode(bytes, 2, StandardCharsets.UTF_16BE);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new SavedText(text, StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            return decode(bytes, 0, WINDOWS_1252); // its five unassigned bytes become U+FFFD
        }
    }

    private static SavedText decode(byte[] bytes, int from, Charset charset) {
        return new SavedText(new String(bytes, from, bytes.length - from, charset), charset);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) return false;
        for (int i = 0; i < prefix.length; i++) if ((bytes[i] & 0xFF) != prefix[i]) return false;
        return true;
    }
}
