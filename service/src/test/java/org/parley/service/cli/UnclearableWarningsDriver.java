package org.parley.service.cli;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.SocketException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A JDBC driver whose connections fail to clear their warnings as a PostgreSQL connection an outage broke does:
 * {@code jdbc:unclearable-warnings:URL} connects to URL, and each connection's clearWarnings throws "This connection has
 * been closed." caused by a reset socket. tomcat-jdbc then writes its "Unable to clear Warnings" warning, with the
 * trace, each time a command's pool is given a connection back. The pool instantiates this class by the config's
 * driverClass.
 */
public final class UnclearableWarningsDriver extends WrappingDriver {
    private static final String PREFIX = "jdbc:unclearable-warnings:";

    public UnclearableWarningsDriver() {
        super(PREFIX);
    }

    /** {@code url} through this driver. */
    static String url(String url) {
        return PREFIX + url;
    }

    @Override
    Connection wrap(Connection c, String url) {
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
}
