package org.parley.service.erasurelog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Whether the erasure log's directories have room for an erasure's line, asked before each erasure. logback's file
 * appender keeps a failed write quiet: on a full disk (forty-eighth session, a 256 KiB tmpfs) the service answered 31
 * {@code DELETE}s 200 while {@code sites.log} took 12 lines, the 12th cut, no WARN or ERROR said so, and the first line
 * written once there was room again was glued to the cut one, which {@code scripts/erase --from-log} then refused.
 * An erasure with no line comes back whole with a restore, so it is refused until there is room.
 */
public final class ErasureLogRoom {
    /** Thousands of lines (a few hundred bytes each): room for the erasures in flight while the disk fills. */
    public static final long MIN_FREE = 1 << 20;

    private ErasureLogRoom() {}

    /** What keeps {@code logger}'s erasure log from taking a line, naming its directory; null: nothing (or no erasure log). */
    public static String problem(String logger) {
        return problem(logger, ErasureLogRoom::usable);
    }

    /** {@link #problem(String)}, the free bytes read by {@code usable} (scripts/erase's seam). */
    public static String problem(String logger, ToLongFunction<Path> usable) {
        return problem(ErasureLogDirs.of(logger), usable);
    }

    /** {@link #problem(String)} of these directories, their free bytes read by {@code usable} ({@link #usable}: -1, unreadable). */
    public static String problem(List<Path> dirs, ToLongFunction<Path> usable) {
        for (Path dir : dirs) {
            long free = usable.applyAsLong(dir);
            if (free < 0) return "the erasure log " + dir + " cannot be reached (is it there?)";
            if (free < MIN_FREE) return "the erasure log " + dir + " is full (" + free + " bytes free, under " + MIN_FREE + ")";
            if (!Files.isWritable(dir)) return "the erasure log " + dir + " cannot be written (a read-only file system?)";
        }
        return null;
    }

    /**
     * The fewest bytes an erasure line may still take among {@code dirs}, as {@link #problem} judges them: -1 where a
     * directory cannot be reached, 0 where one cannot be written (a full disk or a read-only one refuses alike);
     * {@link Long#MAX_VALUE} for no directory (no erasure log), which nothing refuses.
     */
    public static long least(List<Path> dirs, ToLongFunction<Path> usable) {
        long least = Long.MAX_VALUE;
        for (Path dir : dirs) {
            long free = usable.applyAsLong(dir);
            least = Math.min(least, free < 0 ? -1 : Files.isWritable(dir) ? free : 0);
        }
        return least;
    }

    /** The bytes this process may still write there; -1 where that cannot be read. */
    public static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
