package org.parley.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KaggleEscapesTest {
    @Test
    void stripsTheWrappingQuotes() {
        assertEquals("plain", KaggleEscapes.decode("\"plain\""));
        assertEquals("not wrapped\"", KaggleEscapes.decode("not wrapped\""));
    }

    @Test
    void decodesCharacterEscapes() {
        assertEquals("a\nb\rc\td'e\\f\"g", KaggleEscapes.decode("a\\nb\\rc\\td\\'e\\\\f\\\"g"));
        assertEquals("… and ’", KaggleEscapes.decode("\\u2026 and \\u2019"));
    }

    @Test
    void byteRunsAreUtf8WhereValidAndCp1252Otherwise() {
        assertEquals("a\u00a0b", KaggleEscapes.decode("a\\xc2\\xa0b"));         // UTF-8 no-break space
        assertEquals("a\u00a0\u00a0b", KaggleEscapes.decode("a\\xa0\\xa0b"));   // lone Latin-1 bytes
        assertEquals("it’s", KaggleEscapes.decode("it\\xe2\\x80\\x99s"));
        assertEquals("när", KaggleEscapes.decode("n\\xe4r"));
        assertEquals("€", KaggleEscapes.decode("\\x80"));                        // cp1252
        assertEquals("\u0081", KaggleEscapes.decode("\\x81"));                   // undefined in cp1252: Latin-1
        assertEquals("’ä", KaggleEscapes.decode("\\xe2\\x80\\x99\\xe4"));        // valid sequence, then a lone byte
    }

    @Test
    void leavesOtherBackslashesAlone() {
        assertEquals("C:\\dir \\x1 end\\", KaggleEscapes.decode("C:\\dir \\x1 end\\"));
    }
}
