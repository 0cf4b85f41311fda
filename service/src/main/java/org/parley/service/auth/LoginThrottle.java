package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Log-in attempts per username: a burst of {@code attempts}, then one more every
 * {@code per / attempts}, so guessing a password online takes years while a moderator who
 * mistypes twice is never held up. Keyed by the name tried, whether or not it exists.
 */
public final class LoginThrottle {
    private final int attempts;
    private final Duration per;
    private final TokenBuckets buckets = new TokenBuckets();

    public LoginThrottle(int attempts, Duration per) {
        this.attempts = attempts;
        this.per = per;
    }

    /** Empty when this attempt may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAttempt(String username) {
        return buckets.tryTake(username.strip().toLowerCase(Locale.ROOT),
                () -> Bandwidth.builder().capacity(attempts).refillGreedy(attempts, per).build());
    }
}
