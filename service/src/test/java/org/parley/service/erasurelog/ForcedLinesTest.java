package org.parley.service.erasurelog;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.ErasureLogs;
import org.parley.service.moderation.ErasureLogLine;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * config.yml's erasure-file appender: a logger's call returns once its line is whole at the end of the file, or throws
 * naming the file. Dropwizard's file appender wrote it later, from a queue, and kept a failed write quiet.
 */
class ForcedLinesTest {
    private static final Path FULL = Path.of("/dev/full"); // every write fails as on a full disk: "No space left on device"
    @TempDir Path dir;
    private final LoggerContext context = new LoggerContext();
    private Logger logger;

    @BeforeEach
    void setUp() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        logger = context.getLogger("erasures");
        logger.setLevel(Level.INFO);
    }

    @AfterEach
    void tearDown() {
        context.stop();
    }

    private Appender<ILoggingEvent> attached(Path file) {
        Appender<ILoggingEvent> forced = ErasureLogs.forced(context, file);
        logger.addAppender(forced);
        return forced;
    }

    @Test
    void eachLineIsWholeInTheFileWhenTheCallReturns() throws Exception {
        Path log = dir.resolve("sites.log");
        assertInstanceOf(ForcedLines.class, attached(log));
        for (int i = 0; i < 3; i++) {
            logger.info("erased comment \"c{}\"", i);
            List<String> lines = Files.readAllLines(log);
            assertEquals(i + 1, lines.size(), lines.toString());
            assertTrue(lines.get(i).endsWith("erasures: erased comment \"c" + i + "\""), lines.get(i));
        }
    }

    /** The call throws, so the caller does not answer the erasure as logged; the logger's parents never get the line. */
    @Test
    void aLineTheDiskRefusesThrowsFromTheLoggersCallNamingTheFile() {
        assumeTrue(Files.isWritable(FULL), "no /dev/full here");
        ListAppender<ILoggingEvent> main = new ListAppender<>();
        main.setContext(context);
        main.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(main);
        attached(FULL);
        for (int i = 0; i < 2; i++) { // the second while logback's stream holds itself in error and drops lines unsaid
            ErasureLineNotWritten e = assertThrows(ErasureLineNotWritten.class, () -> logger.info("erased comment \"c\""));
            assertTrue(e.getMessage().startsWith("the erasure log " + FULL + " "), e.getMessage());
        }
        assertEquals(List.of(), main.list);
    }

    /**
     * An operator who moves the file away, or deletes it, or puts another in its place: the next line goes to a file at
     * the path, opened again. An operator's audit (sixty-seventh session): the line went to the file no one read, the
     * read-back of the path failed, and every erasure after it was refused until a restart.
     */
    @Test
    void aFileMovedAwayOrDeletedIsOpenedAgainAtItsPathForTheNextLine() throws Exception {
        Path log = dir.resolve("sites.log");
        attached(log);
        logger.info("erased comment \"a\"");
        Files.move(log, dir.resolve("moved.log"));
        logger.info("erased comment \"b\"");
        assertEquals(1, Files.readAllLines(dir.resolve("moved.log")).size());
        List<String> lines = Files.readAllLines(log);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("erased comment \"b\""), lines.toString());

        Files.delete(log);
        Files.writeString(log, "");  // an empty file put in its place, as `touch` would
        logger.info("erased comment \"c\"");
        lines = Files.readAllLines(log);
        assertTrue(lines.size() == 1 && lines.get(0).endsWith("erased comment \"c\""), lines.toString());
        Files.delete(log);
        logger.info("erased comment \"d\"");
        lines = Files.readAllLines(log);
        assertTrue(lines.size() == 1 && lines.get(0).endsWith("erased comment \"d\""), lines.toString());
        logger.info("erased comment \"e\"");
        assertEquals(2, Files.readAllLines(log).size(), "the same file again while it stays");
    }

    /** A line its filters keep out is not written, and that is no failure. */
    @Test
    void aLineTheAppendersFilterKeepsOutIsNoFailure() throws Exception {
        assumeTrue(Files.isWritable(FULL), "no /dev/full here");
        Appender<ILoggingEvent> forced = attached(FULL);
        ch.qos.logback.classic.filter.ThresholdFilter warn = new ch.qos.logback.classic.filter.ThresholdFilter();
        warn.setLevel("WARN");
        warn.start();
        ((ForcedLines) forced).file().addFilter(warn);
        logger.info("not an erasure line");
        assertThrows(ErasureLineNotWritten.class, () -> logger.warn("erased comment \"c\""));
    }

    /**
     * The read-back finds the line among what the file took since the call began, at a line's start: the operator's file
     * takes several scripts' lines at once, and another's may follow this one or come before it.
     */
    @Test
    void theReadBackFindsTheLineWholeAmongOthersLinesAndNotInsideOne() {
        byte[] line = "INFO  erased comment \"c\"\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String ours = new String(line, java.nio.charset.StandardCharsets.UTF_8);
        for (String took : List.of(ours, ours + "INFO  another's\n", "INFO  another's\n" + ours, "a cut lin\n" + ours))
            assertTrue(ForcedLines.holds(took.getBytes(java.nio.charset.StandardCharsets.UTF_8), line), took);
        for (String took : List.of("", ours.substring(0, ours.length() - 1), "x" + ours, ours.substring(1)))
            assertFalse(ForcedLines.holds(took.getBytes(java.nio.charset.StandardCharsets.UTF_8), line), took);
    }

    /**
     * A write that fails on the file (its stream closed under it: logback drops the line and says nothing) throws, though
     * the file holds the very same line from before: the check reads what the file took since the call began.
     */
    @Test
    void aFailedWriteThrowsThoughTheFileHoldsTheSameLineFromBefore() throws Exception {
        Path log = dir.resolve("sites.log");
        ForcedLines forced = (ForcedLines) attached(log);
        ch.qos.logback.classic.spi.LoggingEvent line = new ch.qos.logback.classic.spi.LoggingEvent("x", logger, Level.INFO,
                "erased comment \"c\"", null, null);
        line.setTimeStamp(1_765_000_000_000L);
        forced.doAppend(line);
        forced.file().getOutputStream().close();
        ErasureLineNotWritten e = assertThrows(ErasureLineNotWritten.class, () -> forced.doAppend(line));
        assertTrue(e.getMessage().startsWith("the erasure log " + log + " does not hold the line it was given"), e.getMessage());
        assertEquals(1, Files.readAllLines(log).size());
    }

    /** An erasure-file whose config turns off logback's flush after each line is flushed all the same. */
    @Test
    void aFileAppenderThatDoesNotFlushEachLineIsFlushed() throws Exception {
        Path log = dir.resolve("sites.log");
        logger.addAppender(ErasureLogs.forced(context, log, false));
        logger.info("erased comment \"c\"");
        assertEquals(1, Files.readAllLines(log).size());
    }

    /** Named and placed as the file appender it writes through; stopped and started with it. */
    @Test
    void itStopsAndStartsWithItsFileAppender() throws Exception {
        Path log = dir.resolve("sites.log");
        ForcedLines forced = (ForcedLines) attached(log);
        assertEquals(forced.file().getName(), forced.getName());
        assertSame(context, forced.getContext());
        forced.stop();
        assertFalse(forced.isStarted());
        assertFalse(forced.file().isStarted());
        forced.start();
        assertTrue(forced.isStarted());
        assertTrue(forced.file().isStarted());
        logger.info("erased comment \"c\"");
        assertEquals(1, Files.readAllLines(log).size());
    }

    @Test
    void aStoppedAppenderThrows() {
        Path log = dir.resolve("sites.log");
        Appender<ILoggingEvent> forced = attached(log);
        forced.stop();
        ErasureLineNotWritten e = assertThrows(ErasureLineNotWritten.class, () -> forced.doAppend(
                new ch.qos.logback.classic.spi.LoggingEvent("x", logger, Level.INFO, "erased comment \"c\"", null, null)));
        assertEquals("the erasure log " + log + " is closed", e.getMessage());
    }

    /** The real fsyncs, each said first as "file N" (the bytes the file holds then) or "directory D"; or a failure instead. */
    private static final class Watched implements ForcedLines.Disk {
        final List<String> calls = new ArrayList<>();
        IOException failure;

        @Override
        public void force(FileChannel file) throws IOException {
            calls.add("file " + file.size());
            if (failure != null) throw failure;
            ForcedLines.Disk.LINUX.force(file);
        }

        @Override
        public void forceDirectory(Path dir) throws IOException {
            calls.add("directory " + dir);
            if (failure != null) throw failure;
            ForcedLines.Disk.LINUX.forceDirectory(dir);
        }
    }

    /** {@code shipped}'s file appender behind a ForcedLines that syncs through {@code disk}, attached to the logger. */
    private ForcedLines watchedBy(ForcedLines.Disk disk, ForcedLines shipped) {
        ForcedLines forced = new ForcedLines(shipped.file(), disk);
        forced.start();
        logger.addAppender(forced);
        return forced;
    }

    /**
     * Each line's file is forced once it holds the line whole; a file a start opened has its entry in its directory forced
     * with its first line (Linux's fsync of a file does not write the entry: a power cut could lose a new file whole),
     * and only then.
     */
    @Test
    void eachLineIsForcedOnceInTheFileAndAStartsFileHasItsDirectoryEntryForcedWithItsFirstLine() throws Exception {
        Path log = dir.resolve("sites.log");
        Watched disk = new Watched();
        watchedBy(disk, (ForcedLines) ErasureLogs.forced(context, log));
        logger.info("erased comment \"a\"");
        assertEquals(List.of("file " + Files.size(log), "directory " + dir.toAbsolutePath()), disk.calls);
        logger.info("erased comment \"b\"");
        assertEquals(List.of("file " + Files.size(log)), disk.calls.subList(2, disk.calls.size()));
        assertEquals(2, Files.readAllLines(log).size());
    }

    /** A month's roll opens a new file: its first line forces the directory's entries again, the next line does not. */
    @Test
    void aMonthsNewFileHasItsDirectoryEntryForcedWithItsFirstLine() throws Exception {
        YearMonth january = YearMonth.of(2026, 1);
        Path sites = Files.createFile(dir.resolve("sites.log")); // as a start finds it, last written in January
        Files.setLastModifiedTime(sites, FileTime.from(Instant.ofEpochMilli(middleOf(january))));
        var entry = io.dropwizard.jackson.Jackson.newObjectMapper().treeToValue(ErasureLogs.entry(dir, ErasureLogLine.LOGGER),
                io.dropwizard.logging.common.LoggerConfiguration.class);
        var factory = (io.dropwizard.logging.common.FileAppenderFactory<ILoggingEvent>) entry.getAppenders().get(0);
        ForcedLines shipped = (ForcedLines) factory.build(context, "parley", new io.dropwizard.logging.common.layout.DropwizardLayoutFactory(),
                new io.dropwizard.logging.common.filter.ThresholdLevelFilterFactory(),
                new io.dropwizard.logging.common.async.AsyncLoggingEventAppenderFactory());
        Watched disk = new Watched();
        ForcedLines forced = watchedBy(disk, shipped);
        var rolling = (ch.qos.logback.core.rolling.RollingFileAppender<ILoggingEvent>) forced.file();
        var clock = ((ch.qos.logback.core.rolling.TimeBasedRollingPolicy<ILoggingEvent>) rolling.getRollingPolicy())
                .getTimeBasedFileNamingAndTriggeringPolicy();
        String directory = "directory " + dir.toAbsolutePath();
        List<List<String>> seen = new ArrayList<>();
        for (YearMonth month : List.of(january, january, january.plusMonths(1), january.plusMonths(1))) {
            clock.setCurrentTime(middleOf(month));
            var line = new ch.qos.logback.classic.spi.LoggingEvent("x", logger, Level.INFO, "erased comment \"" + month + "\"", null, null);
            line.setTimeStamp(middleOf(month));
            disk.calls.clear();
            forced.doAppend(line);
            seen.add(List.copyOf(disk.calls));
        }
        long line = Files.size(sites) / 2; // February's two lines, each as long as January's
        assertEquals(List.of(List.of("file " + line, directory), List.of("file " + 2 * line),
                List.of("file " + line, directory), List.of("file " + 2 * line)), seen, "January's two lines, then February's");
    }

    private static long middleOf(YearMonth month) {
        return month.atDay(15).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A sync that fails throws as a line not written; the directory's is tried again with the next line until it is done. */
    @Test
    void aFailedSyncThrowsAndANewFilesDirectoryIsForcedAgainWithTheNextLine() throws Exception {
        Path log = dir.resolve("sites.log");
        Watched disk = new Watched();
        watchedBy(disk, (ForcedLines) ErasureLogs.forced(context, log));
        disk.failure = new IOException("Input/output error");
        ErasureLineNotWritten e = assertThrows(ErasureLineNotWritten.class, () -> logger.info("erased comment \"a\""));
        assertEquals("the erasure log " + log + " could not be read back or forced: java.io.IOException: Input/output error",
                e.getMessage());
        assertSame(disk.failure, e.getCause());
        assertEquals(1, disk.calls.size(), "the file's sync failed first: " + disk.calls);
        disk.failure = null;
        disk.calls.clear();
        logger.info("erased comment \"b\"");
        assertEquals(List.of("file " + Files.size(log), "directory " + dir.toAbsolutePath()), disk.calls);
    }
}
