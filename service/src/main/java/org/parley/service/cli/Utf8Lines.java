package org.parley.service.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A stream's lines, as {@link java.io.BufferedReader#readLine} splits them ({@code \n}, {@code \r} or {@code \r\n}),
 * read as UTF-8 strictly, but for a character cut short: the first bytes of a character of more than one byte with no
 * more of it after them (the line's end, or a byte that starts a character). A full disk cuts an erasure line at any
 * byte, and the line written next is glued straight after it; until the fiftieth session such a cut made
 * the whole file "not UTF-8 text". Each is a U+FFFD in the line's text, its place said, for the caller to accept where
 * a cut line ends and refuse elsewhere. Any other byte that is not UTF-8 fails, a {@link MalformedInputException}.
 */
final class Utf8Lines {
    /**
     * A line: its text, whether a line break ended it, and the offsets in the text just past each character cut short
     * (the U+FFFD that stands for its bytes).
     */
    record Line(String text, boolean ended, List<Integer> cutCharacters) {}

    private final InputStream in;
    private final byte[] buffer = new byte[65536];
    private int at, end;
    private byte[] line = new byte[256];
    private boolean afterCr;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // reports what is not UTF-8

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null past the last. */
    Line next() throws IOException {
        int length = 0;
        while (true) {
            if (at == end) {
                end = in.read(buffer, 0, buffer.length);
                at = 0;
                if (end <= 0) {
                    end = 0;
                    return length == 0 ? null : decoded(length, false);
                }
            }
            byte b = buffer[at++];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') continue; // the \n of a \r\n
            }
            if (b == '\n' || b == '\r') {
                afterCr = b == '\r';
                return decoded(length, true);
            }
            if (length == line.length) line = Arrays.copyOf(line, length * 2);
            line[length++] = b;
        }
    }

    private Line decoded(int length, boolean ended) throws MalformedInputException {
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
        CharBuffer text = CharBuffer.allocate(length); // a byte gives a character at most
        List<Integer> cut = new ArrayList<>(0);
        utf8.reset();
        for (CoderResult result; !(result = utf8.decode(bytes, text, true)).isUnderflow(); ) {
            int from = bytes.position(), bytesCut = cutShort(line, from, length);
            if (bytesCut == 0) throw new MalformedInputException(result.length());
            text.put('\uFFFD');
            cut.add(text.position());
            bytes.position(from + bytesCut);
        }
        utf8.flush(text);
        return new Line(text.flip().toString(), ended, cut);
    }

    /**
     * How many bytes from {@code from} are a character cut short: a lead byte and the continuation bytes it allows, fewer
     * than it needs, then the end or a byte that is no continuation byte; 0 where they are not.
     */
    private static int cutShort(byte[] bytes, int from, int end) {
        int lead = bytes[from] & 0xff;
        int needs = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
        int n = 1;
        while (n < needs && from + n < end && continues(lead, n, bytes[from + n] & 0xff)) n++;
        if (needs == 0 || n == needs) return 0;
        return from + n == end || (bytes[from + n] & 0xc0) != 0x80 ? n : 0;
    }

    /** Whether {@code b} may be the {@code n}th byte (from 0) of a character that {@code lead} begins (RFC 3629's table). */
    private static boolean continues(int lead, int n, int b) {
        if (n > 1) return b >= 0x80 && b <= 0xbf;
        return switch (lead) {
            case 0xe0 -> b >= 0xa0 && b <= 0xbf; // no overlong form
            case 0xed -> b >= 0x80 && b <= 0x9f; // no surrogate
            case 0xf0 -> b >= 0x90 && b <= 0xbf;
            case 0xf4 -> b >= 0x80 && b <= 0x8f; // nothing past U+10FFFF
            default -> b >= 0x80 && b <= 0xbf;
        };
    }
}
