package org.parley.service.erasurelog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.FileAppender;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.FileAppenderFactory;
import io.dropwizard.logging.common.async.AsyncAppenderFactory;

/**
 * config.yml's {@code type: erasure-file}: Dropwizard's {@code file} appender with its settings, written through
 * {@link ForcedLines} instead of a queue, so that a logger's call returns once its line is on the disk. For the erasure
 * logs alone: each line waits for the disk, which erasures (a few a day at a news site) can afford and a busy log cannot.
 */
@JsonTypeName("erasure-file")
public class ErasureFileAppenderFactory extends FileAppenderFactory<ILoggingEvent> {
    @Override
    protected Appender<ILoggingEvent> wrapAsync(Appender<ILoggingEvent> appender, AsyncAppenderFactory<ILoggingEvent> queue) {
        ForcedLines forced = new ForcedLines((FileAppender<ILoggingEvent>) appender);
        forced.start();
        return forced;
    }
}
