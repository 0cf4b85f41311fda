package org.parley.service.monitoring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import io.dropwizard.logging.common.DropwizardLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.junit.jupiter.api.Assertions.*;

/** Request ids: which given ones are kept, and both application log layouts showing the id. */
class RequestIdsTest {
    @Test
    void aSaneGivenIdIsKeptAnyOtherReplacedByAFreshOne() {
        for (String sane : List.of("7f3a9c", "0f8fad5b-d9cb-469f-a165-70867728950e", "Root.1:a_b-c", "x".repeat(64)))
            assertEquals(sane, RequestIds.idOf(sane));
        String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
        for (String bad : new String[] {null, "", "x".repeat(65), "a b", "id\r\nWARN forged", "{\"json\":1}", "café", "a=b;c"})
            assertTrue(RequestIds.idOf(bad).matches(uuid), bad + ": " + RequestIds.idOf(bad));
        assertNotEquals(RequestIds.idOf(null), RequestIds.idOf(null));
    }

    /**
     * The filter: the answer carries the id, the log lines written while the request runs have it, and the thread, which
     * serves other requests next, keeps it no longer, also where the request failed. Seen only through a started
     * service until the sixty-first session's PIT run.
     */
    @Test
    void theAnswerCarriesTheIdAndTheLogsHaveItWhileTheRequestRunsOnly() throws Exception {
        jakarta.servlet.http.HttpServletRequest request = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletRequest.class);
        org.mockito.Mockito.when(request.getHeader(RequestIds.HEADER)).thenReturn("lb-7f3a");
        jakarta.servlet.http.HttpServletResponse response = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletResponse.class);
        String[] during = {null};
        new RequestIds().doFilter(request, response, (req, res) -> during[0] = org.slf4j.MDC.get(RequestIds.MDC_KEY));
        org.mockito.Mockito.verify(response).setHeader(RequestIds.HEADER, "lb-7f3a");
        assertEquals("lb-7f3a", during[0], "the chain ran with the id in the MDC");
        assertNull(org.slf4j.MDC.get(RequestIds.MDC_KEY));
        assertThrows(jakarta.servlet.ServletException.class, () -> new RequestIds().doFilter(request, response, (req, res) -> {
            throw new jakarta.servlet.ServletException("a bug");
        }));
        assertNull(org.slf4j.MDC.get(RequestIds.MDC_KEY), "removed after a failed request too");
    }

    /** config.yml's text line: Dropwizard's, with " request=ID" at its end when written during a request, else as before. */
    @Test
    void theShippedTextLineEndsWithTheRequestId() throws Exception {
        var yaml = io.dropwizard.jackson.Jackson.newObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        String pattern = yaml.readTree(java.nio.file.Path.of("config.yml").toFile()).at("/logging/appenders/0/logFormat").asText();
        DropwizardLayout layout = new DropwizardLayout(new LoggerContext(), TimeZone.getTimeZone("UTC"));
        layout.setPattern(pattern);
        layout.start();
        assertEquals("database unavailable: Connection refused request=lb-7f3a",
                message(layout.doLayout(event(Map.of(RequestIds.MDC_KEY, "lb-7f3a")))));
        assertEquals("Started Server", message(layout.doLayout(event(Map.of()))));
        assertTrue(layout.doLayout(event(Map.of())).startsWith("WARN  ["), "Dropwizard's line otherwise");
    }

    /** PARLEY_LOG_FORMAT=json: a field requestId, present only on a line written during a request. */
    @Test
    void theJsonLineHasARequestIdField() throws Exception {
        DefaultLoggingFactory logging = new DefaultLoggingFactory();
        logging.setAppenders(List.of(new ConsoleAppenderFactory<>()));
        LogFormat.JSON.apply(logging, new io.dropwizard.core.server.DefaultServerFactory());
        @SuppressWarnings("unchecked")
        var layout = ((io.dropwizard.logging.common.layout.DiscoverableLayoutFactory<ILoggingEvent>)
                ((ConsoleAppenderFactory<ILoggingEvent>) logging.getAppenders().get(0)).getLayout())
                .build(new LoggerContext(), TimeZone.getTimeZone("UTC"));
        layout.start();
        ObjectMapper json = new ObjectMapper();
        JsonNode during = json.readTree(layout.doLayout(event(Map.of(RequestIds.MDC_KEY, "lb-7f3a", "other", "x"))));
        assertEquals("lb-7f3a", during.path("requestId").asText(), during.toString());
        assertFalse(during.has("other") || during.has("mdc"), "no other MDC key: " + during);
        assertFalse(json.readTree(layout.doLayout(event(Map.of()))).has("requestId"));
    }

    private static ILoggingEvent event(Map<String, String> mdc) {
        LoggingEvent e = new LoggingEvent(RequestIdsTest.class.getName(),
                new LoggerContext().getLogger("org.parley.service.errors.DatabaseExceptionMapper"), Level.WARN,
                mdc.isEmpty() ? "Started Server" : "database unavailable: Connection refused", null, null);
        e.setTimeStamp(0);
        e.setMDCPropertyMap(mdc);
        return e;
    }

    /** The message and what follows it on the line, without Dropwizard's level, time and logger. */
    private static String message(String line) {
        return line.substring(line.indexOf("DatabaseExceptionMapper: ") + "DatabaseExceptionMapper: ".length()).stripTrailing();
    }
}
