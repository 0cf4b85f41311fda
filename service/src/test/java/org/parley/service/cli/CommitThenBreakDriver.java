package org.parley.service.cli;

import io.dropwizard.db.DataSourceFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * A JDBC driver for a config whose connection breaks as an erasure commits: {@code jdbc:commit-then-break:URL} connects
 * to URL, and the commit of a transaction that erased a comment, while {@link #arm armed}, commits and then throws as a
 * PostgreSQL connection lost once its COMMIT was sent does (SQLState 08006): the erasure done, and scripts/erase told
 * it failed. The service's test (ModerationResourceTest) stages the same with a spy; scripts/erase builds its store
 * itself, so here it is the connection. The pool instantiates this class by the config's driverClass.
 */
public final class CommitThenBreakDriver implements Driver {
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

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        String real = url.substring(PREFIX.length());
        return breakingCommits(DriverManager.getDriver(real).connect(real, info), ERASURE, () -> {
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
        boolean[] marked = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (m.getName().startsWith("prepare") && args != null && args[0] instanceof String sql && sql.contains(marker)) marked[0] = true;
            if (m.getName().equals("rollback")) marked[0] = false;
            Object result;
            try {
                result = m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (m.getName().equals("commit") && marked[0]) {
                marked[0] = false;
                if (breakNow.getAsBoolean())
                    throw new SQLException("An I/O error occurred while sending to the backend", "08006"); // committed
            }
            return result;
        });
    }

    /**
     * {@code c}, whose commit of a transaction that prepared a statement containing {@code marker} commits and, if
     * {@code goNow} says so (asked once per such commit), then takes the database away: while {@code gone} holds, every
     * statement prepared or created on a connection sharing it fails as a PostgreSQL connection lost does (SQLState
     * 08006). What stages a database lost between a write's commit and a read its request makes once it committed.
     */
    public static Connection goneAfterCommits(Connection c, String marker, BooleanSupplier goNow, AtomicBoolean gone) {
        boolean[] marked = {false};
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            boolean statement = m.getName().startsWith("prepare") || m.getName().equals("createStatement");
            if (statement && gone.get()) throw new SQLException("An I/O error occurred while sending to the backend", "08006");
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
                if (goNow.getAsBoolean()) gone.set(true); // committed
            }
            return result;
        });
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return new DriverPropertyInfo[0];
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
