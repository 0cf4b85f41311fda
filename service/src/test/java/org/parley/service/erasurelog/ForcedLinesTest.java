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

import java.nio.file.Files;
import java.nio.file.Path;
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

    /** An operator who moves the file away: the line goes to a file no one reads. */
    @Test
    void aLineWrittenToAFileMovedAwayThrows() throws Exception {
        Path log = dir.resolve("sites.log");
        attached(log);
        logger.info("erased comment \"a\"");
        Files.move(log, dir.resolve("moved.log"));
        ErasureLineNotWritten e = assertThrows(ErasureLineNotWritten.class, () -> logger.info("erased comment \"b\""));
        assertTrue(e.getMessage().startsWith("the erasure log " + log + " could not be read back or forced: "), e.getMessage());
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
}
