package org.parley.service.batch;

import org.parley.service.errors.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Semaphore;

/**
 * The bytes of parts that all batches being read keep at once, in KiB: a batch needs no key, and its parts are read
 * before any runs, so without a bound a few large batches would fill the heap. A batch that would pass it is a 503.
 */
final class KeptBytes {
    private final Semaphore kib;
    private final int mostKib;

    KeptBytes(long mostBytes) {
        this.mostKib = (int) Math.min(Integer.MAX_VALUE, (mostBytes + 1023) / 1024);
        this.kib = new Semaphore(mostKib);
    }

    /** What one batch keeps; {@link Share#release} gives it back once its parts have run. */
    Share share() {
        return new Share();
    }

    final class Share {
        private long bytes;
        private int taken;

        /** A part's body, read whole and counted; a 503 with Retry-After once all batches together would keep too much. */
        byte[] keep(InputStream in) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65_536];
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes += n;
                int need = (int) ((bytes + 1023) / 1024) - taken;
                if (need > 0) {
                    if (!kib.tryAcquire(need))
                        throw ApiException.unavailable(503, 1, "batches being read hold " + mostKib + " KiB of parts, "
                                + "the most at once; retry after 1 s");
                    taken += need;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }

        void release() {
            kib.release(taken);
            taken = 0;
        }
    }
}
