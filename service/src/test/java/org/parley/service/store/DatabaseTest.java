package org.parley.service.store;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.policy.Action;
import org.parley.service.ParleyConfiguration;
import org.parley.service.moderation.Verdict;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void tellsAnH2FileThatAcknowledgesCommitsBeforeTheyAreOnDisk() {
        String file = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL";
        assertEquals(OptionalInt.of(500), Database.diskWriteDelay(Jdbi.create(file, "sa", "")), "H2's default");
        String durable = ParleyConfiguration.durable("jdbc:h2:file:" + dir.resolve("d2"), "sa");
        assertEquals(OptionalInt.of(0), Database.diskWriteDelay(Jdbi.create(durable, "sa", "")), durable);
        assertEquals(OptionalInt.empty(), Database.diskWriteDelay(Jdbi.create("jdbc:h2:mem:x", "sa", "")), "nothing on disk to lose");
        assertEquals(OptionalInt.empty(), Database.diskWriteDelay(TestDatabases.POSTGRESQL.migrated(dir)));
    }

    /**
     * A backup and restore audit: H2's SCRIPT, run while the service wrote, gave copies whose decisions named comments the
     * copy lacked, or were past their comment's version, and RUNSCRIPT restored them unchecked; the service then answered a
     * 500 to the site sending such a comment again, and to a decision on one behind. Such rows are counted (start-up logs
     * an error for them); a consistent store has none.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void countsTheDecisionsAndReportsThatACopyOfOneMomentCannotHold(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        CommentStore store = new CommentStore(jdbi);
        Instant t0 = Instant.parse("2026-12-04T10:00:00Z");
        store.insert(CommentStoreTest.comment("lost", "a1", 0.7f, Action.REVIEW), t0);
        store.report(CommentStoreTest.key("lost"), "rude", "reader", null, t0);
        store.insert(CommentStoreTest.comment("behind", "a1", 0.7f, Action.REVIEW), t0);
        store.decide(CommentStoreTest.key("behind"), Verdict.APPROVE, null, null, "alice", true, 1, t0);
        store.insert(CommentStoreTest.comment("whole", "a1", 0.7f, Action.REVIEW), t0);
        assertEquals(0, Database.strayRows(jdbi), "a consistent store");

        jdbi.useHandle(h -> {  // as a copy of several moments, restored with its foreign keys unchecked, leaves it
            h.execute(db == TestDatabases.H2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET session_replication_role = replica");
            h.execute("DELETE FROM comments WHERE id = ?", CommentStoreTest.key("lost"));
            h.execute("UPDATE comments SET version = 1 WHERE id = ?", CommentStoreTest.key("behind"));
            h.execute(db == TestDatabases.H2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET session_replication_role = origin");
        });
        assertEquals(3, Database.strayRows(jdbi), "the lost comment's decision and report, the decision past its comment");
    }

    /**
     * A newcomer's audit: add-moderator printed ~30 lines of Liquibase (its summary on standard output, then again in
     * the log) before its one line. A migration now prints none of Liquibase's lines and logs one line of its own.
     */
    @Test
    void aMigrationPrintsNothingAndLogsWhichChangesetsRan() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Database.class);
        var captured = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        captured.start();
        logger.addAppender(captured);
        // Dropwizard's test support sets the root logger to WARN once another test has started an application (as
        // here, so that this test reads the same alone and in the suite); Database's line is INFO.
        io.dropwizard.logging.common.BootstrapLogging.bootstrap();
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        // As service/config.yml sets it: Liquibase's messages are log lines at INFO, which another test's application
        // may have left a console appender for; what is still printed then is what Liquibase wrote to stdout itself.
        ch.qos.logback.classic.Logger liquibaseLog = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("liquibase");
        ch.qos.logback.classic.Level liquibaseLevel = liquibaseLog.getLevel();
        liquibaseLog.setLevel(ch.qos.logback.classic.Level.WARN);
        java.io.PrintStream stdout = System.out;
        var printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        Jdbi jdbi = Jdbi.create("jdbc:h2:file:" + dir.resolve("quiet") + ";MODE=PostgreSQL", "sa", "");
        try {
            Database.migrate(jdbi, 2);
            Database.migrate(jdbi);
            Database.migrate(jdbi);
        } finally {
            System.setOut(stdout);
            logger.detachAppender(captured);
            logger.setLevel(level);
            liquibaseLog.setLevel(liquibaseLevel);
        }
        // Liquibase's own lines; a log appender on the console (another test's application may have left one) is not them.
        String out = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        for (String liquibase : new String[] {"Running Changeset", "UPDATE SUMMARY", "Database is up to date", "Previously run"})
            assertFalse(out.contains(liquibase), out);
        var lines = captured.list.stream().map(e -> e.getFormattedMessage()).toList();
        // Which changesets are to run is said before they run too: a start that spent minutes in one said nothing meanwhile.
        assertEquals("migrating the database schema: 2 changeset(s) to run, 1-articles, 1-comments", lines.get(0));
        assertTrue(lines.get(1).matches("database schema migrated: ran 2 changeset\\(s\\) in [0-9]+\\.[0-9] s, 1-articles, 1-comments"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith("migrating the database schema: "), lines.toString());
        assertTrue(lines.get(3).startsWith("database schema migrated: ran "), lines.toString());
        assertFalse(lines.get(3).contains(" 1-comments,"), "the second ran the rest: " + lines.get(3));
        assertTrue(lines.get(3).contains(", 16-article-split-h2, "), "H2's own: " + lines.get(3));
        for (String postgresql : List.of("9-reported-queue", "16-article-split-postgresql", "17-login-buckets"))
            assertFalse(lines.get(3).contains(postgresql), "and none for PostgreSQL alone: " + lines.get(3));
        assertEquals("database schema up to date", lines.get(4));
    }

    /**
     * Changeset 25 is marked run without its index where pg_trgm cannot be installed (no right to, no public schema):
     * start-up then warns, as nothing else said it (an operator's audit, sixty-eighth session).
     */
    @Test
    void aSchemaWithoutTheSearchIndexIsToldApart() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migrated(dir);
        try (var h = jdbi.open()) {
            assertFalse(Database.withoutSearchIndex(h.getConnection()), "made by changeset 25");
            h.execute("DROP INDEX comments_text_search");
            assertTrue(Database.withoutSearchIndex(h.getConnection()));
        }
    }

    /** A URL may carry the password (PostgreSQL's ?password=, H2's ;PASSWORD=): start-up's error went to the log with it. */
    @Test
    void aDatabaseThatCannotBeOpenedIsNamedWithoutThePasswordInItsUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=s3cret-pw&sslpassword=k3y-pw";
        var refused = assertThrows(org.jdbi.v3.core.ConnectionException.class,
                () -> Jdbi.create(url, "postgres", "").useHandle(h -> {}));
        IllegalStateException named = Database.cannotOpen(url, "postgres", refused);
        assertSame(refused, named.getSuppressed()[0], "the driver's failure kept for the log");
        String said = named.getMessage();
        assertTrue(said.startsWith("cannot open the database jdbc:postgresql://127.0.0.1:1/test?connectTimeout=2&password=***"
                + "&sslpassword=*** as postgres"), said);
        assertFalse(said.contains("s3cret") || said.contains("k3y"), said);
        assertEquals("jdbc:h2:file:./runs/db;USER=sa;PASSWORD=***;MODE=PostgreSQL",
                Database.shown("jdbc:h2:file:./runs/db;USER=sa;PASSWORD=hunter22;MODE=PostgreSQL"));
        assertEquals("jdbc:h2:file:./runs/db;WRITE_DELAY=0", Database.shown("jdbc:h2:file:./runs/db;WRITE_DELAY=0"));
    }

    /**
     * A migration cut off mid-way (here its backend is ended while changeset 11 waits for a lock, as when the database
     * restarts) says which changeset failed, and the next start completes it. Liquibase's lock row stayed taken, so every
     * later start waited 5 minutes for it and stopped: "Could not acquire change log lock" (an upgrade audit, twenty-third
     * session). The wait is cut to none here, so a lock left taken fails at once.
     */
    @Test
    void aMigrationCutOffMidwaySaysWhereAndTheNextStartCompletesIt() throws Exception {
        Jdbi jdbi = TestDatabases.POSTGRESQL.migratedBefore("parley:11-article-site", dir);
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO articles (id, title, created_at) VALUES ('a1', 'Kept', CURRENT_TIMESTAMP)");
            h.execute("INSERT INTO moderators (username, password_hash, role, created_at) VALUES ('alice', 'x', 'moderator', CURRENT_TIMESTAMP)");
        });
        String schema = jdbi.withHandle(h -> h.select("SELECT current_schema()").mapTo(String.class).one());
        IllegalStateException failed;
        try (Connection blocker = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "");
             Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE " + schema + ".articles IN ACCESS EXCLUSIVE MODE");
            var migration = CompletableFuture.runAsync(() -> Database.migrate(jdbi));
            // pg_locks, not pg_stat_activity, which a transaction reads once
            var blocked = "SELECT pid FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid))";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.executeQuery(blocked).next() && System.nanoTime() < deadline) Thread.sleep(20);
            s.execute("SELECT pg_terminate_backend(pid) FROM (" + blocked + ") b");
            blocker.rollback();
            failed = assertThrows(IllegalStateException.class, () -> {
                try {
                    migration.get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                }
            });
        }
        assertTrue(failed.getMessage().contains("11-article-site"), failed.getMessage());

        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
        try {
            Database.migrate(jdbi);
        } finally {
            System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
        }
        jdbi.useHandle(h -> {
            assertEquals("Kept", h.select("SELECT title FROM articles WHERE id = 'a1'").mapTo(String.class).one());
            assertEquals(6500, h.select("SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = current_schema()"
                    + " AND table_name = 'moderators' AND column_name = 'site'").mapTo(Integer.class).one(), "changeset 12 ran");
            assertFalse(h.select("SELECT locked FROM databasechangeloglock").mapTo(Boolean.class).one());
        });
    }

    /**
     * On H2 (the default) a start killed while it migrated left Liquibase's lock row taken, and the next start waited 5
     * minutes and stopped (left with changesets to run; one with none takes no lock). With no other session on the file nobody is migrating it, so the row is released; while another
     * session has it open, the lock is still waited for (here cut to none, so it fails at once).
     */
    @Test
    void anH2LockThatAKilledStartLeftIsReleasedOnlyWhenNobodyElseHasTheFileOpen() throws Exception {
        Jdbi jdbi = TestDatabases.H2.migratedBefore("parley:12-moderator-sites", dir); // a lock is taken only with changesets to run
        String url = jdbi.withHandle(h -> h.getConnection().getMetaData().getURL());
        String leftTaken = "UPDATE DATABASECHANGELOGLOCK SET LOCKED = TRUE, LOCKGRANTED = CURRENT_TIMESTAMP, LOCKEDBY = 'a killed start'";
        jdbi.useHandle(h -> h.execute(leftTaken));
        System.setProperty("liquibase.changelogLockWaitTimeInMinutes", "0");
        // Liquibase tries the lock, sleeps its poll rate (10 s) and tries again even with no wait: no sleep here
        System.setProperty("liquibase.changelogLockPollRate", "0");
        try {
            try (Connection other = DriverManager.getConnection(url, "sa", "")) {
                var refused = assertThrows(IllegalStateException.class, () -> Database.migrate(jdbi));
                assertTrue(refused.getMessage().contains("Could not acquire change log lock"), refused.getMessage());
            }
            // Liquibase's console, its standard output kept from its start, here a buffer: "Successfully released all
            // database change log locks" was printed there, outside the log's format (an operator's audit, sixty-fourth session).
            var printed = new java.io.ByteArrayOutputStream();
            var console = new liquibase.ui.ConsoleUIService();
            console.setOutputStream(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            liquibase.Scope.child(liquibase.Scope.Attr.ui.name(), console, () -> Database.migrate(jdbi));
            String said = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(said.contains("released"), said);
        } finally {
            System.clearProperty("liquibase.changelogLockWaitTimeInMinutes");
            System.clearProperty("liquibase.changelogLockPollRate");
        }
        boolean locked = jdbi.withHandle(h -> h.select("SELECT LOCKED FROM DATABASECHANGELOGLOCK").mapTo(Boolean.class).one());
        assertFalse(locked);
    }

    /**
     * A service that starts while another migrates waits for it, also past its URL's socketTimeout (here 1 s), and says
     * so once: a second instance started beside a migrating one was silent meanwhile (a several-instances audit).
     */
    @Test
    void aMigrationWaitsForAnotherLongerThanItsSocketTimeout() throws Exception {
        var fresh = TestDatabases.POSTGRESQL.fresh(dir);
        Jdbi jdbi = Jdbi.create(fresh.getUrl() + "&socketTimeout=1", fresh.getUser(), fresh.getPassword());
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Database.class);
        var captured = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        captured.start();
        logger.addAppender(captured);
        io.dropwizard.logging.common.BootstrapLogging.bootstrap(); // as in aMigrationPrintsNothingAndLogsWhichChangesetsRan
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.INFO);
        try (Connection other = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "");
             Statement s = other.createStatement()) {
            s.execute("SELECT pg_advisory_lock(" + Database.MIGRATION_LOCK + ")");
            var migration = CompletableFuture.runAsync(() -> Database.migrate(jdbi));
            Thread.sleep(2500);
            assertFalse(migration.isDone(), "it waits");
            var said = captured.list.stream().map(e -> e.getFormattedMessage()).toList();
            assertEquals(java.util.List.of("another service is migrating the schema: waiting for it (at most 5 minutes)"), said,
                    "once, while it waits");
            s.execute("SELECT pg_advisory_unlock(" + Database.MIGRATION_LOCK + ")");
            migration.get(60, TimeUnit.SECONDS);
        } finally {
            logger.detachAppender(captured);
            logger.setLevel(level);
        }
        var lines = captured.list.stream().map(e -> e.getFormattedMessage()).toList();
        assertTrue(lines.get(1).matches("the other service's migration ended after [0-9]+ s of waiting"), lines.toString());
        assertTrue(lines.get(2).startsWith("migrating the database schema: "), lines.toString());
        assertTrue(lines.get(3).startsWith("database schema migrated: ran "), lines.toString());
        boolean locked = jdbi.withHandle(h -> h.select("SELECT locked FROM databasechangeloglock").mapTo(Boolean.class).one());
        assertFalse(locked);
    }
    /**
     * A changeset that runs longer than the URL's socketTimeout completes, and the connection keeps that timeout after.
     * Changeset 15's UPDATE of 300,000 comments took over 30 s (the service's default socketTimeout) on a busy machine:
     * the read timed out, the changeset was rolled back, and so would every start's be (an upgrade audit's second round,
     * forty-second session). Here its first statement waits 1.5 s for a lock another session holds, with socketTimeout=1.
     */
    @Test
    void aChangesetThatRunsLongerThanTheSocketTimeoutCompletes() throws Exception {
        Jdbi before = TestDatabases.POSTGRESQL.migratedBefore("parley:15-comment-local-id", dir);
        String url = before.withHandle(h -> h.getConnection().getMetaData().getURL()) + "&socketTimeout=1";
        String schema = before.withHandle(h -> h.select("SELECT current_schema()").mapTo(String.class).one());
        try (Connection migrating = DriverManager.getConnection(url, TestDatabases.PG_USER, "");
             Connection blocker = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "");
             Statement s = blocker.createStatement()) {
            blocker.setAutoCommit(false);
            s.execute("LOCK TABLE " + schema + ".comments IN ACCESS EXCLUSIVE MODE");
            var migration = CompletableFuture.runAsync(() -> Database.migrate(migrating, null));
            var blocked = "SELECT pid FROM pg_locks WHERE NOT granted AND pg_backend_pid() = ANY (pg_blocking_pids(pid))";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.executeQuery(blocked).next() && System.nanoTime() < deadline) Thread.sleep(20);
            Thread.sleep(1500); // past the 1 s socketTimeout, counted from when its statement waits
            blocker.rollback();
            migration.get(60, TimeUnit.SECONDS);
            assertEquals(1000, migrating.getNetworkTimeout(), "the URL's again, for what the connection does next");
        }
        int ran = before.withHandle(h -> h.select("SELECT COUNT(*) FROM databasechangelog WHERE id IN ('15-comment-local-id',"
                + " '19-replies-postgresql')").mapTo(Integer.class).one());
        assertEquals(2, ran, "changeset 15 ran, and every one after it");
    }

    /** A migration that fails for another reason on PostgreSQL says so, and not that it waited for a lock. */
    @Test
    void aMigrationThatFailsOtherwiseIsNotToldAsALockWait() throws Exception {
        var f = TestDatabases.POSTGRESQL.fresh(dir);
        Jdbi jdbi = Jdbi.create(f.getUrl(), f.getUser(), f.getPassword());
        jdbi.useHandle(h -> h.execute("CREATE TABLE articles (x INT)"));  // changeset 1 cannot create its own
        String message = assertThrows(IllegalStateException.class, () -> Database.migrate(jdbi)).getMessage();
        assertTrue(message.startsWith("cannot migrate the database schema: "), message);
        assertTrue(message.contains("articles") && !message.contains("waited"), message);
    }

    /**
     * A migration blocked on a lock that another session holds on {@code comments} (here an open transaction that read it,
     * as an old service's or a pg_dump's does) fails once it has waited the lock timeout, naming the changeset, the wait,
     * the holder and what to do, and leaves nothing of the changeset; once the holder is gone it runs. Its statements run
     * without the socket timeout (a long changeset is legitimate), so until the forty-third session it waited, and held
     * the start, for ever. The connection's lock_timeout is its session's again after.
     */
    @Test
    void aMigrationBlockedOnALockFailsSayingSoRatherThanWaitingForEver() throws Exception {
        Jdbi before = TestDatabases.POSTGRESQL.migratedBefore("parley:15-comment-local-id", dir);
        String url = before.withHandle(h -> h.getConnection().getMetaData().getURL());
        String schema = before.withHandle(h -> h.select("SELECT current_schema()").mapTo(String.class).one());
        try (Connection migrating = DriverManager.getConnection(url, TestDatabases.PG_USER, "");
             Connection blocker = DriverManager.getConnection(TestDatabases.PG_URL, TestDatabases.PG_USER, "");
             Statement s = blocker.createStatement()) {
            blocker.setClientInfo("ApplicationName", "old-parley");
            blocker.setAutoCommit(false);
            s.execute("SELECT COUNT(*) FROM " + schema + ".comments");
            var pid = s.executeQuery("SELECT pg_backend_pid()");
            pid.next();
            var migration = CompletableFuture.supplyAsync(() -> assertThrows(IllegalStateException.class,
                    () -> Database.migrate(migrating, null, java.time.Duration.ofMillis(300))));
            IllegalStateException failed = migration.get(60, TimeUnit.SECONDS); // and not for ever
            String message = failed.getMessage();
            assertEquals(1, failed.getSuppressed().length, "Liquibase's own failure kept for the log");
            assertTrue(message.startsWith("cannot migrate the database schema: changeset 15-comment-local-id waited 300 ms"
                    + " (migrationLockTimeout, PARLEY_MIGRATION_LOCK_TIMEOUT) for a lock on the store's tables that another session"
                    + " holds (now: pid " + pid.getInt(1) + " (old-parley, idle in transaction) on comments), and was rolled back."), message);
            assertTrue(message.endsWith("stop the old services, let the dump end, and start again (docs/moderation.md, Upgrading)"), message);
            try (var timeout = migrating.createStatement().executeQuery("SHOW lock_timeout")) {
                timeout.next();
                assertEquals("0", timeout.getString(1), "the session's own again");
            }
            blocker.rollback();
        }
        int ran = before.withHandle(h -> h.select("SELECT COUNT(*) FROM databasechangelog WHERE id = '15-comment-local-id'")
                .mapTo(Integer.class).one());
        assertEquals(0, ran, "nothing of the changeset");
        CompletableFuture.runAsync(() -> Database.migrate(before)).get(60, TimeUnit.SECONDS);
        ran = before.withHandle(h -> h.select("SELECT COUNT(*) FROM databasechangelog WHERE id = '19-replies-postgresql'")
                .mapTo(Integer.class).one());
        assertEquals(1, ran, "every changeset, once the lock is free");
    }

    /**
     * On H2 a statement's query timeout is its connection's, and the pool's validation query (validationQueryTimeout: 3s)
     * set it for every pooled connection: the start-up's stray-row check on a store of 300,000 comments and 120,000
     * decisions took longer on a busy machine, and the start failed with "Statement was canceled or the session timed
     * out" (forty-third session); a migration's changeset over such a store would too. Neither is cut off now, and the
     * connection keeps its timeout after. Here the connection's is 1 ms, which 5,000 comments take longer than
     * (20,000 took 11 s of the class's 42).
     */
    @Test
    void onH2TheStrayRowCheckAndAMigrationAreNotCutOffByTheConnectionsQueryTimeout() throws Exception {
        Jdbi before = TestDatabases.H2.migratedBefore("parley:15-comment-local-id", dir);
        String url = before.withHandle(h -> h.getConnection().getMetaData().getURL());
        before.useHandle(h -> {
            h.execute("INSERT INTO articles (id, site, title, created_at) SELECT 'a' || X, 'news.example', 'Article', TIMESTAMP WITH TIME ZONE"
                    + " '2026-11-01 00:00:00+00' FROM SYSTEM_RANGE(1, 100)");
            h.execute("""
                    INSERT INTO comments (id, site, article_id, number, author, text, toxicity, severe_toxicity, identity_attack, insult,
                        profanity, threat, risk, top_attribute, spans, model_name, model_version, model_checksum, action, status,
                        decided_by, version, created_at, updated_at)
                    SELECT 'c' || X, 'news.example', 'a' || (MOD(X, 100) + 1), X, 'writer', 'Words of a reader, number ' || X, 0.3,
                        0.01, 0.02, 0.1, 0.05, 0.01, 0.3, 'TOXICITY', '[]', 'toxicity', 'v1', 'abc', 'REVIEW', 'APPROVED', 'MODERATOR', 2,
                        TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00', TIMESTAMP WITH TIME ZONE '2026-11-01 00:00:00+00'
                    FROM SYSTEM_RANGE(1, 5000)""");
            h.execute("""
                    INSERT INTO decisions (comment_id, version, decision, status, actor, actor_kind, text, scores, model_version,
                        model_checksum, decided_at)
                    SELECT 'c' || X, 2, 'APPROVE', 'APPROVED', 'alice', 'MODERATOR', 'Words of a reader, number ' || X, '{}', 'v1', 'abc',
                        TIMESTAMP WITH TIME ZONE '2026-11-02 00:00:00+00' FROM SYSTEM_RANGE(1, 5000)""");
        });
        String cut = url + ";QUERY_TIMEOUT=1";
        try (Connection c = DriverManager.getConnection(cut, "sa", "")) {
            Database.migrate(c, null);
            try (Statement s = c.createStatement();
                 var timeout = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_TIMEOUT'")) {
                timeout.next();
                assertEquals("1", timeout.getString(1).strip(), "the connection's again");
            }
        }
        int ran = before.withHandle(h -> h.select("SELECT COUNT(*) FROM databasechangelog WHERE id = '15-comment-local-id'")
                .mapTo(Integer.class).one());
        assertEquals(1, ran, "changeset 15 ran, over 5,000 comments");
        // One pooled connection, as the service's are: the check hands its statement over and gives the timeout back.
        var pool = org.h2.jdbcx.JdbcConnectionPool.create(cut, "sa", "");
        pool.setMaxConnections(1);
        try {
            Jdbi pooled = Jdbi.create(pool);
            List<Statement> handed = new java.util.ArrayList<>();
            assertEquals(0, Database.strayRows(pooled, handed::add));
            assertEquals(1, handed.size(), "the statement, for the service to cancel as it stops");
            assertEquals("1", pooled.withHandle(h -> h.select("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'QUERY_TIMEOUT'").mapTo(String.class).one()).strip(), "the connection's again");
        } finally {
            pool.dispose();
        }
    }

    /**
     * A release started on a database that a newer one migrated is refused, naming the changesets it does not know. A
     * release from before changeset 15 started on a database migrated by today's as if nothing were amiss, and answered
     * every new comment, and every comment the newer one had erased, with a 500 (an upgrade audit's second round,
     * forty-second session). The database is left as it was.
     */
    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void aDatabaseThatANewerReleaseMigratedIsRefused(TestDatabases db) {
        Jdbi jdbi = db.migrated(dir);
        // An operator's own changelog run on the same schema is not a newer release's.
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description)
                VALUES ('1-reporting-view', 'ops', 'ops/changelog.sql', CURRENT_TIMESTAMP, 98, 'EXECUTED', '9:y', 'sql')"""));
        Database.migrate(jdbi);
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum, description)
                VALUES ('99-from-a-newer-release', 'parley', 'db/changelog.sql', CURRENT_TIMESTAMP, 99, 'EXECUTED', '9:x', 'sql')"""));
        var refused = assertThrows(IllegalStateException.class, () -> Database.migrate(jdbi));
        assertTrue(refused.getMessage().startsWith("the database was migrated by a newer release of Parley: it has changeset(s) "
                + "99-from-a-newer-release, which this release does not know"), refused.getMessage()); // not the operator's
        assertTrue(refused.getMessage().contains("restore the backup taken before the upgrade"), refused.getMessage());
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM databasechangelog WHERE id = '99-from-a-newer-release'");
            assertFalse(h.select("SELECT locked FROM databasechangeloglock").mapTo(Boolean.class).one(), "no lock left taken");
        });
        Database.migrate(jdbi);
    }
}
