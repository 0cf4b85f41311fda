package org.parley.service.erasurelog;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.recovery.ResilientFileOutputStream;
import ch.qos.logback.core.spi.FilterReply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An erasure log's file appender (config.yml's {@code type: erasure-file}) written on the caller's thread: each line is
 * flushed, read back from the file and forced to the disk before the logger's call returns, which otherwise throws
 * {@link ErasureLineNotWritten}. Behind Dropwizard's queue a line was written after the erasure was answered, and a
 * failed write was kept quiet by logback's file stream (a full disk lost lines whole or cut them; forty-eighth session),
 * so an erasure could be answered done with no line for a restore to re-apply. The file appender under it still rolls
 * and compresses the months as configured.
 */
public final class ForcedLines extends UnsynchronizedAppenderBase<ILoggingEvent> {
    /** What is read back at most: the scripts' lines that others append meanwhile, a few hundred bytes each. */
    private static final int MAX_TAKEN = 1 << 20;
    private final FileAppender<ILoggingEvent> file;
    private final Disk disk;
    /** The stream whose file's entry in its directory is on the disk: none at a start, another after a roll. */
    private OutputStream entered;

    ForcedLines(FileAppender<ILoggingEvent> file) {
        this(file, Disk.LINUX);
    }

    ForcedLines(FileAppender<ILoggingEvent> file, Disk disk) {
        this.file = file;
        this.disk = disk;
        setContext(file.getContext());
        setName(file.getName());
    }

    /** The appender that writes the file (its name and rolling), for the directory it writes in ({@link ErasureLogDirs}). */
    public FileAppender<ILoggingEvent> file() {
        return file;
    }

    @Override
    public void start() {
        if (!file.isStarted()) file.start();
        super.start();
    }

    @Override
    public void stop() {
        super.stop();
        file.stop();
    }

    /** Not the base's, which keeps an appender's failure from the caller: here the caller must learn of it. */
    @Override
    public void doAppend(ILoggingEvent event) {
        if (getFilterChainDecision(event) == FilterReply.DENY || file.getFilterChainDecision(event) == FilterReply.DENY) return;
        append(event);
    }

    /** One line at a time in this process: its check reads what the file took since the call began. */
    @Override
    protected synchronized void append(ILoggingEvent event) {
        if (!isStarted() || !file.isStarted()) throw new ErasureLineNotWritten("the erasure log " + file.getFile() + " is closed", null);
        reopenIfMovedAway();
        OutputStream before = file.getOutputStream();
        long from = size(before);
        file.doAppend(event);
        OutputStream after = file.getOutputStream();
        // A stream of its own is a file of its own (a start's, or the month rolled), which may be a new entry in its
        // directory: Linux's fsync of a file does not write that, and a power cut would lose the file.
        check(after, after == before ? from : 0, file.getEncoder().encode(event), after != entered);
        entered = after;
    }

    /**
     * The file opened again at its path when the one the appender writes is no longer there: deleted, or moved away (by
     * hand, a clean-up script, logrotate), another file perhaps put in its place. Its lines went to a file no one reads,
     * the read-back of the path failed, and every erasure after it was refused until a restart, while the health check
     * saw room on the disk (an operator's audit, sixty-seventh session). The path's size against the open file's tells
     * them apart: a line another process appends meanwhile may make them differ too, and the file is then opened again
     * where it is, which costs nothing.
     */
    private void reopenIfMovedAway() {
        if (!(file.getOutputStream() instanceof ResilientFileOutputStream written) || written.getChannel() == null) return;
        Path path = written.getFile().toPath();
        try {
            written.flush();
            if (Files.exists(path) && Files.size(path) == written.getChannel().size()) return;
        } catch (IOException x) {
            return;  // the read-back after the write says what is wrong
        }
        try {
            file.openFile(file.getFile());
        } catch (IOException x) {
            throw new ErasureLineNotWritten("the erasure log " + path + " was moved or deleted while the service ran, and"
                    + " could not be opened again at its path: " + x, x);
        }
        org.slf4j.LoggerFactory.getLogger(ForcedLines.class).warn("the erasure log {} was moved or deleted while the service"
                + " ran: it is opened again at its path, and the lines written since it went are in the file moved, if kept", path);
    }

    /** The bytes of the file {@code stream} writes; 0 where that cannot be read (the check then reads the whole file). */
    private static long size(OutputStream stream) {
        try {
            return stream instanceof ResilientFileOutputStream written ? Files.size(written.getFile().toPath()) : 0;
        } catch (IOException x) {
            return 0;
        }
    }

    /**
     * {@code line} whole among what the file {@code stream} writes took from byte {@code from} on, then forced to the
     * disk. Not its last line alone: the operator's file takes the lines of several scripts at once (O_APPEND), and
     * another's may follow this one.
     */
    private void check(OutputStream stream, long from, byte[] line, boolean newFile) {
        if (!(stream instanceof ResilientFileOutputStream written))
            throw new ErasureLineNotWritten("the erasure log's stream is not a file's: " + stream, null);
        Path path = written.getFile().toPath();
        try {
            stream.flush(); // a failure here is logback's to keep quiet: the file's bytes tell
            try (FileChannel read = FileChannel.open(path, StandardOpenOption.READ)) {
                long size = read.size();
                ByteBuffer took = ByteBuffer.allocate((int) Math.min(Math.max(size - from, 0), MAX_TAKEN));
                read.read(took, size - took.capacity());
                if (!holds(took.array(), line))
                    throw new ErasureLineNotWritten("the erasure log " + path + " does not hold the line it was given"
                            + " (a full disk or a failed write; " + size + " bytes)", null);
                disk.force(read);
            }
            if (newFile) disk.forceDirectory(path.toAbsolutePath().getParent());
        } catch (IOException x) {
            throw new ErasureLineNotWritten("the erasure log " + path + " could not be read back or forced: " + x, x);
        }
    }

    /** The two fsyncs a line needs: a seam for the tests that see them, which a power cut alone shows otherwise. */
    interface Disk {
        Disk LINUX = new Disk() {
            @Override
            public void force(FileChannel file) throws IOException {
                file.force(false); // Linux syncs the file's pages through any descriptor, a reading one too
            }

            @Override
            public void forceDirectory(Path dir) throws IOException {
                try (FileChannel entries = FileChannel.open(dir, StandardOpenOption.READ)) {
                    entries.force(true);
                }
            }
        };

        /** The file's bytes, {@code file} open on it. */
        void force(FileChannel file) throws IOException;

        /** The entries of {@code dir}, a new file's name among them. */
        void forceDirectory(Path dir) throws IOException;
    }

    /** Whether {@code line} is in {@code took} at a line's start (its first byte, or after a line break). */
    static boolean holds(byte[] took, byte[] line) {
        for (int at = 0; at + line.length <= took.length; at++)
            if ((at == 0 || took[at - 1] == '\n') && Arrays.equals(took, at, at + line.length, line, 0, line.length)) return true;
        return false;
    }
}
