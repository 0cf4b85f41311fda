package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Log-in attempts: per username and client address, a burst of {@code attempts}, then one more
 * every {@code per / attempts}, so guessing a password online takes years while a moderator who
 * mistypes twice is never held up, and someone elsewhere guessing cannot lock the moderator out;
 * and per client address, five times that over all names, since each attempt costs a bcrypt
 * hash (~55 ms of a core) whether or not the name exists.
 */
public final class LoginThrottle {
    private final int attempts;
    private final Duration per;
    private final TokenBuckets buckets;

    public LoginThrottle(int attempts, Duration per) {
        this.attempts = attempts;
        this.per = per;
        this.buckets = new TokenBuckets(per);
    }

    /** Empty when this attempt may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAttempt(String username, String address) {
        OptionalLong wait = buckets.tryTake("address " + address,
                () -> Bandwidth.builder().capacity(5L * attempts).refillGreedy(5L * attempts, per).build());
        if (wait.isPresent()) return wait;
        return buckets.tryTake(username.strip().toLowerCase(Locale.ROOT) + " from " + address,
                () -> Bandwidth.builder().capacity(attempts).refillGreedy(attempts, per).build());
    }
}
