package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import java.util.OptionalLong;
import java.util.function.Supplier;

/** Token buckets by key, made on first use: this process's ({@link TokenBuckets}) or a database's ({@link SharedBuckets}). */
interface KeyedBuckets {
    /** Empty when a token was taken, else the whole seconds to wait for one (at least 1). */
    OptionalLong tryTake(String key, Supplier<Bandwidth> limit);

    /** The whole seconds to wait, from bucket4j's nanoseconds: at least 1, rounded up. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
