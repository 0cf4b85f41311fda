package org.parley.service.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;
import static org.mockito.Mockito.*;

/**
 * The rest of a refused body is read and dropped within bounds once the refusal is sent, so that the client reads the
 * refusal rather than a reset. Seen only through a started service (ParleyApplicationTest's 30 MB body) until the
 * sixty-first session: here each bound on its own, with the filter's clock in the test's hands.
 */
class RefusedBodiesTest {
    private static final long MAX = 100;

    /** A body of {@code size} bytes, read at most {@code chunk} at a time; counts what was read and when reading began. */
    private static class Body extends ServletInputStream {
        final long size;
        final int chunk;
        long read;
        boolean failing, ended;

        Body(long size, int chunk) {
            this.size = size;
            this.chunk = chunk;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (failing) throw new IOException("Connection reset by peer");
            if (read >= size) {
                ended = true; // the end seen: the connection is left as an answered request leaves it
                return -1;
            }
            int n = (int) Math.min(Math.min(len, chunk), size - read);
            read += n;
            return n;
        }

        @Override
        public boolean isFinished() {
            return read >= size;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {}
    }

    private static HttpServletRequest request(Body body, long contentLength) throws IOException {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getInputStream()).thenReturn(body);
        when(request.getContentLengthLong()).thenReturn(contentLength);
        return request;
    }

    private static HttpServletResponse answered(int status) {
        HttpServletResponse response = mock(HttpServletResponse.class);
        when(response.getStatus()).thenReturn(status);
        return response;
    }

    private static void filter(RefusedBodies filter, HttpServletRequest request, HttpServletResponse response) throws Exception {
        FilterChain chain = mock(FilterChain.class);
        filter.doFilter(request, response, chain);
        verify(chain).doFilter(request, response);
    }

    @Test
    void aRefusedBodyIsReadToItsEndAfterTheRefusalIsSent() throws Exception {
        for (int status : new int[] {400, 401, 413, 429, 503}) {
            Body body = new Body(MAX, 7);
            HttpServletResponse response = answered(status);
            filter(new RefusedBodies(MAX), request(body, MAX), response);
            assertEquals(MAX, body.read, "status " + status);
            assertTrue(body.ended, "status " + status + ": read to its end");
            verify(response).flushBuffer();
        }
        Body over = new Body(2 * MAX, 7); // a 413's: the limit's bytes read before the refusal, as many left
        over.read = MAX;
        filter(new RefusedBodies(MAX), request(over, 2 * MAX), answered(413));
        assertEquals(2 * MAX, over.read);
        assertTrue(over.ended, "the limit's bytes dropped, and the end seen after them");
    }

    /** An answer that is no refusal, a 408 (the body was too slow), or a body declaring more than twice the limit. */
    @Test
    void nothingIsReadAfterAnAnswerThatIsNoRefusalOrA408OrForABodyTooLarge() throws Exception {
        for (int status : new int[] {200, 201, 399, 408}) {
            Body body = new Body(10, 10);
            HttpServletResponse response = answered(status);
            filter(new RefusedBodies(MAX), request(body, 10), response);
            assertEquals(0, body.read, "status " + status);
            verify(response, never()).flushBuffer();
        }
        Body large = new Body(2 * MAX + 1, 10);
        filter(new RefusedBodies(MAX), request(large, 2 * MAX + 1), answered(413));
        assertEquals(0, large.read, "declared over twice the limit");
        Body twice = new Body(2 * MAX, 10);
        twice.read = MAX;
        filter(new RefusedBodies(MAX), request(twice, 2 * MAX), answered(413));
        assertEquals(2 * MAX, twice.read, "declared twice the limit exactly");
        assertTrue(twice.ended);
    }

    @Test
    void anAsyncRequestOrOneReadAsCharactersOrOneReadWholeIsLeftAlone() throws Exception {
        Body body = new Body(10, 10);
        HttpServletRequest async = request(body, 10);
        when(async.isAsyncStarted()).thenReturn(true);
        filter(new RefusedBodies(MAX), async, answered(413));
        assertEquals(0, body.read);

        HttpServletRequest characters = mock(HttpServletRequest.class);
        when(characters.getInputStream()).thenThrow(new IllegalStateException("getReader() was called"));
        HttpServletResponse response = answered(413);
        filter(new RefusedBodies(MAX), characters, response);
        verify(response, never()).flushBuffer();

        Body whole = new Body(10, 10);
        whole.read = 10;
        HttpServletResponse answered = answered(413);
        filter(new RefusedBodies(MAX), request(whole, 10), answered);
        verify(answered, never()).flushBuffer();
    }

    /** At most the limit's bytes are dropped (checked between reads): the read that passes it is the last. */
    @Test
    void atMostTheLimitsBytesAreDropped() throws Exception {
        Body endless = new Body(Long.MAX_VALUE, 30); // a body without a declared length, longer than any limit
        filter(new RefusedBodies(MAX), request(endless, -1), answered(413));
        assertEquals(120, endless.read, "30 at a time: 90 read is under 100, the fourth read passes it, none more");
    }

    /** At most ten seconds for the rest (checked between reads), on the filter's clock. */
    @Test
    void theRestMayTakeTenSecondsAtMost() throws Exception {
        AtomicLong now = new AtomicLong(0);
        Body slow = new Body(1_000_000, 1) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                now.addAndGet(RefusedBodies.LIMIT.toNanos() / 4); // each byte takes a quarter of the limit
                return super.read(b, off, len);
            }
        };
        filter(new RefusedBodies(1_000_000, now::get), request(slow, 1_000_000), answered(413));
        assertEquals(4, slow.read, "the reads begun before ten seconds had passed");
    }

    @Test
    void aClientThatGoesAwayIsNoFailure() throws Exception {
        Body gone = new Body(50, 10);
        gone.failing = true;
        filter(new RefusedBodies(MAX), request(gone, 50), answered(413)); // no exception
        assertEquals(0, gone.read);
    }
}
