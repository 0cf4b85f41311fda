package org.parley.service.erasurelog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compresses the operator's past months in the erasure log ({@code operator-YYYY-MM.log} into {@code
 * operator-YYYY-MM.log.gz}, as the service's months are), at the start of scripts/erase and of the service, and daily
 * while the service runs ({@link PastMonthsCompressor}, since the forty-sixth session): until the forty-fifth session they stayed plain text for good (no process renames them, and a script rarely runs across a
 * month's end). A month is compressed once a day ({@link #GRACE}) has passed since it ended: a process writing it
 * then would have moved to the new month's file first (logback rolls before it writes), so nobody appends to it.
 * Atomically ({@link Archives#compressOver}): a hidden {@code .gz} beside it, flushed to disk, renamed over the name, the directory flushed, and only
 * then the month deleted, so a stop anywhere leaves the month whole in one of the two (or both: --from-log reads
 * each, and erasing again changes nothing). Several processes at once compress alike, the last rename wins. An empty
 * month (a service's, which never writes there) is deleted. Failures are logged, never thrown: the script or the
 * service goes on, the month stays as it was.
 */
public final class OperatorMonths {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorMonths.class);
    private static final Pattern NAME = Pattern.compile("operator-(\\d{4}-\\d{2})\\.log");
    static final Duration GRACE = Duration.ofDays(1);

    private OperatorMonths() {}

    /** The months of {@code dir} that ended a day or more before {@code now}; how many it compressed or deleted. */
    public static int compressPast(Path dir, Instant now) {
        List<Path> files = Archives.files(dir, "compress the operator's past months");
        int done = 0;
        for (Path file : files) {
            Matcher m = NAME.matcher(file.getFileName().toString());
            if (!m.matches() || !Files.isRegularFile(file)) continue;
            Instant ended = YearMonth.parse(m.group(1)).plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            if (now.isBefore(ended.plus(GRACE))) continue;
            try {
                if (compress(file)) done++;
            } catch (IOException e) {
                LOG.warn("cannot compress {} (it stays as it is, and --from-log reads it): {}", file, e.toString());
            }
        }
        return done;
    }

    /** At scripts/erase's start, for every directory the operator's logger writes to (config.yml's erasure log). */
    public static void compressPast(String logger) {
        for (Path dir : ErasureLogDirs.of(logger)) compressPast(dir, Instant.now());
    }

    /** Whether {@code file} went: compressed, or deleted as empty; false when another process had done it first. */
    private static boolean compress(Path file) throws IOException {
        Path gz = file.resolveSibling(file.getFileName() + ".gz");
        try {
            if (Files.size(file) == 0) {
                Files.delete(file);
                return true;
            }
        } catch (NoSuchFileException e) {
            return false;
        }
        try {
            Archives.compressOver(file, gz);
        } catch (NoSuchFileException e) {
            if (Files.exists(file)) throw e;
            return false; // compressed and deleted by another process meanwhile
        }
        boolean deleted = Files.deleteIfExists(file);
        if (deleted) LOG.info("compressed the erasure log's {} into {}", file.getFileName(), gz.getFileName());
        return deleted;
    }
}
