package org.parley.service.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

/** The in-memory buckets' clock: one that never steps, so a wall clock set back or forward changes no limit. */
class TokenBucketsTest {
    private static final Supplier<Bandwidth> TEN_PER_TEN_MINUTES =
            () -> Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(10)).build();

    /** A clock the test moves: a machine's System.nanoTime() or, with {@code wall}, its wall clock. */
    private static final class Ticks implements TimeMeter {
        long nanos = 1_000_000_000L;
        final boolean wall;

        Ticks(boolean wall) {
            this.wall = wall;
        }

        @Override
        public long currentTimeNanos() {
            return nanos;
        }

        @Override
        public boolean isWallClockBased() {
            return wall;
        }
    }

    @Test
    void theBucketsKeepTimeOnAClockThatNeverSteps() {
        assertFalse(new TokenBuckets(Duration.ofDays(1)).time().isWallClockBased());
        assertFalse(new TokenBuckets(Duration.ofDays(1), 100).time().isWallClockBased());
    }

    @Test
    void anEmptyBucketRefillsOnTheBucketsClock() {
        Ticks clock = new Ticks(false);
        TokenBuckets buckets = new TokenBuckets(Duration.ofDays(1), clock);
        for (int i = 0; i < 10; i++) assertTrue(buckets.tryTake("key", TEN_PER_TEN_MINUTES).isEmpty(), "take " + i);
        assertEquals(OptionalLong.of(60), buckets.tryTake("key", TEN_PER_TEN_MINUTES));
        clock.nanos += Duration.ofMinutes(1).toNanos();
        assertTrue(buckets.tryTake("key", TEN_PER_TEN_MINUTES).isEmpty(), "the minute its refusal said");
    }

    /** Why: on a wall clock set back an hour, a caller told to wait a minute was held the hour and told a minute each time. */
    @Test
    void aWallClockSetBackHeldAnEmptyBucketForTheWholeStep() {
        Ticks wall = new Ticks(true);
        TokenBuckets buckets = new TokenBuckets(Duration.ofDays(1), wall);
        for (int i = 0; i < 10; i++) buckets.tryTake("key", TEN_PER_TEN_MINUTES);
        wall.nanos -= Duration.ofHours(1).toNanos();   // NTP or an operator steps the clock back
        wall.nanos += Duration.ofMinutes(10).toNanos(); // ten minutes pass
        assertEquals(OptionalLong.of(60), buckets.tryTake("key", TEN_PER_TEN_MINUTES), "still empty, still 'a minute'");
        wall.nanos += Duration.ofHours(1).toNanos();
        assertTrue(buckets.tryTake("key", TEN_PER_TEN_MINUTES).isEmpty());
    }
}
