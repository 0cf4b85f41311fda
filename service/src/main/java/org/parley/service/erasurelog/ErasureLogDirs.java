package org.parley.service.erasurelog;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AsyncAppenderBase;
import ch.qos.logback.core.FileAppender;
import io.dropwizard.logback.AsyncAppenderBaseProxy;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The directories of a logger's own file appenders as the running logging built them (config.yml's erasure log, after
 * {@code PARLEY_ERASURE_LOG} was put in): read from logback rather than the config, so that they are the files written.
 */
public final class ErasureLogDirs {
    private ErasureLogDirs() {}

    /** None when the logger has no file appender of its own (the erasure log turned off). */
    public static List<Path> of(String logger) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Iterator<Appender<ILoggingEvent>> i = ((Logger) LoggerFactory.getLogger(logger)).iteratorForAppenders(); i.hasNext(); ) {
            Appender<ILoggingEvent> a = i.next();
            // Dropwizard writes each appender through a queue, config.yml's erasure-file through ForcedLines: the file
            // appender is behind either.
            Object queue = a instanceof AsyncAppenderBaseProxy<?> p ? p.getAppender() : a;
            if (queue instanceof AsyncAppenderBase<?> q)
                for (Iterator<? extends Appender<?>> j = q.iteratorForAppenders(); j.hasNext(); ) add(dirs, j.next());
            else add(dirs, queue instanceof ForcedLines forced ? forced.file() : queue);
        }
        return List.copyOf(dirs);
    }

    private static void add(Set<Path> dirs, Object a) {
        if (a instanceof FileAppender<?> f && f.getFile() != null)
            dirs.add(Path.of(f.getFile()).toAbsolutePath().normalize().getParent());
    }
}
