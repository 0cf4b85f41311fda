package org.parley.service.core;

import com.google.common.base.Suppliers;
import org.parley.sentiment.Sentiment;
import org.parley.sentiment.SentimentAnalyzer;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The optional SENTIMENT attribute's analyser, built when a request first asks for it: CoreNLP's
 * parser and sentiment model take 10–13 s and ~900 MB of heap to load (DEPENDENCIES.md), which a
 * service that is never asked for sentiment should not pay. One load, then shared (thread-safe).
 */
public final class SentimentHolder {
    private final Supplier<Function<String, Sentiment>> analyser;

    /** @param loader builds the analyser; called once, on first use */
    public SentimentHolder(Supplier<Function<String, Sentiment>> loader) {
        this.analyser = Suppliers.memoize(loader::get);
    }

    public static SentimentHolder coreNlp() {
        return new SentimentHolder(() -> new SentimentAnalyzer()::analyse);
    }

    public Sentiment analyse(String text) {
        return analyser.get().apply(text);
    }
}
