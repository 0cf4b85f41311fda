package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One token bucket per key: refills at the key's requests per second and holds {@code burstSeconds}
 * worth of them, so short bursts pass and a sustained overload is refused.
 */
public final class RateLimiter {
    private final int burstSeconds;
    private final TokenBuckets buckets = new TokenBuckets();

    public RateLimiter(int burstSeconds) {
        this.burstSeconds = burstSeconds;
    }

    /** Empty when the request may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAcquire(ApiKey key) {
        return buckets.tryTake(key.key(), () -> Bandwidth.builder()
                .capacity((long) key.perSecond() * burstSeconds)
                .refillGreedy(key.perSecond(), Duration.ofSeconds(1))
                .build());
    }
}
