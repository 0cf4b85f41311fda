package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per key: refills at the key's requests per second and holds {@code burstSeconds}
 * worth of them, so short bursts pass and a sustained overload is refused.
 */
public final class RateLimiter {
    private final int burstSeconds;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int burstSeconds) {
        this.burstSeconds = burstSeconds;
    }

    /** Empty when the request may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAcquire(ApiKey key) {
        Bucket bucket = buckets.computeIfAbsent(key.key(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity((long) key.perSecond() * burstSeconds)
                        .refillGreedy(key.perSecond(), Duration.ofSeconds(1))
                        .build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
