package org.parley.service.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.parley.service.faults.TcpProxy;

class DatabaseHealthCheckTest {
    @Test
    void aDatabaseThatAnswersIsHealthy() {
        assertTrue(new DatabaseHealthCheck(Jdbi.create("jdbc:h2:mem:health"), Duration.ofSeconds(3)).execute().isHealthy());
        // Its one thread never holds the JVM's exit: the check has nothing to stop at shutdown.
        assertTrue(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("database-health-check"))
                .allMatch(Thread::isDaemon));
    }

    /** An unhealthy result tells the queue gauges at once (monitoring.QueueGauges.outage); a healthy one does not. */
    @Test
    void anUnhealthyCheckTellsWhatWaitsForIt() {
        java.util.concurrent.atomic.AtomicInteger told = new java.util.concurrent.atomic.AtomicInteger();
        assertTrue(new DatabaseHealthCheck(Jdbi.create("jdbc:h2:mem:health-told"), Duration.ofSeconds(3), told::incrementAndGet)
                .execute().isHealthy());
        assertEquals(0, told.get());
        assertFalse(new DatabaseHealthCheck(Jdbi.create("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres", ""),
                Duration.ofSeconds(10), told::incrementAndGet).execute().isHealthy());
        assertEquals(1, told.get());
    }

    /**
     * An operator's audit (sixty-ninth session): a read-only database (a standby after a failover) answered SELECT 1, so
     * the check was green while every write failed.
     */
    @Test
    void aReadOnlyDatabaseIsUnhealthy() {
        String url = org.parley.service.store.TestDatabases.PG_URL;
        String readOnly = url + (url.indexOf('?') < 0 ? "?" : "&") + "options=-c%20default_transaction_read_only%3Don";
        HealthCheck.Result r = new DatabaseHealthCheck(Jdbi.create(readOnly, org.parley.service.store.TestDatabases.PG_USER, ""),
                Duration.ofSeconds(10)).execute();
        assertFalse(r.isHealthy(), "read-only");
        assertTrue(r.getMessage().startsWith("the database is read-only"), r.getMessage());
        assertTrue(new DatabaseHealthCheck(Jdbi.create(url, org.parley.service.store.TestDatabases.PG_USER, ""), Duration.ofSeconds(10))
                .execute().isHealthy(), "the same database, writable");
    }

    /**
     * An operator's audit (sixty-ninth session): an outage's WARNs stopped when the database came back, and nothing said
     * it had. The turn each way is logged once, not at every check.
     */
    @Test
    void theDatabaseGoingAndComingBackIsLoggedOnceEachWay() {
        java.util.concurrent.atomic.AtomicBoolean down = new java.util.concurrent.atomic.AtomicBoolean();
        Jdbi jdbi = Jdbi.create(() -> {
            if (down.get()) throw new java.sql.SQLException("Connection refused", "08001");
            return java.sql.DriverManager.getConnection("jdbc:h2:mem:health-turns");
        });
        // At INFO whatever an earlier in-process test left the root logger at: the official CI's run at 6f840dc2 had it
        // at WARN and read the way down without the way back.
        try (org.parley.service.LogLines lines = org.parley.service.LogLines.of(DatabaseHealthCheck.class.getName(),
                ch.qos.logback.classic.Level.INFO)) {
            DatabaseHealthCheck check = new DatabaseHealthCheck(jdbi, Duration.ofSeconds(5));
            assertTrue(check.execute().isHealthy());
            down.set(true);
            assertFalse(check.execute().isHealthy());
            assertFalse(check.execute().isHealthy());
            down.set(false);
            assertTrue(check.execute().isHealthy());
            assertTrue(check.execute().isHealthy());
            assertEquals(java.util.List.of("the database health check is unhealthy: cannot reach the database: Connection refused",
                    "the database answers again (the health check is healthy)"),
                    lines.list().stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList());
        }
    }

    /** Dropwizard's own check said "Unable to successfully check in 5 seconds" here, after 16 ms. */
    @Test
    void aRefusedConnectionGivesTheDatabasesReason() {
        HealthCheck.Result r = new DatabaseHealthCheck(Jdbi.create("jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2", "postgres", ""),
                Duration.ofSeconds(10)).execute();
        assertFalse(r.isHealthy());
        assertTrue(r.getMessage().startsWith("cannot reach the database: "), r.getMessage());
        assertTrue(r.getMessage().contains("refused"), r.getMessage());
    }

    @Test
    void aDatabaseThatHangsIsUnhealthyWithinTheLimit() throws Exception {
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            // Accepts the connection and never answers: the driver waits; the check does not.
            HealthCheck.Result r = new DatabaseHealthCheck(Jdbi.create("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/test?loginTimeout=60", "postgres", ""), Duration.ofSeconds(1)).execute();
            assertFalse(r.isHealthy());
            assertEquals("the database did not answer within 1 s", r.getMessage());
        }
    }

    /**
     * Each check ran its query on the common fork-join pool (or a new thread, on two cores): against a database that
     * hung, every check left one more task, thread and connection waiting. Now checks share the one query in flight.
     */
    @Test
    void checksAgainstADatabaseThatHangsWaitOnOneQueryNotOneEach() throws Exception {
        try (TcpProxy link = TcpProxy.toH2InThisJvm()) {
            DatabaseHealthCheck check = new DatabaseHealthCheck(Jdbi.create("jdbc:h2:tcp://127.0.0.1:" + link.port()
                    + "/mem:health-hangs;DB_CLOSE_DELAY=-1"), Duration.ofSeconds(1));
            assertTrue(check.execute().isHealthy());
            long threads = checkThreads();
            link.freeze();
            for (int i = 0; i < 5; i++) {
                HealthCheck.Result r = check.execute();
                assertFalse(r.isHealthy());
                assertEquals("the database did not answer within 1 s", r.getMessage());
            }
            assertEquals(2, link.accepted(), "the healthy check's connection and the one query that waits");
            assertEquals(threads, checkThreads(), "no thread more for the checks that found the query waiting");
            link.thaw();
            HealthCheck.Result after = check.execute();
            assertTrue(after.isHealthy(), after.getMessage());
            // The held query answers; this check shared it or, if it had just answered, opened one connection more.
            assertTrue(link.accepted() <= 3, "connections: " + link.accepted());
        }
    }

    private static long checkThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("database-health-check")).count();
    }
}
