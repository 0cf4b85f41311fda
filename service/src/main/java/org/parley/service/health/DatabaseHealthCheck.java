package org.parley.service.health;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.store.FailureReason;

/**
 * The moderation store answers a query within a few seconds. In place of Dropwizard's check,
 * whose message was "Unable to successfully check in 5 seconds" for every failure, a refused
 * connection included: an operator needs the database's own reason.
 */
public final class DatabaseHealthCheck extends HealthCheck {
    private final Jdbi jdbi;
    private final Duration limit;

    public DatabaseHealthCheck(Jdbi jdbi, Duration limit) {
        this.jdbi = jdbi;
        this.limit = limit;
    }

    @Override
    protected Result check() throws InterruptedException {
        CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() ->
                jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()));
        try {
            query.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return Result.healthy();
        } catch (TimeoutException e) {
            return Result.unhealthy("the database did not answer within " + limit.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Result.unhealthy("cannot reach the database: " + FailureReason.of(e.getCause()));
        }
    }
}
