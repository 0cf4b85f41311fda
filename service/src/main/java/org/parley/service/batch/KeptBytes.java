package org.parley.service.batch;

import org.parley.service.errors.ApiException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The bytes of parts that all batches being read keep at once, in KiB: a batch needs no key, and its parts are read
 * before any runs, so without a bound a few large batches would fill the heap. A batch that would pass it is a 503. One
 * key's parts, in all its batches, keep at most half of it (room for the largest body, as the whole is twice that): a
 * third penetration test (forty-third session) filled it all with two paused batches of a page's published scorer key,
 * and every other site's batch was the 503. A batch whose key would pass its half is a 429, and other keys' are served.
 */
final class KeptBytes {
    private final int mostKib;
    private final int keyKib;
    private int heldKib;
    /** KiB held by each key's parts (the key as presented: in memory only, never written). */
    private final Map<String, Integer> byKey = new HashMap<>();

    KeptBytes(long mostBytes) {
        this.mostKib = (int) Math.min(Integer.MAX_VALUE, (mostBytes + 1023) / 1024);
        this.keyKib = (mostKib + 1) / 2;
    }

    /** What one batch keeps; {@link Share#release} gives it back once its parts have run. */
    Share share() {
        return new Share();
    }

    /** Takes {@code kib} more for {@code key}'s parts: null when taken, else the refusal. */
    private synchronized ApiException take(String key, int kib) {
        int mine = byKey.getOrDefault(key, 0);
        if (mine + kib > keyKib)
            return ApiException.unavailable(429, 1, "batches being read with this key hold " + mine + " KiB of parts, and one"
                    + " key's may hold at most " + keyKib + " KiB at once (half of what all batches may); retry after 1 s");
        if (heldKib + kib > mostKib)
            return ApiException.unavailable(503, 1, "batches being read hold " + mostKib + " KiB of parts, the most at once;"
                    + " retry after 1 s");
        heldKib += kib;
        byKey.put(key, mine + kib);
        return null;
    }

    private synchronized void give(Map<String, Integer> taken) {
        taken.forEach((key, kib) -> {
            heldKib -= kib;
            byKey.computeIfPresent(key, (k, mine) -> mine == kib ? null : mine - kib);
        });
    }

    final class Share {
        /** KiB this batch took, by key. */
        private final Map<String, Integer> taken = new HashMap<>();

        /**
         * A part's body, read whole and counted against its key's half and the whole; a 429 or 503 with Retry-After once
         * its key's batches, or all batches together, would keep too much.
         *
         * @param key the API key the part presents (only such a part's body is kept)
         */
        byte[] keep(InputStream in, String key) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65_536];
            long bytes = 0;
            int kib = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes += n;
                int need = (int) ((bytes + 1023) / 1024) - kib;
                if (need > 0) {
                    ApiException refused = take(key, need);
                    if (refused != null) throw refused;
                    kib += need;
                    taken.merge(key, need, Integer::sum);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }

        void release() {
            give(taken);
            taken.clear();
        }
    }
}
