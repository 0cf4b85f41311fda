package org.parley.service.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The erasure logs' reader (EraseCommand --from-log): lines split as BufferedReader splits them, strict UTF-8 but for a
 * character cut short, which a full disk leaves where it cut a line. Its cases checked one by one (ErasureListCutLinesTest
 * reads whole erasure lines cut at every byte).
 */
class Utf8LinesTest {
    private static List<Utf8Lines.Line> read(byte[] bytes, boolean byteAtATime) throws IOException {
        InputStream in = new ByteArrayInputStream(bytes);
        if (byteAtATime) in = new FilterInputStream(in) { // a \r\n split between two reads, a line across many
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        Utf8Lines lines = new Utf8Lines(in);
        List<Utf8Lines.Line> out = new ArrayList<>();
        for (Utf8Lines.Line l; (l = lines.next()) != null; ) out.add(l);
        return out;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void linesAreSplitAsBufferedReaderSplitsThem() throws IOException {
        String text = "a\nb\r\nc\rd\r\r\ne\n\nlast";
        for (boolean slow : new boolean[] {false, true}) {
            List<Utf8Lines.Line> lines = read(text.getBytes(StandardCharsets.UTF_8), slow);
            assertEquals(new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList(),
                    lines.stream().map(Utf8Lines.Line::text).toList(), "byte at a time: " + slow);
            assertTrue(lines.subList(0, lines.size() - 1).stream().allMatch(Utf8Lines.Line::ended));
            assertFalse(lines.get(lines.size() - 1).ended(), "the last line has no line break");
            assertTrue(lines.stream().allMatch(l -> l.cutCharacters().isEmpty()));
        }
        assertEquals(List.of(), read(new byte[0], false));
        List<Utf8Lines.Line> one = read("x\n".getBytes(StandardCharsets.UTF_8), false);
        assertEquals(1, one.size(), "no empty line after the last break");
        assertTrue(one.get(0).ended());
    }

    @Test
    void aLineLongerThanTheBuffersIsReadWhole() throws IOException {
        String longLine = "é€😀x".repeat(20_000); // past the line's first 256 bytes and the stream's 65,536
        for (boolean slow : new boolean[] {false, true}) {
            List<Utf8Lines.Line> lines = read((longLine + "\nnext").getBytes(StandardCharsets.UTF_8), slow);
            assertEquals(List.of(longLine, "next"), lines.stream().map(Utf8Lines.Line::text).toList());
        }
    }

    /** Every character of two, three and four bytes, cut after each of its first bytes, then the end, a line break, ASCII or another character. */
    @Test
    void aCharacterCutShortIsAReplacementCharacterAtItsPlace() throws IOException {
        Random random = new Random(58);
        int[] samples = {0x80, 0x7ff, 0x800, 0xfff, 0x1000, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x3ffff, 0x40000, 0x10ffff};
        for (int k = 0; k < 400; k++) {
            int cp = k < samples.length ? samples[k] : 0x80 + random.nextInt(0x10ffff - 0x80);
            if (cp >= 0xd800 && cp <= 0xdfff) continue;
            byte[] whole = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            for (int kept = 1; kept < whole.length; kept++) {
                byte[] cut = java.util.Arrays.copyOf(whole, kept);
                String label = String.format("U+%04X cut after %d of %d bytes", cp, kept, whole.length);
                for (String after : new String[] {"", "\n", "b", "é", "€", "😀"}) {
                    byte[] line = concat("a".getBytes(StandardCharsets.UTF_8), cut, after.getBytes(StandardCharsets.UTF_8));
                    List<Utf8Lines.Line> lines = read(line, false);
                    assertEquals("a\uFFFD" + after.strip(), lines.get(0).text(), label + " then '" + after + "'");
                    assertEquals(List.of(2), lines.get(0).cutCharacters(), label);
                }
            }
        }
        // Two cuts on one line, each said where it is.
        Utf8Lines.Line two = read(concat(bytes(0xe2, 0x82), "ab".getBytes(StandardCharsets.UTF_8), bytes(0xf0, 0x9f, 0x98)), false).get(0);
        assertEquals("\uFFFDab\uFFFD", two.text());
        assertEquals(List.of(1, 4), two.cutCharacters());
    }

    /**
     * A cut at a line's end is read from that line's bytes alone, not from what a longer line before it left in the
     * reader's buffer (here the rest of a euro sign, which would make the cut character whole again).
     */
    @Test
    void aCutAtALinesEndIsNotCompletedByAnEarlierLongerLine() throws IOException {
        for (byte[] cutAtEnd : new byte[][] {bytes('a', 0xe2), bytes('a', 0xe2, 0x82)}) {
            for (byte[] end : new byte[][] {bytes('\n'), bytes()}) {
                List<Utf8Lines.Line> lines = read(concat("a€€€".getBytes(StandardCharsets.UTF_8), bytes('\n'), cutAtEnd, end), false);
                assertEquals(List.of("a€€€", "a\uFFFD"), lines.stream().map(Utf8Lines.Line::text).toList());
                assertEquals(List.of(2), lines.get(1).cutCharacters());
            }
        }
    }

    /** Anything else that is not UTF-8 is refused, cut-looking bytes among them where what follows continues them wrongly. */
    @Test
    void bytesThatAreNotACutCharacterAreRefused() {
        for (byte[] bad : new byte[][] {
                bytes(0x80), bytes(0xbf), bytes(0xc0, 0x80), bytes(0xc1, 0xbf), bytes(0xf5, 0x80, 0x80, 0x80), bytes(0xff),
                bytes(0xe0, 0x80, 0x80), bytes(0xe0, 0x9f), bytes(0xed, 0xa0, 0x80), bytes(0xed, 0xbf),
                bytes(0xf0, 0x80, 0x80, 0x80), bytes(0xf0, 0x8f), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xf4, 0xbf),
                bytes(0xe2, 0x82, 0xc0), bytes(0xc3, 0xa9, 0xa9), bytes(0xf0, 0x9f, 0x98, 0x80, 0x80),
                bytes(0x61, 0xe2, 0x28, 0xa1)}) {
            assertThrows(MalformedInputException.class, () -> read(bad, false), java.util.HexFormat.of().formatHex(bad));
            assertThrows(MalformedInputException.class, () -> read(concat(bad, bytes('\n')), false));
        }
    }

    /** The edges of RFC 3629's table are characters, whole or cut. */
    @Test
    void theTablesEdgesAreCharacters() throws IOException {
        for (byte[] edge : new byte[][] {
                bytes(0xc2, 0x80), bytes(0xdf, 0xbf), bytes(0xe0, 0xa0, 0x80), bytes(0xe0, 0xbf, 0xbf), bytes(0xed, 0x80, 0x80),
                bytes(0xed, 0x9f, 0xbf), bytes(0xee, 0x80, 0x80), bytes(0xef, 0xbf, 0xbf), bytes(0xf0, 0x90, 0x80, 0x80),
                bytes(0xf0, 0xbf, 0xbf, 0xbf), bytes(0xf3, 0xbf, 0xbf, 0xbf), bytes(0xf4, 0x80, 0x80, 0x80), bytes(0xf4, 0x8f, 0xbf, 0xbf)}) {
            String hex = java.util.HexFormat.of().formatHex(edge);
            assertEquals(new String(edge, StandardCharsets.UTF_8), read(edge, false).get(0).text(), hex);
            for (int kept = 1; kept < edge.length; kept++)
                assertEquals("\uFFFD", read(java.util.Arrays.copyOf(edge, kept), false).get(0).text(), hex + " cut at " + kept);
        }
    }
}
