package org.parley.service.errors;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every byte a reader takes is shown to {@code seen} first, a byte at a time or in runs, and the end once it is met: what
 * the body limit counts, a key is charged and the UTF-8 check reads. The request tests read bodies in runs only, so
 * the byte-at-a-time path was covered by none (PIT, sixty-first session).
 */
class WatchedInputTest {
    private static final class Recorded extends WatchedInput {
        final List<Integer> seen = new ArrayList<>();
        int ends;

        Recorded(byte[] body) {
            super(new ByteArrayInputStream(body));
        }

        @Override
        protected void seen(byte[] buf, int off, int n) {
            assertTrue(n >= 1, "n = " + n);
            for (int i = 0; i < n; i++) seen.add(buf[off + i] & 0xFF);
        }

        @Override
        protected void ended() {
            ends++;
        }
    }

    @Test
    void aByteAtATimeEachIsSeenAndTheEndOnce() throws IOException {
        Recorded in = new Recorded(new byte[] {'a', (byte) 0xFF, 0});
        assertEquals('a', in.read());
        assertEquals(0xFF, in.read(), "a byte of all ones is 255, not the end");
        assertEquals(0, in.read());
        assertEquals(List.of((int) 'a', 0xFF, 0), in.seen);
        assertEquals(0, in.ends);
        assertEquals(-1, in.read());
        assertEquals(1, in.ends);
        assertEquals(List.of((int) 'a', 0xFF, 0), in.seen, "the end is no byte");
    }

    @Test
    void inRunsTheBytesReadAreSeenWhereTheReaderGetsThem() throws IOException {
        Recorded in = new Recorded(new byte[] {1, 2, 3, 4, 5});
        byte[] buf = new byte[8];
        assertEquals(3, in.read(buf, 2, 3));
        assertArrayEquals(new byte[] {0, 0, 1, 2, 3, 0, 0, 0}, buf);
        assertEquals(2, in.read(buf, 0, 8));
        assertEquals(List.of(1, 2, 3, 4, 5), in.seen);
        assertEquals(-1, in.read(buf, 0, 8));
        assertEquals(1, in.ends);
    }

    /** What seen throws reaches the reader in place of the bytes. */
    @Test
    void whatSeenThrowsReachesTheReader() {
        WatchedInput refusing = new WatchedInput(new ByteArrayInputStream(new byte[] {(byte) 0xC0})) {
            @Override
            protected void seen(byte[] buf, int off, int n) {
                throw ApiException.badField("body", "body is not valid UTF-8");
            }
        };
        assertThrows(ApiException.class, refusing::read);
    }
}
