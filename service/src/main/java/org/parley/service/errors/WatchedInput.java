package org.parley.service.errors;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that shows every run of bytes to {@link #seen} as the reader takes it: counted
 * against a limit ({@link BodySizeLimit}), charged to a key (auth), checked ({@link StrictUtf8}).
 * What {@code seen} throws reaches the reader in place of the bytes.
 */
public abstract class WatchedInput extends FilterInputStream {
    private final byte[] one = new byte[1];

    protected WatchedInput(InputStream in) {
        super(in);
    }

    /** {@code n ≥ 1} bytes at {@code buf[off]}, about to be handed to the reader. */
    protected abstract void seen(byte[] buf, int off, int n);

    /** The body has ended. */
    protected void ended() {}

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            ended();
        } else {
            one[0] = (byte) b;
            seen(one, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n < 0) ended();
        else if (n > 0) seen(buf, off, n);
        return n;
    }
}
