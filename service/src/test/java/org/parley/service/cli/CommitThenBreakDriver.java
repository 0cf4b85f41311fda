package org.parley.service.cli;

import io.dropwizard.db.DataSourceFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A JDBC driver for a config whose connection breaks as an erasure commits: {@code jdbc:commit-then-break:URL} connects
 * to URL, and the commit of a transaction that erased a comment, while {@link #arm armed}, commits and then throws as a
 * PostgreSQL connection lost once its COMMIT was sent does (SQLState 08006): the erasure done, and scripts/erase told
 * it failed. The service's test (ModerationResourceTest) stages the same with a spy; scripts/erase builds its store
 * itself, so here it is the connection. The pool instantiates this class by the config's driverClass.
 */
public final class CommitThenBreakDriver extends WrappingDriver {
    private static final String PREFIX = "jdbc:commit-then-break:";
    /** The erasure's own UPDATE of the comment (store.Erasures): the transactions whose commit breaks. */
    private static final String ERASURE = "UPDATE comments SET text = ''";
    /** Per database (its real URL): how many erasures' commits are still to break. */
    private static final Map<String, AtomicInteger> ARMED = new ConcurrentHashMap<>();

    /** {@code f}'s database, through this driver. */
    static DataSourceFactory breaking(DataSourceFactory f) {
        DataSourceFactory b = new DataSourceFactory();
        b.setDriverClass(CommitThenBreakDriver.class.getName());
        b.setUrl(PREFIX + f.getUrl());
        b.setUser(f.getUser());
        b.setPassword(f.getPassword());
        return b;
    }

    /** The next {@code commits} erasures' commits on {@code f}'s database ({@link #breaking}'s, or the one it wraps) break. */
    static void arm(DataSourceFactory f, int commits) {
        String url = f.getUrl().startsWith(PREFIX) ? f.getUrl().substring(PREFIX.length()) : f.getUrl();
        ARMED.computeIfAbsent(url, u -> new AtomicInteger()).set(commits);
    }

    public CommitThenBreakDriver() {
        super(PREFIX);
    }

    @Override
    Connection wrap(Connection c, String real) {
        return breakingCommits(c, ERASURE, () -> {
            AtomicInteger left = ARMED.get(real);
            return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        });
    }

    /**
     * {@code c}, whose commit of a transaction that prepared a statement containing {@code marker} commits and then, if
     * {@code breakNow} says so (asked once per such commit), throws as a PostgreSQL connection lost once its COMMIT was
     * sent does (SQLState 08006). What the service's tests break a write's commit with, on H2 and PostgreSQL alike.
     */
    public static Connection breakingCommits(Connection c, String marker, BooleanSupplier breakNow) {
        return onMarkedCommits(c, marker, () -> {}, () -> {
            if (breakNow.getAsBoolean())
                throw new SQLException("An I/O error occurred while sending to the backend", "08006"); // committed
        });
    }

    /**
     * {@code c}, whose commit of a transaction that prepared a statement containing {@code marker} commits and, if
     * {@code goNow} says so (asked once per such commit), then takes the database away: while {@code gone} holds, every
     * statement prepared or created on a connection sharing it fails as a PostgreSQL connection lost does (SQLState
     * 08006). What stages a database lost between a write's commit and a read its request makes once it committed.
     */
    public static Connection goneAfterCommits(Connection c, String marker, BooleanSupplier goNow, AtomicBoolean gone) {
        return onMarkedCommits(c, marker, () -> {
            if (gone.get()) throw new SQLException("An I/O error occurred while sending to the backend", "08006");
        }, () -> {
            if (goNow.getAsBoolean()) gone.set(true); // committed
        });
    }

    /** What may throw: a step before each statement is made, and one after a commit is done. */
    private interface Step {
        void run() throws SQLException;
    }

    /**
     * {@code c}, which runs {@code beforeStatement} before each statement it prepares or creates, and
     * {@code afterMarkedCommit} once a transaction that prepared a statement containing {@code marker} has committed.
     */
    private static Connection onMarkedCommits(Connection c, String marker, Step beforeStatement, Step afterMarkedCommit) {
        boolean[] marked = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            boolean statement = m.getName().startsWith("prepare") || m.getName().equals("createStatement");
            if (statement) beforeStatement.run();
            if (statement && args != null && args[0] instanceof String sql && sql.contains(marker)) marked[0] = true;
            if (m.getName().equals("rollback")) marked[0] = false;
            Object result;
            try {
                result = m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals("commit") && marked[0]) {
                marked[0] = false;
                afterMarkedCommit.run();
            }
            return result;
        });
    }
}
