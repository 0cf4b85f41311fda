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
 * is deleted on any failure; a {@code kill -9} leaves it (hidden, never under the name) until a later write of the same
 * name, which deletes those a day old ({@link #STALE}). Every failure names the file. A device or a pipe given as the
 * file is written into as it is.
 */
public final class AtomicFile {
    private AtomicFile() {}

    /**
     * A temporary file of this name untouched this long is a killed write's: a live write touches its file as it
     * writes (seconds to minutes, from memory), and none waits a day between two writes. Not "its process is gone":
     * a process id says nothing across containers or machines sharing the folder, and ids are reused. Should a live
     * write's file be deleted all the same, its rename fails and it says so; no half file reaches the name.
     */
    static final java.time.Duration STALE = java.time.Duration.ofDays(1);

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
        Path tmp = parent.resolve(hidden(file.getFileName().toString(), TEMPORARY));
        FileChannel channel;
        try {
            Files.createDirectories(parent);
            removeStale(parent, file.getFileName().toString()); // first: on a full disk their room may be what this write needs
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

    /**
     * Deletes {@code .NAME.RANDOM.tmp} files of this name ({@link #hiddenFor}: another name's, {@code .NAME.x.RANDOM.tmp},
     * never matches) older than {@link #STALE}. Best effort: a file that cannot be listed or deleted is left, and the
     * write goes on.
     */
    private static void removeStale(Path parent, String name) {
        try (var files = Files.newDirectoryStream(parent, f -> name.equals(hiddenFor(f.getFileName().toString(), TEMPORARY)))) {
            for (Path f : files) {
                try {
                    if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS) && isStale(f)) Files.deleteIfExists(f);
                } catch (IOException e) {
                    // left for the next write
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            // left for the next write
        }
    }

    /** The kind of a hidden file a write in progress writes into. */
    public static final String TEMPORARY = "tmp";

    /**
     * A fresh hidden name beside {@code name} for a write in progress, {@code .NAME.RANDOM.KIND}: RANDOM base 36, no dot,
     * so that two writes of one name never share it and {@link #hiddenFor} reads NAME back. {@link AtomicFolder}'s too.
     */
    static String hidden(String name, String kind) {
        return "." + name + "." + Long.toUnsignedString(new java.security.SecureRandom().nextLong(), 36) + "." + kind;
    }

    /** The NAME of a {@link #hidden} file of one of {@code kinds} ({@code file} as it is named in its folder); null for any other. */
    public static String hiddenFor(String file, String... kinds) {
        for (String kind : kinds) {
            if (!file.startsWith(".") || !file.endsWith("." + kind)) continue;
            String nameAndRandom = file.substring(1, file.length() - kind.length() - 1);
            int dot = nameAndRandom.lastIndexOf('.');
            if (dot > 0 && nameAndRandom.substring(dot + 1).matches("[0-9a-z]{1,13}")) return nameAndRandom.substring(0, dot);
        }
        return null;
    }

    /** Whether {@code f} was last changed over {@link #STALE} ago: a killed write's, not a live one's. */
    static boolean isStale(Path f) throws IOException {
        return Files.getLastModifiedTime(f).toInstant().isBefore(java.time.Instant.now().minus(STALE));
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
