package org.parley.service;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import java.util.List;

/**
 * The lines one logger writes while open, for tests that assert on a log line. It sets the logger's own level while
 * open: a command run in-process by an earlier test (a config's "level: OFF") may have left the root logger off.
 */
public final class LogLines implements AutoCloseable {
    private final Logger logger;
    private final Level level, was;
    private final java.util.concurrent.BlockingQueue<ILoggingEvent> arrived = new java.util.concurrent.LinkedBlockingQueue<>();
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent e) {
            e.prepareForDeferredProcessing(); // the MDC as it is now, as an async appender reads it: it is read lazily
            super.append(e);
            arrived.add(e);
        }
    };

    private LogLines(String name, Level level) {
        logger = (Logger) org.slf4j.LoggerFactory.getLogger(name);
        this.level = level;
        was = logger.getLevel();
        lines.start();
        logger.addAppender(lines);
        if (level != null) logger.setLevel(level);
    }

    /** Captures what {@code name} logs at {@code level} and above, until closed. */
    public static LogLines of(String name, Level level) {
        return new LogLines(name, level);
    }

    /** Captures what {@code name} logs at the level the logging gives it, which this leaves as it is. */
    public static LogLines asConfigured(String name) {
        return new LogLines(name, null);
    }

    /** The next line written (lines from another thread), or null if none comes within {@code most}. */
    public ILoggingEvent next(java.time.Duration most) throws InterruptedException {
        return arrived.poll(most.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** The lines written so far, in order. */
    public List<ILoggingEvent> list() {
        return lines.list;
    }

    @Override
    public void close() {
        logger.detachAppender(lines);
        if (level != null) logger.setLevel(was);
    }
}
