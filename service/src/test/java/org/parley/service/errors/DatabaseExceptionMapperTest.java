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
        assertFalse(DatabaseExceptionMapper.isOutage(failed("42P01")), "a missing table is a bug");
    }

    /**
     * OpenApiContractTest, cutting its H2 away: a pooled connection whose database is gone was a 500 on POST /v1/comments
     * (H2's "Database is already closed", 90121, also what a request in flight meets when H2 closes at the VM's exit).
     * H2 names its connection failures with states of its own, not class 08, but throws JDBC's class for them.
     */
    @Test
    void aConnectionFailureTheDriverNamesWithAStateOfItsOwnIsAnOutage() {
        org.h2.jdbc.JdbcSQLNonTransientConnectionException closed = (org.h2.jdbc.JdbcSQLNonTransientConnectionException)
                org.h2.message.DbException.getJdbcSQLException(org.h2.api.ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);
        assertEquals("90121", closed.getSQLState());
        assertTrue(DatabaseExceptionMapper.isOutage(new org.jdbi.v3.core.statement.UnableToCreateStatementException(closed, null)));
        assertTrue(DatabaseExceptionMapper.isOutage(new UnableToExecuteStatementException(
                org.h2.message.DbException.getJdbcSQLException(org.h2.api.ErrorCode.CONNECTION_BROKEN_1, "cut"), null)));
        assertFalse(DatabaseExceptionMapper.isOutage(new UnableToExecuteStatementException(
                org.h2.message.DbException.getJdbcSQLException(org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1, "x"), null)), "a bug");
    }

    /** An operator's audit: a log-in during an outage was told about retrying writes and decisions. */
    @Test
    void theMessageSaysWhatToDoForTheRequestThatFailed() {
        assertEquals("the database is unavailable, and sessions are kept there: log in (or out) again after 5 s",
                DatabaseExceptionMapper.message("POST", "/v1/session"));
        assertTrue(DatabaseExceptionMapper.message("POST", "/v1/comments").contains("the same request sent again completes it"));
        assertEquals("the database is unavailable; retry after 5 s", DatabaseExceptionMapper.message("GET", "/v1/session"));
    }
}
