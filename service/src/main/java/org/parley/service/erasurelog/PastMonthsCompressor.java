package org.parley.service.erasurelog;

import io.dropwizard.lifecycle.Managed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The running service's compression of the operator's past months ({@link OperatorMonths}): at its start, then once a
 * day on a thread of its own. Until the forty-sixth session only a start (the service's or a script's) compressed them,
 * so the last month a script wrote stayed plain text until one of them ran a day or more after it. A month becomes due
 * a day after it ends, so one is compressed one to two days after its end by a service that runs on. Managed after the
 * service's hold on its erasure log, so stopped before it is let go; the stop waits for a compression under way
 * (milliseconds), whose steps leave the month whole anyway.
 */
public final class PastMonthsCompressor implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(PastMonthsCompressor.class);
    static final Duration EVERY = Duration.ofDays(1), STOP_WAIT = Duration.ofSeconds(5);
    private final List<Path> dirs;
    private final Clock clock;
    private final Supplier<ScheduledExecutorService> executors;
    private ScheduledExecutorService executor;

    /** The operator's months in {@code dirs} (the operator's logger's: {@link ErasureLogDirs}). */
    public PastMonthsCompressor(List<Path> dirs, Clock clock) {
        this(dirs, clock, () -> Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "erasure-log-months");
            t.setDaemon(true); // never holds the JVM's exit
            return t;
        }));
    }

    PastMonthsCompressor(List<Path> dirs, Clock clock, Supplier<ScheduledExecutorService> executors) {
        this.dirs = List.copyOf(dirs);
        this.clock = clock;
        this.executors = executors;
    }

    /** Compresses what is due now, then schedules the next days'. Not in the start that fails: no thread is left. */
    @Override
    public void start() {
        compressPast();
        executor = executors.get();
        executor.scheduleWithFixedDelay(this::compressPast, EVERY.toMinutes(), EVERY.toMinutes(), TimeUnit.MINUTES);
    }

    @Override
    public void stop() throws InterruptedException {
        if (executor == null) return;
        executor.shutdown();
        if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS))
            LOG.warn("the compression of the erasure log's past operator months did not end within {}", STOP_WAIT);
    }

    /** The months due at the clock's now; a failure is logged, and the next day's runs (an exception would end the schedule). */
    void compressPast() {
        for (Path dir : dirs) {
            try {
                OperatorMonths.compressPast(dir, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("could not compress the erasure log's past operator months in {} (tried again in a day): {}", dir, e.toString(), e);
            }
        }
    }
}
