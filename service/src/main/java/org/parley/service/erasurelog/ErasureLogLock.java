package org.parley.service.erasurelog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's hold on its erasure log's {@code sites.log}, which it alone writes and rolls each month: an OS file
 * lock on {@value #FILE} in the directory, for the process's life. Two service instances given one {@code
 * PARLEY_ERASURE_LOG} would roll one file from two processes and lose lines (Dropwizard's file appender has no prudent
 * mode); until the forty-fifth session nothing stopped the second, now its start does. The scripts do not take it:
 * they write operator files of their own, beside a running service. The lock is the OS's ({@code fcntl} on Linux), so
 * a process that dies lets it go; a lock file left behind is no fault. Not on a network file system (not tried).
 */
public final class ErasureLogLock implements AutoCloseable {
    /** Begins with a dot: scripts/erase --from-log DIR reads no such file. */
    public static final String FILE = ".sites.lock";
    private final List<FileChannel> held;
    private final List<Path> dirs;

    private ErasureLogLock(List<FileChannel> held, List<Path> dirs) {
        this.held = held;
        this.dirs = List.copyOf(dirs);
    }

    /** Locks the directory of each of {@code logger}'s file appenders; none when it has none (the erasure log off). */
    public static ErasureLogLock take(String logger) {
        List<FileChannel> held = new ArrayList<>();
        List<Path> dirs = ErasureLogDirs.of(logger);
        try {
            for (Path dir : dirs) held.add(lock(dir));
        } catch (RuntimeException e) {
            new ErasureLogLock(held, List.of()).close();
            throw e;
        }
        return new ErasureLogLock(held, dirs);
    }

    /** The directories it holds: what the holder alone may do there ({@link InterruptedRolls}) is done in these. */
    public List<Path> dirs() {
        return dirs;
    }

    /** The channel whose lock is held; throws naming the directory when another instance holds it. */
    static FileChannel lock(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            java.nio.file.Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a service started before in this JVM (tests) holds it
            }
            if (lock == null) throw new IllegalStateException("the erasure log " + dir + " is in use by another service instance,"
                    + " which holds " + file + ": give each instance on this machine its own PARLEY_ERASURE_LOG (config.yml), as"
                    + " two writing one sites.log lose lines at its monthly roll (docs/moderation.md, Backup and restore);"
                    + " or, if it is this checkout's service started before, stop that one first");  // a second scripts/serve
            return channel;
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot lock the erasure log " + dir + " (" + file + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    /** Lets the lock go (closing the channel does): at the service's stop, once its last erasure line is written. */
    @Override
    public void close() {
        for (FileChannel c : held) close(c);
        held.clear();
    }

    private static void close(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
