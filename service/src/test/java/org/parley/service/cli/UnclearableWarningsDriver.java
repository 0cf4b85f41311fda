package org.parley.service.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A JDBC driver whose connections fail to clear their warnings as a PostgreSQL connection an outage broke does:
 * {@code jdbc:unclearable-warnings:URL} connects to URL, and each connection's clearWarnings throws "This connection has
 * been closed." caused by a reset socket. tomcat-jdbc then writes its "Unable to clear Warnings" warning, with the
 * trace, each time a command's pool is given a connection back. The pool instantiates this class by the config's
 * driverClass.
 */
public final class UnclearableWarningsDriver implements Driver {
    private static final String PREFIX = "jdbc:unclearable-warnings:";

    /** {@code url} through this driver. */
    static String url(String url) {
        return PREFIX + url;
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        String real = url.substring(PREFIX.length());
        Connection c = DriverManager.getDriver(real).connect(real, info);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, m, args) -> {
            if (m.getName().equals("clearWarnings"))
                throw new SQLException("This connection has been closed.", "08003", new SocketException("Connection reset"));
            try {
                return m.invoke(c, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
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
