package org.parley.service.monitoring;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.AsyncAppenderBase;
import com.codahale.metrics.Meter;
import io.dropwizard.logging.common.AppenderFactory;
import io.dropwizard.logging.common.filter.NullLevelFilterFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A request log whose writer has fallen behind drops the lines that find its queue full, without holding the
 * thread (neverBlock), and counts each: Logback's own async appender dropped them without a word.
 */
class DroppedLinesTest {
    private static final int QUEUE = 4;

    /**
     * The wiring Application.run does: each of the request log's appenders is wrapped to count into one meter; a request
     * log that is not logback's is left as it is. Seen only through a started service until the sixty-first session.
     */
    @Test
    void eachOfTheRequestLogsAppendersIsWrappedToCountIntoOneMeter() {
        var requestLog = new io.dropwizard.request.logging.LogbackAccessRequestLogFactory();
        var console = new io.dropwizard.logging.common.ConsoleAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent>();
        var file = new io.dropwizard.logging.common.FileAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent>();
        requestLog.setAppenders(List.of(console, file));
        com.codahale.metrics.MetricRegistry metrics = new com.codahale.metrics.MetricRegistry();
        DroppedLines.count(requestLog, metrics);
        assertEquals(2, requestLog.getAppenders().size());
        assertTrue(requestLog.getAppenders().stream().allMatch(a -> a instanceof DroppedLines), requestLog.getAppenders().toString());
        assertEquals(java.util.Set.of(DroppedLines.METRIC), metrics.getMeters().keySet());

        io.dropwizard.request.logging.RequestLogFactory<?> other = org.mockito.Mockito.mock(io.dropwizard.request.logging.RequestLogFactory.class);
        com.codahale.metrics.MetricRegistry none = new com.codahale.metrics.MetricRegistry();
        DroppedLines.count(other, none);
        assertEquals(java.util.Set.of(), none.getMeters().keySet(), "no meter for a request log that is not logback's");
        org.mockito.Mockito.verifyNoInteractions(other);
    }

    @Test
    void linesThatFindTheQueueFullAreDroppedAndCounted() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<ILoggingEvent> written = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        AppenderBase<ILoggingEvent> stuck = new AppenderBase<>() { // a writer that has fallen behind: it waits on its first line
            @Override
            protected void append(ILoggingEvent event) {
                written.add(event);
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        // As Dropwizard's appender factories build it (AbstractAppenderFactory.wrapAsync): config.yml's settings, smaller.
        AppenderFactory<ILoggingEvent> console = (ctx, name, layout, levels, async) -> {
            AsyncAppenderBase<ILoggingEvent> queue = async.build();
            queue.setContext(ctx);
            queue.setQueueSize(QUEUE);
            queue.setDiscardingThreshold(1);
            queue.setNeverBlock(true);
            stuck.setContext(ctx);
            stuck.start();
            queue.addAppender(stuck);
            queue.start();
            return queue;
        };
        Meter dropped = new Meter();
        Appender<ILoggingEvent> log = new DroppedLines<>(console, dropped).build(context, "requests", null,
                new NullLevelFilterFactory<>(), () -> { throw new AssertionError("Dropwizard's own async appender"); });

        append(log, context, 0);
        assertTrue(writing.await(10, TimeUnit.SECONDS), "the writer took the first line");
        for (int i = 1; i <= QUEUE + 3; i++) append(log, context, i); // 4 wait in the queue, 3 find it full: none blocks
        assertEquals(3, dropped.getCount(), "each line dropped is counted");

        release.countDown();
        log.stop(); // flushes what waits
        assertEquals(List.of("0", "1", "2", "3", "4"), written.stream().map(ILoggingEvent::getMessage).toList());
        // Each line's request was read when it was logged (prepareForDeferredProcessing, as Dropwizard's appender does),
        // not later on the writer's thread, when the request is another's: here, the MDC as it was for the line.
        for (ILoggingEvent e : written) assertEquals(e.getMessage(), e.getMDCPropertyMap().get("line"), "line " + e.getMessage());
    }

    /** Line {@code i}, logged while the MDC holds {@code line=i}, and only then. */
    private static void append(Appender<ILoggingEvent> log, LoggerContext context, int i) {
        org.slf4j.MDC.put("line", Integer.toString(i));
        try {
            log.doAppend(line(context, i));
        } finally {
            org.slf4j.MDC.remove("line");
        }
    }

    private static LoggingEvent line(LoggerContext context, int i) {
        return new LoggingEvent(DroppedLinesTest.class.getName(), context.getLogger("requests"), ch.qos.logback.classic.Level.INFO,
                Integer.toString(i), null, null);
    }
}
