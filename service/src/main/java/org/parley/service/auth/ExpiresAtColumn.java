package org.parley.service.auth;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The shared buckets' expires_at: the epoch millisecond, by the buckets' own clock (the database's, {@link DatabaseClock}),
 * at which the bucket has refilled, after which {@link SharedBuckets#removeExpired} deletes its row (a new bucket is the
 * same). bucket4j's own column (expiresAtColumn with expirationAfterWrite) adds the time to refill to this process's
 * System.currentTimeMillis, so an instance whose wall clock was behind the database's by more than that wrote rows already
 * expired by the database's clock, and the next clean-up, on any instance, deleted buckets still owed tokens: a throttle
 * emptied through it was full again.
 */
final class ExpiresAtColumn implements CustomColumnProvider<String> {
    private static final ExpirationAfterWriteStrategy REFILLED = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);
    private final String name;

    ExpiresAtColumn(String name) {
        this.name = name;
    }

    /** @param currentTimeNanos the buckets' clock's now, as bucket4j read it for this take */
    @Override
    public void setCustomField(String key, int index, PreparedStatement statement, RemoteBucketState state, long currentTimeNanos)
            throws SQLException {
        long toRefill = REFILLED.calculateTimeToLiveMillis(state, currentTimeNanos);
        statement.setLong(index, toRefill < 0 ? Long.MAX_VALUE : currentTimeNanos / 1_000_000 + toRefill); // < 0: never, as bucket4j's
    }

    @Override
    public String getCustomFieldName() {
        return name;
    }
}
