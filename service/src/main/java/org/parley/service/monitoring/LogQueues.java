package org.parley.service.monitoring;

import io.dropwizard.logging.common.AbstractAppenderFactory;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.LoggingFactory;

/**
 * The application log's queues drop no line. Dropwizard writes each appender through logback's asynchronous appender
 * (queue 256), which drops TRACE, DEBUG and INFO lines while fewer than {@code discardingThreshold} places are free,
 * a fifth of the queue unless the config sets it; an erasure line is INFO, and the record an operator re-applies after
 * a restore (moderation.ErasureLogLine). An appender that leaves it unset gets 0: a full queue makes the line wait for
 * room, as it makes a WARN or ERROR line wait already. A value the config sets is kept. The request log is not this
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
    }
}
