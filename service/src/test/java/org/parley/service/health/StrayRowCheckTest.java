package org.parley.service.health;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.parley.service.LogLines;

import java.lang.reflect.Proxy;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

/** The stray-row check as the service runs it, after its start (StartUpTest starts the service with it). */
class StrayRowCheckTest {
    /** A failure of the check is said, and is the check's alone: start() has returned, and nothing is thrown to the service. */
    @Test
    void aFailureOfTheCheckIsLoggedAndLeavesTheServiceServing() throws Exception {
        StrayRowCheck check = new StrayRowCheck(null, (jdbi, running) -> {
            throw new IllegalStateException("cannot read the store: Table \"REPORTS\" not found");
        });
        try (LogLines log = LogLines.of(StrayRowCheck.class.getName(), Level.INFO)) {
            check.start();
            ILoggingEvent line = log.next(Duration.ofMinutes(1));
            assertNotNull(line, "no line from the check");
            assertEquals(Level.ERROR, line.getLevel());
            assertEquals("could not check the store for decisions and reports of comments it lacks (the service serves on):"
                    + " cannot read the store: Table \"REPORTS\" not found", line.getFormattedMessage());
            check.stop();
        }
    }

    /** The service stopping cancels the check's statement (H2 then ends it with "Statement was canceled"), and says so. */
    @Test
    void stoppingTheServiceCancelsTheRunningCheck() throws Exception {
        CountDownLatch running = new CountDownLatch(1), cancelled = new CountDownLatch(1);
        Statement statement = cancellable(cancelled);
        StrayRowCheck check = new StrayRowCheck(null, (jdbi, handed) -> {
            handed.accept(statement);
            running.countDown();
            try {
                cancelled.await(); // as a statement runs until it is cancelled
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            throw new IllegalStateException("cannot read the store: Statement was canceled or the session timed out");
        });
        try (LogLines log = LogLines.of(StrayRowCheck.class.getName(), Level.INFO)) {
            check.start();
            running.await();
            Thread thread = checkThread();
            assertTrue(thread.isDaemon(), "never holds the JVM's exit");
            check.stop();
            assertEquals(0, cancelled.getCount(), "the statement was cancelled");
            assertFalse(thread.isAlive(), "stop returns once the check has ended");
            ILoggingEvent line = log.next(Duration.ofMinutes(1));
            assertNotNull(line, "no line from the check");
            assertEquals(Level.INFO, line.getLevel(), "no error: the service stopped it");
            assertEquals("the check for stray decisions and reports was stopped with the service, unfinished", line.getFormattedMessage());
        }
    }

    /** A stop that comes before the check hands its statement over cancels the statement as it starts. */
    @Test
    void aStopBeforeTheStatementStartsCancelsItAsItStarts() throws Exception {
        CountDownLatch stopped = new CountDownLatch(1), cancelled = new CountDownLatch(1);
        Statement statement = cancellable(cancelled);
        StrayRowCheck check = new StrayRowCheck(null, (jdbi, handed) -> {
            try {
                stopped.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            handed.accept(statement);
            if (cancelled.getCount() != 0) throw new AssertionError("the statement ran on, uncancelled");
            throw new IllegalStateException("Statement was canceled");
        });
        try (LogLines log = LogLines.of(StrayRowCheck.class.getName(), Level.INFO)) {
            check.start();
            Thread thread = checkThread();
            Thread stopping = new Thread(() -> {
                try {
                    check.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            stopping.start();
            while (stopping.getState() != Thread.State.TIMED_WAITING && stopping.isAlive()) Thread.sleep(1); // in the join
            stopped.countDown();
            stopping.join();
            assertFalse(thread.isAlive());
            assertEquals(0, cancelled.getCount(), "cancelled as it was handed over");
            ILoggingEvent line = log.next(Duration.ofMinutes(1));
            assertNotNull(line);
            assertEquals("the check for stray decisions and reports was stopped with the service, unfinished", line.getFormattedMessage());
        }
    }

    /** A statement that counts {@code cancelled} down when it is cancelled, and does nothing else. */
    private static Statement cancellable(CountDownLatch cancelled) {
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("cancel")) cancelled.countDown();
                    return null;
                });
    }

    private static Thread checkThread() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("stray-row-check") && t.isAlive())
                .findFirst().orElseThrow(() -> new AssertionError("no stray-row-check thread"));
    }
}
