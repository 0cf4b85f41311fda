package org.parley.service.auth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import org.parley.service.access.Role;
import org.parley.service.access.Sites;

import static org.junit.jupiter.api.Assertions.*;

/** The log-in throttle and the request rate limit. */
class LimitsTest {
    @Test
    void guessingLocksOutTheGuesserButNotTheModeratorElsewhere() {
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(10));
        for (int i = 0; i < 10; i++) assertTrue(throttle.tryAttempt("carol", "203.0.113.9").isEmpty());
        assertTrue(throttle.tryAttempt("Carol ", "203.0.113.9").isPresent(), "the 11th try from there, any spelling of the name");
        assertTrue(throttle.tryAttempt("carol", "198.51.100.4").isEmpty(), "carol at her own desk still gets in");
    }

    @Test
    void oneAddressTryingManyNamesIsHeldToFiveTimesTheAttempts() {
        LoginThrottle throttle = new LoginThrottle(10, Duration.ofMinutes(10));
        for (int i = 0; i < 50; i++) assertTrue(throttle.tryAttempt("user" + i, "203.0.113.9").isEmpty(), "attempt " + i);
        assertTrue(throttle.tryAttempt("user50", "203.0.113.9").getAsLong() >= 1, "each attempt costs a bcrypt hash");
        assertTrue(throttle.tryAttempt("user50", "198.51.100.4").isEmpty());
    }

    @Test
    void aModeratorsSessionsShareOneBucketAtTheConfiguredRate() {
        // 6 at once, then 1 a second: a refill between the first and the 7th request needs a stall of a second, not a third
        RateLimiter limiter = new RateLimiter(6, 1);
        Instant end = Instant.now().plusSeconds(3600);
        ModeratorSession tab1 = new ModeratorSession("ada", Role.MODERATOR, Sites.EVERY, end);
        ModeratorSession tab2 = new ModeratorSession("ada", Role.MODERATOR, Sites.EVERY, end);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire(tab1).isEmpty());
            assertTrue(limiter.tryAcquire(tab2).isEmpty());
        }
        assertTrue(limiter.tryAcquire(tab1).isPresent(), "the 7th request in a burst");
        assertTrue(limiter.tryAcquire(new ModeratorSession("bob", Role.MODERATOR, Sites.EVERY, end)).isEmpty());
        assertTrue(limiter.tryAcquire(new ApiKey("ada-key-1", Role.WEBSITE, 5)).isEmpty(), "keys have buckets of their own");
    }

    @Test
    void aLargeBodyCostsWhatManySmallRequestsWouldPaidByTheRequestsAfterIt() {
        RateLimiter limiter = new RateLimiter(2, 10, 1024, 0);
        ApiKey key = new ApiKey("big-sender", Role.WEBSITE, 10);  // 20 at once, then 10 a second
        assertEquals(0, limiter.bodyTokens(1023), "an ordinary comment costs its request alone");
        assertEquals(30, limiter.bodyTokens(30 * 1024 + 5));
        assertTrue(limiter.tryAcquire(key).isEmpty());
        limiter.charge(limiter.payer(key, "203.0.113.9"), limiter.bodyTokens(30 * 1024));  // more than the bucket holds: it passes, into debt
        assertTrue(limiter.tryAcquire(key).getAsLong() >= 1, "the next request waits for the debt");
        assertTrue(limiter.tryAcquire(new ApiKey("other-key-1", Role.WEBSITE, 10)).isEmpty());
    }

    /**
     * A front-end developer's audit (twenty-third session): a scorer key is published in a site's pages, so its bucket
     * is every reader's, and one copied-key request with a large body left every visitor with 429s. Each address now
     * has a bucket of its own on a scorer key, which its bodies and stance pay: one visitor waits, the others do not.
     */
    @Test
    void aScorerKeysVisitorPaysForItsOwnBodiesAndWaitsAlone() {
        RateLimiter limiter = new RateLimiter(6, 10, 1024, 0, 1);  // a visitor: 6 at once, then 1 a second
        ApiKey page = new ApiKey("page-key-1", Role.SCORER, 1000), site = new ApiKey("site-key-1", Role.WEBSITE, 1000);
        for (int i = 0; i < 6; i++) assertTrue(limiter.tryAcquireVisitor(page, "203.0.113.9").isEmpty(), "request " + i);
        assertTrue(limiter.tryAcquireVisitor(page, "203.0.113.9").getAsLong() >= 1, "the 7th at once from one address waits");
        assertTrue(limiter.tryAcquireVisitor(page, "198.51.100.4").isEmpty(), "another reader does not");
        assertTrue(limiter.tryAcquireVisitor(site, "203.0.113.9").isEmpty(), "a server's key has no bucket per address");

        limiter.charge(limiter.payer(page, "198.51.100.4"), limiter.bodyTokens(27L << 20));  // 27 MB, into this visitor's debt
        assertTrue(limiter.tryAcquireVisitor(page, "198.51.100.4").getAsLong() > 1000, "the sender pays for its body");
        assertTrue(limiter.tryAcquire(page).isEmpty(), "the key's bucket, every reader's, is not charged for it");
        assertTrue(limiter.tryAcquireVisitor(page, "192.0.2.7").isEmpty(), "nor is any other reader's");

        limiter.charge(limiter.payer(site, "192.0.2.7"), 12_000);  // twice what its bucket holds
        assertTrue(limiter.tryAcquire(site).getAsLong() >= 1, "a website key's body is its own bucket's, as before");
        assertTrue(new RateLimiter(2, 10, 1024, 0, 0).tryAcquireVisitor(page, "203.0.113.9").isEmpty(), "0: no limit per address");
    }

    /**
     * A soak audit (thirty-second session): steady traffic from new readers' addresses, 20 a second, kept a bucket of
     * ~433 bytes for each (35,150 more in 29 minutes), each kept a day after its last request; over days only the most
     * kept bounds them, as a news site's readers are millions a day.
     */
    @Test
    void aScorerKeysVisitorsAreKeptAtMostTheMostKept() {
        RateLimiter limiter = new RateLimiter(2, 10, 1024, 0, 3);
        ApiKey page = new ApiKey("page-key-1", Role.SCORER, 1_000_000);
        int readers = (int) (RateLimiter.MOST_VISITORS * 3 / 2);
        for (int i = 0; i < readers; i++)
            assertTrue(limiter.tryAcquireVisitor(page, "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255)).isEmpty());
        assertTrue(limiter.visitorsKept() <= RateLimiter.MOST_VISITORS, limiter.visitorsKept() + " buckets kept");
        assertTrue(limiter.visitorsKept() >= RateLimiter.MOST_VISITORS / 2, "recent readers are kept: " + limiter.visitorsKept());
    }

    /**
     * A fifth penetration test (forty-seventh session): each address that presented a credential, right or wrong, kept a
     * bucket of its tries for 90 s with no bound (40,000 made-up keys from as many addresses: +17 MB of heap).
     */
    @Test
    void addressesThatPresentedCredentialsAreKeptAtMostTheMostKept() {
        RateLimiter limiter = new RateLimiter(2, 10, 0, 60);
        int addresses = (int) (RateLimiter.MOST_ADDRESSES * 3 / 2);
        for (int i = 0; i < addresses; i++) {
            String address = "10." + (i >> 16) + "." + (i >> 8 & 255) + "." + (i & 255);
            assertTrue(limiter.tryCredential(address).isEmpty());
            if (i % 2 == 0) limiter.succeeded(address);  // a reader with the page's key, or a guesser
        }
        assertTrue(limiter.addressesKept() <= RateLimiter.MOST_ADDRESSES, limiter.addressesKept() + " buckets kept");
        assertTrue(limiter.addressesKept() >= RateLimiter.MOST_ADDRESSES / 2, "recent addresses are kept: " + limiter.addressesKept());
        String guesser = "203.0.113.9";
        for (int i = 0; i < 60; i++) assertTrue(limiter.tryCredential(guesser).isEmpty());
        assertTrue(limiter.tryCredential(guesser).isPresent(), "a recent address's failures still count");
    }

    @Test
    void anAddressThatFailsTooOftenMayNotTryAgainForAWhile() {
        RateLimiter limiter = new RateLimiter(2, 10, 0, 5);
        for (int i = 0; i < 20; i++) {  // right credentials give their try back
            assertTrue(limiter.tryCredential("203.0.113.9").isEmpty());
            limiter.succeeded("203.0.113.9");
        }
        for (int i = 0; i < 5; i++) assertTrue(limiter.tryCredential("203.0.113.9").isEmpty(), "wrong try " + i);
        assertTrue(limiter.tryCredential("203.0.113.9").getAsLong() >= 1, "the 6th try in a minute, whatever its key");
        assertTrue(limiter.tryCredential("198.51.100.4").isEmpty(), "other addresses still try");
        assertTrue(new RateLimiter(2, 10).tryCredential("203.0.113.9").isEmpty(), "0: no limit");
    }

    /** The try is taken before the credential is checked: 64 at once cannot all pass before the first failure counts. */
    @Test
    void triesInFlightTogetherAreCountedAsTheyStart() throws Exception {
        RateLimiter limiter = new RateLimiter(2, 10, 0, 5);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) tries.add(pool.submit(() -> limiter.tryCredential("203.0.113.9").isEmpty()));
            int passed = 0;
            for (var t : tries) if (t.get()) passed++;
            assertEquals(5, passed);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A 429's Retry-After is whole seconds (docs/scoring-api.md, "Rate limits"): rounded up, so a retry is never early, and never 0. */
    @Test
    void aWaitIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertEquals(1, KeyedBuckets.seconds(0));
        assertEquals(1, KeyedBuckets.seconds(1));
        assertEquals(1, KeyedBuckets.seconds(1_000_000_000L));
        assertEquals(2, KeyedBuckets.seconds(1_000_000_001L));
        assertEquals(263, KeyedBuckets.seconds(262_400_000_000L));
    }

    /** docs/scoring-api.md, "Charged by work": the table's prices, at their rounding edges. */
    @Test
    void workIsPricedAsTheTableSays() {
        assertEquals(100, RateLimiter.scoringTokens(500), "500 new comments: 100");
        assertEquals(0, RateLimiter.scoringTokens(4), "1 to 4: none beyond the request's");
        assertEquals(1, RateLimiter.scoringTokens(5));
        assertEquals(1000, RateLimiter.stanceTokens(500, 10), "500 comments, 10 targets: 1,000");
        assertEquals(1, RateLimiter.stanceTokens(1, 9), "one more a comment for each 10 targets");
        assertEquals(2, RateLimiter.stanceTokens(1, 10));
        assertEquals(503, RateLimiter.stanceTokensOfReadings(500, 30), "stored comments read against the targets they lacked");
        assertEquals(79, RateLimiter.proposingTokens(20_000), "20,000 characters: 79");
        assertEquals(1, RateLimiter.proposingTokens(256));
        assertEquals(2, RateLimiter.proposingTokens(257), "per started 256 characters");
        assertEquals(0, RateLimiter.proposingTokens(0));
        assertEquals(50, RateLimiter.threadCommentTokens(500), "500: 50");
        assertEquals(0, RateLimiter.threadCommentTokens(9));
    }

    /** {@code bytesPerToken} 0 charges no body (the resource tests' fakes), and so no work: {@link RateLimiter#chargeWork}. */
    @Test
    void bodiesAreChargedOnlyWithABytesPerToken() {
        assertFalse(new RateLimiter(2, 10).chargesBodies());
        assertEquals(0, new RateLimiter(2, 10).bodyTokens(1 << 20));
        assertTrue(new RateLimiter(2, 10, 1024, 0).chargesBodies());
        assertEquals(1, new RateLimiter(2, 10, 1024, 0).bodyTokens(1024), "a token per full KiB");
    }

    /** A read of less than a KiB charges no token, and a refused body within a burst gives none back: neither is an error. */
    @Test
    void aChargeOrRefundOfNoTokensLeavesTheBucketAsItWas() {
        RateLimiter limiter = new RateLimiter(2, 1, 1024, 0);  // 2 at once, then 1 a second
        ApiKey key = new ApiKey("small-body-key", Role.WEBSITE, 1);
        RateLimiter.Payer payer = limiter.payer(key, "203.0.113.9");
        limiter.charge(payer, limiter.bodyTokens(500));
        limiter.refundBeyondBurst(payer, limiter.bodyTokens(2048));  // 2 tokens: nothing beyond the burst
        assertTrue(limiter.tryAcquire(key).isEmpty());
        assertTrue(limiter.tryAcquire(key).isEmpty(), "the bucket still held both");
    }
}
