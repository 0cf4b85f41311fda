package org.parley.service.errors;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A request refused before its body was read to its end (a 413 over the body limit, a 401 for a wrong key, a batch's 429
 * or 503) has the rest of its body read and dropped, within bounds, once the refusal is sent, so that the client reads
 * the refusal. Jetty (11) closes a connection whose request left body unread once it has written the answer, and
 * closing a socket with bytes unread makes the kernel send a reset: a client still writing the rest of its body got a
 * broken pipe or a "connection reset" instead of the 413 (ParleyApplicationTest's 30 MB body failed so once in a full run;
 * a helper's 16 batches of 27 MB got "a broken pipe" for ten of their 503s, forty-third session). Read to its end, the
 * body leaves the connection as any answered request does, kept alive.
 * <p>
 * Bounds: at most the body limit's bytes are dropped, and for at most {@link #LIMIT} (checked between reads; one read
 * waits at most Jetty's idle timeout), so a body of up to twice the limit is read to its end; a larger one, one that
 * declares itself larger, or one slower than that, is cut off as before. Not after a 408 (a body too slow: waiting on
 * it is what was refused), nor in an async request. Mapped inside {@code auth.ConcurrencyLimit}: a body being dropped
 * holds its address's request in progress, as it did while read, and that limit's own 429 drops nothing.
 */
public final class RefusedBodies implements Filter {
    /** How long the rest of a refused body may take to arrive. */
    static final Duration LIMIT = Duration.ofSeconds(10);
    private final long maxBytes;
    private final LongSupplier nanoTime;

    /** @param maxBytes the body limit ({@link BodySizeLimit#maxBytes}): at most this many bytes of a refused body are dropped */
    public RefusedBodies(long maxBytes) {
        this(maxBytes, System::nanoTime);
    }

    RefusedBodies(long maxBytes, LongSupplier nanoTime) {
        this.maxBytes = maxBytes;
        this.nanoTime = nanoTime;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(req, res);
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)) return;
        int status = response.getStatus();
        if (status < 400 || status == 408 || request.isAsyncStarted() || request.getContentLengthLong() > 2 * maxBytes) return;
        ServletInputStream in;
        try {
            in = request.getInputStream();
        } catch (IllegalStateException readAsCharacters) {  // the reader's, which nothing here uses: left to Jetty
            return;
        }
        if (in.isFinished()) return;
        try {
            response.flushBuffer();  // the refusal first: a client that reads while it sends may stop sending
            long deadline = nanoTime.getAsLong() + LIMIT.toNanos();
            byte[] buf = new byte[65_536];
            long dropped = 0;
            for (int n; dropped <= maxBytes && nanoTime.getAsLong() - deadline < 0 && (n = in.read(buf)) >= 0; )
                dropped += n;
        } catch (IOException gone) {  // the client closed, reset, or went quiet past the idle timeout: closed as before
        }
    }
}
