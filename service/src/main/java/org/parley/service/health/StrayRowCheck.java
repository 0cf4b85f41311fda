package org.parley.service.health;

import io.dropwizard.lifecycle.Managed;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.store.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * H2's check for rows no copy of one moment holds ({@link Database#strayRows}), run once the service starts, on a thread
 * of its own: it reads every decision and report, 15.4 s of the start at 120,000 decisions (forty-third session), and
 * what it finds is a warning for the operator, not a reason to hold the start. A failure of it is logged, and leaves the
 * service serving; when the service stops, its statement is cancelled.
 */
public final class StrayRowCheck implements Managed {
    /** How long {@link #stop} waits for the check to end once its statement is cancelled (H2 ends it within milliseconds). */
    static final Duration STOP_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(StrayRowCheck.class);

    /** What counts the rows: {@link Database#strayRows(Jdbi, Consumer)}, handing each statement over as it runs. */
    @FunctionalInterface
    public interface Count {
        long rows(Jdbi jdbi, Consumer<Statement> running);
    }

    private final Jdbi jdbi;
    private final Count count;
    private volatile boolean stopping;
    private volatile Statement running;
    private Thread thread;

    public StrayRowCheck(Jdbi jdbi, Count count) {
        this.jdbi = jdbi;
        this.count = count;
    }

    @Override
    public void start() {
        thread = new Thread(this::check, "stray-row-check");
        thread.setDaemon(true); // never holds the JVM's exit
        thread.start();
    }

    /** Cancels the statement if it runs (or as it starts), and waits a little for the thread to end. */
    @Override
    public void stop() throws InterruptedException {
        stopping = true;
        Statement s = running;
        if (s != null) cancel(s);
        if (thread != null) thread.join(STOP_WAIT.toMillis());
    }

    private void check() {
        try {
            long stray = count.rows(jdbi, s -> {
                running = s;
                if (stopping) cancel(s); // stop() came before the statement: both fields volatile, one of the two sees the other
            });
            if (stray > 0) LOG.error("the store holds {} decisions or reports of comments it lacks, or past their comment's version:"
                    + " it was restored from a copy that is not of one moment (H2's SCRIPT while the service wrote), and those"
                    + " comments can be neither stored again nor decided (a 500). Restore a copy made with BACKUP TO, or delete"
                    + " those rows (docs/moderation.md, Backup and restore).", stray);
        } catch (RuntimeException e) {
            if (stopping) LOG.info("the check for stray decisions and reports was stopped with the service, unfinished");
            else LOG.error("could not check the store for decisions and reports of comments it lacks (the service serves on): {}",
                    e.getMessage(), e);
        } finally {
            running = null;
        }
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException e) {
            LOG.warn("could not cancel the check for stray decisions and reports: {}", e.getMessage());
        }
    }
}
