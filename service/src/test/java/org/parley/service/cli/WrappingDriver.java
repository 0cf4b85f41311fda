package org.parley.service.cli;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A test JDBC driver for {@code PREFIX + URL}: it connects to URL through the driver registered for it and hands the
 * connection to {@link #wrap}, where a subclass stages a fault. The pool instantiates a subclass by the config's
 * driverClass, so each needs a public no-argument constructor.
 */
abstract class WrappingDriver implements Driver {
    private final String prefix;

    WrappingDriver(String prefix) {
        this.prefix = prefix;
    }

    /** {@code c}, a connection to {@code url}, with the fault this driver stages. */
    abstract Connection wrap(Connection c, String url);

    @Override
    public final Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) return null;
        String real = url.substring(prefix.length());
        return wrap(DriverManager.getDriver(real).connect(real, info), real);
    }

    @Override
    public final boolean acceptsURL(String url) {
        return url != null && url.startsWith(prefix);
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
