package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One token bucket per key, and one per moderator (all their sessions together): refills at the
 * key's requests per second (a moderator's: {@code sessionPerSecond}) and holds
 * {@code burstSeconds} worth of them, so short bursts pass and a sustained overload is refused.
 */
public final class RateLimiter {
    private final int burstSeconds;
    private final int sessionPerSecond;
    private final TokenBuckets buckets;

    public RateLimiter(int burstSeconds, int sessionPerSecond) {
        this.burstSeconds = burstSeconds;
        this.sessionPerSecond = sessionPerSecond;
        this.buckets = new TokenBuckets(Duration.ofSeconds(burstSeconds + 60L));
    }

    /** Empty when the request may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAcquire(ApiKey key) {
        return take("key " + key.key(), key.perSecond());
    }

    /** The same for a moderator's session, counted per username. */
    public OptionalLong tryAcquire(ModeratorSession session) {
        return take("session " + session.username(), sessionPerSecond);
    }

    public int sessionPerSecond() {
        return sessionPerSecond;
    }

    private OptionalLong take(String bucket, int perSecond) {
        return buckets.tryTake(bucket, () -> Bandwidth.builder()
                .capacity((long) perSecond * burstSeconds)
                .refillGreedy(perSecond, Duration.ofSeconds(1))
                .build());
    }
}
