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
 * bucket untouched for {@code idle} is dropped, so names tried at the log-in form cannot fill the
 * memory: {@code idle} must be long enough for any bucket to have refilled by then (debt included),
 * so that a new one is the same.
 */
final class TokenBuckets implements KeyedBuckets {
    private final ConcurrentMap<String, Bucket> buckets;

    TokenBuckets(Duration idle) {
        this.buckets = CacheBuilder.newBuilder().expireAfterAccess(idle).<String, Bucket>build().asMap();
    }

    /** At most {@code most} buckets: beyond, the least recently used is dropped, debt and all. */
    TokenBuckets(Duration idle, long most) {
        this.buckets = CacheBuilder.newBuilder().expireAfterAccess(idle).maximumSize(most).<String, Bucket>build().asMap();
    }

    @Override
    public OptionalLong tryTake(String key, Supplier<Bandwidth> limit) {
        ConsumptionProbe probe = bucket(key, limit).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(KeyedBuckets.seconds(probe.getNanosToWaitForRefill()));
    }

    /** Tokens taken by {@link #tryTake} or {@link #charge} given back (never past the bucket's capacity). */
    void giveBack(String key, Supplier<Bandwidth> limit, long tokens) {
        if (tokens > 0) bucket(key, limit).addTokens(tokens);
    }

    /** Takes {@code tokens}, into debt if the bucket holds fewer: the requests after it wait until it is paid. */
    void charge(String key, Supplier<Bandwidth> limit, long tokens) {
        if (tokens > 0) bucket(key, limit).consumeIgnoringRateLimits(tokens);
    }

    /** Buckets kept now (tests). */
    long size() {
        return buckets.size();
    }

    /**
     * Read first: Guava's computeIfAbsent locks the key's segment even when the bucket is there, and above capacity
     * 65 of Jetty's threads were seen queued on that lock for one busy key (a thread dump, docs/scoring-api.md, "Overload").
     */
    private Bucket bucket(String key, Supplier<Bandwidth> limit) {
        Bucket bucket = buckets.get(key);
        return bucket != null ? bucket : buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.get()).build());
    }
}
