package org.parley.service.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.net.SocketException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.*;

/**
 * tomcat-jdbc's warning that a broken connection given back will be closed is one line, in config.yml's text layout
 * and in the JSON one; every other line of its logger keeps its stack trace.
 */
class BrokenConnectionWarningTest {
    /** tomcat-jdbc 10.1's PooledConnection.clearWarnings, word for word. */
    static final String WARNING = "Unable to clear Warnings, connection will be closed.";

    private final LoggerContext context = new LoggerContext();
    private final Logger pool = context.getLogger(BrokenConnectionWarning.LOGGER);
    private final ListAppender<ILoggingEvent> written = new ListAppender<>();

    BrokenConnectionWarningTest() {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // a fresh context has none; layouts read it
        written.start();
        pool.addAppender(written);
        pool.setLevel(Level.INFO);
        BrokenConnectionWarning.install(context);
    }

    /** What PgJDBC throws from clearWarnings on a connection that an I/O error closed, and the error that closed it. */
    private static SQLException outage() {
        SQLException closed = new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST);
        closed.initCause(new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE,
                new SocketException("Connection reset")));
        return closed;
    }

    @Test
    void theWarningIsOneLineWithItsRootCauseAndNoStackTrace() throws Exception {
        pool.warn(WARNING, outage());

        assertEquals(1, written.list.size(), written.list.toString());
        ILoggingEvent line = written.list.get(0);
        assertNull(line.getThrowableProxy(), "no stack trace");
        assertEquals(Level.WARN, line.getLevel());
        assertEquals(BrokenConnectionWarning.LOGGER, line.getLoggerName());
        String expected = WARNING + " (java.net.SocketException: Connection reset)";
        assertEquals(expected, line.getFormattedMessage());

        String text = textLayout().doLayout(line);
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("WARN  [") && text.stripTrailing().endsWith(BrokenConnectionWarning.LOGGER + ": " + expected), text);
        JsonNode json = new ObjectMapper().readTree(jsonLayout().doLayout(line));
        assertEquals(expected, json.path("message").asText());
        assertFalse(json.has("exception"), json.toString());
    }

    @Test
    void everyOtherLineOfThatLoggerKeepsItsStackTrace() {
        SQLException cause = outage();
        pool.error("SQL Validation error", cause); // tomcat-jdbc's, with logValidationErrors
        pool.warn(WARNING); // without a throwable: nothing to shorten

        assertEquals(2, written.list.size(), written.list.toString());
        ILoggingEvent validation = written.list.get(0);
        assertNotNull(validation.getThrowableProxy());
        assertEquals(PSQLException.class.getName(), validation.getThrowableProxy().getClassName());
        String text = textLayout().doLayout(validation);
        assertTrue(text.lines().count() > 10 && text.contains("java.net.SocketException: Connection reset")
                && text.contains(BrokenConnectionWarningTest.class.getName() + ".outage("), "the text keeps its stack trace: " + text);
        assertEquals(WARNING, written.list.get(1).getFormattedMessage());
    }

    @Test
    void theSameWordsFromAnotherLoggerAreLeftAsTheyAre() {
        Logger other = context.getLogger("org.apache.tomcat.jdbc.pool.ConnectionPool");
        other.addAppender(written);
        other.setAdditive(false);
        other.warn(WARNING, outage());
        assertNotNull(written.list.get(0).getThrowableProxy());
    }

    /** The level decides as before: above WARN the line is not written at all, shortened or not. */
    @Test
    void aLevelThatDropsTheWarningStillDropsIt() {
        pool.setLevel(Level.ERROR);
        pool.warn(WARNING, outage());
        pool.warn("another warning", outage()); // the filter's NEUTRAL leaves the level check to the logger
        pool.info(WARNING);
        assertEquals(List.of(), written.list);
    }

    @Test
    void installedTwiceItWritesTheLineOnce() {
        BrokenConnectionWarning.install(context);
        pool.warn(WARNING, outage());
        assertEquals(1, written.list.size(), written.list.toString());
        List<ch.qos.logback.classic.turbo.TurboFilter> filters = context.getTurboFilterList();
        assertEquals(1, filters.size(), "installed once: " + filters);
        assertTrue(filters.get(0).isStarted());
        assertEquals("broken-connection-warning", filters.get(0).getName());
        assertSame(context, filters.get(0).getContext());
    }

    /** A context with a turbo filter of another kind still gets this one. */
    @Test
    void anotherTurboFilterDoesNotKeepItOut() {
        LoggerContext other = new LoggerContext();
        other.addTurboFilter(new ch.qos.logback.classic.turbo.DuplicateMessageFilter());
        BrokenConnectionWarning.install(other);
        assertEquals(2, other.getTurboFilterList().size(), other.getTurboFilterList().toString());
        assertInstanceOf(BrokenConnectionWarning.class, other.getTurboFilterList().get(1));
    }

    @Test
    void theLineStaysOneLineWhateverTheCauseSays() {
        SQLException loop = new SQLException("outer");
        SQLException inner = new SQLException("ERROR: terminating connection\n  Detail: {} administrator command", loop);
        loop.initCause(inner);
        pool.warn(WARNING, loop);
        String message = written.list.get(0).getFormattedMessage();
        assertEquals(1, message.lines().count(), message);
        assertEquals(WARNING + " (java.sql.SQLException: ERROR: terminating connection Detail: {} administrator command)", message,
                "a chain that loops ends before it comes round; braces in a cause are no placeholders");
        assertEquals(WARNING + " (java.sql.SQLException)", BrokenConnectionWarning.oneLine(WARNING, new SQLException()));
    }

    /**
     * tomcat-jdbc's own warning, by its own path (juli, java.util.logging, Dropwizard's bridge into Logback): a pooled
     * H2 connection broken under the pool and given back. Pins the words and the logger to the tomcat-jdbc shipped.
     */
    @Test
    void thePoolsOwnWarningComesOutAsOneLine() throws Exception {
        io.dropwizard.logging.common.LoggingUtil.hijackJDKLogging(); // what Dropwizard's start does: JUL into SLF4J
        LoggerContext shared = io.dropwizard.logging.common.LoggingUtil.getLoggerContext();
        BrokenConnectionWarning.install(shared);
        PoolProperties properties = new PoolProperties();
        properties.setUrl("jdbc:h2:mem:broken-connection-warning");
        properties.setDriverClassName("org.h2.Driver");
        DataSource pooled = new DataSource(properties);
        try (var lines = org.parley.service.LogLines.of(BrokenConnectionWarning.LOGGER, Level.WARN)) {
            java.sql.Connection lent = pooled.getConnection();
            ((javax.sql.PooledConnection) lent).getConnection().close(); // the database's end goes away
            lent.close(); // given back: clearWarnings fails

            assertEquals(1, lines.list().size(), lines.list().toString());
            ILoggingEvent line = lines.list().get(0);
            assertNull(line.getThrowableProxy(), "no stack trace");
            assertTrue(line.getFormattedMessage().startsWith(WARNING + " (org.h2.jdbc."), line.getFormattedMessage());
        } finally {
            pooled.close();
            shared.getTurboFilterList().removeIf(f -> f instanceof BrokenConnectionWarning); // as it was, for the JVM's next tests
        }
    }

    /** config.yml's console line. */
    private Layout<ILoggingEvent> textLayout() {
        try {
            var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
            String pattern = yaml.readTree(Path.of("config.yml").toFile()).at("/logging/appenders/0/logFormat").asText();
            DropwizardLayout layout = new DropwizardLayout(context, TimeZone.getTimeZone("UTC"));
            layout.setPattern(pattern);
            layout.start();
            return layout;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** logFormat json's line, as LogFormat sets it. */
    @SuppressWarnings("unchecked")
    private Layout<ILoggingEvent> jsonLayout() {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        logging.setAppenders(List.of(new ConsoleAppenderFactory<>()));
        LogFormat.JSON.apply(logging, new io.dropwizard.core.server.DefaultServerFactory());
        var layout = ((DiscoverableLayoutFactory<ILoggingEvent>) ((ConsoleAppenderFactory<ILoggingEvent>) logging.getAppenders().get(0))
                .getLayout()).build(context, TimeZone.getTimeZone("UTC"));
        layout.start();
        return layout;
    }
}
