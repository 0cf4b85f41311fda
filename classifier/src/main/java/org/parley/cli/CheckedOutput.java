package org.parley.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A script's output whose failures stop it naming where it wrote. {@code System.out} is a PrintStream, which keeps a
 * failed write quiet: until the forty-eighth session {@code scripts/score > file} on a full disk scored every line into
 * nothing and exited 0; and a file's write said only "No space left on device".
 */
final class CheckedOutput extends FilterOutputStream {
    private final String name;
    private final PrintStream printed; // standard output's, whose failures are read from checkError(); null for a file

    private CheckedOutput(OutputStream out, String name, PrintStream printed) {
        super(out);
        this.name = name;
        this.printed = printed;
    }

    /** Standard output as it is now (System.setOut included). */
    static OutputStream standardOutput() {
        return new CheckedOutput(System.out, "standard output", System.out);
    }

    static OutputStream file(Path file) throws IOException {
        return named(Files.newOutputStream(file), file.toString());
    }

    /** A stream that is not standard output, its failures named as {@code name}'s. */
    static OutputStream named(OutputStream out, String name) {
        return new CheckedOutput(out, name, null);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
        check();
    }

    @Override
    public void close() throws IOException {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void check() throws IOException {
        // checkError flushes first; the PrintStream keeps no cause.
        if (printed != null && printed.checkError())
            throw new IOException("cannot write to " + name + " (a full disk, or a reader that stopped reading)");
    }

    private IOException failed(IOException e) {
        return new IOException("cannot write " + name + ": " + e.getMessage(), e);
    }
}
