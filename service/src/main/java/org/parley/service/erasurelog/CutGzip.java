package org.parley.service.erasurelog;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * A gzip stream that, where {@code tolerated}, ends where it is cut short (the inflater's {@link EOFException}) instead
 * of failing, saying so ({@link #cut}) and whether the last byte it gave ended a line: a service stopped while a month's
 * roll compressed {@code sites.log} leaves such an archive. Every byte before the cut is handed on first, so every whole
 * line is read: a reader failing there would drop the lines it had decoded. A gzip corrupt rather than cut (a bad CRC or
 * length, {@code invalid …}) still fails, with the inflater's {@link java.util.zip.ZipException}. Read by
 * scripts/erase --from-log and by the start that finishes an interrupted roll ({@link InterruptedRolls}).
 */
public final class CutGzip extends FilterInputStream {
    private final boolean tolerated;
    private boolean cut;
    private int last = '\n';

    private CutGzip(InputStream in, boolean tolerated) {
        super(in);
        this.tolerated = tolerated;
    }

    /** What {@code in}, a gzip stream, holds; one cut in its header (or empty) holds nothing. */
    public static CutGzip of(InputStream in, boolean tolerated) throws IOException {
        try {
            return new CutGzip(new GZIPInputStream(in, 65536), tolerated);
        } catch (EOFException e) {
            if (!tolerated) throw e;
            CutGzip none = new CutGzip(InputStream.nullInputStream(), true);
            none.cut = true;
            return none;
        }
    }

    /** Whether it was cut short (known once read to its end). */
    public boolean cut() {
        return cut;
    }

    /** Whether its last line, read to the end, is the cut one: cut short, and not just after a line break. */
    public boolean cutMidLine() {
        return cut && last != '\n';
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = in.read(b, off, len);
            if (n > 0) last = b[off + n - 1];
            return n;
        } catch (EOFException e) {
            if (!tolerated) throw e;
            cut = true;
            return -1;
        }
    }
}
