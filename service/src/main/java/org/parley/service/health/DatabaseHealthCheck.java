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
    private CompletableFuture<Boolean> inFlight = CompletableFuture.completedFuture(false);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseHealthCheck.class);
    /** Whether the last check was unhealthy: a change either way is logged once. */
    private volatile boolean wasUnhealthy;

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
        // The way back said too: an outage's WARNs stopped, and nothing told the operator the database answered again
        // (an operator's audit, sixty-ninth session).
        if (r.isHealthy() && wasUnhealthy) LOG.info("the database answers again (the health check is healthy)");
        else if (!r.isHealthy() && !wasUnhealthy) LOG.warn("the database health check is unhealthy: {}", r.getMessage());
        wasUnhealthy = !r.isHealthy();
        return r;
    }

    private Result result() throws InterruptedException {
        CompletableFuture<Boolean> query = query();
        try {
            if (query.get(limit.toMillis(), TimeUnit.MILLISECONDS))
                return Result.unhealthy("the database is read-only (transaction_read_only is on: a standby, or "
                        + "default_transaction_read_only): it answers reads, and every write fails");
            return Result.healthy();
        } catch (TimeoutException e) {
            return Result.unhealthy("the database did not answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Result.unhealthy("cannot reach the database: " + FailureReason.of(e.getCause()));
        }
    }

    /**
     * The query still waiting, if one is; else a new one: whether the database is read-only. A standby after a failover,
     * or default_transaction_read_only, answered SELECT 1, so the check was green while every write was a 500 (an
     * operator's audit, sixty-ninth session). H2 has no such setting: its answer is the query's.
     */
    private synchronized CompletableFuture<Boolean> query() {
        if (inFlight.isDone()) {
            inFlight = CompletableFuture.supplyAsync(() -> jdbi.withHandle(DatabaseHealthCheck::readOnly), executor);
        }
        return inFlight;
    }

    private static boolean readOnly(org.jdbi.v3.core.Handle h) {
        String product;
        try {
            product = h.getConnection().getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new org.jdbi.v3.core.ConnectionException(e);
        }
        if (!product.equals("PostgreSQL")) return h.createQuery("SELECT 1").mapTo(Integer.class).one() != 1;
        return h.createQuery("SHOW transaction_read_only").mapTo(String.class).one().equals("on");
    }
}
