package org.parley.service.cli;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.ParleyConfiguration;
import org.parley.service.store.Database;

/**
 * The configured database for an account command that runs beside the service: made durable and
 * bounded as the service makes it, and migrated, so a command run before the first start works too.
 */
final class CommandDatabase implements AutoCloseable {
    private final ManagedDataSource source;
    private final Jdbi jdbi;

    private CommandDatabase(ManagedDataSource source) {
        this.source = source;
        this.jdbi = Jdbi.create(source);
    }

    static CommandDatabase open(ParleyConfiguration config, String command) {
        config.database.setUrl(ParleyConfiguration.durable(config.database.getUrl(), config.database.getUser()));
        ParleyConfiguration.bounded(config.database);
        CommandDatabase db = new CommandDatabase(config.database.build(new MetricRegistry(), command));
        try {
            Database.migrate(db.jdbi, config.migrationLockTimeout.toJavaDuration());
        } catch (RuntimeException e) {
            db.close();
            // As the service and export-decisions say it: the driver's "Connection refused" alone named no database (an
            // operator's audit, sixty-fourth session).
            if (e instanceof org.jdbi.v3.core.ConnectionException c)
                throw Database.cannotOpen(config.database.getUrl(), config.database.getUser(), c);
            throw e;
        }
        return db;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    @Override
    public void close() {
        try {
            source.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the database", e);
        }
    }
}
