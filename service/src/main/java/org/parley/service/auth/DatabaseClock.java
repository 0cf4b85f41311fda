package org.parley.service.auth;

import io.github.bucket4j.TimeMeter;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The PostgreSQL server's clock, as the time bucket4j keeps the shared log-in buckets by ({@link SharedBuckets}): one
 * clock for every instance on the database, where each kept its own wall clock's, so that instances whose clocks
 * disagreed refilled each other's buckets early or late by the difference, and one set back held an empty bucket for the
 * step. Read from the database ({@code clock_timestamp()}, one round trip, half of which is taken off) at the first
 * take and again once {@link #READ_EVERY} has passed; between reads it is carried forward by this process's
 * monotonic clock (System.nanoTime in the service), which no setting of the wall clock moves. A local clock seen going
 * back is read again at once. So a take costs a round trip more once a minute, not each time.
 */
final class DatabaseClock implements TimeMeter {
    static final Duration READ_EVERY = Duration.ofMinutes(1);
    private static final String NOW_MICROS = "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint";
    private final DataSource postgres;
    private final LongSupplier local;
    private boolean read;
    /** The local clock when the database's was last read, and what to add to it to have the database's. */
    private long readAt, offset;

    /** @param local a clock in nanoseconds from any origin: System::nanoTime */
    DatabaseClock(DataSource postgres, LongSupplier local) {
        this.postgres = postgres;
        this.local = local;
    }

    /** The database's time in nanoseconds since the epoch; an outage's SQLException (as the cause) when it must be read. */
    @Override
    public synchronized long currentTimeNanos() {
        long now = local.getAsLong();
        if (!read || now < readAt || now - readAt >= READ_EVERY.toNanos()) {
            long database = databaseNanos();
            long after = local.getAsLong();
            offset = database - (now + (after - now) / 2); // the server read its clock about halfway through
            readAt = after;
            read = true;
            now = after;
        }
        return now + offset;
    }

    @Override
    public boolean isWallClockBased() {
        return true; // the database's wall clock: bucket4j stores it, for every instance to read
    }

    private long databaseNanos() {
        try (Connection c = postgres.getConnection()) {
            c.setAutoCommit(true); // bucket4j leaves its connections out of autocommit: no transaction left open
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(NOW_MICROS)) {
                r.next();
                return Math.multiplyExact(r.getLong(1), 1000L);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's clock", e);
        }
    }
}
