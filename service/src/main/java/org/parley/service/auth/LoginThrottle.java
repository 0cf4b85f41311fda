package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Log-in attempts: per username and client address, a burst of {@code attempts}, then one more
 * every {@code per / attempts}, so guessing a password online takes years while a moderator who
 * mistypes twice is never held up, and someone elsewhere guessing cannot lock the moderator out;
 * and per client address, five times that over all names, since each attempt costs a bcrypt
 * hash (~55 ms of a core) whether or not the name exists.
 * <p>
 * The buckets are this process's, or, on PostgreSQL ({@link #shared}), the database's: there every instance of the
 * service on one database counts against the same budget, where through N instances an attacker had N times the
 * attempts (a several-instances audit, thirty-first session).
 */
public final class LoginThrottle {
    /** The documented limit (docs/moderation.md, POST /v1/session): 10 attempts per name and address per 10 minutes. */
    public static final int ATTEMPTS = 10;
    public static final Duration PER = Duration.ofMinutes(10);
    private final int attempts;
    private final Duration per;
    private final KeyedBuckets buckets;

    /** In this process's memory: the single instance of the H2 default. */
    public LoginThrottle(int attempts, Duration per) {
        this(attempts, per, new TokenBuckets(per));
    }

    private LoginThrottle(int attempts, Duration per, KeyedBuckets buckets) {
        this.attempts = attempts;
        this.per = per;
        this.buckets = buckets;
    }

    /** In the PostgreSQL database behind {@code postgres} (its table login_buckets), shared by every instance on it. */
    public static LoginThrottle shared(int attempts, Duration per, DataSource postgres) {
        return new LoginThrottle(attempts, per, new SharedBuckets(postgres));
    }

    /** Empty when this attempt may go ahead, else the seconds to wait (at least 1). */
    public OptionalLong tryAttempt(String username, String address) {
        OptionalLong wait = buckets.tryTake("address " + address,
                () -> Bandwidth.builder().capacity(5L * attempts).refillGreedy(5L * attempts, per).build());
        if (wait.isPresent()) return wait;
        return buckets.tryTake(username.strip().toLowerCase(Locale.ROOT) + " from " + address,
                () -> Bandwidth.builder().capacity(attempts).refillGreedy(attempts, per).build());
    }

    /**
     * Deletes the database's rows of buckets that have refilled since (a new one is the same), a batch at a time; returns
     * how many. In memory, idle buckets are dropped by themselves: nothing to do.
     */
    public int removeExpired() {
        if (!(buckets instanceof SharedBuckets shared)) return 0;
        int removed = 0, batch;
        do {
            batch = shared.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        return removed;
    }
}
