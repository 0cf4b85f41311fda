package org.parley.service.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * tomcat-jdbc's {@value #MESSAGE} as one line: the message and its root cause's class and message, no stack trace.
 * During a database outage the pool writes it each time a broken connection is given back, each with a ~50-line
 * trace of the calls that gave it back, which tells an operator nothing the cause and the service's own
 * {@code database unavailable} line do not (docs/scoring-api.md, "When the database is down"). Every other line of
 * {@value #LOGGER} is left as it is, trace and all: silencing the logger would hide them.
 *
 * <p>Why a turbo filter: an appender's filter can only keep or drop an event, and a layout would have to change in
 * every appender, text and JSON alike; a turbo filter is asked before the event is built, with the throwable apart.
 * This one refuses the event and hands the logger's appenders the same line without the throwable (same logger,
 * level, thread and MDC), so every appender and layout writes one line. tomcat-jdbc logs through juli and
 * java.util.logging, which Dropwizard's bridge hands to Logback by that path.
 */
public final class BrokenConnectionWarning extends TurboFilter {
    public static final String LOGGER = "org.apache.tomcat.jdbc.pool.PooledConnection";
    /** What tomcat-jdbc 10.1 writes (PooledConnection.clearWarnings), without the full stop, which may change. */
    public static final String MESSAGE = "Unable to clear Warnings, connection will be closed";

    /**
     * Adds the filter to {@code context} unless it has one: after Dropwizard has configured the logging, as its
     * configuring resets the context and with it the turbo filters.
     */
    public static void install(LoggerContext context) {
        if (context.getTurboFilterList().stream().anyMatch(f -> f instanceof BrokenConnectionWarning)) return;
        BrokenConnectionWarning filter = new BrokenConnectionWarning();
        filter.setContext(context);
        filter.setName("broken-connection-warning");
        filter.start();
        context.addTurboFilter(filter);
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (t == null || format == null || !format.startsWith(MESSAGE) || !LOGGER.equals(logger.getName()))
            return FilterReply.NEUTRAL;
        // The level check the logger makes after a NEUTRAL, which a DENY skips; appenders alone, so this filter is
        // not asked again.
        if (level.isGreaterOrEqual(logger.getEffectiveLevel()))
            logger.callAppenders(new LoggingEvent(BrokenConnectionWarning.class.getName(), logger, level,
                    oneLine(format, t), null, null)); // no arguments: braces in a cause's message stay as they are
        return FilterReply.DENY;
    }

    /** {@code message (RootCauseClass: its message)}, on one line whatever the messages hold. */
    static String oneLine(String message, Throwable t) {
        Throwable root = rootCause(t);
        String cause = root.getMessage() == null ? root.getClass().getName() : root.getClass().getName() + ": " + root.getMessage();
        return (message + " (" + cause + ")").replaceAll("\\s*\\R\\s*", " ");
    }

    /** The last of the cause chain; in one that loops, the last before it comes round again. */
    static Throwable rootCause(Throwable t) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        seen.add(t);
        Throwable root = t;
        while (root.getCause() != null && seen.add(root.getCause())) root = root.getCause();
        return root;
    }
}
