package org.parley.service.store;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.H2Database;
import liquibase.database.core.PostgresDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.lockservice.DatabaseChangeLogLock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalInt;

/**
 * Schema migrations for the moderation store (Liquibase, {@code db/changelog.sql}), run at
 * start-up so that an empty H2 file or PostgreSQL database becomes a working one with no set-up.
 */
public final class Database {
    public static final String CHANGELOG = "db/changelog.sql";
    /** The PostgreSQL advisory lock every migration of this service holds: the session's, so it dies with its connection. */
    static final long MIGRATION_LOCK = 0x7061726c6579L; // "parley"
    /** As long as Liquibase waits for its own lock. */
    private static final java.time.Duration MIGRATION_WAIT = java.time.Duration.ofMinutes(5);
    /** config.yml's {@code migrationLockTimeout}, for callers that have no config (tests). */
    public static final java.time.Duration LOCK_TIMEOUT = java.time.Duration.ofMinutes(1);
    /** PostgreSQL's SQLSTATE for a lock not granted within lock_timeout (lock_not_available). */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    static {
        // Liquibase otherwise reports usage to its vendor at every start (and waits on the network).
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
    }

    private Database() {}

    /**
     * What start-up and export-decisions say when the database cannot be opened: one line that
     * names the URL, the user and the variables that set them (the driver's own message, such as
     * "Connection refused", names no database), with the cause kept as suppressed.
     */
    public static IllegalStateException cannotOpen(String url, String user, org.jdbi.v3.core.ConnectionException e) {
        IllegalStateException named = new IllegalStateException("cannot open the database " + shown(url) + " as " + user
                + " (PARLEY_DB_URL, PARLEY_DB_USER, PARLEY_DB_PASSWORD): " + FailureReason.of(e));
        named.addSuppressed(e);
        return named;
    }

    /**
     * The URL as errors show it, with the value of any password parameter (PostgreSQL's {@code ?password=}
     * and {@code sslpassword=}, H2's {@code ;PASSWORD=}) as {@code ***}: a URL may carry the password, and
     * start-up's error goes to the log.
     */
    public static String shown(String url) {
        return url == null ? null : url.replaceAll("(?i)([?&;][a-z]*password=)[^&;]*", "$1***");
    }

    /** Brings the schema up to date; safe to run on every start and from several services at once. */
    public static void migrate(Jdbi jdbi) {
        migrate(jdbi, LOCK_TIMEOUT);
    }

    /**
     * As {@link #migrate(Jdbi)}; on PostgreSQL a statement of the migration that waits longer than {@code lockTimeout}
     * (zero: for ever) for a lock another session holds fails the migration, saying so ({@link #migrate(Connection, Integer,
     * java.time.Duration)}).
     */
    public static void migrate(Jdbi jdbi, java.time.Duration lockTimeout) {
        jdbi.useHandle(h -> migrate(h.getConnection(), null, lockTimeout));
    }

    /** Whether the store is PostgreSQL, where several instances may share it; else it is H2, one instance's. */
    public static boolean isPostgreSQL(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> "PostgreSQL".equals(h.getConnection().getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot tell which database the store is: " + e.getMessage(), e);
        }
    }

