package org.parley.service.moderation;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Erasure lines a full disk cut short and glued to the next whole one, read on their own: until now only through
 * scripts/erase --from-log ({@code EraseCommandTest}), which PIT's run of this package did not reach.
 */
class CutErasureLinesTest {
    private static final String AT = "INFO  [2026-12-05 10:00:00,123] ", LATER = "INFO  [2026-12-05 10:00:07,000] ";
    private static final Instant T = Instant.parse("2026-12-05T10:00:00.123Z");

    private static String line(String at, String logger, String site, String id) {
        ErasureLogLine e = new ErasureLogLine(site, id);
        return at + logger + ": " + (logger.equals(ErasureLogLine.LOGGER) ? e.message("key:1") : e.operatorMessage("ann"));
    }

    private static String site(String id) {
        return line(AT, ErasureLogLine.LOGGER, "news.example", id);
    }

    /** A cut line, then a whole one glued to it: the cut one, and the whole one as the rest. */
    @Test
    void aWholeLineGluedToACutOneIsSplitOffAndTheCutOneReadAsFarAsItGoes() {
        String whole = line(LATER, ErasureLogLine.OPERATOR_LOGGER, "news.example", "s41");
        String cutInSite = site("s40").substring(0, site("s40").indexOf("news.ex") + 7);
        CutErasureLines.Split split = CutErasureLines.split(cutInSite + whole);
        assertEquals(whole, split.rest());
        assertEquals(1, split.cuts().size());
        CutErasureLines.Cut cut = split.cuts().get(0);
        assertEquals(cutInSite, cut.text());
        assertEquals(Optional.of(T), cut.time());
        assertEquals(Optional.of("s40"), cut.id(), "the id's string is whole");
        assertEquals(Optional.empty(), cut.erasure(), "the site's is not");

        // Two cut ones before it, the second cut in its id.
        String cutInId = site("s39").substring(0, site("s39").indexOf("\"s39\"") + 3);
        split = CutErasureLines.split(cutInSite + cutInId + whole);
        assertEquals(List.of(cutInSite, cutInId), split.cuts().stream().map(CutErasureLines.Cut::text).toList());
        assertEquals(Optional.empty(), split.cuts().get(1).id());
        assertEquals(Optional.of(T), split.cuts().get(1).time());
        assertEquals(whole, split.rest());
    }

    /** Cut after its site: the erasure is whole, with its time, and re-applied as a whole line's. */
    @Test
    void aLineCutAfterItsSiteHoldsItsWholeErasure() {
        String cut = site("s\"20").substring(0, site("s\"20").indexOf("news.example\"") + 13);
        CutErasureLines.Cut read = CutErasureLines.cut(cut).orElseThrow();
        assertEquals(Optional.of(new ErasureLogLine.Logged(new ErasureLogLine("news.example", "s\"20"), Optional.of(T))), read.erasure());
        assertEquals(Optional.of("s\"20"), read.id(), "the escaped quote read back");
        assertEquals(Optional.of(T), read.time());
        String more = site("s21").substring(0, site("s21").indexOf(" (its site's") + 6);
        assertTrue(CutErasureLines.cut(more).orElseThrow().erasure().isPresent(), "cut in what follows the site");
    }

    /** Cut in the time, the logger or the marker: a cut erasure line with no id, and a time only where the time is whole. */
    @Test
    void aLineCutBeforeItsIdHasNoIdAndATimeOnlyWhereTheTimeIsWhole() {
        String whole = site("s1");
        for (int end : new int[] {1, 10, 30, AT.length() - 1}) {
            CutErasureLines.Cut cut = CutErasureLines.cut(whole.substring(0, end)).orElseThrow(() -> new AssertionError(end));
            assertEquals(Optional.empty(), cut.time(), "cut at " + end);
            assertEquals(Optional.empty(), cut.id(), "cut at " + end);
        }
        for (int end : new int[] {AT.length(), AT.length() + 10, whole.indexOf("erased comment") + 3, whole.indexOf("\"s1\"")}) {
            CutErasureLines.Cut cut = CutErasureLines.cut(whole.substring(0, end)).orElseThrow(() -> new AssertionError(end));
            assertEquals(Optional.of(T), cut.time(), "cut at " + end);
            assertEquals(Optional.empty(), cut.id(), "cut at " + end);
            assertEquals(Optional.empty(), cut.erasure(), "cut at " + end);
        }
        // A time that matches the layout but is no date: no time, still a cut line.
        String badDate = "INFO  [2026-13-45 10:00:00,123] " + ErasureLogLine.LOGGER + ": erased comment \"s1";
        assertEquals(Optional.empty(), CutErasureLines.cut(badDate).orElseThrow().time());
    }

    /** Text that is no erasure line's start is none, whatever its length. */
    @Test
    void textThatIsNoErasureLinesStartIsNotACutOne() {
        for (String text : List.of("", "WARN  [2026", "INFO  [2026-12-05 10:00:00,123] org.other.Logger: erased comment \"s1",
                "hello", "INFO  [2026-12-05 10:00:00,123] " + ErasureLogLine.LOGGER + ": deleted comment \"s1\""))
            assertEquals(Optional.empty(), CutErasureLines.cut(text), text);
    }

    /**
     * Nothing split where a line holds no whole line's start after its first char, or where what comes before such a
     * start is not a cut erasure line (another logger's line quoting one, which the reading refuses as before).
     */
    @Test
    void aLineIsLeftWholeUnlessACutErasureLineComesBeforeAWholeOnesStart() {
        String whole = site("s1");
        for (String line : List.of(whole, "INFO  [2026-12-05 10:00:00,123] org.other.Logger: a line", "",
                "WARN  [2026-12-05 10:00:00,123] org.other.Logger: it said " + whole,
                "x: erased comment \"", whole + " and then: erased comment \"s2\"")) {
            CutErasureLines.Split split = CutErasureLines.split(line);
            assertEquals(List.of(), split.cuts(), line);
            assertEquals(line, split.rest(), line);
        }
    }
}
