package org.parley.service.export;

import org.parley.service.store.FailureReason;

import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * An export file written through a {@code .part} file beside it ({@code NAME<digits>.part}), moved into place once
 * whole: a failed export leaves no half file. Nor any {@code .part}, which holds the exported comments' text: it is
 * deleted on any failure (an OutOfMemoryError too), and, should the JVM be stopped while writing (SIGTERM, Ctrl-C), by
 * a shutdown hook. SIGKILL runs no hook, so the next export to the same file deletes the {@code .part}s that no running
 * export is writing: the writer holds an OS lock on its {@code .part} from its creation to its move, which the OS
 * releases when the process dies, so a {@code .part} that can be locked is a dead export's, and one that cannot is a
 * live export's, left alone.
 */
public final class ExportFile {
    private ExportFile() {}

    /** What writes the file's contents. */
    public interface Contents<T> {
        T write(Writer out) throws IOException;
    }

    /**
     * Writes {@code out}; {@code deleted} is told of each dead export's {@code .part} deleted beside it first.
     *
     * @throws IllegalArgumentException where {@code out}'s directory cannot be made or written, naming {@code --out}
     */
    public static <T> T write(Path out, Contents<T> contents, Consumer<Path> deleted) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        String name = out.getFileName().toString();
        Part part;
        try {
            Files.createDirectories(parent);
            deleteDeadParts(parent, name).forEach(deleted);
            part = Part.create(parent, name);
        } catch (IOException e) {  // said as the option it comes from: "/etc/passwd: already exists" named no --out
            throw new IllegalArgumentException("--out " + out + ": " + (e instanceof FileAlreadyExistsException f
                    ? f.getFile() + " is a file, not a directory" : FailureReason.of(e)));
        }
        Thread cleanup = new Thread(part::deleteQuietly, "export-part-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            T result;
            Writer w = new java.io.BufferedWriter(Channels.newWriter(part.channel, StandardCharsets.UTF_8));
            result = contents.write(w);
            w.flush();
            // Moved while still locked (a rename keeps the file and its lock): unlocked at its .part name, a whole
            // export could be taken for a dead one's by another export starting then.
            Files.move(part.path, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            part.channel.close();
            return result;
        } catch (IOException e) {  // a write's says only "No space left on device": said with the file
            part.deleteAfter(e);
            throw new IOException("cannot write --out " + out + ": " + FailureReason.of(e), e);
        } catch (Throwable e) {  // a move that fails too: the .part holds every exported comment's text
            part.deleteAfter(e);
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {  // the hook is running, or has run
            }
        }
    }

    /**
     * Deletes the {@code .part}s of {@code name} in {@code dir} that no live export holds locked: those of an export
     * killed with SIGKILL (or of a version before the lock). Returns them.
     */
    static List<Path> deleteDeadParts(Path dir, String name) throws IOException {
        Pattern ours = Pattern.compile(Pattern.quote(name) + "\\d+\\.part");
        List<Path> candidates;
        try (Stream<Path> files = Files.list(dir)) {
            candidates = files.filter(f -> ours.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        List<Path> deleted = new ArrayList<>();
        for (Path f : candidates) {
            try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE);
                 FileLock lock = c.tryLock()) {
                if (lock == null) continue;  // another process's live export
                Files.delete(f);  // under the lock: a writer that locks it after finds its path gone, and starts again
                deleted.add(f);
            } catch (OverlappingFileLockException live) {  // this JVM's own export, writing
            } catch (NoSuchFileException gone) {  // moved into place or deleted meanwhile
            }
        }
        return deleted;
    }

    /** A {@code .part} file, open and locked by this export. */
    private record Part(Path path, FileChannel channel) {
        static Part create(Path dir, String name) throws IOException {
            while (true) {
                Path path = Files.createTempFile(dir, name, ".part");
                FileChannel channel;
                try {
                    channel = FileChannel.open(path, StandardOpenOption.WRITE);
                } catch (NoSuchFileException taken) {  // deleted by another export as a dead one's: another name
                    continue;
                }
                try {
                    channel.lock();
                    // Between its creation and the lock another export may have taken it for a dead one's and deleted
                    // it (under its own lock, which this one waited for): the lock is then on a file no name leads to.
                    if (Files.exists(path)) return new Part(path, channel);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                channel.close();
            }
        }

        void deleteQuietly() {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {  // the JVM is going: nothing left to tell
            }
        }

        void deleteAfter(Throwable e) {
            try {
                channel.close();
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            try {
                Files.deleteIfExists(path);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
        }
    }
}
