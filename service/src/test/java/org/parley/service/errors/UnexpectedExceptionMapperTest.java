package org.parley.service.errors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.BadMessageException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.junit.jupiter.api.Test;
import org.parley.service.LogLines;
import org.parley.service.api.ErrorBody;

import java.io.IOException;
import java.util.List;
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
     * A body that ends before its Content-Length (Jetty's EofException, however deep Jersey wraps it) is a 400 naming the
     * body, and nothing logged; an IOException of another kind is a bug's 500. Seen only through a started service's
     * test until PIT's run of the errors package (sixty-first session).
     */
    @Test
    void aBodyThatEndsBeforeItsContentLengthIsA400NamingTheBody() {
        try (LogLines log = LogLines.of(UnexpectedExceptionMapper.class.getName(), Level.ERROR)) {
            Response r = UnexpectedExceptionMapper.respond("v1/score",
                    new ProcessingException(new IOException(new org.eclipse.jetty.io.EofException("early EOF"))));
            assertEquals(400, r.getStatus());
            assertEquals("body", ((ErrorBody) r.getEntity()).field());
            assertEquals("the request body ended before the Content-Length it announced", ((ErrorBody) r.getEntity()).message());
            assertEquals(List.of(), log.list());
            assertEquals(500, UnexpectedExceptionMapper.respond("v1/score", new ProcessingException(new IOException("disk"))).getStatus());
            assertEquals(1, log.list().size());
        }
    }

    /** A bug's line keeps its exception's class and frames, not its message, which could quote comment text. */
    @Test
    void aBugsExceptionIsLoggedWithItsClassAndFramesOnly() {
        IllegalStateException bug = new IllegalStateException("the comment said: you idiot", new RuntimeException("cause"));
        Throwable scrubbed = UnexpectedExceptionMapper.scrubbed(bug);
        assertEquals(IllegalStateException.class.getName() + ", caused by java.lang.RuntimeException", scrubbed.getMessage());
        assertArrayEquals(bug.getStackTrace(), scrubbed.getStackTrace());
        assertNull(scrubbed.getCause());
        // Its causes' classes and SQLState, never their messages (an operator's audit: a read-only database's 500 said
        // UnableToExecuteStatementException alone).
        Throwable database = new IllegalStateException("you idiot", new java.sql.SQLException("cannot execute INSERT: you idiot", "25006"));
        assertEquals(IllegalStateException.class.getName() + ", caused by java.sql.SQLException (SQLState 25006)",
                UnexpectedExceptionMapper.scrubbed(database).getMessage());
    }

    /**
     * An observability audit (twenty-ninth session): the ERROR line of a 500 named an id of its own, in the answer's
     * body, but nothing linked it to the request log. Written during a request, it carries the request's id (MDC
     * {@code requestId}), which the answer's X-Request-Id and the request log line also carry; none after it.
     */
    @Test
    void theErrorLineOfA500CarriesTheRequestsId() throws Exception {
        jakarta.servlet.http.HttpServletRequest request = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletRequest.class);
        org.mockito.Mockito.when(request.getHeader("X-Request-Id")).thenReturn("lb-7f3a");
        jakarta.servlet.http.HttpServletResponse response = org.mockito.Mockito.mock(jakarta.servlet.http.HttpServletResponse.class);
        List<ILoggingEvent> lines;
        try (LogLines log = LogLines.of(UnexpectedExceptionMapper.class.getName(), Level.ERROR)) {
            new org.parley.service.monitoring.RequestIds().doFilter(request, response,
                    (req, res) -> UnexpectedExceptionMapper.respond("v1/comments", new IllegalStateException("a bug")));
            lines = log.list();
        }
        assertEquals(1, lines.size(), lines.toString());
        assertEquals("lb-7f3a", lines.get(0).getMDCPropertyMap().get("requestId"));
        org.mockito.Mockito.verify(response).setHeader("X-Request-Id", "lb-7f3a");
        assertNull(org.slf4j.MDC.get("requestId"), "cleared after the request: the thread serves others next");
    }

    /**
     * A fourth penetration test (forty-sixth session): the 500's line named the path as JAX-RS gives it, decoded, so a
     * path with %0A (an id of DELETE /v1/comments/{id}) wrote a line of its own, one that can pass for an erasure line
     * of another site, were the request a bug's. The path's controls, separators and format characters are percent-encoded.
     */
    @Test
    void aPathsLineBreaksAndControlsAreNotWrittenIntoTheLog() throws Exception {
        String forged = "v1/comments/x\nINFO  [2026-12-05 10:00:00,000] org.parley.service.resources.CommentsResource: erased comment"
                + " \"c1\" of site \"b.example\"\r\u2028\u0085\u202e\u001b[2J é";
        List<ILoggingEvent> lines;
        try (LogLines log = LogLines.of(UnexpectedExceptionMapper.class.getName(), Level.ERROR)) {
            UnexpectedExceptionMapper.respond(forged, new IllegalStateException("a bug quoting \"a secret comment\"\nFORGED"));
            lines = log.list();
        }
        assertEquals(1, lines.size(), lines.toString());
        String message = lines.get(0).getFormattedMessage();
        assertTrue(message.codePoints().allMatch(c -> c >= 0x20 && c < 0x7f || c == 'é'), message);
        assertTrue(message.endsWith(" on /v1/comments/x%0AINFO  [2026-12-05 10:00:00,000] org.parley.service.resources.CommentsResource:"
                + " erased comment \"c1\" of site \"b.example\"%0D%E2%80%A8%C2%85%E2%80%AE%1B[2J é"), message);
        assertFalse(lines.get(0).getThrowableProxy().getMessage().contains("secret"), "the exception's class alone");
    }
}
