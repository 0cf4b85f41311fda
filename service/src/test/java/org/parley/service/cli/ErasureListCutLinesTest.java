package org.parley.service.cli;

import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.moderation.ErasureLogLine;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The erasure log after a full disk (known-gaps, forty-eighth session): a line cut by a write that failed half-way, and
 * the next line written once there was room glued to it. Until the fiftieth session --from-log refused the directory at
 * such a line ({@code line 13: not an erasure line}), or, where the cut fell after the site, read the glued line as the
 * cut one's erasure alone and lost the whole one's unsaid. Every line here is ErasureLogLine's own, cut at every offset.
 */
class ErasureListCutLinesTest {
    private static final String SITE = "news.example", AT = "INFO  [2026-12-04 10:00:00,000] ";
    /** An id that a reading by quotes or by the marker would take for another comment of another site. */
    private static final String TRICKY = "s20\" of site \"other.example\" \\ " + AT + ErasureLogLine.LOGGER + ": erased comment \"x";

    @TempDir Path dir;

    private static String site(String id) {
        return AT + ErasureLogLine.LOGGER + ": " + new ErasureLogLine(SITE, id).message("key:1a2b3c4d") + " request=r-7";
    }

    private static String operator(String id) {
        return AT + ErasureLogLine.OPERATOR_LOGGER + ": " + new ErasureLogLine(SITE, id).operatorMessage("ops");
    }

    private static ErasureList.Target target(String id) {
        return new ErasureList.Target(SITE, id);
    }

    private ErasureList.FromLog read(String text) throws Exception {
        Path log = Files.writeString(dir.resolve("sites.log"), text);
        return ErasureList.fromLog(List.of(dir.toString()), null);
    }

    /** Where the cut line's site string ends (its closing quote written from there on), and its id's. */
    private static int end(String line, String quoted) {
        return line.indexOf(quoted) + quoted.length();
    }

    @Test
    void aCutLineGluedToTheNextYieldsTheWholeLinesErasureAndIsNamedAtEveryOffset() throws Exception {
        for (String id : List.of("s20", TRICKY))
            for (boolean operators : new boolean[] {false, true}) {
                String cut = operators ? operator(id) : site(id);
                int idStart = end(cut, ": erased comment \""), idEnd = end(cut, ErasureLogLine.quoted(id)),
                        siteEnd = end(cut, " of site " + ErasureLogLine.quoted(SITE));
                for (int at = 1; at < cut.length(); at++) {
                    String where = (operators ? "operator's " : "site's ") + id + " cut at " + at + ": " + cut.substring(0, at);
                    ErasureList.FromLog read = read(site("s19") + "\n" + cut.substring(0, at) + site("s40") + "\n" + operator("s41") + "\n");
                    List<ErasureList.Target> expected = new ArrayList<>(List.of(target("s19")));
                    if (at >= siteEnd) expected.add(target(id)); // its id and site whole: re-applied
                    expected.addAll(List.of(target("s40"), target("s41")));
                    assertEquals(expected, read.targets(), where);
                    assertEquals(1, read.cuts().size(), where);
                    String said = read.cuts().get(0);
                    assertTrue(said.startsWith("--from-log " + dir.resolve("sites.log") + ": line 2: cut short "
                            + ErasureLogLine.quoted(cut.substring(0, at)) + ": "), where + "\n" + said);
                    assertTrue(said.endsWith(at >= siteEnd ? "re-applied (comment " + ErasureLogLine.quoted(id) + " of site \"news.example\")"
                            : at >= idEnd ? "comment " + ErasureLogLine.quoted(id) + ", its site cut: not re-applied"
                            : at >= idStart ? "its id cut: not re-applied" : "cut before its id: not re-applied"), where + "\n" + said);
                }
            }
    }

