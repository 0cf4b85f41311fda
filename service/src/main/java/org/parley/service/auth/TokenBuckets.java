package org.parley.service.auth;

import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Bucket4j token buckets by key, made on first use; shared by the API-key and log-in limits. A
 * bucket untouched for {@code idle} is dropped: by then it has refilled, so a new one is the same,
 * and names tried at the log-in form cannot fill the memory.
 */
final class TokenBuckets {
    private final ConcurrentMap<String, Bucket> buckets;

    TokenBuckets(Duration idle) {
        this.buckets = CacheBuilder.newBuilder().expireAfterAccess(idle).<String, Bucket>build().asMap();
    }

    /** Empty when a token was taken, else the whole seconds to wait for one (at least 1). */
    OptionalLong tryTake(String key, Supplier<Bandwidth> limit) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.get()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
