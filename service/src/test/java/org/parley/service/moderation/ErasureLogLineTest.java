package org.parley.service.moderation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

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

    private static final String AT = "INFO  [2026-12-05 10:00:00,123] ";

    /** The C1 controls' ends, U+0080 and U+009F, are escaped as the rest; U+00A0 just past them is a character. */
    @Test
    void theC1RangeIsEscapedToItsEnds() {
        assertEquals("\"\\u0080\\u009F\u00a0\"", ErasureLogLine.quoted("\u0080\u009f\u00a0"));
    }

    /** Each of the four lines reads back as the same erasure, with the time its head gives (UTC). */
    @Test
    void everyKindOfLineReadsBackWithItsTime() {
        ErasureLogLine e = new ErasureLogLine("a.example", "c1");
        for (String line : new String[] {AT + ErasureLogLine.LOGGER + ": " + e.message("key:1"),
                AT + ErasureLogLine.LOGGER + ": " + e.againMessage("key:1"),
                AT + ErasureLogLine.OPERATOR_LOGGER + ": " + e.operatorMessage("ann"),
                AT + ErasureLogLine.OPERATOR_LOGGER + ": " + e.operatorAgainMessage("ann")}) {
            ErasureLogLine.Logged logged = ErasureLogLine.logged(line).orElseThrow();
            assertEquals(e, logged.erasure(), line);
            assertEquals(Optional.of(Instant.parse("2026-12-05T10:00:00.123Z")), logged.time(), line);
        }
        assertTrue(e.againMessage("key:1").contains(ErasureLogLine.AGAIN));
        assertTrue(e.operatorAgainMessage("ann").contains(ErasureLogLine.AGAIN));
        assertTrue(e.operatorMessage("ann").contains("scripts/erase, by ann"));
        // The message ends at the site: nothing after it is needed.
        assertEquals(Optional.of(e), ErasureLogLine.read(AT + ErasureLogLine.LOGGER + ": erased comment \"c1\" of site \"a.example\""));
        String json = "{\"logger\":\"" + ErasureLogLine.OPERATOR_LOGGER + "\",\"timestamp\":1000,\"message\":"
                + ErasureLogLine.quoted(e.operatorMessage("ann")) + "}";
        assertEquals(new ErasureLogLine.Logged(e, Optional.of(Instant.ofEpochMilli(1000))), ErasureLogLine.logged(json).orElseThrow());
    }

    /** A head in another layout (no level, a level of two words, no closing bracket, not a time) gives no time, and no failure. */
    @Test
    void aHeadInAnotherLayoutHasNoTime() {
        String rest = ErasureLogLine.LOGGER + ": " + new ErasureLogLine("s", "i").message("k");
        for (String head : new String[] {"[2026-12-05 10:00:00,123] ", " [2026-12-05 10:00:00,123] ", "host app [2026-12-05 10:00:00,123] ",
                "INFO [2026-12-05 10:00:00,123 ", "INFO [yesterday] ", "INFO "})
            assertEquals(Optional.empty(), ErasureLogLine.logged(head + rest).orElseThrow().time(), head);
    }

    /** Another logger's line is never read as one, nor one whose erasure follows a prefix (refused, so none is lost unsaid). */
    @Test
    void onlyTheTwoLoggersLinesAreReadAndOnlyWhole() {
        String message = new ErasureLogLine("s", "i").message("k");
        assertEquals(Optional.empty(), ErasureLogLine.read(AT + "org.parley.service.Other: " + message));
        assertEquals(Optional.empty(), ErasureLogLine.read(AT + ErasureLogLine.LOGGER + ": erased something else"));
        assertThrows(IllegalArgumentException.class, () -> ErasureLogLine.read("host parley[1]: " + AT + ErasureLogLine.LOGGER + ": " + message));
        assertEquals(Optional.empty(), ErasureLogLine.read("{\"logger\":\"other\",\"message\":" + ErasureLogLine.quoted(message) + "}"));
        assertEquals(Optional.empty(), ErasureLogLine.read("{not json"));
    }

    /** A line cut short (in the id, before or in the site) or with more after the site's string is refused, never misread. */
    @Test
    void aLineCutShortOrRunOnIsRefused() {
        String head = AT + ErasureLogLine.LOGGER + ": erased comment ";
        for (String cut : new String[] {"\"c1", "\"c1\" of site ", "\"c1\" of site \"a.ex", "\"c1\" of site \"a\"x", "c1 of site \"a\""})
            assertThrows(IllegalArgumentException.class, () -> ErasureLogLine.read(head + cut), cut);
    }
}
