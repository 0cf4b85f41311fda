package org.parley.service.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The database is unreachable: 503 with Retry-After, so a site retries instead of losing the
 * comment (nothing was acknowledged, so nothing is lost). A connection that breaks during COMMIT
 * may leave the write stored: comments (by id) and decisions (by expected version) are safe to
 * send again; a report or suggested score sent again is counted twice. The pool reconnects by itself when the
 * database returns. Any other database error is a bug and goes to {@link UnexpectedExceptionMapper}.
 */
public final class DatabaseExceptionMapper implements ExceptionMapper<JdbiException> {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseExceptionMapper.class);
    public static final long RETRY_AFTER_SECONDS = 5;

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(JdbiException e) {
        if (!isOutage(e)) return UnexpectedExceptionMapper.respond(uri.getPath(), e);
        LOG.warn("database unavailable: {}", rootMessage(e));
        return ErrorResponses.build(uri.getPath(), ApiException.unavailable(RETRY_AFTER_SECONDS,
                "the database is unavailable; the request was not stored, unless the connection broke as it "
                + "committed. Retry after " + RETRY_AFTER_SECONDS + " s: a comment or decision sent again is applied once"));
    }

    /** No connection, or it broke: SQLState class 08 (connection) or 57P (server shutting down). */
    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectionException || t instanceof SQLTransientConnectionException) return true;
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
