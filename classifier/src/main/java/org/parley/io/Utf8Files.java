package org.parley.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.IOUtils;
import org.apache.commons.io.input.BOMInputStream;

/**
 * UTF-8 text as users save it. A leading byte-order mark, which Notepad, Excel's "CSV UTF-8" and
 * PowerShell write, is dropped: left in, it makes line 1 invalid JSON and hides a page's first
 * line. Each caller says what invalid bytes do: {@code REPORT} fails the read (as
 * {@code Files.readAllLines} does), {@code REPLACE} turns them into U+FFFD.
 */
public final class Utf8Files {
    private Utf8Files() {}

    /**
     * A buffered reader over {@code in}, whose lines end at a line feed (a carriage return before it dropped), as JSON
     * Lines defines them: BufferedReader's also ended at a lone carriage return, JSON's whitespace, so a record with one
     * inside was read as two bad lines, and every line number after it was one more than {@code sed -n}'s (a data
     * scientist's sixth audit). A text with no line feed in its first 64 KiB and a carriage return there (an old Mac's)
     * ends each line at a carriage return.
     */
    public static BufferedReader reader(InputStream in, CodingErrorAction onMalformed) throws IOException {
        return reader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(onMalformed).onUnmappableCharacter(onMalformed));
    }

    /**
     * As {@link #reader(InputStream, CodingErrorAction)} with {@code REPLACE}, and {@code told} run once, at the first
     * invalid bytes: a stream read once (scripts/score's standard input) cannot be read again to find them, as a file
     * read whole is ({@link #firstBadLine(byte[])}). A sequence cut short at the very end is replaced untold.
     */
    public static BufferedReader reader(InputStream in, Runnable told) throws IOException {
        return reader(in, telling(told));
    }

    private static BufferedReader reader(InputStream in, java.nio.charset.CharsetDecoder decoder) throws IOException {
        return new LineFeedLines(new InputStreamReader(BOMInputStream.builder().setInputStream(in).get(), decoder));
    }

    private static java.nio.charset.CharsetDecoder telling(Runnable told) {
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new java.nio.charset.CharsetDecoder(StandardCharsets.UTF_8, 1f, 1f) {
            private boolean said;

            @Override
            protected java.nio.charset.CoderResult decodeLoop(java.nio.ByteBuffer in, java.nio.CharBuffer out) {
                while (true) {
                    java.nio.charset.CoderResult r = strict.decode(in, out, false);
                    if (!r.isError()) return r;
                    if (!out.hasRemaining()) return java.nio.charset.CoderResult.OVERFLOW;
                    in.position(in.position() + r.length());
                    out.put('\uFFFD');
                    if (!said) {
                        said = true;
                        told.run();
                    }
                }
            }

            @Override
            protected void implReset() {
                strict.reset();
            }
        }.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /**
     * Lines that end at a line feed, or at a lone carriage return in an old Mac's text
     * ({@link #reader(InputStream, CodingErrorAction)}); {@link #lines()} reads them too.
     */
    private static final class LineFeedLines extends BufferedReader {
        private static final int LOOK_AHEAD = 1 << 16;
        private final StringBuilder line = new StringBuilder();
        private Boolean carriageReturns; // whether a lone carriage return ends a line; null until the first read

        LineFeedLines(java.io.Reader in) {
            super(in, 1 << 16);
        }

        @Override
        public String readLine() throws IOException {
            if (carriageReturns == null) carriageReturns = oldMac();
            line.setLength(0);
            for (int c; (c = read()) != -1; ) {
                if (c == '\n') return line.toString();
                if (c != '\r') {
                    line.append((char) c);
                    continue;
                }
                mark(1);
                int next = read();
                if (next == '\n' || next == -1) return line.toString(); // CRLF, or a carriage return ending the text
                reset();
                if (carriageReturns) return line.toString();
                line.append('\r');
            }
            return line.isEmpty() ? null : line.toString();
        }

        /** Whether the text's first 64 KiB hold a carriage return and no line feed, read ahead and put back. */
        private boolean oldMac() throws IOException {
            mark(LOOK_AHEAD);
            char[] head = new char[LOOK_AHEAD];
            int n = 0;
            for (int r; n < head.length && (r = read(head, n, head.length - n)) > 0; ) n += r;
            reset();
            boolean carriageReturn = false;
            for (int i = 0; i < n; i++) {
                if (head[i] == '\n') return false;
                carriageReturn |= head[i] == '\r';
            }
            return carriageReturn;
        }
    }

    /**
     * {@code in}, gunzipped where it starts with gzip's magic number (a corpus file, or scripts/evaluate's own input
     * gzipped: scripts/score read its bytes as text, one "invalid JSON" a fragment, a data scientist's fifth audit).
     * Told at the first read, so that opening standard input waits for nothing.
     */
    public static InputStream gunzipped(InputStream in) {
        return new InputStream() {
            private InputStream actual;

            private InputStream actual() throws IOException {
                if (actual == null) {
                    java.io.BufferedInputStream b = new java.io.BufferedInputStream(in, 1 << 16);
                    actual = isGzip(b) ? new java.util.zip.GZIPInputStream(b, 1 << 16) : b;
                }
                return actual;
            }

            @Override
            public int read() throws IOException {
                return actual().read();
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                return actual().read(buffer, off, len);
            }

            @Override
            public void close() throws IOException {
                (actual != null ? actual : in).close();
            }
        };
    }

    /** Whether {@code in} starts with gzip's magic number (text never does), read and put back. */
    public static boolean isGzip(java.io.BufferedInputStream in) throws IOException {
        in.mark(2);
        byte[] head = in.readNBytes(2);
        in.reset();
        return isGzip(head);
    }

    /** Whether {@code head} starts with gzip's magic number. */
    public static boolean isGzip(byte[] head) {
        return head.length >= 2 && head[0] == (byte) 0x1f && head[1] == (byte) 0x8b;
    }

    /** A buffered reader over {@code file}. */
    public static BufferedReader reader(Path file, CodingErrorAction onMalformed) throws IOException {
        return reader(Files.newInputStream(file), onMalformed);
    }

    /** The whole of {@code file}. */
    public static String read(Path file, CodingErrorAction onMalformed) throws IOException {
        try (BufferedReader in = reader(file, onMalformed)) {
            return IOUtils.toString(in);
        }
    }

    /** Every line of {@code file}; invalid UTF-8 fails the read, naming the file. */
    public static List<String> lines(Path file) throws IOException {
        try (BufferedReader in = reader(file, CodingErrorAction.REPORT)) {
            return in.lines().toList();
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c)
                throw new IOException(file + " is not UTF-8 text: line " + firstBadLine(file) + " has bytes that are not UTF-8", c);
            throw e.getCause();
        }
    }

    /** The 1-based number of the first line whose bytes do not decode (0 if none does not). */
    public static int firstBadLine(Path file) throws IOException {
        return firstBadLine(Files.readAllBytes(file));
    }

    /** As {@link #firstBadLine(Path)}, of bytes read. */
    public static int firstBadLine(byte[] all) {
        int line = 1;
        for (int from = 0; from < all.length; line++) {
            int to = from;
            while (to < all.length && all[to] != '\n') to++;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(all, from, to - from));
            } catch (CharacterCodingException e) {
                return line;
            }
            from = to + 1;
        }
        return 0;
    }
}
