package org.parley.service.monitoring;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.AsyncAppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogQueuesTest {
    /**
     * Every application-log appender whose queue would drop INFO lines (an erasure line is INFO) is set to drop none, a
     * logger's own appenders too (config.yml's erasure log, still JSON here); a threshold the config sets is kept.
     */
    @Test
    void theApplicationLogsQueuesDropNoLineUnlessTheConfigSaysSo() throws Exception {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        ConsoleAppenderFactory<ILoggingEvent> unset = new ConsoleAppenderFactory<>();
        ConsoleAppenderFactory<ILoggingEvent> set = new ConsoleAppenderFactory<>();
        set.setDiscardingThreshold(51);
        logging.setAppenders(List.of(unset, set));
        ObjectMapper json = new ObjectMapper();
        logging.setLoggers(Map.of(
                "erasures", json.readTree("{\"level\": \"INFO\", \"appenders\": [{\"type\": \"file\"}, {\"type\": \"console\", \"discardingThreshold\": 7}]}"),
                "quiet", json.readTree("\"WARN\"")));

        LogQueues.dropNoLine(logging);

        assertEquals(0, unset.getDiscardingThreshold());
        assertEquals(51, set.getDiscardingThreshold(), "the config's own value");
        JsonNode own = logging.getLoggers().get("erasures").path("appenders");
        assertEquals(0, own.get(0).path("discardingThreshold").asInt(-1));
        assertEquals(7, own.get(1).path("discardingThreshold").asInt());
        assertEquals("\"WARN\"", logging.getLoggers().get("quiet").toString(), "a level alone is left as it is");
    }

    /**
     * A line the writer has taken from the queue but not yet written is written by the time drain returns, where
     * Dropwizard's stop returns once the queue is empty: the writer here is held mid-line until drain has begun.
     */
    @Test
    void drainReturnsOnceTheLineTheWriterHoldsIsWritten() throws Exception {
        heldMidLine(new LoggerContext(), "erasures", LogQueues::drain);
    }

    /**
     * scripts/erase's drain at its end reaches a logger's own appender too (config.yml's erasure log, forty-fourth
     * session), which until then it left to the JVM's exit: it drained the root logger's alone.
     */
    @Test
    void drainAtAScriptsEndReachesALoggersOwnAppender() throws Exception {
        heldMidLine((LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory(), "org.parley.test.LogQueuesTest.erasures",
                logger -> LogQueues.drain());
    }

    private static void heldMidLine(LoggerContext context, String name, java.util.function.Consumer<Logger> drainer) throws Exception {
        CountDownLatch taken = new CountDownLatch(1), release = new CountDownLatch(1);
        List<String> written = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> slow = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                taken.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                }
                written.add(e.getFormattedMessage());
            }
        };
        slow.setContext(context);
        slow.start();
        AsyncAppenderBase<ILoggingEvent> async = new AsyncAppenderBase<>();
        async.setContext(context);
        async.setMaxFlushTime(10_000);
        async.addAppender(slow);
        async.start();
        Logger logger = context.getLogger(name);
        logger.setAdditive(false);
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        logger.addAppender(async);

        logger.info("erased comment \"k1\"");
        assertTrue(taken.await(10, TimeUnit.SECONDS));
        assertEquals(0, async.getNumberOfElementsInQueue(), "the queue is empty, the line not yet written");
        AtomicInteger writtenWhenDrained = new AtomicInteger(-1);
        Thread drain = new Thread(() -> {
            drainer.accept(logger);
            writtenWhenDrained.set(written.size());
        });
        drain.start();
        Thread.sleep(100); // drain is waiting for the writer, or (on code that does not wait) has returned
        release.countDown();
        drain.join(10_000);
        assertEquals(1, writtenWhenDrained.get(), "lines written when drain returned");
        assertEquals(List.of("erased comment \"k1\""), written);
        logger.detachAppender(async);
    }
}
