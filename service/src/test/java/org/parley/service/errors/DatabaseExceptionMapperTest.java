package org.parley.service.errors;

import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseExceptionMapperTest {
    private static UnableToExecuteStatementException failed(String sqlState) {
        return new UnableToExecuteStatementException(new SQLException("database said no", sqlState), null);
    }

    /** A thread's one transaction can meet another's in a deadlock: rolled back whole, so a 503 to retry, not a 500. */
    @Test
    void aRolledBackTransactionIsRetriedLikeAnOutage() {
        assertTrue(DatabaseExceptionMapper.isOutage(failed("40P01")), "deadlock detected");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("40001")), "serialization failure");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("08006")), "connection failure");
        assertFalse(DatabaseExceptionMapper.isOutage(failed("23505")), "a unique violation is a bug here, not an outage");
        // No writes now (an operator's audit, sixty-ninth session: 500s): read-only, or short of a resource.
        assertTrue(DatabaseExceptionMapper.isOutage(failed("25006")), "read-only transaction: a standby");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("90097")), "H2's read-only database");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("53100")), "disk full");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("53300")), "too many connections");
        assertFalse(DatabaseExceptionMapper.isOutage(failed("25P02")), "a transaction already aborted is a bug");
        assertFalse(DatabaseExceptionMapper.isOutage(failed("42P01")), "a missing table is a bug");
    }

    /** An operator's audit (sixty-ninth session): the JDBC message's "Detail:" line put the request id on a line of its own. */
    @Test
    void theDatabasesReasonIsLoggedOnOneLine() {
        assertEquals("SQLException: FATAL: permission denied for database \"ops\"; Detail: User does not have CONNECT privilege.",
                DatabaseExceptionMapper.rootMessage(new RuntimeException(new SQLException(
                        "FATAL: permission denied for database \"ops\"\n  Detail: User does not have CONNECT privilege.", "42501"))));
    }

    /** A failed commit is read from the frame that threw it: a TransactionException with no frames is none. */
    @Test
    void aTransactionExceptionWithoutFramesIsNotReadAsAFailedCommit() {
        org.jdbi.v3.core.transaction.TransactionException bare = new org.jdbi.v3.core.transaction.TransactionException("Failed to commit transaction");
        bare.setStackTrace(new StackTraceElement[0]);
        assertFalse(DatabaseExceptionMapper.atCommit(new RuntimeException(bare)));
        org.jdbi.v3.core.transaction.TransactionException framed = new org.jdbi.v3.core.transaction.TransactionException("Failed to commit transaction");
        framed.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jdbi.v3.core.transaction.LocalTransactionHandler", "commit", null, 1)});
        assertTrue(DatabaseExceptionMapper.atCommit(new RuntimeException(framed)));
    }

    /**
     * What tells the queue gauges the database is gone (monitoring.QueueGauges.outage): a lost or refused connection or a
     * server shutting down; not a rollback or a timeout, after which the database still answers others.
     */
    @Test
    void aLostConnectionIsToldApartFromARollbackOrATimeout() {
        assertTrue(DatabaseExceptionMapper.connectionLost(failed("08006")), "connection failure");
        assertTrue(DatabaseExceptionMapper.connectionLost(failed("57P01")), "admin shutdown");
        assertTrue(DatabaseExceptionMapper.connectionLost(new org.jdbi.v3.core.ConnectionException(new SQLException("Connection refused"))));
        assertFalse(DatabaseExceptionMapper.connectionLost(failed("40P01")), "deadlock detected");
        assertFalse(DatabaseExceptionMapper.connectionLost(failed("57014")), "statement timeout");
        assertFalse(DatabaseExceptionMapper.connectionLost(failed("55P03")), "lock timeout");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("57014")), "still a 503");
    }

    /**
     * A several-instances audit: two instances on one H2 file (AUTO_SERVER) answered 500s during a rolling restart,
     * the stopping one because its exit closed the database under its last requests, the other because the process
     * whose server it reached the file through went away (and OpenApiContractTest, cutting its H2 away, met the first).
     * Nothing of those writes was applied: a 503 to retry.
     */
    @Test
    void anH2DatabaseClosedUnderAConnectionOrItsServerGoneIsAnOutage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        String file = "jdbc:h2:file:" + dir.resolve("closed");
        try (org.jdbi.v3.core.Handle h = org.jdbi.v3.core.Jdbi.create(file, "sa", "").open();
             java.sql.Connection other = java.sql.DriverManager.getConnection(file, "sa", "")) {
            h.execute("CREATE TABLE t (x INT)");
            other.createStatement().execute("SHUTDOWN");
            var closed = org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class,
                    () -> h.execute("INSERT INTO t VALUES (1)"));
            assertTrue(DatabaseExceptionMapper.isOutage(closed), closed.getCause().toString());
        }
        org.h2.tools.Server server = org.h2.tools.Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        try (org.jdbi.v3.core.Handle h = org.jdbi.v3.core.Jdbi.create(
                "jdbc:h2:tcp://localhost:" + server.getPort() + "/" + dir.resolve("served"), "sa", "").open()) {
            h.execute("CREATE TABLE t (x INT)");
            server.stop();
            var gone = org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class,
                    () -> h.execute("INSERT INTO t VALUES (1)"));
            assertTrue(DatabaseExceptionMapper.isOutage(gone), gone.getCause().toString());
        } finally {
            server.stop();
        }
    }

    /**
     * A database review (thirty-eighth session): on H2 a write that waited past the lock timeout for a row another
     * transaction held (a long erasure's, a thread sent twice at once) was a 500; it is rolled back, so a 503 to retry,
     * as PostgreSQL's lock and statement timeouts are.
     */
    @Test
    void aLockWaitedForInVainIsRetriedLikeAnOutage(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String file = "jdbc:h2:file:" + dir.resolve("locked");
        try (org.jdbi.v3.core.Handle holder = org.jdbi.v3.core.Jdbi.create(file, "sa", "").open();
             org.jdbi.v3.core.Handle waiter = org.jdbi.v3.core.Jdbi.create(file, "sa", "").open()) {
            holder.execute("CREATE TABLE t (x INT PRIMARY KEY, y INT)");
            holder.execute("INSERT INTO t VALUES (1, 0)");
            holder.begin();
            holder.execute("UPDATE t SET y = 1 WHERE x = 1");
            waiter.execute("SET LOCK_TIMEOUT 100");
            var timedOut = org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class,
                    () -> waiter.execute("UPDATE t SET y = 2 WHERE x = 1"));
            assertTrue(DatabaseExceptionMapper.isOutage(timedOut), timedOut.getCause().toString());
            holder.rollback();
        }
        assertTrue(DatabaseExceptionMapper.isOutage(failed("55P03")), "PostgreSQL: lock_not_available (lock_timeout)");
        assertTrue(DatabaseExceptionMapper.isOutage(failed("57014")), "PostgreSQL: query_canceled (statement_timeout)");
    }

    /** An operator's audit: a log-in during an outage was told about retrying writes and decisions. */
    @Test
    void theMessageSaysWhatToDoForTheRequestThatFailed() {
        assertEquals("the database is unavailable, and sessions are kept there: log in (or out) again after 5 s",
                DatabaseExceptionMapper.message("POST", "/v1/session", false));
        assertTrue(DatabaseExceptionMapper.message("POST", "/v1/comments", false).contains("the same request sent again completes it"));
        assertEquals("the database is unavailable; retry after 5 s", DatabaseExceptionMapper.message("GET", "/v1/session", false));
    }

    /**
     * A database outage audit (forty-eighth session): with PostgreSQL holding every COMMIT, each kind of write was a 503
     * "most likely not applied" after the 30 s socketTimeout, and each was applied. Jdbi's own failure of a transaction
     * whose connection broke as it committed (and did commit) is told apart from one before the commit (rolled back),
     * and from Jdbi's other TransactionExceptions (an erasure outrun by replies, class 40: rolled back).
     */
    @Test
    void aWriteWhoseCommitBrokeIsToldApartFromOneThatFailedBeforeIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        String file = "jdbc:h2:file:" + dir.resolve("commit");
        boolean[] breakNext = {true};
        org.jdbi.v3.core.Jdbi jdbi = org.jdbi.v3.core.Jdbi.create(() -> org.parley.service.cli.CommitThenBreakDriver.breakingCommits(
                java.sql.DriverManager.getConnection(file, "sa", ""), "INSERT INTO t", () -> breakNext[0]));
        jdbi.useHandle(h -> h.execute("CREATE TABLE t (x INT)"));

        var atCommit = org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class,
                () -> jdbi.useTransaction(h -> h.execute("INSERT INTO t VALUES (1)")));
        breakNext[0] = false;
        assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one()), "committed");
        assertTrue(DatabaseExceptionMapper.isOutage(atCommit), atCommit.toString());
        assertTrue(DatabaseExceptionMapper.atCommit(atCommit), atCommit.toString());
        String said = DatabaseExceptionMapper.message("POST", "/v1/comments/c-1/decision", DatabaseExceptionMapper.atCommit(atCommit));
        assertTrue(said.startsWith("the database did not answer as it committed the request: it may have been applied. Send the same"
                + " request again after 5 s"), said);
        assertFalse(said.contains("not applied"), said);

        var before = org.junit.jupiter.api.Assertions.assertThrows(org.jdbi.v3.core.JdbiException.class,
                () -> jdbi.useTransaction(h -> {
                    h.execute("INSERT INTO t VALUES (2)");
                    throw failed("08006");
                }));
        assertEquals(1, (int) jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one()), "rolled back");
        assertTrue(DatabaseExceptionMapper.isOutage(before));
        assertFalse(DatabaseExceptionMapper.atCommit(before), before.toString());
        assertTrue(DatabaseExceptionMapper.message("POST", "/v1/comments", false).contains("the request was most likely not applied"));

        var outrun = new org.jdbi.v3.core.transaction.TransactionException("replies to the comments to erase were stored while it"
                + " waited, 10 times", new java.sql.SQLTransientException("erasure outrun", "40001"));
        assertFalse(DatabaseExceptionMapper.atCommit(outrun), "a TransactionException thrown elsewhere than at the commit");
    }
}