    @Test
    void aFilesLastLineCutShortIsNamedNotFatal() throws Exception {
        String cut = site("s20");
        int siteEnd = end(cut, " of site " + ErasureLogLine.quoted(SITE));
        for (int at = 1; at <= cut.length(); at++) {
            String where = "cut at " + at + ": " + cut.substring(0, at);
            ErasureList.FromLog read = read(site("s19") + "\n" + cut.substring(0, at));
            assertEquals(at >= siteEnd ? List.of(target("s19"), target("s20")) : List.of(target("s19")), read.targets(), where);
            assertEquals(1, read.cuts().size(), where);
            assertTrue(read.cuts().get(0).startsWith("--from-log " + dir.resolve("sites.log") + ": line 2: cut short "), where);
        }
        // A month rolled with its cut last line: the archive is whole gzip, the line in it not ended.
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write((site("s19") + "\n" + cut.substring(0, 60)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.write(dir.resolve("sites-2026-11.log.gz"), gz.toByteArray());
        ErasureList.FromLog read = read(site("s21") + "\n");
        assertEquals(List.of(target("s19"), target("s21")), read.targets());
        assertEquals(List.of("--from-log " + dir.resolve("sites-2026-11.log.gz") + ": line 2: cut short "
                + ErasureLogLine.quoted(cut.substring(0, 60)) + ": cut before its id: not re-applied"), read.cuts());
    }

    /**
     * With --since, a cut line written before it (its time whole) is skipped as a whole one is, unnamed: the backup holds
     * its erasure and whatever the disk lost around it. One cut in its time, or written since, is named.
     */
    @Test
    void sinceSkipsTheCutLinesWrittenBeforeItWhereTheirTimeIsWhole() throws Exception {
        String old = site("s20").replace("2026-12-04", "2026-11-04"), cut = site("s30");
        int inId = cut.indexOf("\"s30\"") + 2;
        Files.writeString(dir.resolve("sites.log"), site("s19").replace("2026-12-04", "2026-11-04") + "\n" + old.substring(0, 100)
                + site("s21") + "\n" + cut.substring(0, inId) + site("s40") + "\n" + cut.substring(0, 20) + site("s41") + "\n");
        ErasureList.FromLog read = ErasureList.fromLog(List.of(dir.toString()), java.time.Instant.parse("2026-12-01T00:00:00Z"));
        assertEquals(List.of(target("s21"), target("s40"), target("s41")), read.targets());
        assertEquals(List.of("--from-log " + dir.resolve("sites.log") + ": line 3: cut short " + ErasureLogLine.quoted(cut.substring(0, inId))
                        + ": its id cut: not re-applied",
                "--from-log " + dir.resolve("sites.log") + ": line 4: cut short " + ErasureLogLine.quoted(cut.substring(0, 20))
                        + ": cut before its id: not re-applied"), read.cuts());
    }

    /** What is not a cut erasure line followed by a whole one still refuses the logs, and whole lines give no cut. */
    @Test
    void anythingElseThatIsNotAnErasureLineStillRefusesTheLogs() throws Exception {
        assertEquals(new ErasureList.FromLog(List.of(target("s19"), target("s20")), List.of()), read(site("s19") + "\n" + site("s20") + "\n"));
        String[][] refused = {
                {"line 2: not an erasure line", site("s19") + "\n" + site("s20").substring(0, 100) + "\n" + site("s40") + "\n"},
                {"line 2: an erasure line must begin as the service writes it", site("s19") + "\n"
                        + AT + "org.parley.service.store.Database: datab" + site("s40") + "\n"},
                {"line 2: an erasure line must begin as the service writes it", site("s19") + "\n" + "Dec 04 host parley[1]: " + site("s40") + "\n"},
                {"line 1: not an erasure line", site("s20").substring(0, 100) + "x" + site("s40") + "\n"}};
        for (String[] c : refused) {
            ArgumentParserException e = assertThrows(ArgumentParserException.class, () -> read(c[1]), c[1]);
            assertTrue(e.getMessage().contains(c[0]), e.getMessage());
        }
    }

    /** Ids and sites with characters of 2, 3 and 4 bytes in UTF-8; the operator's name, after the site, with one of 2. */
    private static final String[][] NON_ASCII = {{"caf\u00e9.example", "s-\u00e9t\u00e9"}, {"\u30cb\u30e5\u30fc\u30b9.example", "\u20ac20"},
            {"news.example", "s\uD83D\uDE00"}, {"\uD800\uDF48.example", "x\uD83D\uDC4D1"}};

    /**
     * A disk fills at any byte, so a cut falls inside a character of more than one byte as often as between two in an id
     * or site that has them. Until the fiftieth session the file was then not UTF-8 text and --from-log
     * refused the whole directory; now the character cut short ends the cut line (a U+FFFD in its text as named), and
     * the line glued after it is read as any. Each line is cut at every byte, glued to the next and as a file's last
     * line, plain and in gzip months.
     */
    @Test
    void aCutInsideACharacterIsTheCutItIsAtEveryByte() throws Exception {
        for (String[] siteAndId : NON_ASCII)
            for (boolean operators : new boolean[] {false, true}) {
                String site = siteAndId[0], id = siteAndId[1];
                String line = AT + (operators ? ErasureLogLine.OPERATOR_LOGGER + ": " + new ErasureLogLine(site, id).operatorMessage("jos\u00e9")
                        : ErasureLogLine.LOGGER + ": " + new ErasureLogLine(site, id).message("key:1a2b3c4d") + " request=r-7");
                byte[] bytes = line.getBytes(UTF_8);
                int siteEnd = end(line, " of site " + ErasureLogLine.quoted(site)),
                        siteEndByte = line.substring(0, siteEnd).getBytes(UTF_8).length;
                for (int at = 1; at <= bytes.length; at++) {
                    byte[] cut = java.util.Arrays.copyOf(bytes, at);
                    String text = new String(cut, UTF_8); // a character cut short: one U+FFFD, as the reading names it
                    for (boolean gzip : new boolean[] {false, true}) {
                        String where = (operators ? "operator's " : "site's ") + id + " of " + site + " cut at byte " + at
                                + (gzip ? " in gzip" : "") + ": " + text;
                        Path glued = dir.resolve(gzip ? "sites-2026-10.log.gz" : "a.log"), last = dir.resolve(gzip ? "sites-2026-11.log.gz" : "b.log");
                        write(glued, gzip, bytes(site("s19") + "\n"), cut, bytes(site("s40") + "\n" + operator("s41") + "\n"));
                        write(last, gzip, bytes(site("s42") + "\n"), cut);
                        ErasureList.FromLog read;
                        try {
                            read = ErasureList.fromLog(List.of(dir.toString()), null);
                        } catch (ArgumentParserException e) {
                            throw new AssertionError(where + ": " + e.getMessage(), e);
                        } finally {
                            Files.delete(glued);
                            Files.delete(last);
                        }
                        boolean whole = at >= siteEndByte;
                        List<ErasureList.Target> expected = new ArrayList<>(List.of(target("s19")));
                        if (whole) expected.add(new ErasureList.Target(site, id));
                        expected.addAll(List.of(target("s40"), target("s41"), target("s42")));
                        if (whole) expected.add(new ErasureList.Target(site, id));
                        assertEquals(expected, read.targets(), where);
                        assertEquals(2, read.cuts().size(), where + "\n" + read.cuts());
                        for (int i = 0; i < 2; i++) {
                            String said = read.cuts().get(i);
                            assertTrue(said.startsWith("--from-log " + (i == 0 ? glued : last) + ": line 2: cut short "
                                    + ErasureLogLine.quoted(text) + ": "), where + "\n" + said);
                            if (whole) assertTrue(said.endsWith("re-applied (comment " + ErasureLogLine.quoted(id) + " of site "
                                    + ErasureLogLine.quoted(site) + ")"), where + "\n" + said);
                            else assertTrue(said.endsWith("not re-applied"), where + "\n" + said);
                        }
                    }
                }
            }
    }

    /**
     * A month's compression stopped part-way (not whole gzip) whose last bytes end inside a character: its whole lines are
     * read and its cut last line let go, as for a cut anywhere else in that line. Until the fiftieth session the file was
     * not UTF-8 text, refused.
     */
    @Test
    void aCutGzipWhoseLastBytesEndInsideACharacterGivesItsWholeLines() throws Exception {
        String line = AT + ErasureLogLine.LOGGER + ": " + new ErasureLogLine("caf\u00e9.example", "\u20ac\uD83D\uDE00").message("key:1a2b3c4d");
        byte[] bytes = line.getBytes(UTF_8);
        for (int at = 1; at < bytes.length; at++) {
            java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
            GZIPOutputStream out = new GZIPOutputStream(gz, true);
            out.write(bytes(site("s19") + "\n"));
            out.write(bytes, 0, at);
            out.flush(); // every byte so far compressed and written: the archive cut there, with no gzip trailer
            Files.write(dir.resolve("sites-2026-11.log.gz"), gz.toByteArray());
            String where = "cut at byte " + at + ": " + new String(bytes, 0, at, UTF_8);
            try {
                assertEquals(new ErasureList.FromLog(List.of(target("s19")), List.of()), ErasureList.fromLog(List.of(dir.toString()), null), where);
            } catch (ArgumentParserException e) {
                throw new AssertionError(where + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Bytes that are not UTF-8 anywhere but a character cut short at a cut line's end still refuse the logs, as the whole
     * file was refused before: in a whole line, before a line break, glued to what is not a line's start, a lone
     * continuation byte, a cut non-erasure last line; and --ids never takes one.
     */
    @Test
    void otherBytesThatAreNotUtf8StillRefuseTheLogs() throws Exception {
        String line = site("caf\u00e9");
        byte[] bytes = line.getBytes(UTF_8);
        int inE = line.substring(0, line.indexOf('\u00e9')).getBytes(UTF_8).length + 1; // after the é's first byte
        byte[] cut = java.util.Arrays.copyOf(bytes, inE), s40 = bytes(site("s40") + "\n");
        byte[][][] refused = {
                {bytes(site("s19") + "\n"), cut, bytes("\n"), s40},
                {cut, java.util.Arrays.copyOfRange(bytes, inE + 1, bytes.length), bytes("\n")},
                {cut, bytes("x"), s40},
                {java.util.Arrays.copyOf(bytes, inE - 1), new byte[] {(byte) 0x80}, s40},
                {java.util.Arrays.copyOf(bytes, inE - 1), new byte[] {(byte) 0xe0, (byte) 0x80}, s40},
                {java.util.Arrays.copyOf(bytes, inE - 1), new byte[] {(byte) 0xff}, s40},
                {bytes(site("s19") + "\nINFO  [2026-12-04 10:00:00,000] org.parley.service.store.Database: caf"), new byte[] {(byte) 0xc3}},
                {bytes(site("s19") + "\ncaf"), new byte[] {(byte) 0xc3}}};
        for (byte[][] parts : refused) {
            write(dir.resolve("sites.log"), false, parts);
            ArgumentParserException e = assertThrows(ArgumentParserException.class, () -> ErasureList.fromLog(List.of(dir.toString()), null),
                    new String(Files.readAllBytes(dir.resolve("sites.log")), UTF_8));
            assertEquals("--from-log: " + dir.resolve("sites.log") + " is not UTF-8 text", e.getMessage());
        }
        write(dir.resolve("ids.txt"), false, bytes("s19\ncaf"), new byte[] {(byte) 0xc3});
        ArgumentParserException e = assertThrows(ArgumentParserException.class, () -> ErasureList.idsFile(SITE, dir.resolve("ids.txt").toString()));
        assertEquals("--ids: " + dir.resolve("ids.txt") + " is not UTF-8 text", e.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    /** {@code parts} one after the other in {@code file}, gzip-compressed or not. */
    private static void write(Path file, boolean gzip, byte[]... parts) throws java.io.IOException {
        try (java.io.OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            for (byte[] part : parts) out.write(part);
        }
    }
}
