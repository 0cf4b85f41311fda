package org.parley.service.erasurelog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipException;

/**
 * Finishes the month's roll of {@code sites.log} that a killed service left. logback renames {@code sites.log} to
 * {@code sites-YYYY-MM.log<digits>.tmp}, compresses that on a thread of its own into {@code sites-YYYY-MM.log.gz},
 * written in place, and then deletes the {@code .tmp}; a {@code kill -9} meanwhile leaves the {@code .tmp} (the month
 * whole) and a {@code .gz} cut short, or none, and until the forty-sixth session they stayed so for good (--from-log
 * read both). The {@code .tmp} is compressed over the {@code .gz} ({@link Archives#compressOver}) and deleted only when
 * every whole line the {@code .gz} holds is, in order, one of the {@code .tmp}'s first lines: the {@code .tmp} then
 * holds all the {@code .gz} does. Otherwise both stay, with a WARN naming them and what to do: a {@code .gz} of other
 * lines is another roll into that month's name (the clock set back; logback then leaves its {@code .tmp} beside the
 * whole {@code .gz}), and one corrupt rather than cut cannot be read to tell.
 *
 * <p>Run by the service's start, under its lock ({@link ErasureLogLock}, so no other service rolls the directory) and
 * before it writes its first erasure line (logback rolls at a write), so no roll is in progress: a {@code .tmp} is one
 * that did not finish. Not while the service runs, when its own roll looks the same (a {@code .tmp} beside a growing
 * {@code .gz}), nor by a script, which holds no lock. Failures are logged, never thrown: the service starts, the files
 * stay as they were.
 */
public final class InterruptedRolls {
    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRolls.class);
    /**
     * logback's name for a rolled file awaiting compression: the archive's name less {@code .gz} (config.yml's {@code
     * sites-YYYY-MM.log}), then System.nanoTime(). The service's only: another log rolled into this directory by this
     * process (a main log put there) could be mid-roll at the start.
     */
    private static final Pattern ROLLED = Pattern.compile("(sites-.+\\.log)-?\\d+\\.tmp");
    /** A hidden {@code .gz} that {@link Archives#compressOver} was writing when its process was stopped. */
    private static final Pattern LEFT_OVER = Pattern.compile("\\..+\\.gz\\.\\d+\\.tmp");
    /** A compression takes milliseconds: a hidden {@code .gz} this old was cut off (a script's may be being written now). */
    static final Duration LEFT_OVER_AGE = Duration.ofDays(1);

    private InterruptedRolls() {}

    /** In each directory the lock holds. */
    public static void finish(ErasureLogLock held) {
        for (Path dir : held.dirs()) finish(dir, Instant.now());
    }

    /** How many rolls of {@code dir} it finished; also deletes the hidden {@code .gz}s a stop left a day or more ago. */
    static int finish(Path dir, Instant now) {
        List<Path> files = Archives.files(dir, "finish a month's roll a stop left");
        int done = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            Matcher rolled = ROLLED.matcher(name);
            try {
                if (rolled.matches() && Files.isRegularFile(file)) {
                    if (finish(file, dir.resolve(rolled.group(1) + ".gz"))) done++;
                } else if (LEFT_OVER.matcher(name).matches() && Files.isRegularFile(file)
                        && !Files.getLastModifiedTime(file).toInstant().isAfter(now.minus(LEFT_OVER_AGE))) {
                    Files.delete(file);
                    LOG.info("deleted {}, a compression of the erasure log that a stop cut off (its source was kept)", file);
                }
            } catch (IOException e) {
                LOG.warn("cannot finish the erasure log's {} (it stays as it is, and --from-log reads it): {}", file, e.toString());
            }
        }
        return done;
    }

    /** Whether it compressed {@code tmp} over {@code gz} and deleted it. */
    private static boolean finish(Path tmp, Path gz) throws IOException {
        Optional<Other> other = Files.exists(gz) ? notItsStart(gz, tmp) : Optional.empty();
        if (other.isPresent()) {
            LOG.warn("the erasure log's {} is a month's roll of sites.log that did not finish, and {} beside it {}: both are left"
                    + " as they are. {} (docs/moderation.md, Backup and restore)", tmp, gz, other.get().what(), other.get().todo());
            return false;
        }
        Archives.compressOver(tmp, gz);
        Files.delete(tmp);
        Archives.forceDirectory(tmp.getParent());
        LOG.info("finished the erasure log's roll that a stop cut short: {} compressed into {}", tmp.getFileName(), gz.getFileName());
        return true;
    }

    /** What an archive holds that is not its .tmp's start, and what the operator does about it. */
    private record Other(String what, String todo) {}

    /**
     * Empty when every whole line {@code gz} holds (all but a cut last one) is, in order, {@code tmp}'s; else what it
     * holds instead. Both read as UTF-8 alike (a malformed byte the same replacement in each).
     */
    private static Optional<Other> notItsStart(Path gz, Path tmp) throws IOException {
        try (CutGzip archived = CutGzip.of(new BufferedInputStream(Files.newInputStream(gz), 65536), true);
             BufferedReader archive = new BufferedReader(new InputStreamReader(archived, StandardCharsets.UTF_8));
             BufferedReader month = new BufferedReader(new InputStreamReader(Files.newInputStream(tmp), StandardCharsets.UTF_8))) {
            long n = 0;
            for (String line = archive.readLine(), next; line != null; line = next) {
                next = archive.readLine();
                if (next == null && archived.cutMidLine()) break; // the line it was cut in, never whole
                n++;
                if (!line.equals(month.readLine()))
                    return Optional.of(new Other("holds other lines (its line " + n + " is not the .tmp's), from another roll"
                            + " into that month's name (the clock set back?)", "scripts/erase --from-log reads both: keep both as long"
                            + " as your oldest backup; to tidy, compress the .tmp under a name of its own in the directory (gzip -c "
                            + tmp.getFileName() + " > " + gz.getFileName().toString().replaceFirst("\\.gz$", "") + ".2.gz),"
                            + " then delete the .tmp"));
            }
            return Optional.empty();
        } catch (ZipException e) {
            return Optional.of(new Other("is not gzip that can be read to its end or its cut (" + e.getMessage() + ")",
                    "scripts/erase --from-log refuses the directory while it holds the .gz: save what `zcat " + gz.getFileName() + "` gives,"
                    + " move the .gz out of the directory and restart the service, which then compresses the .tmp into its name"));
        }
    }
}
