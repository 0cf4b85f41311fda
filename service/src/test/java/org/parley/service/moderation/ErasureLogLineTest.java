package org.parley.service.moderation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The erasure line's ids and sites, written so that any tool shows the line as one line of plain characters. */
class ErasureLogLineTest {
    /**
     * A fourth penetration test (forty-sixth session): Jackson's JSON strings escape the C0 controls only, so a site's id
     * put DEL, C1 controls (U+0085, the 8-bit CSI U+009B), the line and paragraph separators and bidi overrides in the
     * erasure log raw. Each is a \\uXXXX escape now, and the line still reads back as the same id.
     */
    @Test
    void idsAreWrittenWithoutLineSeparatorsControlsOrInvisibleCharactersAndReadBackWhole() {
        String id = "a\u0085b\u2028c\u2029d\u009b31m\u007fe\u202eevil\u200bf\uDB40\uDC01g\u001b[2J\nh\"i\\j ok é 😀";
        String line = "INFO  [2026-12-05 10:00:00,000] " + ErasureLogLine.LOGGER + ": "
                + new ErasureLogLine("a.example\u2028x", id).message("key:1a2b");
        assertTrue(line.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f || c == 'é' || c == 0x1F600), line);
        assertTrue(line.contains("a\\u0085b\\u2028c\\u2029d\\u009B31m\\u007Fe\\u202Eevil\\u200Bf\\uDB40\\uDC01g\\u001B[2J\\nh\\\"i\\\\j ok é 😀"), line);
        ErasureLogLine read = ErasureLogLine.read(line).orElseThrow();
        assertEquals(id, read.id());
        assertEquals("a.example\u2028x", read.site());
        assertEquals("\"plain\"", ErasureLogLine.quoted("plain"));
        assertEquals("null", ErasureLogLine.quoted(null));
    }
}
