package org.parley.service.auth;

import com.google.common.cache.CacheBuilder;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Bucket4j token buckets by key, made on first use; shared by the API-key and log-in limits. A
 * bucket untouched for {@code idle} is dropped, so names tried at the log-in form cannot fill the
 * memory: {@code idle} must be long enough for any bucket to have refilled by then (debt included),
 * so that a new one is the same.
 * <p>
 * The buckets keep time on {@code System.nanoTime()}, which never steps: on bucket4j's default, the wall clock's
 * milliseconds, a clock set back an hour (NTP, an operator) left an empty bucket unrefilled for that hour while its
 * Retry-After kept saying a minute, and one set forward refilled every bucket (a clock audit, forty-eighth session).
 */
final class TokenBuckets implements KeyedBuckets {
    private final ConcurrentMap<String, Bucket> buckets;
    private final TimeMeter time;

    TokenBuckets(Duration idle) {
        this(CacheBuilder.newBuilder().expireAfterAccess(idle), TimeMeter.SYSTEM_NANOTIME);
    }

    /** At most {@code most} buckets: beyond, the least recently used is dropped, debt and all. */
    TokenBuckets(Duration idle, long most) {
        this(CacheBuilder.newBuilder().expireAfterAccess(idle).maximumSize(most), TimeMeter.SYSTEM_NANOTIME);
    }

    /** @param time the buckets' clock, in nanoseconds (the tests set it) */
    TokenBuckets(Duration idle, TimeMeter time) {
        this(CacheBuilder.newBuilder().expireAfterAccess(idle), time);
    }

    private TokenBuckets(CacheBuilder<Object, Object> cache, TimeMeter time) {
        this.buckets = cache.<String, Bucket>build().asMap();
        this.time = time;
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

    /** The buckets' clock (tests). */
    TimeMeter time() {
        return time;
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
        return bucket != null ? bucket : buckets.computeIfAbsent(key, k -> Bucket.builder().addLimit(limit.get()).withCustomTimePrecision(time).build());
    }
}
