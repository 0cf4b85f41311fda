package org.parley.service.monitoring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.logback.AsyncAppenderBaseProxy;
import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.LoggingFactory;
import org.slf4j.LoggerFactory;

import java.util.Iterator;

/**
 * The application log's queues drop no line. Dropwizard writes each appender through logback's asynchronous appender
 * (queue 256), which drops TRACE, DEBUG and INFO lines while fewer than {@code discardingThreshold} places are free,
 * a fifth of the queue unless the config sets it; an erasure line is INFO, and the record an operator re-applies after
 * a restore (moderation.ErasureLogLine). An appender that leaves it unset gets 0, the root's and a logger's own (the
 * erasure log's): a full queue makes the line wait for room, as it makes a WARN or ERROR line wait already. A value the
 * config sets is kept. The request log is not this
 * one: its lines are dropped above capacity, and counted (DroppedLines).
 */
public final class LogQueues {
    /** Dropwizard's value for "unset", which logback reads as a fifth of the queue. */
    private static final int UNSET = -1;

    private LogQueues() {}

    /** Before Dropwizard starts the logging (StrictConfig): it reads the value when it builds the appenders. */
    public static void dropNoLine(LoggingFactory logging) {
        if (!(logging instanceof DefaultLoggingFactory app)) return;
        for (AppenderFactory<?> a : app.getAppenders())
            if (a instanceof AbstractAppenderFactory<?> f && f.getDiscardingThreshold() == UNSET) f.setDiscardingThreshold(0);
        // A logger's own appenders (config.yml's erasure log) stay JSON until Dropwizard builds them: set there.
        for (JsonNode logger : app.getLoggers().values())
            if (logger.path("appenders") instanceof ArrayNode appenders)
                for (JsonNode a : appenders)
                    if (a instanceof ObjectNode o && !o.has("discardingThreshold")) o.put("discardingThreshold", 0);
    }

    /**
     * Writes what the application log's queues hold, before a script's JVM exits: Dropwizard's logging stop waits for a
     * queue to be empty, not for its last line to be written, and logback's writer is a daemon thread that the exit may
     * cut mid-line (scripts/erase's last erasure line was once missing from its log). Stopping an asynchronous appender
     * joins its writer, which writes the rest first (for up to its maxFlushTime). For the end of a script only: the
     * appenders stay stopped until the logging is configured again.
     */
    public static void drain() {
        drain((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME));
        // and a logger's own (config.yml's erasure log), which Dropwizard's stop does not flush either
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context)
            for (Logger logger : context.getLoggerList())
                if (!logger.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) drain(logger);
    }

    /**
     * As {@link #drain()}, for the appenders of {@code logger} alone: the service's stop writes the site's erasure lines
     * its own appender (config.yml's erasure log) still holds, which Dropwizard's logging stop does not.
     */
    public static void drain(String logger) {
        drain((Logger) LoggerFactory.getLogger(logger));
    }

    static void drain(Logger logger) {
        for (Iterator<Appender<ILoggingEvent>> i = logger.iteratorForAppenders(); i.hasNext(); ) {
            Appender<ILoggingEvent> a = i.next();
            if (a instanceof AsyncAppenderBaseProxy<?> p) p.getAppender().stop();
            else if (a instanceof AsyncAppenderBase<?>) a.stop();
        }
    }
}
