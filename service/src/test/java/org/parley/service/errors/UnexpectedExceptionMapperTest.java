package org.parley.service.errors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;
import org.parley.service.api.ErrorBody;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.*;

class UnexpectedExceptionMapperTest {
    /**
     * A security audit: a body that stopped arriving (Jetty's idle timeout, 30 s) or trickled in (under
     * minRequestDataPerSecond) was a 500 with a logged stack trace, on POST /v1/session without a key too.
     * It is the client's: a 408 naming the body, and nothing logged.
     */
    @Test
    void aBodyThatStopsOrTricklesIsA408NamingTheBody() {
        // As Jersey hands them over: Jetty's HttpInput wraps the idle timeout in an IOException.
        for (Throwable e : new Throwable[] {
                new ProcessingException(new IOException(new TimeoutException("Idle timeout expired: 30000/30000 ms"))),
                new ProcessingException(new BadMessageException(408, "Request content data rate < 1024"))}) {
            Response r = UnexpectedExceptionMapper.respond("v1/session", e);
            assertEquals(408, r.getStatus(), e.toString());
            assertEquals("body", ((ErrorBody) r.getEntity()).field());
        }
        assertEquals(500, UnexpectedExceptionMapper.respond("v1/session", new IllegalStateException("a bug")).getStatus());
    }

    /**
     * An observability audit (twenty-ninth session): the ERROR line of a 500 named an id of its own, in the answer's
     * body, but nothing linked it to the request log. Written during a request, it carries the request's id (MDC
     * {@code requestId}), which the answer's X-Request-Id and the request log line also carry; none after it.
     */
    @Test
    void theErrorLineOfA500CarriesTheRequestsId() throws Exception {
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(UnexpectedExceptionMapper.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines = new ch.qos.logback.core.read.ListAppender<>() {
            @Override
            protected void append(ch.qos.logback.classic.spi.ILoggingEvent e) {
                e.prepareForDeferredProcessing(); // the MDC as it is now, as an async appender reads it: it is read lazily
                super.append(e);
            }
        };
        lines.start();
        logger.addAppender(lines);
        // Its own level, as DatabaseTest sets its: a command run in-process before it (a config's "level: OFF") may have
        // left the root logger off, and the line would never be written (a CI run after the export's test moved).
        ch.qos.logback.classic.Level level = logger.getLevel();
        logger.setLevel(ch.qos.logback.classic.Level.ERROR);
        jakarta.servlet.http.HttpServletRequest request = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletRequest.class);
        org.mockito.Mockito.when(request.getHeader("X-Request-Id")).thenReturn("lb-7f3a");
        jakarta.servlet.http.HttpServletResponse response = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletResponse.class);
        try {
            new org.parley.service.monitoring.RequestIds().doFilter(request, response,
                    (req, res) -> UnexpectedExceptionMapper.respond("v1/comments", new IllegalStateException("a bug")));
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
        assertEquals(1, lines.list.size(), lines.list.toString());
        assertEquals("lb-7f3a", lines.list.get(0).getMDCPropertyMap().get("requestId"));
        org.mockito.Mockito.verify(response).setHeader("X-Request-Id", "lb-7f3a");
        assertNull(org.slf4j.MDC.get("requestId"), "cleared after the request: the thread serves others next");
    }
}
