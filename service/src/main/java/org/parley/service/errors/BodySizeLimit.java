package org.parley.service.errors;

import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Refuses a body larger than the largest valid request (413) while it is read, whatever
 * Content-Length claims, so an endless or huge body cannot fill the heap. The limit allows
 * every text written entirely in \\uXXXX escapes (6 bytes a char). A body parameter marked {@link Max} has a
 * smaller limit of its own.
 */
public final class BodySizeLimit implements ReaderInterceptor {
    /**
     * The most bytes this body may take, where that is far less than a batch's: the log-in's, which no key pays for
     * by the KiB (auth.BodyCharge), so every byte of a 27 MB body was read into one string before the check on its
     * length, and 64 at once from one address filled a 2 GB heap (a second penetration test, twenty-eighth session).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    public @interface Max {
        long value();
    }

    /** Bytes one comment with its context may take: two 20,480-char texts and the stance targets, fully escaped, and the rest. */
    public static final long PER_COMMENT = 2L * org.parley.score.Scorer.MAX_TEXT * 6
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
        long max = maxBytes;
        for (java.lang.annotation.Annotation a : context.getAnnotations())
            if (a instanceof Max own) max = Math.min(max, own.value());
        context.setInputStream(new Bounded(context.getInputStream(), max));
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
