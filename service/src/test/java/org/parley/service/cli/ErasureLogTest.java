package org.parley.service.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.logging.common.LoggerConfiguration;
import io.dropwizard.logging.common.async.AsyncLoggingEventAppenderFactory;
import io.dropwizard.logging.common.filter.ThresholdLevelFilterFactory;
import io.dropwizard.logging.common.layout.DropwizardLayoutFactory;
import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.ErasureLogs;
import org.parley.service.erasurelog.ErasureFileAppenderFactory;
import org.parley.service.erasurelog.ForcedLines;
import org.parley.service.moderation.ErasureLogLine;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped config.yml's erasure log, built as Dropwizard builds a logger's own appenders: the site's erasures roll
 * monthly into compressed archives that are never deleted, the operator's go to a file a month, both start in one process
 * (each process has both entries), and scripts/erase --from-log reads the directory back whole. Until the forty-fourth
 * session the erasure lines were in the service's main log alone, which nothing kept as long as the backups.
 */
class ErasureLogTest {
    @TempDir Path dir;

    /**
     * The appender Dropwizard builds for {@code logger}'s entry, in {@code context}: the file appender behind no queue,
     * each line forced to the disk before the logger's call returns (erasurelog.ForcedLines).
     */
    private ForcedLines built(LoggerContext context, String logger) throws Exception {
        LoggerConfiguration entry = Jackson.newObjectMapper().treeToValue(ErasureLogs.entry(dir, logger), LoggerConfiguration.class);
        assertEquals("INFO", entry.getLevel(), logger);
        assertTrue(entry.isAdditive(), logger + ": still in the main log, as operators have them");
        assertEquals(1, entry.getAppenders().size(), logger);
        FileAppenderFactory<ILoggingEvent> file = (FileAppenderFactory<ILoggingEvent>) entry.getAppenders().get(0);
        assertInstanceOf(ErasureFileAppenderFactory.class, file, logger + ": type erasure-file");
        assertEquals(0, file.getArchivedFileCount(), logger + ": no archive is ever deleted");
        assertNull(file.getTotalSizeCap(), logger);
        Appender<ILoggingEvent> built = file.build(context, "parley", new DropwizardLayoutFactory(), new ThresholdLevelFilterFactory(),
                new AsyncLoggingEventAppenderFactory());
        ForcedLines forced = assertInstanceOf(ForcedLines.class, built, logger + ": no queue between the caller and the file");
        assertTrue(forced.isStarted(), logger);
        RollingFileAppender<ILoggingEvent> rolling = (RollingFileAppender<ILoggingEvent>) forced.file();
        assertTrue(rolling.isStarted(), logger + ": started beside the other's (one file pattern each: logback refuses a second)");
        return forced;
    }

    private static ILoggingEvent line(LoggerContext context, String logger, String message, long at) {
        LoggingEvent e = new LoggingEvent(ErasureLogTest.class.getName(), context.getLogger(logger), Level.INFO, message, null, null);
        e.setTimeStamp(at);
        return e;
    }

