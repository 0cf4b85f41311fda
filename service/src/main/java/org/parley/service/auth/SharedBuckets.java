package org.parley.service.auth;

import com.google.common.hash.Hashing;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Token buckets in a PostgreSQL table (bucket4j's JDBC backend), so that every instance of the service on one database
 * takes from the same bucket: each take locks the key's row (SELECT … FOR UPDATE) for one short transaction. The
 * table is changeset 17-login-buckets's. A row whose bucket has refilled is expired ({@link #removeExpired}): a new one
 * is the same. Bucket time is the database's clock ({@link DatabaseClock}), one clock for every instance, where it was
 * each instance's wall clock (bucket4j's default); rows are expired by it too, where bucket4j's removeExpired reads this
 * process's wall clock, and their expires_at is written by it ({@link ExpiresAtColumn}), where bucket4j's column read
 * this process's wall clock (until a served check, fiftieth session: an instance behind the database deleted, through
 * the clean-up, buckets still owed tokens).
 */
final class SharedBuckets implements KeyedBuckets {
    /** db/changelog.sql, changeset 17-login-buckets. */
    static final String TABLE = "login_buckets";
    /** The id column's length: a longer key (an address a misconfigured proxy let the client write) is kept as its digest. */
    static final int MAX_KEY = 300;
    private static final String REMOVE_EXPIRED = "DELETE FROM " + TABLE + " WHERE expires_at < ? AND id IN"
            + " (SELECT id FROM " + TABLE + " WHERE expires_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)";
    private final DataSource postgres;
    private final TimeMeter clock;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedBuckets(DataSource postgres) {
        this(postgres, System::nanoTime);
    }

    /** @param local this instance's monotonic clock, which carries the database's forward between its reads */
    SharedBuckets(DataSource postgres, LongSupplier local) {
        this(connecting(postgres), pool -> new DatabaseClock(pool, local));
    }

    /** @param clock the buckets' time, written to their rows and read to expire them: the database's in the service */
    SharedBuckets(DataSource postgres, TimeMeter clock) {
        this(connecting(postgres), pool -> clock);
    }

    /** @param connecting the pool as {@link #connecting} wraps it, once, for the buckets and the clock alike */
    private SharedBuckets(DataSource connecting, Function<DataSource, TimeMeter> clockOn) {
        this.postgres = connecting;
        this.clock = clockOn.apply(connecting);
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(connecting)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .clientClock(clock)
                .table(TABLE).idColumn("id").stateColumn("state").addCustomColumn(new ExpiresAtColumn("expires_at"))
                .build();
    }

    @Override
    public OptionalLong tryTake(String key, Supplier<Bandwidth> limit) {
        ConsumptionProbe probe;
        try {
            probe = buckets.builder().build(stored(key), () -> BucketConfiguration.builder().addLimit(limit.get()).build())
                    .tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            throw asDatabaseError(e);
        }
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(KeyedBuckets.seconds(probe.getNanosToWaitForRefill()));
    }

    /**
     * Deletes up to {@code most} rows of refilled buckets, by the buckets' clock (expires_at is its epoch millisecond);
     * returns how many it deleted. As bucket4j's removeExpired, whose time was this process's wall clock: one set forward
     * deleted, and so refilled, buckets still owed tokens.
     */
    int removeExpired(int most) {
        try (Connection c = postgres.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement(REMOVE_EXPIRED)) {
                long now = clock.currentTimeNanos() / 1_000_000;
                s.setLong(1, now);
                s.setLong(2, now);
                s.setInt(3, most);
                return s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } catch (RuntimeException e) {
            throw asDatabaseError(e);
        }
    }

    static String stored(String key) {
        return key.length() <= MAX_KEY ? key : "sha256 " + Hashing.sha256().hashString(key, StandardCharsets.UTF_8);
    }

    /**
     * The pool, a connection it cannot give marked so whatever the server said ({@link SQLTransientConnectionException}),
     * as Jdbi's ConnectionException marks the main pool's: PostgreSQL refusing connections with a state of no connection
     * class ("too many connections", 53300; a database not accepting them, 55000) made the log-in, whose buckets are
     * these, a 500 where every other request was the 503 of a database down (an operator's audit, sixty-fourth session).
     */
    static DataSource connecting(DataSource pool) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                new Connecting(pool));
    }

    private record Connecting(DataSource pool) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(pool, args);
            } catch (InvocationTargetException e) {
                if (method.getName().equals("getConnection") && e.getCause() instanceof SQLException sql)
                    throw new SQLTransientConnectionException("no connection to the database: " + sql.getMessage(), sql.getSQLState(), sql);
                throw e.getCause();
            }
        }
    }

    /**
     * bucket4j wraps the driver's SQLException in an exception of its own, which the resources' mappers would answer with a
     * 500; as Jdbi's, an outage is a 503 with Retry-After as any other read of the store (errors.DatabaseExceptionMapper).
     */
    private static RuntimeException asDatabaseError(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof SQLException sql) return new UnableToExecuteStatementException(sql, null);
        return e;
    }
}
