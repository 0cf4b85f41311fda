package org.parley.service.errors;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a body larger than the largest valid request (413) while it is read, whatever
 * Content-Length claims, so an endless or huge body cannot fill the heap. The limit allows
 * every text written entirely in \\uXXXX escapes (6 bytes a char).
 */
public final class BodySizeLimit implements ReaderInterceptor {
    /** Bytes one comment with its context may take: two 20,480-char texts and the stance targets, fully escaped, and the rest. */
    public static final long PER_COMMENT = 2L * 20_480 * 6
            + 6L * org.parley.stance.StanceLimits.MAX_TARGETS * org.parley.stance.StanceLimits.MAX_TARGET_CHARS + 16_384;

    private final long maxBytes;

    public BodySizeLimit(int maxBatch) {
        this.maxBytes = PER_COMMENT * maxBatch + 65_536;
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), maxBytes));
        return context.proceed();
    }

    private static final class Bounded extends WatchedInput {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        protected void seen(byte[] buf, int off, int n) {
            read += n;
            if (read > max)
                throw new ApiException(413, "body", (int) Math.min(Integer.MAX_VALUE, max),
                        "body is larger than " + max + " bytes");
        }
    }
}
