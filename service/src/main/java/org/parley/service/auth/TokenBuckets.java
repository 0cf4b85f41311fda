package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/** Bucket4j token buckets by key, made on first use; shared by the API-key and log-in limits. */
final class TokenBuckets {
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Empty when a token was taken, else the whole seconds to wait for one (at least 1). */
    OptionalLong tryTake(String key, Supplier<Bandwidth> limit) {
        Bucket bucket = buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.get()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
