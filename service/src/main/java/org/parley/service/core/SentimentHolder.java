package org.parley.service.core;

import com.google.common.base.Suppliers;
import org.parley.sentiment.Sentiment;
import org.parley.sentiment.SentimentAnalyzer;

import org.parley.service.errors.ApiException;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The optional SENTIMENT attribute's analyser, built when a request first asks for it: CoreNLP's
 * parser and sentiment model take 10–13 s and ~900 MB of heap to load (DEPENDENCIES.md), which a
 * service that is never asked for sentiment should not pay. One load, then shared (thread-safe).
 */
public final class SentimentHolder {
    static final Duration WAIT = Duration.ofSeconds(10);
    private final Supplier<Function<String, Sentiment>> analyser;
    private final Semaphore turn = new Semaphore(1, true);
    private final Duration wait;

    /** @param loader builds the analyser; called once, on first use */
    public SentimentHolder(Supplier<Function<String, Sentiment>> loader) {
        this(loader, WAIT);
    }

    /** @param wait how long a parse waits for its turn before the 503 */
    SentimentHolder(Supplier<Function<String, Sentiment>> loader, Duration wait) {
        this.analyser = Suppliers.memoize(loader::get);
        this.wait = wait;
    }

    public static SentimentHolder coreNlp() {
        return new SentimentHolder(() -> new SentimentAnalyzer()::analyse);
    }

    public Sentiment analyse(String text) {
        Function<String, Sentiment> a = analyser.get();  // the first load is not a parse: outside the turn
        try {
            if (!turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS))
                throw ApiException.unavailable(5, "SENTIMENT is busy with other requests' parses; retry, or leave it out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable(5, "interrupted while waiting to parse for SENTIMENT");
        }
        try {
            return a.apply(text);
        } finally {
            turn.release();
        }
    }
}
