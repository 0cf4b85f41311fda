package org.parley.service.errors;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.jetty.http.BadMessageException;
import org.junit.jupiter.api.Test;
import org.parley.service.api.ErrorBody;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
