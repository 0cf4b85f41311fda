package org.parley.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/score's output stream: each write, flush and close that fails says so at once, naming where it wrote, so a
 * run on a full disk stops at the line it could not write instead of scoring the rest into nothing.
 */
class CheckedOutputTest {
    private static final String FULL_STDOUT = "cannot write to standard output (a full disk, or a reader that stopped reading)";
    private final PrintStream was = System.out;

    @TempDir
    Path dir;

    @AfterEach
    void restoreStandardOutput() {
        System.setOut(was);
    }

    /** A PrintStream over a stream whose every write or flush fails: it keeps the failure for checkError(). */
    private static PrintStream failing(boolean writes, boolean flushes) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                if (writes) throw new IOException("No space left on device");
            }

            @Override
            public void flush() throws IOException {
                if (flushes) throw new IOException("Broken pipe");
            }
        }, false, StandardCharsets.UTF_8);
    }

    @Test
    void standardOutputsWritesReachItAndAFailedOneThrowsOnThatWrite() throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        System.setOut(new PrintStream(seen, false, StandardCharsets.UTF_8));
        OutputStream out = CheckedOutput.standardOutput();
        out.write('a');
        out.write("bcd".getBytes(StandardCharsets.UTF_8), 1, 2);
        out.flush();
        assertArrayEquals("acd".getBytes(StandardCharsets.UTF_8), seen.toByteArray());

        System.setOut(failing(true, false));
        OutputStream broken = CheckedOutput.standardOutput();
        assertEquals(FULL_STDOUT, assertThrows(IOException.class, () -> broken.write('a')).getMessage());
        System.setOut(failing(true, false));
        OutputStream broken2 = CheckedOutput.standardOutput();
        assertEquals(FULL_STDOUT, assertThrows(IOException.class, () -> broken2.write(new byte[] {1, 2, 3}, 0, 3)).getMessage());
    }

    /** A reader that stopped reading shows on the flush: PrintStream's own flush keeps that quiet too. */
    @Test
    void aFailedFlushOfStandardOutputThrowsAndSoDoesTheCloseAfterIt() {
        System.setOut(failing(false, true));
        OutputStream out = CheckedOutput.standardOutput();
        assertEquals(FULL_STDOUT, assertThrows(IOException.class, out::flush).getMessage());
        System.setOut(failing(false, true));
        OutputStream closed = CheckedOutput.standardOutput();
        assertEquals(FULL_STDOUT, assertThrows(IOException.class, closed::close).getMessage());
    }

    @Test
    void aFileTakesEveryByteAndIsClosed() throws IOException {
        Path file = dir.resolve("scores.jsonl");
        OutputStream out = CheckedOutput.file(file);
        out.write('{');
        out.write("x}\n".getBytes(StandardCharsets.UTF_8), 1, 2);
        out.close();
        assertEquals("{}\n", Files.readString(file));
        assertThrows(IOException.class, () -> out.write('x'), "closed with the file's stream");
    }

    /** /dev/full fails every write with ENOSPC: the message names the file and keeps the system's reason. */
    @Test
    void aFileThatCannotBeWrittenIsNamedWithTheCauseOnEachWrite() throws IOException {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "Linux's /dev/full");
        try (OutputStream out = CheckedOutput.file(full)) {
            IOException one = assertThrows(IOException.class, () -> out.write('a'));
            assertEquals("cannot write /dev/full: No space left on device", one.getMessage());
            IOException many = assertThrows(IOException.class, () -> out.write(new byte[] {1, 2}, 0, 2));
            assertEquals("cannot write /dev/full: No space left on device", many.getMessage());
            assertEquals("No space left on device", many.getCause().getMessage());
        }
    }

    /** A file's stream whose flush or close fails (an NFS server's late ENOSPC) names the file too. */
    @Test
    void aFileWhoseFlushOrCloseFailsIsNamed() throws IOException {
        IOException flushed = assertThrows(IOException.class, () -> CheckedOutput.named(late(true, false), "late.jsonl").flush());
        assertEquals("cannot write late.jsonl: Disk quota exceeded", flushed.getMessage());
        IOException closed = assertThrows(IOException.class, () -> CheckedOutput.named(late(false, true), "late.jsonl").close());
        assertEquals("cannot write late.jsonl: Disk quota exceeded", closed.getMessage());
        // A close flushes first: what the flush could not write is not lost quietly either.
        IOException flushedOnClose = assertThrows(IOException.class, () -> CheckedOutput.named(late(true, false), "late.jsonl").close());
        assertEquals("cannot write late.jsonl: Disk quota exceeded", flushedOnClose.getMessage());
    }

    private static OutputStream late(boolean flushFails, boolean closeFails) {
        return new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void flush() throws IOException {
                if (flushFails) throw new IOException("Disk quota exceeded");
            }

            @Override
            public void close() throws IOException {
                if (closeFails) throw new IOException("Disk quota exceeded");
            }
        };
    }
}
