package org.parley.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written whole or not at all: into a hidden temporary file beside it ({@code .NAME.RANDOM.tmp}), flushed to
 * the disk, then renamed over the name. A write that fails (a full disk, a read-only folder) or a process killed
 * meanwhile never leaves half a file under the name, and an earlier file there stays as it was. The temporary file
 * is deleted on any failure; a {@code kill -9} leaves it (hidden, never under the name). Every failure names the file.
 * A device or a pipe given as the file is written into as it is.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /** What writes the file's bytes; it must flush or close what it wraps around the stream (closing it only flushes). */
    @FunctionalInterface
    public interface Contents {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path file, Contents contents) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) { // a device or a pipe (--output /dev/stdout): written into,
            try (OutputStream out = Files.newOutputStream(file)) { // never replaced by a file renamed over it
                contents.write(unclosed(out));
            } catch (IOException e) {
                throw named(file, e);
            }
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        // A name of its own: two runs writing one output do not write into one temporary file. Not Files.createTempFile,
        // whose file is its owner's alone (0600): a bundle must stay readable by the service's user, as umask has it.
        Path tmp = parent.resolve("." + file.getFileName() + "." + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + ".tmp");
        FileChannel channel;
        try {
            Files.createDirectories(parent);
            channel = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw named(file, e);
        }
        try {
            try (channel) {
                contents.write(unclosed(Channels.newOutputStream(channel)));
                channel.force(true); // on the disk before the rename, so that a power cut leaves no empty file under the name
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING); // a rename: one folder, one file system
        } catch (IOException e) {
            throw named(file, e);
        } finally {
            Files.deleteIfExists(tmp); // a failed write leaves nothing behind
        }
    }

    /** {@code out}, which a writer's close (a zip's, say) flushes rather than closes: the channel is forced first. */
    private static OutputStream unclosed(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * A write's IOException says only "No space left on device", and java.nio's name the temporary file or a folder:
     * said as the file asked for, with the cause.
     */
    private static IOException named(Path file, IOException e) {
        String cause = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException f) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) return new IOException("cannot write " + file + ": "
                    + f.getFile() + " is a file, not a folder", e); // from making its folders
            cause = f.getReason() != null ? f.getReason()
                    : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
            if (f.getFile() != null && !f.getFile().contains(file.getFileName() + "")) cause += " (" + f.getFile() + ")";
        }
        return new IOException("cannot write " + file + ": " + cause, e);
    }
}