    /**
     * H2's write delay for a database on disk, in ms: commits are acknowledged that long before
     * they reach the disk, so a crash loses them. Empty for PostgreSQL and in-memory H2.
     */
    public static OptionalInt diskWriteDelay(Jdbi jdbi) {
        try {
            return jdbi.withHandle(h -> {
                DatabaseMetaData meta = h.getConnection().getMetaData();
                if (!"H2".equals(meta.getDatabaseProductName()) || meta.getURL().startsWith("jdbc:h2:mem:")) return OptionalInt.empty();
                return h.createQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")
                        .mapTo(String.class).list().stream().mapToInt(v -> Integer.parseInt(v.strip())).max(); // stored and live: the larger
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's settings: " + e.getMessage(), e);
        }
    }

    /**
     * Rows no copy of one moment of the store holds: decisions and reports of a comment it does not have, and decisions
     * past their comment's version. H2's {@code SCRIPT}, run while the service writes, reads each table at a moment of
     * its own, and {@code RUNSCRIPT} adds the foreign keys unchecked ({@code NOCHECK}), so a store restored from such a
     * copy holds some (a backup and restore audit, forty-second session); the comments they name can then be neither
     * stored again nor decided (the decision's {@code (comment_id, version)} is taken: a 500). PostgreSQL's restore
     * checks the foreign keys it adds. Reads every decision and report (on H2 without the connection's query timeout,
     * which it took longer than at 120,000 decisions: {@link #liftH2QueryTimeout}).
     */
    public static long strayRows(Jdbi jdbi) {
        return strayRows(jdbi, statement -> {});
    }

    /**
     * As {@link #strayRows(Jdbi)}, handing {@code running} its statement before it runs: 15 s at 120,000 decisions, which
     * the service runs after its start (health.StrayRowCheck) and cancels when it stops.
     */
    public static long strayRows(Jdbi jdbi, java.util.function.Consumer<java.sql.Statement> running) {
        try {
            return jdbi.withHandle(h -> {
                Connection c = h.getConnection();
                long timeout = isH2(c) ? liftH2QueryTimeout(c) : -1;
                try {
                    return h.createQuery("""
                            SELECT (SELECT COUNT(*) FROM decisions d
                                    WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.id = d.comment_id AND c.version >= d.version))
                                 + (SELECT COUNT(*) FROM reports r WHERE NOT EXISTS (SELECT 1 FROM comments c WHERE c.id = r.comment_id))""")
                            .addCustomizer(new org.jdbi.v3.core.statement.StatementCustomizer() {
                                @Override
                                public void beforeExecution(java.sql.PreparedStatement statement, org.jdbi.v3.core.statement.StatementContext context) {
                                    running.accept(statement);
                                }
                            })
                            .mapTo(Long.class).one();
                } finally {
                    if (timeout >= 0) restoreH2QueryTimeout(c, timeout);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the store: " + e.getMessage(), e);
        }
    }

    /** The first {@code changesets} changes only: a test stores rows as an older version did, then migrates them. */
    static void migrate(Jdbi jdbi, int changesets) {
        jdbi.useHandle(h -> migrate(h.getConnection(), changesets, LOCK_TIMEOUT));
    }

    static void migrate(Connection connection, Integer changesets) {
        migrate(connection, changesets, LOCK_TIMEOUT);
    }

    /**
     * On PostgreSQL without the URL's socketTimeout (30 s unless it sets one), which it sets back after: a changeset's
     * statement over a large store runs longer, and one cut off by it failed every start (an upgrade audit's second round,
     * forty-second session: changeset 15's UPDATE of 300,000 comments took over 30 s on a busy machine, and each start
     * rolled it back with "Read timed out"). Its waits for locks are bounded instead, by {@code lockTimeout} (PostgreSQL's
     * lock_timeout, which bounds a wait for a lock and not a statement's work, for this connection alone, set back
     * after): an ALTER TABLE waiting on a session that holds {@code comments} (an old service's open transaction, a
     * pg_dump) waited, and held the start, for ever.
     *
     * @param changesets null: all
     */
    @SuppressWarnings("deprecation") // Liquibase.update([int,] Contexts, LabelExpression): the stable API in 4.x
    static void migrate(Connection connection, Integer changesets, java.time.Duration lockTimeout) {
        boolean postgres = false;
        int socketTimeout = 0;
        long h2QueryTimeout = -1;
        try {
            if (isH2(connection)) h2QueryTimeout = liftH2QueryTimeout(connection); // before Liquibase's first query
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(Database.class.getClassLoader()), database);
            postgres = database instanceof PostgresDatabase;
            if (postgres) {
                socketTimeout = connection.getNetworkTimeout();
                connection.setNetworkTimeout(Runnable::run, 0);
                try (Statement s = connection.createStatement()) {
                    s.execute("SET lock_timeout = " + lockTimeout.toMillis());
                }
                if (!connection.getAutoCommit()) connection.commit(); // a SET rolled back with what follows would be undone
                awaitMigrationLock(connection);
            }
            if (postgres || database instanceof H2Database && onlyH2Session(connection)) releaseStaleLock(liquibase);
            refuseNewerSchema(liquibase);
            // Its update summary went to the console and again to the log: in the log alone, where its level
            // (config.yml: liquibase WARN) keeps it out of every command's output; the line below says what ran.
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            List<String> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).stream()
                    .map(ChangeSet::getId).limit(changesets == null ? Long.MAX_VALUE : changesets).toList();
            // Said before as well: changeset 15 took ~27 s at 300,000 comments, and a start that spent minutes in it was
            // silent from "models loaded" on (an upgrade audit's second round).
            if (!pending.isEmpty()) LOG.info("migrating the database schema: {} changeset(s) to run, {}", pending.size(), String.join(", ", pending));
            long start = System.nanoTime();
            updateToTheLog(liquibase, changesets);
            if (pending.isEmpty()) LOG.info("database schema up to date");
            else LOG.info("database schema migrated: ran {} changeset(s) in {} s, {}", pending.size(),
                    String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9), String.join(", ", pending));
            // Liquibase leaves auto-commit off; the pooled connection goes back as the pool expects it.
            if (!connection.getAutoCommit()) {
                connection.commit();
                connection.setAutoCommit(true);
            }
            if (postgres && changesets == null && withoutSearchIndex(connection))
                LOG.warn("the moderators' search has no index: changeset 25 could not install PostgreSQL's pg_trgm here, and a"
                        + " search reads each queue's texts; docs/moderation.md, Storage, says how to add it");
        } catch (LiquibaseException | SQLException e) {
            if (postgres && lockNotGranted(e)) throw lockWait(connection, lockTimeout, e);
            throw new IllegalStateException("cannot migrate the database schema: " + e.getMessage(), e);
        } finally {
            if (postgres) unlockQuietly(connection, socketTimeout);
            if (h2QueryTimeout >= 0) restoreH2QueryTimeout(connection, h2QueryTimeout);
        }
    }

    /**
     * Whether the comments of this schema lack changeset 25's index of their texts' trigrams: marked run without it where
     * pg_trgm could not be installed, which only this says (an operator's audit, sixty-eighth session).
     */
    static boolean withoutSearchIndex(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema()"
                     + " AND indexname = 'comments_text_search'")) {
            rs.next();
            return rs.getInt(1) == 0;
        }
    }