    private static long middleOf(YearMonth month) {
        return month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    @Test
    void theSitesErasuresRollMonthlyIntoCompressedArchivesThatAreKeptAndFromLogReadsTheDirectoryWhole() throws Exception {
        YearMonth first = YearMonth.of(2026, 1);
        // The service's sites.log as a start finds it, last written in January: the start's period is the file's.
        Path erasures = Files.createDirectories(dir), sites = Files.createFile(erasures.resolve("sites.log"));
        Files.setLastModifiedTime(sites, FileTime.from(Instant.ofEpochMilli(middleOf(first))));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // the layout reads the request's id
        ForcedLines site = built(context, ErasureLogLine.LOGGER), operator = built(context, ErasureLogLine.OPERATOR_LOGGER);
        var clock = ((TimeBasedRollingPolicy<ILoggingEvent>) ((RollingFileAppender<ILoggingEvent>) site.file()).getRollingPolicy())
                .getTimeBasedFileNamingAndTriggeringPolicy();

        List<ErasureLogLine> written = new ArrayList<>();
        for (int m = 0; m < 9; m++) { // January to September: eight months archived, more than Dropwizard's default 5 kept
            YearMonth month = first.plusMonths(m);
            clock.setCurrentTime(middleOf(month));
            ErasureLogLine e = new ErasureLogLine("news.example", "c-" + month);
            site.doAppend(line(context, ErasureLogLine.LOGGER, e.message("key:1a2b"), middleOf(month)));
            written.add(e);
            compressed(erasures); // a month's rollover compresses on another thread: the next, a month later, finds it done
        }
        ErasureLogLine byOperator = new ErasureLogLine("blog.example", "b \"1\"");
        operator.doAppend(line(context, ErasureLogLine.OPERATOR_LOGGER, byOperator.operatorMessage("ops"), System.currentTimeMillis()));
        written.add(byOperator);
        context.stop(); // waits for the last compression

        List<String> names;
        try (Stream<Path> files = Files.list(erasures)) {
            names = files.map(f -> f.getFileName().toString()).sorted().toList();
        }
        List<String> expected = new ArrayList<>();
        String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
        expected.add("operator-" + thisMonth + ".log");
        for (int m = 0; m < 8; m++) expected.add("sites-" + first.plusMonths(m) + ".log.gz");
        expected.add("sites.log");
        assertEquals(expected, names);
        for (int m = 0; m < 8; m++) {
            Path archive = erasures.resolve("sites-" + first.plusMonths(m) + ".log.gz");
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(archive))) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(1, text.lines().count(), archive + ": " + text);
                assertEquals(written.get(m), ErasureLogLine.read(text.strip()).orElseThrow(), "a month's line in its month's archive");
            }
        }

        // What --from-log re-applies: every line of the directory, oldest first (by name), the operator's beside the sites'.
        List<ErasureList.Target> read = ErasureList.log(List.of(erasures.toString()));
        List<ErasureList.Target> all = written.stream().map(e -> new ErasureList.Target(e.site(), e.id())).toList();
        assertEquals(all.get(all.size() - 1), read.get(0), "operator-… sorts first");
        assertEquals(all.subList(0, all.size() - 1), read.subList(1, read.size()));
    }

    private interface Reading {
        void read() throws Exception;
    }

    /** What {@code run} wrote to standard error, where ErasureList warns (not the command's stream). */
    private static String warnedWhile(Reading run) throws Exception {
        java.io.ByteArrayOutputStream warned = new java.io.ByteArrayOutputStream();
        java.io.PrintStream err = System.err;
        System.setErr(new java.io.PrintStream(warned, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            run.read();
        } finally {
            System.setErr(err);
        }
        return warned.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Waits (a minute at most) until no rolled file waits for its compression, as a month later none does. */
    private static void compressed(Path dir) throws Exception {
        for (int i = 0; i < 600; i++) {
            try (Stream<Path> files = Files.list(dir)) {
                if (files.noneMatch(f -> f.toString().endsWith(".tmp"))) return;
            }
            Thread.sleep(100);
        }
        fail("a rolled file still waits for its compression");
    }

    /**
     * A service stopped while a month's roll compressed sites.log leaves the month whole in {@code sites-…log<digits>.tmp}
     * and a cut {@code .gz} (logback writes the archive in place, then deletes the source): --from-log reads every whole
     * line the cut one holds, leaves its cut last line, and reads the .tmp, so every erasure is there and none is refused.
     * Until the forty-fifth session the cut .gz was refused until deleted by hand.
     */
    @Test
    void aCutArchiveIsReadToItsLastWholeLineBesideItsMonthWholeInTheTmp() throws Exception {
        Path erasures = Files.createDirectories(dir.resolve("erasures"));
        StringBuilder month = new StringBuilder();
        List<ErasureList.Target> all = new ArrayList<>();
        java.util.Random random = new java.util.Random(7); // ids that compress poorly: the cut falls well inside the text
        for (int i = 0; i < 3000; i++) {
            String id = "c-" + i + "-" + Long.toHexString(random.nextLong());
            month.append("INFO  [2026-01-04 10:00:00,000] ").append(ErasureLogLine.LOGGER).append(": ")
                    .append(new ErasureLogLine("news.example", id).message("key:1a2b")).append('\n');
            all.add(new ErasureList.Target("news.example", id));
        }
        byte[] text = month.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(text);
        }
        byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Files.write(erasures.resolve("sites-2026-01.log.gz"), cut);
        // What the cut bytes hold, read a byte at a time until the inflater runs out: its whole lines are what it has.
        java.io.ByteArrayOutputStream held = new java.io.ByteArrayOutputStream();
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(cut))) {
            for (int b; (b = in.read()) >= 0; ) held.write(b);
            fail("not cut");
        } catch (java.io.EOFException expected) {
            // the end of what it holds
        }
        long wholeLines = held.toString(java.nio.charset.StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        assertTrue(wholeLines > 100 && wholeLines < all.size(), wholeLines + " of " + all.size());

        Path archive = erasures.resolve("sites-2026-01.log.gz");
        String warned = warnedWhile(() -> assertEquals(all.subList(0, (int) wholeLines), ErasureList.log(List.of(archive.toString())),
                "every whole line the cut archive holds, in order, and not its cut last one"));
        assertTrue(warned.startsWith("erase: warning: --from-log " + archive + " is cut short (not whole gzip): read its "
                + wholeLines + " whole lines. "), warned);
        Files.write(erasures.resolve("sites-2026-01.log81234567.tmp"), text);
        List<ErasureList.Target> read = ErasureList.log(List.of(erasures.toString()));
        assertEquals(all, read.subList((int) wholeLines, read.size()), "the .tmp, whole, after the .gz by name");
    }

    /** Several logs at once, gzip or not by their bytes (a rotated service log named anything), and what is refused. */
    @Test
    void fromLogTakesSeveralFilesAndDirectoriesGzipOrNot() throws Exception {
        String a = "INFO  [2026-12-04 10:00:00,000] " + ErasureLogLine.LOGGER + ": " + new ErasureLogLine("s", "a").message("key:1");
        String b = "INFO  [2026-12-04 10:00:01,000] " + ErasureLogLine.OPERATOR_LOGGER + ": "
                + new ErasureLogLine("s", "b").operatorMessage("ops");
        Path plain = Files.writeString(dir.resolve("parley.log"), "INFO  [x] other: not one\n" + a + "\n");
        Path zipped = dir.resolve("parley.log.1");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write((b + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path sub = Files.createDirectories(dir.resolve("erasures"));
        Files.createFile(sub.resolve("operator-2026-12.log")); // an idle process's empty file
        Files.copy(zipped, sub.resolve("sites-2026-11.log.gz"));
        Files.writeString(sub.resolve(".hidden"), a + "\n");
        assertEquals("", warnedWhile(() -> assertEquals(List.of(new ErasureList.Target("s", "a"), new ErasureList.Target("s", "b"),
                new ErasureList.Target("s", "b")), ErasureList.log(List.of(plain.toString(), zipped.toString(), sub.toString())))),
                "whole gzip: no warning");

        // Cut in its trailer: its one line is whole, and read (ErasureLogTest.aCutArchiveIsReadToItsLastWholeLine); as
        // --ids it is refused. Corrupt rather than cut, refused either way.
        Path cut = dir.resolve("cut.log.gz");
        byte[] whole = Files.readAllBytes(zipped);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length - 6));
        assertEquals(List.of(new ErasureList.Target("s", "a"), new ErasureList.Target("s", "b")),
                ErasureList.log(List.of(plain.toString(), cut.toString())));
        ArgumentParserException e = assertThrows(ArgumentParserException.class, () -> ErasureList.idsFile("s", cut.toString()));
        assertTrue(e.getMessage().startsWith("--ids: " + cut + " is not whole gzip: "), e.getMessage());
        Path corrupt = dir.resolve("corrupt.log.gz");
        byte[] changed = whole.clone();
        changed[changed.length - 5] ^= 0x55; // its length, in the trailer
        Files.write(corrupt, changed);
        e = assertThrows(ArgumentParserException.class, () -> ErasureList.log(List.of(plain.toString(), corrupt.toString())));
        assertTrue(e.getMessage().startsWith("--from-log: " + corrupt + " is not whole gzip: "), e.getMessage());
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.createFile(empty.resolve("operator-2026-12.log"));
        e = assertThrows(ArgumentParserException.class, () -> ErasureList.log(List.of(empty.toString())));
        assertTrue(e.getMessage().startsWith("--from-log " + empty + " holds no line 'erased comment"), e.getMessage());
    }
}
