package org.parley.service.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.transaction.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * The database is unreachable: 503 with Retry-After, so a site retries instead of losing the
 * comment (nothing was acknowledged, so nothing is lost). Each write is one transaction (a thread's
 * comments too), so it was applied not at all, or in full if the connection broke during COMMIT,
 * which the message then says ({@link #atCommit}: PostgreSQL holding its commits, each was applied):
 * comments (by id), decisions (by expected version), reports (by reportId) and suggested scores
 * are safe to send again, so the message says to. A read changed nothing. The pool reconnects by
 * itself when the database returns. A transaction the database rolled back to break a deadlock or
 * a serialization conflict (two threads sending the same new ids in opposite orders) is answered
 * the same way: nothing of it was applied, and the retry completes it. Any other database error is
 * a bug and goes to {@link UnexpectedExceptionMapper}.
 */
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);
    public static final long RETRY_AFTER_SECONDS = 5;
    /** Told when a request found the database gone (not a rollback or a timeout): the queue gauges stop serving their count. */
    private final Runnable onConnectionLost;

    public DatabaseExceptionMapper(Runnable onConnectionLost) {
        this.onConnectionLost = onConnectionLost;
    }

    @Context
    private UriInfo uri;

    @Context
    private jakarta.ws.rs.core.Request request;

    @Override
    public Response toResponse(JdbiException e) {
        if (!isOutage(e)) return UnexpectedExceptionMapper.respond(uri.getPath(), e);
        if (connectionLost(e)) onConnectionLost.run();
        boolean atCommit = atCommit(e);
        LOG.warn("database unavailable{}: {}", atCommit ? " as it committed (the write may be applied)" : "", rootMessage(e));
        return ErrorResponses.build(uri.getPath(), ApiException.unavailable(RETRY_AFTER_SECONDS,
                message(request.getMethod(), uri.getPath(), atCommit)));
    }

    /**
     * What the client should know and do: a read is simply retried; a write may have landed, in part or in
     * full, and where the database went as it was asked to commit, it may well have: a client that gives up must not
     * take it for absent; a log-in or log-out (sessions live in the database) is tried again, and has nothing to complete.
     */
    static String message(String method, String path, boolean atCommit) {
        if (method.equals("GET") || method.equals("HEAD"))
            return "the database is unavailable; retry after " + RETRY_AFTER_SECONDS + " s";
        if (path.endsWith("v1/session"))
            return "the database is unavailable, and sessions are kept there: log in (or out) again after " + RETRY_AFTER_SECONDS + " s";
        if (atCommit)
            return "the database did not answer as it committed the request: it may have been applied. Send the same request "
                    + "again after " + RETRY_AFTER_SECONDS + " s: it completes it if it was not, and comments (same id), decisions "
                    + "(same expectedVersion) and reports (same reportId) are applied once";
        return "the database is unavailable; the request was most likely not applied (it may have been, if the connection "
                + "broke as it committed). Retry after " + RETRY_AFTER_SECONDS + " s: the same request sent again completes it, "
                + "and comments (same id), decisions (same expectedVersion) and reports (same reportId) are applied once";
    }

    /**
     * No connection, or it broke: SQLState class 08 (connection) or 57P (server shutting down), or JDBC's class for
     * a connection that failed, which H2 throws with states of its own (90121: the database was closed under the
     * connection, as at its process's exit; 90067: the process whose AUTO_SERVER served the file went away; 500s
     * before, found both by the contract test cutting its H2 away and in a rolling restart of two instances on one H2
     * file); or the transaction was rolled back, class 40 (deadlock 40P01, serialization failure 40001); or a statement
     * waited for a lock, or ran, too long and was rolled back: PostgreSQL's 55P03 (lock_timeout) and 57014
     * (statement_timeout), JDBC's SQLTimeoutException (H2's HYT00, after its 2 s default: 500s behind a long erasure);
     * or it takes no writes now: read-only, PostgreSQL's 25006 (a standby after a failover, default_transaction_read_only)
     * and H2's 90097, or short of a resource, class 53 (disk full, out of memory, too many connections), which were 500s
     * with no cause logged (an operator's audit, sixty-ninth session).
     */
    public static boolean isOutage(Throwable e) {
        if (connectionLost(e)) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTimeoutException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null && (s.getSQLState().startsWith("40")
                    || s.getSQLState().equals("55P03") || s.getSQLState().equals("57014") || s.getSQLState().equals("HYT00")
                    || s.getSQLState().equals("25006") || s.getSQLState().equals("90097") || s.getSQLState().startsWith("53"))) return true;
        }
        return false;
    }

    /**
     * The part of {@link #isOutage} that says the database itself is gone (no connection, a broken one, a server shutting
     * down), not that one transaction was rolled back or timed out while the database answers others.
     */
    static boolean connectionLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) return true;
        }
        return false;
    }

    /**
     * Whether {@code e} broke the COMMIT of a Jdbi transaction (inTransaction, useTransaction): its outcome is unknown,
     * since the database may have committed before the connection went (PostgreSQL holding its commits for a standby:
     * each such write was a 503 after the 30 s socketTimeout, and committed when let through). Jdbi's transaction
     * handler wraps the connection's failed commit in a TransactionException it throws from its {@code commit}
     * (3.49: "Failed to commit transaction"); that frame, not the text, is what is read. A failure before the commit
     * rolled the transaction back, which is why any other keeps "most likely not applied". No write endpoint reads once
     * its write committed (a decision's history and a re-sent comment's quotes did until the fiftieth session: they are
     * read in the write's transaction now, resources.GoneAfterCommitTest); it stays "most likely" for another
     * transaction handler, whose failed commit this does not recognise, and a statement in autocommit, which fails as a
     * statement at its commit (none of the writes the message speaks of is one).
     */
    public static boolean atCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (!(t instanceof TransactionException)) continue;
            StackTraceElement[] at = t.getStackTrace();
            if (at.length > 0 && at[0].getMethodName().equals("commit")
                    && at[0].getClassName().startsWith(TransactionException.class.getPackageName() + ".")) return true;
        }
        return false;
    }

    /**
     * The root cause's class and message on one line: PostgreSQL's "Detail:" comes after a line break, which put the
     * request id on a line of its own (an operator's audit, sixty-ninth session).
     */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        String message = t.getMessage() == null ? null : t.getMessage().strip().replaceAll("\\s*\\R\\s*", "; ");
        return t.getClass().getSimpleName() + ": " + message;
    }
}
