package org.parley.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A folder replaced whole or not at all, as {@link AtomicFile} replaces a file: every file is written into a hidden
 * folder beside it ({@code .NAME.RANDOM.tmp}), the folder forced to the disk, then moved into place. A write that fails
 * (a full disk, an exception half-way) deletes the hidden folder and leaves the earlier folder as it was; the failure
 * names the folder and the cause.
 *
 * <p>Only a folder of files its writer writes is replaced ({@code ours}, by name): one that holds anything else (a
 * person's notes, a folder) is refused, since replacing it whole would lose those files. A symbolic link to a folder
 * stays a link: the folder it names is replaced.
 */
public final class AtomicFolder {
    /** The kind of the hidden folder the earlier one is renamed to while the new one takes its place. */
    private static final String OLD = "old";

    private AtomicFolder() {}

    /** What writes the folder's files into {@code folder} (empty, new); each through {@link AtomicFile}, so each is forced. */
    @FunctionalInterface
    public interface Contents {
        void write(Path folder) throws IOException;
    }

    public static void write(Path dir, Predicate<String> ours, Contents contents) throws IOException {
        Path target = Files.exists(dir) ? dir.toRealPath() : dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        if (parent == null) throw new IOException("cannot write " + dir + ": a folder replaced whole needs a folder above it");
        String name = target.getFileName().toString();
        Path tmp = parent.resolve(AtomicFile.hidden(name, AtomicFile.TEMPORARY));
        try {
            Files.createDirectories(parent);
            removeStale(parent, name, ours); // first: on a full disk their room may be what this write needs
            refuseOthers(dir, target, ours); // before the work, not after it
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw failed(dir, tmp, e);
        }
        boolean moved = false;
        try {
            contents.write(tmp);
            force(tmp); // its entries (each file was forced as written): on the disk before it takes the name
            moved = swap(dir, target, tmp, ours);
        } catch (IOException e) {
            throw failed(dir, tmp, e);
        } finally {
            if (!moved) deleteAll(tmp); // a failed write leaves nothing behind
        }
    }

    /** The names in {@code dir} that {@code ours} does not claim, sorted; none where {@code dir} is not there. */
    public static List<String> others(Path dir, Predicate<String> ours) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> !ours(f, ours)).map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Up to three names and how many more: what a refusal quotes. */
    public static String some(List<String> names) {
        String shown = String.join(", ", names.subList(0, Math.min(3, names.size())));
        return names.size() > 3 ? shown + " and " + (names.size() - 3) + " more" : shown;
    }

    /**
     * A folder cannot be renamed over a non-empty one (rename(2) says ENOTEMPTY) and POSIX has no call that swaps two,
     * so the earlier folder is renamed aside ({@code .NAME.RANDOM.old}), the new one renamed in, then the earlier
     * deleted. A crash between the two renames leaves no folder under the name: the earlier one whole in the
     * {@code .old} folder beside it, the new one whole in the {@code .tmp} one; never a mix of the two. The next write of
     * the name deletes both once a day old ({@link #removeStale}). A rename in that fails puts the earlier one back.
     *
     * @return true: the new folder is in place
     */
    private static boolean swap(Path dir, Path target, Path tmp, Predicate<String> ours) throws IOException {
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            force(target.getParent());
            return true;
        }
        refuseOthers(dir, target, ours); // again: a file may have been put there while this one was written
        keepPermissions(target, tmp);
        Path old = target.resolveSibling(AtomicFile.hidden(target.getFileName().toString(), OLD));
        Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        touch(old); // a live write's, to another write's removeStale: renaming leaves its time as its last file's
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException back) {
                e.addSuppressed(new IOException("the earlier folder is left in " + old, back));
            }
            throw e;
        }
        force(target.getParent());
        deleteOurs(old, ours); // a file put in it in the instant between the check and the rename stays, in .old
        return true;
    }

    private static void refuseOthers(Path dir, Path target, Predicate<String> ours) throws IOException {
        if (Files.exists(target) && !Files.isDirectory(target)) throw new IOException(target + " is a file, not a folder");
        List<String> others = others(target, ours);
        if (!others.isEmpty())
            throw new IOException("it holds files it was not written with (" + some(others) + "), which replacing it whole would"
                    + " delete: name a new or empty folder, or move them out of " + dir);
    }

    /**
     * Deletes the {@code .NAME.RANDOM.tmp} and {@code .NAME.RANDOM.old} folders of this name (a killed write's, or one
     * killed between its renames) untouched for {@link AtomicFile#STALE}, as {@link AtomicFile} deletes its files: their
     * files of {@code ours}' names, then the folder if that empties it. Best effort: what cannot be deleted is left.
     */
    private static void removeStale(Path parent, String name, Predicate<String> ours) {
        try (var folders = Files.newDirectoryStream(parent,
                f -> name.equals(AtomicFile.hiddenFor(f.getFileName().toString(), AtomicFile.TEMPORARY, OLD)))) {
            for (Path f : folders) {
                try {
                    if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) && AtomicFile.isStale(f)) deleteOurs(f, ours);
                } catch (IOException e) {
                    // left for the next write
                }
            }
        } catch (IOException | DirectoryIteratorException e) {
            // left for the next write
        }
    }

    /** A file, or a link, named as the writer names its files: never a folder, whatever its name. */
    private static boolean ours(Path f, Predicate<String> ours) {
        return !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS) && ours.test(f.getFileName().toString());
    }

    /** The earlier folder's files of {@code ours}' names (a link itself, not what it names), then the folder if empty. */
    private static void deleteOurs(Path folder, Predicate<String> ours) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> ours(f, ours)).toList()) Files.deleteIfExists(f);
            Files.delete(folder);
        } catch (IOException | java.io.UncheckedIOException e) {
            // another's file in it, or a delete that failed: left, never a file we did not write
        }
    }

    /** The new folder, this write's alone: all of it. */
    private static void deleteAll(Path tmp) {
        try (Stream<Path> all = Files.walk(tmp)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
        } catch (IOException | java.io.UncheckedIOException e) {
            // left for the next write's removeStale
        }
    }

    /** The earlier folder's permissions (a folder shared with a group stays shared); best effort. */
    private static void keepPermissions(Path from, Path to) {
        try {
            var view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
            if (view != null) view.setPermissions(Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // the new folder's, as umask has it
        }
    }

    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, FileTime.from(Instant.now()));
        } catch (IOException e) {
            // its own time, then
        }
    }

    /** A folder's entries to the disk; not every system opens a folder as a channel, so best effort. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // the rename is still atomic; only a power cut could undo it
        }
    }

    /** Said as the folder asked for: the hidden folder's path in a cause is its file's under the folder's name. */
    private static IOException failed(Path dir, Path tmp, IOException e) {
        String cause = String.valueOf(e.getMessage()).replace(tmp.toString(), dir.toString());
        return new IOException("cannot write " + dir + " (left as it was): " + cause, e);
    }
}
