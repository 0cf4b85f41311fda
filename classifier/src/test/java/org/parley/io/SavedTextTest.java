package org.parley.io;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SavedTextTest {
    private static final String PAGE = "Syria crisis\n\n• rate this\n\nto find £52m aid\n";

    @Test
    void utf8IsReadAsItIs() {
        assertEquals(new SavedText(PAGE, StandardCharsets.UTF_8), SavedText.decode(PAGE.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aByteOrderMarkNamesTheEncodingAndIsDropped() {
        byte[] utf8 = ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_8);
        assertEquals(new SavedText(PAGE, StandardCharsets.UTF_8), SavedText.decode(utf8));
        // Java's "UTF-16" writes a big-endian mark; Notepad's "Unicode" is little-endian with a mark.
        assertEquals(new SavedText(PAGE, StandardCharsets.UTF_16BE), SavedText.decode(PAGE.getBytes(StandardCharsets.UTF_16)));
        byte[] le = ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16LE);
        assertEquals(new SavedText(PAGE, StandardCharsets.UTF_16LE), SavedText.decode(le));
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252() {
        assertEquals(new SavedText(PAGE, SavedText.WINDOWS_1252), SavedText.decode(PAGE.getBytes(SavedText.WINDOWS_1252)));
    }

    /** A file that is a byte-order mark and nothing else is empty text in its encoding, not the mark read as a char. */
    @Test
    void aByteOrderMarkAloneIsEmptyText() {
        assertEquals(new SavedText("", StandardCharsets.UTF_8), SavedText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}));
        assertEquals(new SavedText("", StandardCharsets.UTF_16LE), SavedText.decode(new byte[] {(byte) 0xFF, (byte) 0xFE}));
        assertEquals(new SavedText("", StandardCharsets.UTF_8), SavedText.decode(new byte[0]));
    }
}
