package org.parley.service.auth;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.TimeMeter;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.service.errors.DatabaseExceptionMapper;
import org.parley.service.store.Database;
import org.parley.service.store.TestDatabases;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shared log-in buckets keep time on PostgreSQL's clock (a clock audit, forty-eighth session: they kept each
 * instance's wall clock). Each "instance" here is a SharedBuckets with a wall clock of its own, which the tests set:
 * instances whose clocks disagree by an hour, and one set back an hour. (The service gives it System.nanoTime, which
 * no setting moves; any clock is only carried forward between reads of the database's.)
 */
class SharedBucketsTest {
    private static final long HOUR = Duration.ofHours(1).toNanos();
    /** An instance's wall clock, in nanoseconds since the epoch, as bucket4j read it. */
    private static final LongSupplier WALL = () -> System.currentTimeMillis() * 1_000_000L;
    private static final Supplier<Bandwidth> TEN_PER_TEN_MINUTES =
            () -> Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(10)).build();
    @TempDir
    Path dir;
    private ManagedDataSource pool;

    @BeforeEach
    void database() {
        pool = TestDatabases.POSTGRESQL.fresh(dir).build(new MetricRegistry(), "shared-buckets");
        Database.migrate(Jdbi.create(pool));
    }

    @AfterEach
    void close() throws Exception {
        pool.stop();
    }

    /**
     * An operator's audit (sixty-fourth session): PostgreSQL refusing new connections with a state of no connection class
     * (too many connections, a database not accepting them, gone, a password changed) made the log-in a 500, where every
     * other request was the 503 of a database down. A statement refused on a connection given is still a bug's 500.
     */
    @Test
    void aConnectionRefusedIsAnOutageWhateverItsStateAndAStatementRefusedIsNot() throws Exception {
        for (String state : java.util.List.of("53300", "55000", "3D000", "28P01", "08001")) {
            javax.sql.DataSource refusing = org.mockito.Mockito.mock(javax.sql.DataSource.class);
            org.mockito.Mockito.when(refusing.getConnection()).thenThrow(new java.sql.SQLException("FATAL: refused", state));
            SharedBuckets buckets = new SharedBuckets(refusing, WALL);
            RuntimeException take = assertThrows(RuntimeException.class, () -> buckets.tryTake("carol", TEN_PER_TEN_MINUTES));
            assertTrue(DatabaseExceptionMapper.isOutage(take), state + ": " + take);
            RuntimeException clean = assertThrows(RuntimeException.class, () -> buckets.removeExpired(10));
            assertTrue(DatabaseExceptionMapper.isOutage(clean), state + ": " + clean);
        }
        Jdbi.create(pool).useHandle(h -> h.execute("DROP TABLE " + SharedBuckets.TABLE));
        RuntimeException missing = assertThrows(RuntimeException.class, () -> new SharedBuckets(pool, WALL).tryTake("carol", TEN_PER_TEN_MINUTES));
        assertFalse(DatabaseExceptionMapper.isOutage(missing), missing.toString());
    }

    /** Where each kept its own clock, the one an hour ahead found the bucket the other had emptied refilled in full. */
    @Test
    void instancesWhoseClocksDisagreeByAnHourShareOneBucket() {
        SharedBuckets behind = new SharedBuckets(pool, WALL);
        SharedBuckets ahead = new SharedBuckets(pool, () -> WALL.getAsLong() + HOUR);
        for (int i = 0; i < 10; i++) assertTrue(behind.tryTake("carol", TEN_PER_TEN_MINUTES).isEmpty(), "attempt " + i);
        OptionalLong wait = ahead.tryTake("carol", TEN_PER_TEN_MINUTES);
        assertTrue(wait.isPresent(), "the 11th, through the instance an hour ahead");
        assertTrue(wait.getAsLong() >= 55 && wait.getAsLong() <= 61, "one back a minute after the 10th, not refilled: " + wait);

        for (int i = 0; i < 10; i++) assertTrue(ahead.tryTake("dave", TEN_PER_TEN_MINUTES).isEmpty(), "attempt " + i);
        wait = behind.tryTake("dave", TEN_PER_TEN_MINUTES);
        assertTrue(wait.isPresent() && wait.getAsLong() <= 61, "a minute (give or take the clocks' reads), not an hour and a minute: " + wait);
    }

    /** Where the buckets kept the instance's clock, one set back an hour held an emptied bucket empty for that hour. */
    @Test
    void aClockSetBackDoesNotHoldTheBucketEmpty() throws InterruptedException {
        AtomicLong setBack = new AtomicLong();
        SharedBuckets instance = new SharedBuckets(pool, () -> WALL.getAsLong() - setBack.get());
        Supplier<Bandwidth> onePerSecond = () -> Bandwidth.builder().capacity(1).refillGreedy(1, Duration.ofSeconds(1)).build();
        assertTrue(instance.tryTake("carol", onePerSecond).isEmpty());
        assertTrue(instance.tryTake("carol", onePerSecond).isPresent(), "emptied");
        setBack.set(HOUR);
        Thread.sleep(1_200); // past the one second the token takes to come back, by the database's clock
        OptionalLong wait = instance.tryTake("carol", onePerSecond);
        assertTrue(wait.isEmpty(), "refilled by the database's clock, not held for the hour: " + wait);
    }

    /** A row whose bucket has refilled by the database's clock is deleted; an instance whose clock is ahead deletes no other. */
    @Test
    void anInstanceAheadDeletesOnlyBucketsRefilledByTheDatabasesClock() throws InterruptedException {
        SharedBuckets behind = new SharedBuckets(pool, WALL);
        SharedBuckets ahead = new SharedBuckets(pool, () -> WALL.getAsLong() + HOUR);
        assertTrue(behind.tryTake("carol", TEN_PER_TEN_MINUTES).isEmpty());
        assertEquals(0, ahead.removeExpired(1000), "carol's bucket is owed a token for a minute yet");
        assertTrue(behind.tryTake("dave", () -> Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMillis(1)).build()).isEmpty());
        // Refilled in a tenth of a millisecond, but expires_at is the next whole one: a take and a clean-up in the same
        // millisecond (two runs on the fifty-third session's machine) found it not yet expired.
        Thread.sleep(5);
        assertEquals(1, ahead.removeExpired(1000), "dave's, refilled at once");
    }

    /**
     * bucket4j's own expires_at was this process's wall clock plus the time to refill (a served check, fiftieth session): an
     * instance whose wall clock is an hour behind the database's (here: the buckets' clock an hour ahead of this JVM's) wrote
     * rows already expired by the database's clock, and the next clean-up deleted an emptied bucket, full again at once.
     */
    @Test
    void anInstanceBehindTheDatabaseWritesRowsThatExpireWhenTheyRefillByTheDatabasesClock() {
        TimeMeter anHourAhead = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return WALL.getAsLong() + HOUR;
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        SharedBuckets instance = new SharedBuckets(pool, anHourAhead);
        for (int i = 0; i < 10; i++) assertTrue(instance.tryTake("carol", TEN_PER_TEN_MINUTES).isEmpty(), "attempt " + i);
        long now = anHourAhead.currentTimeNanos() / 1_000_000;
        long expiresAt = Jdbi.create(pool).withHandle(h -> h.createQuery("SELECT expires_at FROM login_buckets WHERE id = 'carol'")
                .mapTo(Long.class).one());
        assertTrue(expiresAt > now + Duration.ofMinutes(9).toMillis() && expiresAt <= now + Duration.ofMinutes(10).toMillis(),
                "refilled in ten minutes by the buckets' clock: " + (expiresAt - now) + " ms from its now");
        assertEquals(0, instance.removeExpired(1000), "carol's bucket is owed ten tokens");
        OptionalLong wait = instance.tryTake("carol", TEN_PER_TEN_MINUTES);
        assertTrue(wait.isPresent() && wait.getAsLong() >= 55 && wait.getAsLong() <= 61, "the 11th refused, one back a minute after the 10th: " + wait);
    }

    /**
     * The clock is the database's, read once a minute and carried forward between reads by the local clock (here a fake
     * one, ten days off), and read again at once when the local clock goes back.
     */
    @Test
    void theClockIsTheDatabasesReadOnceAMinute() {
        AtomicLong local = new AtomicLong(Duration.ofDays(10).toNanos());
        DatabaseClock clock = new DatabaseClock(pool, local::get);
        long before = databaseNanos();
        long first = clock.currentTimeNanos();
        long after = databaseNanos();
        assertTrue(first >= before && first <= after, "between two reads of clock_timestamp(): " + (first - before) + " ns after the first");

        local.addAndGet(DatabaseClock.READ_EVERY.toNanos() - 1);
        assertEquals(first + DatabaseClock.READ_EVERY.toNanos() - 1, clock.currentTimeNanos(), "carried forward, not read");
        local.addAndGet(1);
        long read = clock.currentTimeNanos();
        assertTrue(read < first + Duration.ofSeconds(30).toNanos(), "read again: the database's minute has not passed");
        local.addAndGet(-HOUR);
        long back = clock.currentTimeNanos();
        assertTrue(back >= read - Duration.ofSeconds(1).toNanos(), "read again, not an hour back");
    }

    private long databaseNanos() {
        return Jdbi.create(pool).withHandle(h -> h.createQuery(
                "SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::bigint").mapTo(Long.class).one()) * 1000;
    }
}
