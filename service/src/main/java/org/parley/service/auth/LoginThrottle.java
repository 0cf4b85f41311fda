package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Log-in attempts per username: a burst of {@code attempts}, then one more every
 * {@code per / attempts}, so guessing a password online takes years while a moderator who
 * mistypes twice is never held up. Keyed by the name tried, whether or not it exists.
 */
public final class LoginThrottle {
    private final int attempts;
    private final Duration per;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public LoginThrottle(int attempts, Duration per) {
        this.attempts = attempts;
        this.per = per;
    }

    /** Empty when this attempt may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAttempt(String username) {
        Bucket bucket = buckets.computeIfAbsent(username.strip().toLowerCase(Locale.ROOT), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, per).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) return OptionalLong.empty();
        return OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }
}
