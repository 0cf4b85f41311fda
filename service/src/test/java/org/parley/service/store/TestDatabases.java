package org.parley.service.store;

import io.dropwizard.db.DataSourceFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.parley.service.ParleyConfiguration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two databases the storage tests run against: an H2 file (the embedded default) and the
 * PostgreSQL server at 127.0.0.1:5432, database {@code test} (PARLEY_TEST_PG_URL overrides), each
 * test in a fresh schema. PostgreSQL being down fails the tests: it is never skipped.
 */
public enum TestDatabases {
    H2, POSTGRESQL;

    public static final String PG_URL = System.getenv().getOrDefault("PARLEY_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String PG_USER = System.getenv().getOrDefault("PARLEY_TEST_PG_USER", "postgres");

    /**
     * The JDBC URL of {@code url} with its connections in {@code schema}: the parameters are added
     * after those the URL already has ({@code ?user=postgres}), where a second {@code ?} ran into the
     * last one's value (the user "postgres?currentSchema=t_…", which does not exist).
     */
    static String inSchema(String url, String schema) {
        return url + (url.indexOf('?') < 0 ? "?" : "&") + "currentSchema=" + schema + "&connectTimeout=3";
    }

    /** A data source factory for an empty database of this kind. */
    public DataSourceFactory fresh(Path dir) {
        if (this == H2) return ParleyConfiguration.h2(dir.resolve("db-" + UUID.randomUUID()).toString());
        String schema;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            schema = schemaName(Owner.mark(), UUID.randomUUID());
            s.execute("CREATE SCHEMA " + schema);
            SCHEMAS.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is required by the storage tests "
                    + "(.ci/run starts it): " + e.getMessage(), e);
        }
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.postgresql.Driver");
        f.setUrl(inSchema(PG_URL, schema));
        f.setUser(PG_USER);
        f.setPassword("");
        return f;
    }

    /**
     * The PostgreSQL schemas this JVM made, dropped as it exits: a developer's {@code test} database kept each run's two
     * hundred or so (1,218 schemas, 1 GB, after six runs of the service's tests, fifty-third session). One a statement:
     * one DROP of them all would lock each of their thousands of tables at once, more than PostgreSQL's lock table holds
     * by default. One still locked after a second (a connection a test left open) stays.
     */
    private static final Set<String> SCHEMAS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::dropSchemas, "drop-test-schemas"));
    }

    private static void dropSchemas() {
        if (SCHEMAS.isEmpty()) return;
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute("SET lock_timeout = '1s'");
            drop(s, SCHEMAS);
        } catch (SQLException down) {
            // PostgreSQL gone: nothing can be dropped
        }
    }

    private static void drop(Statement s, Iterable<String> schemas) {
        for (String schema : schemas) {
            try {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException locked) {
                // left: nothing reads it again
            }
        }
    }

    /** {@code t_}, the owning JVM's mark in 8 hex digits, {@code _}, then the schema's own 32: 43 of PostgreSQL's 63. */
    static String schemaName(int mark, UUID id) {
        return "t_%08x_%s".formatted(mark, id.toString().replace("-", ""));
    }

    private static final Pattern SCHEMA_NAME = Pattern.compile("t_([0-9a-f]{8})_[0-9a-f]{32}");
    /** The first key of the advisory locks that hold the marks ("test" in ASCII); the mark is the second. */
    private static final int LOCK_CLASS = 0x74657374;

    /**
     * Drops the schemas whose JVM is gone, one mark at a time. A mark no session holds is a dead
     * JVM's, as PostgreSQL ends a session's advisory locks with it; the mark is held here while its schemas go, so a
     * JVM starting meanwhile takes another. The exit's drop above does not run where a JVM is killed, or halted in its
     * shutdown hooks as PIT's do: PIT's runs left 405 schemas (fifty-third session).
     */
    static void sweep(Connection c) throws SQLException {
        Map<Integer, List<String>> byMark = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet names = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'")) {
            while (names.next()) {
                Matcher m = SCHEMA_NAME.matcher(names.getString(1));
                if (m.matches()) byMark.computeIfAbsent(Integer.parseUnsignedInt(m.group(1), 16), k -> new ArrayList<>()).add(m.group());
            }
        }
        try (Statement s = c.createStatement();
             PreparedStatement unlock = c.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
            s.execute("SET lock_timeout = '1s'");
            for (Map.Entry<Integer, List<String>> e : byMark.entrySet()) {
                if (!tryMark(c, e.getKey())) continue; // its JVM lives
                drop(s, e.getValue());
                unlock.setInt(1, LOCK_CLASS);
                unlock.setInt(2, e.getKey());
                unlock.executeQuery().close();
            }
        }
    }

    /** Takes {@code mark} for {@code c}'s session, if no other session holds it; whether it did. */
    static boolean tryMark(Connection c, int mark) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_CLASS);
            lock.setInt(2, mark);
            try (ResultSet taken = lock.executeQuery()) {
                return taken.next() && taken.getBoolean(1);
            }
        }
    }

    /** This JVM's mark, held for its life on a connection of its own, and the sweep of dead JVMs' schemas it starts. */
    private static final class Owner {
        private static int mark;
        private static Connection holder;

        static synchronized int mark() throws SQLException {
            if (holder != null) return mark;
            Connection c = DriverManager.getConnection(PG_URL, PG_USER, "");
            try {
                int candidate;
                do candidate = ThreadLocalRandom.current().nextInt();
                while (!tryMark(c, candidate)); // a mark another JVM holds, or one being swept, is not ours
                mark = candidate;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            holder = c;
            Thread sweeper = new Thread(Owner::sweepQuietly, "sweep-test-schemas");
            sweeper.setDaemon(true); // a JVM that ends first leaves the rest to the next
            sweeper.start();
            return mark;
        }

        private static void sweepQuietly() {
            try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, "")) {
                sweep(c);
            } catch (SQLException down) {
                // the tests that need PostgreSQL say so
            }
        }
    }

    /** Jdbi on a fresh, migrated database. */
    public Jdbi migrated(Path dir) {
        DataSourceFactory f = fresh(dir);
        Jdbi jdbi = Jdbi.create(keptOpen(f.getUrl()), f.getUser(), f.getPassword());
        Database.migrate(jdbi);
        return jdbi;
    }

    /**
     * A fresh database with every changeset before the one whose id starts with {@code id}: the store as it was, for a
     * test to store rows as an older version did and then migrate them.
     */
    public Jdbi migratedBefore(String id, Path dir) throws IOException {
        DataSourceFactory f = fresh(dir);
        Jdbi jdbi = Jdbi.create(keptOpen(f.getUrl()), f.getUser(), f.getPassword());
        Database.migrate(jdbi, changesetsBefore(id));
        return jdbi;
    }

    /**
     * An H2 URL whose database stays open for a while after its last connection closes. Jdbi here has no pool, so each
     * handle opened the file anew (its AUTO_SERVER socket, lock file) and closing it compacted and synced the file, where
     * jstack found RequestCostTest's 200-comment threads most of their time. The service's pool keeps the file open
     * likewise. Only in a class that opts in with {@code @ExtendWith(KeptOpenDatabases.class)}, which closes it after
     * each test, before its folder is deleted; elsewhere, and on PostgreSQL, the URL as it is.
     */
    public static String keptOpen(String url) {
        if (!keepOpen || !url.startsWith("jdbc:h2:file:")) return url;
        String kept = url + ";DB_CLOSE_DELAY=2";
        KEPT_OPEN.add(kept);
        return kept;
    }

    private static final Set<String> KEPT_OPEN = ConcurrentHashMap.newKeySet();
    /** Set while a class that opted in runs (surefire's JVMs run one class at a time). */
    static volatile boolean keepOpen;

    /**
     * Closes each database kept open, at once where nothing else has it open. One whose file is gone is forgotten; one
     * still there (a class's shared database) is closed after each test, as its next handle may open it again.
     */
    static void closeKeptOpen() {
        for (String url : List.copyOf(KEPT_OPEN)) {
            String file = url.substring("jdbc:h2:file:".length(), url.indexOf(';'));
            if (!Files.exists(Path.of(file + ".mv.db"))) {
                KEPT_OPEN.remove(url);
                continue;
            }
            try (Connection c = DriverManager.getConnection(url + ";IFEXISTS=TRUE", "sa", "");
                 Statement s = c.createStatement()) {
                s.execute("SET DB_CLOSE_DELAY 0"); // the last connection's close closes the file
            } catch (SQLException gone) {
                // its file was deleted, or it was never created: nothing open
            }
        }
    }

    /**
     * Waits until {@code other} is done, or waits for a lock that {@code holder}'s open transaction holds: a race staged
     * in order, the holder committing (or rolling back) only once the other statement waits for it. Whether it waited.
     */
    public boolean awaitWaiting(Jdbi jdbi, Handle holder, Future<?> other) throws InterruptedException {
        String self = this == H2 ? "SELECT SESSION_ID()" : "SELECT pg_backend_pid()";
        // H2 names the blocker of a row lock, not of a key an open insert holds: there, a statement of another
        // session that has run 200 ms (these take about 1 ms) is taken to wait.
        String waiting = this == H2 ? "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = :holder"
                + " OR (SESSION_ID NOT IN (:holder, SESSION_ID()) AND EXECUTING_STATEMENT_START < CURRENT_TIMESTAMP - INTERVAL '0.2' SECOND)"
                : "SELECT COUNT(*) FROM pg_stat_activity WHERE :holder = ANY(pg_blocking_pids(pid))";
        int id = holder.createQuery(self).mapTo(Integer.class).one();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Handle h = jdbi.open()) {
            while (!other.isDone()) {
                if (h.createQuery(waiting).bind("holder", id).mapTo(Integer.class).one() > 0) return true;
                if (System.nanoTime() > deadline) throw new IllegalStateException("neither done nor waiting after 30 s");
                Thread.sleep(5);
            }
        }
        return false;
    }

    /**
     * How many changesets the changelog has before the one whose id starts with {@code id}, of those that run on this
     * database: Liquibase counts those it runs, and each runs none marked for the other ({@code dbms:postgresql}, {@code dbms:h2}).
     */
    private int changesetsBefore(String id) throws IOException {
        String changelog;
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(Database.CHANGELOG)) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int count = 0;
        for (String line : changelog.split("\n")) {
            if (line.startsWith("--changeset " + id)) return count;
            if (line.startsWith("--changeset ") && !line.contains(this == POSTGRESQL ? "dbms:h2" : "dbms:postgresql")) count++;
        }
        throw new IllegalStateException("no changeset " + id);
    }
}
