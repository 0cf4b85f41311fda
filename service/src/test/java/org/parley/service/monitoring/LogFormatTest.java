package org.parley.service.monitoring;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.json.AccessJsonLayoutBaseFactory;
import io.dropwizard.logging.json.EventJsonLayoutBaseFactory;
import io.dropwizard.request.logging.LogbackAccessRequestLogFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * PARLEY_LOG_FORMAT's layouts set on the config's appenders before Dropwizard starts its logging: the request log's part
 * was seen only through a started service (JsonLogsTest) until the sixty-first session's PIT run.
 */
class LogFormatTest {
    private static DefaultServerFactory server(ConsoleAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent> appender) {
        DefaultServerFactory server = new DefaultServerFactory();
        LogbackAccessRequestLogFactory requests = new LogbackAccessRequestLogFactory();
        requests.setAppenders(List.of(appender));
        server.setRequestLogFactory(requests);
        return server;
    }

    @Test
    void jsonGivesBothLogsDropwizardsJsonLayoutsWithTheRequestId() {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        ConsoleAppenderFactory<ch.qos.logback.classic.spi.ILoggingEvent> app = new ConsoleAppenderFactory<>();
        logging.setAppenders(List.of(app));
        ConsoleAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent> access = new ConsoleAppenderFactory<>();
        app.setLogFormat("%-5p %m%n");
        access.setLogFormat("%h %s");  // as config.yml sets both
        LogFormat.JSON.apply(logging, server(access));
        // Left set beside a JSON layout, each logged "Ignoring 'logFormat'" as a WARN at every start (an operator's audit,
        // sixty-fourth session), counted among the warnings.
        assertNull(app.getLogFormat());
        assertNull(access.getLogFormat());
        EventJsonLayoutBaseFactory event = assertInstanceOf(EventJsonLayoutBaseFactory.class, app.getLayout());
        assertEquals(Set.of(RequestIds.MDC_KEY), event.getIncludesMdcKeys());
        AccessJsonLayoutBaseFactory line = assertInstanceOf(AccessJsonLayoutBaseFactory.class, access.getLayout());
        assertEquals(Set.of(RequestIds.HEADER), line.getResponseHeaders(), "the answer's id, never a request header");
        assertEquals(Set.of(), line.getRequestHeaders());
    }

    @Test
    void textLeavesTheLayoutsAndJsonKeepsAnAppendersOwn() {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        ConsoleAppenderFactory<ch.qos.logback.classic.spi.ILoggingEvent> app = new ConsoleAppenderFactory<>();
        logging.setAppenders(List.of(app));
        ConsoleAppenderFactory<ch.qos.logback.access.common.spi.IAccessEvent> access = new ConsoleAppenderFactory<>();
        LogFormat.TEXT.apply(logging, server(access));
        assertNull(app.getLayout());
        assertNull(access.getLayout());

        AccessJsonLayoutBaseFactory own = new AccessJsonLayoutBaseFactory();
        access.setLayout(own);
        LogFormat.JSON.apply(logging, server(access));
        assertSame(own, access.getLayout(), "an appender's own layout is kept");
        assertInstanceOf(EventJsonLayoutBaseFactory.class, app.getLayout());
    }
}
