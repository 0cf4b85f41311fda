package org.parley.service.erasurelog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.LogLines;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A month's roll of sites.log that a kill -9 cut off, as logback leaves it (the month whole in {@code
 * sites-YYYY-MM.log<digits>.tmp}, its archive cut short or missing), finished by the service's start; and left, with
 * a WARN, where the archive holds lines the .tmp does not begin with. Real files, the archives cut by bytes. Until the
 * forty-sixth session nothing finished such a roll: the .tmp and the cut .gz stayed for good.
 */
class InterruptedRollsTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    @TempDir Path dir;

    /** A month's erasure lines, with ids that compress poorly: half the archive's bytes hold well under half its lines. */
    private static byte[] month(String month, int lines, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines; i++)
            text.append("INFO  [").append(month).append("-04 10:00:00,000] org.parley.service.resources.CommentsResource: erased comment \"c-")
                    .append(i).append('-').append(Long.toHexString(random.nextLong())).append("\" of site \"news.example\" (its site's DELETE, key:1a2b)\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(byte[] text) throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        return gz.toByteArray();
    }

    private byte[] gunzip(String name) throws Exception {
        try (var in = new GZIPInputStream(Files.newInputStream(dir.resolve(name)))) {
            return in.readAllBytes();
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCutOrMissingArchiveIsWrittenWholeFromItsTmpWhichThenGoes() throws Exception {
        byte[] january = month("2026-01", 3000, 1), february = month("2026-02", 10, 2), march = month("2026-03", 10, 3);
        byte[] whole = gzip(january);
        Files.write(dir.resolve("sites-2026-01.log.gz"), Arrays.copyOf(whole, whole.length / 2)); // cut mid-line
        Files.write(dir.resolve("sites-2026-01.log81234567.tmp"), january);
        Files.write(dir.resolve("sites-2026-02.log-4312.tmp"), february); // System.nanoTime() may be negative; no .gz begun
        Files.createFile(dir.resolve("sites-2026-03.log.gz")); // cut in its header: nothing in it yet
        Files.write(dir.resolve("sites-2026-03.log99.tmp"), march);
        Files.writeString(dir.resolve("sites.log"), "this month's\n");
        Files.writeString(dir.resolve("parley-2026-11.log77.tmp"), "another log's roll, which may be under way\n");

        try (LogLines log = LogLines.of(InterruptedRolls.class.getName(), Level.INFO)) {
            assertEquals(3, InterruptedRolls.finish(dir, NOW));
            assertTrue(log.list().stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN)), log.list().toString());
        }
        assertEquals(List.of("parley-2026-11.log77.tmp", "sites-2026-01.log.gz", "sites-2026-02.log.gz", "sites-2026-03.log.gz",
                "sites.log"), names());
        assertArrayEquals(january, gunzip("sites-2026-01.log.gz"));
        assertArrayEquals(february, gunzip("sites-2026-02.log.gz"));
        assertArrayEquals(march, gunzip("sites-2026-03.log.gz"));
        assertEquals(0, InterruptedRolls.finish(dir, NOW), "nothing left to do");
    }

    /**
     * Where the archive's whole lines are not the .tmp's first ones (another roll into the month's name, or the cut
     * archive of another month's lines), or it cannot be read to tell, compressing the .tmp over it would lose them.
     */
    @Test
    void aTmpBesideAnArchiveOfOtherLinesIsLeftAsItIsWithAWarningSayingWhatToDo() throws Exception {
        byte[] first = month("2026-01", 3000, 1), second = month("2026-01", 3000, 4);
        byte[] otherWhole = gzip(first), otherCut = Arrays.copyOf(gzip(second), gzip(second).length / 2);
        // the cut archive begins as its .tmp does, then differs: its first 100 lines are the .tmp's
        byte[] diverging = Arrays.copyOf(first, first.length);
        int at = new String(first, StandardCharsets.UTF_8).lines().limit(100).mapToInt(l -> l.length() + 1).sum();
        diverging[at + 10] = 'X';
        Files.write(dir.resolve("sites-2026-01.log.gz"), otherWhole);
        Files.write(dir.resolve("sites-2026-01.log123.tmp"), second);
        Files.write(dir.resolve("sites-2026-02.log.gz"), Arrays.copyOf(gzip(diverging), gzip(diverging).length / 2));
        Files.write(dir.resolve("sites-2026-02.log456.tmp"), first);
        Files.writeString(dir.resolve("sites-2026-03.log.gz"), "not gzip\n");
        Files.write(dir.resolve("sites-2026-03.log789.tmp"), second);
        Files.write(dir.resolve("sites-2026-04.log.gz"), otherCut);
        Files.write(dir.resolve("sites-2026-04.log1.tmp"), first);
        List<String> before = names();

        List<ILoggingEvent> warned;
        try (LogLines log = LogLines.of(InterruptedRolls.class.getName(), Level.WARN)) {
            assertEquals(0, InterruptedRolls.finish(dir, NOW));
            warned = List.copyOf(log.list());
        }
        assertEquals(before, names());
        assertArrayEquals(otherWhole, Files.readAllBytes(dir.resolve("sites-2026-01.log.gz")), "left byte for byte");
        assertArrayEquals(second, Files.readAllBytes(dir.resolve("sites-2026-01.log123.tmp")));
        assertArrayEquals(otherCut, Files.readAllBytes(dir.resolve("sites-2026-04.log.gz")));
        assertEquals(4, warned.size(), warned.toString());
        String other = warned.get(0).getFormattedMessage();
        assertEquals("the erasure log's " + dir.resolve("sites-2026-01.log123.tmp") + " is a month's roll of sites.log that did not"
                + " finish, and " + dir.resolve("sites-2026-01.log.gz") + " beside it holds other lines (its line 1 is not the .tmp's),"
                + " from another roll into that month's name (the clock set back?): both are left as they are. scripts/erase"
                + " --from-log reads both: keep both as long as your oldest backup; to tidy, compress the .tmp under a name of its"
                + " own in the directory (gzip -c sites-2026-01.log123.tmp > sites-2026-01.log.2.gz), then delete the .tmp"
                + " (docs/moderation.md, Backup and restore)", other);
        assertTrue(warned.get(1).getFormattedMessage().contains("sites-2026-02.log.gz beside it holds other lines (its line 101 is not"
                + " the .tmp's)"), warned.get(1).getFormattedMessage());
        assertTrue(warned.get(2).getFormattedMessage().contains("sites-2026-03.log.gz beside it is not gzip that can be read to its"
                + " end or its cut (Not in GZIP format): both are left as they are. scripts/erase --from-log refuses the directory"
                + " while it holds the .gz: save what `zcat sites-2026-03.log.gz` gives, move the .gz out of the directory and restart the service"),
                warned.get(2).getFormattedMessage());
        assertTrue(warned.get(3).getFormattedMessage().contains("sites-2026-04.log.gz beside it holds other lines (its line 1 "),
                warned.get(3).getFormattedMessage());

        // The operator moves the unreadable one out: the next start finishes that roll.
        Files.delete(dir.resolve("sites-2026-03.log.gz"));
        assertEquals(1, InterruptedRolls.finish(dir, NOW));
        assertArrayEquals(second, gunzip("sites-2026-03.log.gz"));
    }

    /** A hidden archive a stop cut off while it was written (its source kept) goes once a day old: one younger may be in the works. */
    @Test
    void aHiddenArchiveAStopCutOffIsDeletedOnceADayOld() throws Exception {
        Path old = Files.writeString(dir.resolve(".operator-2026-10.log.gz.4711.tmp"), "cut"),
                young = Files.writeString(dir.resolve(".sites-2026-11.log.gz.4712.tmp"), "being written");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(InterruptedRolls.LEFT_OVER_AGE)));
        Files.setLastModifiedTime(young, FileTime.from(NOW.minus(InterruptedRolls.LEFT_OVER_AGE).plus(Duration.ofMinutes(1))));
        Files.writeString(dir.resolve(".sites.lock"), "");
        assertEquals(0, InterruptedRolls.finish(dir, NOW));
        assertEquals(List.of(".sites-2026-11.log.gz.4712.tmp", ".sites.lock"), names());
    }
}
