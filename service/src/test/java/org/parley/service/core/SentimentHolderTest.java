package org.parley.service.core;

import org.junit.jupiter.api.Test;
import org.parley.sentiment.Sentiment;
import org.parley.service.errors.ApiException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class SentimentHolderTest {
    private static final Sentiment NEUTRAL = new Sentiment(Sentiment.Label.NEUTRAL, Map.of(Sentiment.Label.NEUTRAL, 1.0), 1);

    /** A holder, and a first parse on another thread that holds its turn until {@code release} counts down. */
    private record HeldParse(SentimentHolder holder, CountDownLatch release, CompletableFuture<Sentiment> first) {}

    /** Returns once the first parse holds the turn: a second caller waits up to {@code wait} for it. */
    private static HeldParse firstParseHoldingTheTurn(Duration wait) throws InterruptedException {
        CountDownLatch parsing = new CountDownLatch(1), release = new CountDownLatch(1);
        SentimentHolder holder = new SentimentHolder(() -> text -> {
            parsing.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NEUTRAL;
        }, wait);
        CompletableFuture<Sentiment> first = CompletableFuture.supplyAsync(() -> holder.analyse("a long comment"));
        assertTrue(parsing.await(10, TimeUnit.SECONDS));
        return new HeldParse(holder, release, first);
    }

    /** Parses are CPU-bound and slow: one at a time, and a caller kept waiting too long is told to retry. */
    @Test
    void oneParseAtATimeAndA503WhenTheTurnDoesNotCome() throws Exception {
        HeldParse held = firstParseHoldingTheTurn(Duration.ofMillis(200));
        SentimentHolder holder = held.holder();
        ApiException busy = assertThrows(ApiException.class, () -> holder.analyse("another"));
        assertEquals(503, busy.status());
        assertNotNull(busy.retryAfterSeconds());
        held.release().countDown();
        assertEquals(NEUTRAL, held.first().get(10, TimeUnit.SECONDS));
        assertEquals(NEUTRAL, holder.analyse("now its turn comes"), "the turn is given back");
    }

    /** A caller interrupted while it waits for the turn gets the 503 and keeps its interrupt, for whoever owns its thread. */
    @Test
    void aCallerInterruptedInLineIsRefusedAndKeepsItsInterrupt() throws Exception {
        HeldParse held = firstParseHoldingTheTurn(Duration.ofMinutes(1));
        SentimentHolder holder = held.holder();
        Thread.currentThread().interrupt();
        try {
            ApiException refused = assertThrows(ApiException.class, () -> holder.analyse("another"));
            assertEquals(503, refused.status());
            assertTrue(refused.getMessage().contains("interrupted"), refused.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept");
        } finally {
            Thread.interrupted();
            held.release().countDown();
        }
        assertEquals(NEUTRAL, held.first().get(10, TimeUnit.SECONDS));
    }
}