    private static boolean isH2(Connection connection) throws SQLException {
        return "H2".equals(connection.getMetaData().getDatabaseProductName());
    }

    /**
     * H2's query timeout is its session's, not a statement's: its driver's {@code Statement.setQueryTimeout} sets it for
     * the whole connection, so the pool's validation query (config.yml's {@code validationQueryTimeout: 3s}, run as a
     * connection is borrowed) cut off every later statement of that connection at 3 s. The start-up's stray-row check
     * read 120,000 decisions for longer than that on a busy machine, and the start failed with "Statement was canceled
     * or the session timed out" (forty-third session); a changeset over a large store would too. Lifted for those, as
     * PostgreSQL's socketTimeout is for a migration.
     *
     * @return the session's timeout, in ms, for {@link #restoreH2QueryTimeout}
     */
    private static long liftH2QueryTimeout(Connection connection) throws SQLException {
        long ms;
        try (Statement s = connection.createStatement();
             var r = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
            ms = r.next() ? Long.parseLong(r.getString(1).strip()) : 0;
        }
        try (Statement s = connection.createStatement()) {
            s.execute("SET QUERY_TIMEOUT 0");
        }
        return ms;
    }

    /** The connection goes back to the pool with the timeout it came with; a broken one hides no failure. */
    private static void restoreH2QueryTimeout(Connection connection, long ms) {
        try (Statement s = connection.createStatement()) {
            s.execute("SET QUERY_TIMEOUT " + ms);
        } catch (SQLException e) {
            LOG.warn("could not set the connection's query timeout back to {} ms: {}", ms, e.getMessage());
        }
    }

