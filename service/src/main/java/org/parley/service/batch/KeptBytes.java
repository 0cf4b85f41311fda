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
 * site's parts, in all its batches and whichever of its keys they present, keep at most half of it (room for the
 * largest body, as the whole is twice that): a third penetration test (forty-third session) filled it all with two
 * paused batches of a page's published scorer key, and every other site's batch was the 503. The half was one key's
 * until the forty-fourth session, so a site's several keys (a page's scorer key and its server's website key, a
 * rotation's old and new) took the whole. A batch whose site would pass its half is a 429, and other sites' are served.
 * A key that names no site is a site of its own ({@code ApiKey#site}).
 */
final class KeptBytes {
    private final int mostKib;
    private final int siteKib;
    private int heldKib;
    /** KiB held by each site's parts. */
    private final Map<String, Integer> bySite = new HashMap<>();

    KeptBytes(long mostBytes) {
        this.mostKib = (int) Math.min(Integer.MAX_VALUE, (mostBytes + 1023) / 1024);
        this.siteKib = (mostKib + 1) / 2;
    }

    /** What one batch keeps; {@link Share#release} gives it back once its parts have run. */
    Share share() {
        return new Share();
    }

    /** Takes {@code kib} more for {@code site}'s parts: null when taken, else the refusal. */
    private synchronized ApiException take(String site, int kib) {
        int mine = bySite.getOrDefault(site, 0);
        if (mine + kib > siteKib)
            return ApiException.unavailable(429, 1, "batches being read with this site's keys hold " + mine + " KiB of parts,"
                    + " and one site's may hold at most " + siteKib + " KiB at once (half of what all batches may, whichever"
                    + " of its keys they present); retry after 1 s");
        if (heldKib + kib > mostKib)
            return ApiException.unavailable(503, 1, "batches being read hold " + mostKib + " KiB of parts, the most at once;"
                    + " retry after 1 s");
        heldKib += kib;
        bySite.put(site, mine + kib);
        return null;
    }

    private synchronized void give(Map<String, Integer> taken) {
        taken.forEach((site, kib) -> {
            heldKib -= kib;
            bySite.computeIfPresent(site, (k, mine) -> mine == kib ? null : mine - kib);
        });
    }

    final class Share {
        /** KiB this batch took, by site. */
        private final Map<String, Integer> taken = new HashMap<>();

        /**
         * A part's body, read whole and counted against its site's half and the whole; a 429 or 503 with Retry-After
         * once its site's batches, or all batches together, would keep too much.
         *
         * @param site the site of the API key the part presents (only such a part's body is kept)
         */
        byte[] keep(InputStream in, String site) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65_536];
            long bytes = 0;
            int kib = 0;
            for (int n; (n = in.read(buf)) >= 0; ) {
                bytes += n;
                int need = (int) ((bytes + 1023) / 1024) - kib;
                if (need > 0) {
                    ApiException refused = take(site, need);
                    if (refused != null) throw refused;
                    kib += need;
                    taken.merge(site, need, Integer::sum);
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
