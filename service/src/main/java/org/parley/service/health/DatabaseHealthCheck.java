package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.store.FailureReason;

/**
 * The moderation store answers a query within a few seconds. In place of Dropwizard's check,
 * whose message was "Unable to successfully check in 5 seconds" for every failure, a refused
 * connection included: an operator needs the database's own reason.
 *
 * <p>At most one query is in flight, on this check's own thread: a check made while the last one's query still
 * waits on a database that hangs waits on that same query, so checks every few seconds against a database that
 * hangs for hours leave one thread and one connection waiting, not one more each time (they ran on the common
 * fork-join pool, shared with other code, one more task each).
 */
public final class DatabaseHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final Duration limit;
    /** Told at each unhealthy result: the queue gauges stop serving their count at once. */
    private final Runnable onUnhealthy;
    private final ThreadPoolExecutor executor;
    private CompletableFuture<Integer> inFlight = CompletableFuture.completedFuture(1);

    public DatabaseHealthCheck(Jdbi jdbi, Duration limit) {
        this(jdbi, limit, () -> {});
    }

    public DatabaseHealthCheck(Jdbi jdbi, Duration limit, Runnable onUnhealthy) {
        this.jdbi = jdbi;
        this.limit = limit;
        this.onUnhealthy = onUnhealthy;
        // One daemon thread, gone after a minute idle: nothing to stop at shutdown, nothing held between checks.
        this.executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "database-health-check");
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
    }

    @Override
    protected Result check() throws InterruptedException {
        Result r = result();
        if (!r.isHealthy()) onUnhealthy.run();
        return r;
    }

    private Result result() throws InterruptedException {
        CompletableFuture<Integer> query = query();
        try {
            query.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Result.healthy();
        } catch (TimeoutException e) {
            return Result.unhealthy("the database did not answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Result.unhealthy("cannot reach the database: " + FailureReason.of(e.getCause()));
        }
    }

    /** The query still waiting, if one is; else a new one. */
    private synchronized CompletableFuture<Integer> query() {
        if (inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(() ->
                    jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()), executor);
        }
        return inFlight;
    }
}
