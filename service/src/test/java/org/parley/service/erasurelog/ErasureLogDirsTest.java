package org.parley.service.erasurelog;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import io.dropwizard.logback.AsyncAppenderBaseProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directories the room check, the health check, the lock and the months' compression watch: each file appender of
 * the logger's own, however it is wrapped (Dropwizard's queue, config.yml's erasure-file), once a directory, absolute;
 * and the lock taken on them.
 */
class ErasureLogDirsTest {
    private static final String LOGGER = ErasureLogDirsTest.class.getName() + ".erasures";
    @TempDir Path dir;

    /** An appender standing for a queue, as Dropwizard's are: the file appender is the queue's. */
    private static final class Proxied extends ConsoleAppender<ILoggingEvent> implements AsyncAppenderBaseProxy<ILoggingEvent> {
        private final AsyncAppender queue;

        Proxied(AsyncAppender queue) {
            this.queue = queue;
        }

        @Override
        public AsyncAppender getAppender() {
            return queue;
        }
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(LOGGER);
    }

    @AfterEach
    void detach() {
        logger().detachAndStopAllAppenders();
        ((Logger) LoggerFactory.getLogger(LOGGER + ".b")).detachAndStopAllAppenders();
    }

    private static FileAppender<ILoggingEvent> file(Path path) {
        FileAppender<ILoggingEvent> f = new FileAppender<>();
        f.setContext((LoggerContext) LoggerFactory.getILoggerFactory());
        if (path != null) f.setFile(path.toString());
        return f;
    }

    @Test
    void eachFileAppendersDirectoryOnceHoweverItIsWrapped() {
        assertEquals(List.of(), ErasureLogDirs.of(LOGGER), "no appender: the erasure log turned off");
        Path sites = dir.resolve("sites"), operator = dir.resolve("operator"), queued = dir.resolve("queued");
        logger().addAppender(new ConsoleAppender<>());
        logger().addAppender(file(null));
        assertEquals(List.of(), ErasureLogDirs.of(LOGGER), "a console, and a file appender with no file, write in no directory");

        logger().addAppender(new ForcedLines(file(sites.resolve("sites.log"))));
        logger().addAppender(file(sites.resolve("sub/../other.log")));
        AsyncAppender async = new AsyncAppender();
        async.addAppender(file(queued.resolve("q.log")));
        logger().addAppender(new Proxied(async));
        AsyncAppender bare = new AsyncAppender();
        bare.addAppender(file(operator.resolve("operator.log")));
        logger().addAppender(bare);

        assertEquals(List.of(sites, queued, operator), ErasureLogDirs.of(LOGGER));
        assertEquals(List.of(), ErasureLogDirs.of(LOGGER + ".other"), "another logger's own appenders only");
    }

    @Test
    void aRelativeFileIsItsAbsoluteDirectory() {
        logger().addAppender(file(Path.of("runs/erasures/sites.log")));
        assertEquals(List.of(Path.of("runs/erasures").toAbsolutePath()), ErasureLogDirs.of(LOGGER));
    }

    /**
     * {@link ErasureLogLock#take} locks each of those directories and says which it holds; a take that finds one held
     * (here by another take in this JVM) fails and lets go of those it had taken, so that the next start can take them.
     */
    @Test
    void theLockTakesEachDirectoryAndAFailedTakeLetsGoOfWhatItTook() throws Exception {
        Path one = dir.resolve("one"), two = dir.resolve("two");
        logger().addAppender(file(one.resolve("sites.log")));
        logger().addAppender(file(two.resolve("sites.log")));
        Logger other = (Logger) LoggerFactory.getLogger(LOGGER + ".b");
        other.addAppender(file(two.resolve("operator.log")));
        try (ErasureLogLock both = ErasureLogLock.take(LOGGER)) {
            assertEquals(List.of(one, two), both.dirs());
            assertTrue(java.nio.file.Files.exists(one.resolve(ErasureLogLock.FILE)) && java.nio.file.Files.exists(two.resolve(ErasureLogLock.FILE)));
        }
        try (ErasureLogLock second = ErasureLogLock.take(LOGGER + ".b")) {
            IllegalStateException held = assertThrows(IllegalStateException.class, () -> ErasureLogLock.take(LOGGER));
            assertTrue(held.getMessage().contains(two.toString()), held.getMessage());
            try (java.nio.channels.FileChannel again = ErasureLogLock.lock(one)) {
                assertTrue(again.isOpen(), "the failed take let go of the first directory");
            }
        }
        try (ErasureLogLock after = ErasureLogLock.take(LOGGER)) {
            assertEquals(List.of(one, two), after.dirs(), "closed: both free again");
        }
    }
}