    /**
     * Liquibase's update, with "Running Changeset: …" and "Database is up to date", which it wrote to standard output
     * before add-moderator's one line, sent to the log with the rest of its messages.
     *
     * @param changesets null: all
     */
    @SuppressWarnings("deprecation") // as migrate
    private static void updateToTheLog(Liquibase liquibase, Integer changesets) throws LiquibaseException {
        toTheLog(() -> {
            if (changesets == null) liquibase.update(new Contexts(), new LabelExpression());
            else liquibase.update(changesets, new Contexts(), new LabelExpression());
        });
    }

    /** Liquibase's work, what it would print on standard output (its UI service's) written to the log instead. */
    private static void toTheLog(LiquibaseWork work) throws LiquibaseException {
        try {
            Scope.child(Scope.Attr.ui.name(), new LoggerUIService(), work::run);
        } catch (LiquibaseException | RuntimeException e) {
            throw e;
        } catch (Exception e) { // Scope.child declares Exception; the work throws none but the two above
            throw new LiquibaseException(e);
        }
    }

    private interface LiquibaseWork {
        void run() throws LiquibaseException;
    }

    /** Whether PostgreSQL gave up waiting for a lock (lock_timeout), somewhere in Liquibase's causes. */
    private static boolean lockNotGranted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof SQLException q && LOCK_NOT_AVAILABLE.equals(q.getSQLState())) return true;
        return false;
    }

    /**
     * The failure of a migration that waited {@code lockTimeout} for a lock: which changeset (Liquibase rolled it back),
     * who holds locks on the store's tables now, and what to do, where Liquibase's message said only "canceling statement
     * due to lock timeout" beneath its failed SQL.
     */
    private static IllegalStateException lockWait(Connection connection, java.time.Duration lockTimeout, Exception e) {
        var changeset = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(CHANGELOG) + "::([^:]+)::").matcher(e.getMessage());
        IllegalStateException failed = new IllegalStateException("cannot migrate the database schema: "
                + (changeset.find() ? "changeset " + changeset.group(1) : "the migration") + " waited " + lockTimeout.toMillis()
                + " ms (migrationLockTimeout, PARLEY_MIGRATION_LOCK_TIMEOUT) for a lock on the store's tables that another"
                + " session holds" + lockHolders(connection) + ", and was rolled back. A service of an older release still"
                + " running, a pg_dump or another client's open transaction holds it: stop the old services, let the dump end,"
                + " and start again (docs/moderation.md, Upgrading)");
        failed.addSuppressed(e);
        return failed;
    }

    /** The other sessions that hold locks on this schema's tables now, for the operator to find; empty if none or unknown. */
    private static String lockHolders(Connection connection) {
        try {
            if (!connection.getAutoCommit()) connection.rollback(); // the failed statement left the transaction aborted
            List<String> holders = new java.util.ArrayList<>();
            try (Statement s = connection.createStatement(); var rows = s.executeQuery("""
                    SELECT a.pid, COALESCE(NULLIF(a.application_name, ''), 'no application name') AS application,
                           COALESCE(a.state, 'no state') AS state, string_agg(DISTINCT c.relname, ', ' ORDER BY c.relname) AS tables
                    FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid
                    WHERE l.granted AND l.pid <> pg_backend_pid() AND c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
                      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    GROUP BY a.pid, a.application_name, a.state ORDER BY a.pid LIMIT 10""")) {
                while (rows.next())
                    holders.add("pid " + rows.getInt("pid") + " (" + rows.getString("application") + ", " + rows.getString("state")
                            + ") on " + rows.getString("tables"));
            }
            return holders.isEmpty() ? "" : " (now: " + String.join("; ", holders) + ")";
        } catch (SQLException | RuntimeException x) {
            return "";
        }
    }

    /**
     * Refuses a database that a newer release migrated: Liquibase passes over changesets it does not know, so an older
     * release started on it as if nothing were amiss, and then misread or failed on what the newer one stores (an upgrade
     * audit's second round, forty-second session: a release from before changeset 15 answered every new comment, and
     * every comment the newer one had erased, with a 500). Changes are never undone, so going back means the backup taken
     * before the upgrade.
     */
    private static void refuseNewerSchema(Liquibase liquibase) throws LiquibaseException {
        List<String> newer = liquibase.listUnexpectedChangeSets(new Contexts(), new LabelExpression()).stream()
                .filter(r -> CHANGELOG.equals(r.getChangeLog())).map(r -> r.getId()).toList();
        if (newer.isEmpty()) return;
        throw new IllegalStateException("the database was migrated by a newer release of Parley: it has changeset(s) "
                + String.join(", ", newer) + ", which this release does not know, and this release may misread or fail on"
                + " what that one stores. Start the newer release, or restore the backup taken before the upgrade"
                + " (docs/moderation.md, Upgrading)");
    }

    /**
     * Liquibase's own lock is a row (DATABASECHANGELOGLOCK) that a migration whose connection broke, or whose process was
     * killed, leaves taken: every later start then waited 5 minutes for it and stopped (an upgrade audit, twenty-third
     * session). Called under the advisory lock, which every migrating service of this version holds while it migrates and
     * which PostgreSQL ends with its session, so a row still taken here belongs to no live migration of this version. On
     * H2, when this connection is the file's only session, nobody else can be migrating it.
     */
    private static void releaseStaleLock(Liquibase liquibase) throws LiquibaseException {
        DatabaseChangeLogLock[] locks = liquibase.listLocks();
        if (locks.length == 0) return;
        LOG.warn("releasing the schema lock taken by {} at {}: no migration holds it now (one that died left it)",
                locks[0].getLockedBy(), locks[0].getLockGranted());
        // It prints "Successfully released all database change log locks for …" on standard output, outside the log's
        // format (a JSON log's shipper read a raw line; an operator's audit, sixty-fourth session).
        toTheLog(liquibase::forceReleaseLocks);
    }

    /** Whether no other session has the H2 database open; only an admin sees the others, so any other user is never alone. */
    private static boolean onlyH2Session(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             var admin = s.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
            if (!admin.next() || !admin.getBoolean(1)) return false;
        }
        try (Statement s = connection.createStatement();
             var sessions = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            return sessions.next() && sessions.getInt(1) == 1;
        }
    }

    /**
     * Asked for each second, not waited for in one query: a wait longer than the URL's socketTimeout (30 s by default) broke
     * the connection, where Liquibase waits 5 minutes for another service's migration to end.
     */
    private static void awaitMigrationLock(Connection connection) throws SQLException {
        long start = System.nanoTime();
        long deadline = start + MIGRATION_WAIT.toNanos();
        boolean waited = false;
        while (!advisoryLock(connection, "pg_try_advisory_lock")) {
            // Said once: a second instance started beside a migrating one was silent meanwhile, for as long as the
            // migration took (a several-instances audit).
            if (!waited) LOG.info("another service is migrating the schema: waiting for it (at most {} minutes)", MIGRATION_WAIT.toMinutes());
            waited = true;
            if (System.nanoTime() > deadline)
                throw new SQLException("another service has been migrating the schema for " + MIGRATION_WAIT.toMinutes() + " minutes");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while another service migrated the schema", e);
            }
        }
        if (waited) LOG.info("the other service's migration ended after {} s of waiting", (System.nanoTime() - start) / 1_000_000_000L);
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (Statement s = connection.createStatement(); var taken = s.executeQuery("SELECT " + function + "(" + MIGRATION_LOCK + ")")) {
            return taken.next() && taken.getBoolean(1);
        }
    }

    /**
     * A failed migration's connection may be broken (its lock gone with it) or mid-transaction: neither hides the failure.
     * The connection goes back to the pool with its URL's socket timeout and its session's lock_timeout.
     */
    private static void unlockQuietly(Connection connection, int socketTimeout) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
            advisoryLock(connection, "pg_advisory_unlock");
            try (Statement s = connection.createStatement()) {
                s.execute("RESET lock_timeout"); // the session's own again (the URL's options, the role's or the server's)
            }
            connection.setNetworkTimeout(Runnable::run, socketTimeout);
        } catch (SQLException e) {
            LOG.warn("could not release the migration's advisory lock (its connection ends it): {}", e.getMessage());
        }
    }
}
