package org.parley.service.cli;

import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.parley.service.core.RequestChecks;
import org.parley.service.erasurelog.CutGzip;
import org.parley.service.moderation.CutErasureLines;
import org.parley.service.moderation.ErasureLogLine;
import org.parley.service.store.FailureReason;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipException;

/**
 * The comments one scripts/erase run erases one at a time ({@code --id} repeated, {@code --ids FILE}, {@code --from-log
 * LOG}), each a site and an id, all read and checked before the first is erased: bad input erases nothing, and is an
 * {@link ArgumentParserException} (exit 2) naming the file, the line and the limit.
 */
final class ErasureList {
    record Target(String site, String id) {}

    private ErasureList() {}

    static List<Target> ids(String site, List<String> ids) throws ArgumentParserException {
        List<Target> out = new ArrayList<>();
        for (String id : ids) out.add(new Target(site, checked(id, "--id")));
        return out;
    }

    /** One id a line ({@code -}: standard input); blank lines are skipped, the others are ids exactly, spaces and all. */
    static List<Target> idsFile(String site, String file) throws ArgumentParserException {
        List<Target> out = new ArrayList<>();
        eachLine(file, "--ids", (read, n) -> {
            String line = read.text();
            if (!line.isBlank()) out.add(new Target(site, checked(line, "--ids " + file + ": line " + n)));
        });
        if (out.isEmpty()) throw refused("--ids " + file + " holds no id (one a line)");
        return out;
    }

    /**
     * The service log's erasure lines ({@link ErasureLogLine}), each for its own site; the log's other lines are read
     * and let go. A log kept as long as the oldest backup is large (a soak's was 37 MB an hour at 60 requests/s, nearly
     * all request lines), and until the forty-third session's second soak audit every line of it was held at once: a
     * week's log needed a heap of gigabytes (ErasureListMemoryTest).
     */
    static List<Target> log(String file) throws ArgumentParserException {
        return log(List.of(file));
    }

    /**
     * As {@link #log(String)}, over several: each a log file, gzip-compressed or not (read by its first bytes, as the erasure
     * log's monthly archives are, or a rotated service log), a directory (its files, by name: config.yml's erasure log,
     * whose empty files are no fault), or {@code -} for standard input. Refused when they hold no erasure line at all.
     */
    static List<Target> log(List<String> paths) throws ArgumentParserException {
        return log(paths, null);
    }

    /**
     * As {@link #log(List)}, less the erasure lines written before {@code since} (null: none), by their time ({@link
     * ErasureLogLine.Logged#time}, read in the one pass over the line that reads the erasure): erasures older than a
     * backup are in it already. An erasure line with no time it can read is refused, not kept or skipped unsaid. Says
     * how many it skipped.
     */
    static List<Target> log(List<String> paths, java.time.Instant since) throws ArgumentParserException {
        return fromLog(paths, since).targets(); // less the cut lines named: scripts/erase reads fromLog
    }

    /** What --from-log read: the comments to erase, and each cut erasure line found, said as {@link #said} says it. */
    record FromLog(List<Target> targets, List<String> cuts) {}

    /**
     * As {@link #log(List, java.time.Instant)}, with the cut erasure lines ({@link CutErasureLines}) that a write a full
     * disk cut short leaves: one glued to the whole line written next, or a file's last line, never ended. Each is said;
     * its erasure is re-applied where its id and site are whole, and nothing is guessed where they are not. Any other line
     * that is not an erasure line refuses the logs, as before: a wrong file is never half applied. A cut line written
     * before {@code since} (its time whole) is skipped as a whole one is, unsaid.
     */
    static FromLog fromLog(List<String> paths, java.time.Instant since) throws ArgumentParserException {
        List<Target> out = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        long lines = 0, older[] = {0};
        for (String file : files(paths))
            lines += eachLine(file, "--from-log", (read, n) -> {
                String where = "--from-log " + file + ": line " + n, line = read.text();
                try {
                    CutErasureLines.Split split = CutErasureLines.split(line);
                    List<CutErasureLines.Cut> cut = new ArrayList<>(split.cuts());
                    // The service ends every line it writes: one that is not ended was cut, wherever the cut fell.
                    Optional<CutErasureLines.Cut> last = read.ended() ? Optional.empty() : CutErasureLines.cut(split.rest());
                    last.ifPresent(cut::add);
                    // A character cut short is the cut's, where one ends, and bytes that are not UTF-8 anywhere else.
                    int cutEnd = 0;
                    List<Integer> cutEnds = new ArrayList<>();
                    for (CutErasureLines.Cut c : cut) cutEnds.add(cutEnd += c.text().length());
                    if (!cutEnds.containsAll(read.cutCharacters())) throw notUtf8(file, "--from-log");
                    for (CutErasureLines.Cut c : cut) {
                        // Written before --since: in the backup, as are whatever lines the disk lost around it.
                        if (since != null && c.time().isPresent() && c.time().get().isBefore(since)) {
                            older[0]++;
                            continue;
                        }
                        cuts.add(where + ": " + said(c));
                        if (c.erasure().isPresent()) add(c.erasure().get(), where, since, out, older);
                    }
                    if (last.isPresent()) return;
                    var erased = ErasureLogLine.logged(split.rest());
                    if (erased.isPresent()) add(erased.get(), where, since, out, older);
                } catch (IllegalArgumentException e) {
                    throw refused(where + ": " + e.getMessage());
                }
            });
        if (since != null) System.out.println("--since " + since + ": skipped " + older[0] + " erasure line" + (older[0] == 1 ? "" : "s")
                + " written before it");
        if (out.isEmpty() && cuts.isEmpty())
            throw refused("--from-log " + String.join(" ", paths) + " holds no line 'erased comment \"ID\" of site \"SITE\"' of the"
                    + " service's log (" + lines + " lines" + (since == null ? "" : ", " + older[0] + " erasure lines before --since " + since)
                    + "): nothing to re-apply, or not the service's log");
        return new FromLog(out, cuts);
    }

    /** {@code erased} among {@code out}, unless written before {@code since} (counted in {@code older}). */
    private static void add(ErasureLogLine.Logged erased, String where, java.time.Instant since, List<Target> out, long[] older)
            throws ArgumentParserException {
        if (since != null) {
            var at = erased.time();
            if (at.isEmpty()) throw refused(where + ": --since cannot tell when this erasure line was written (no time"
                    + " as config.yml's layout writes it, LEVEL [yyyy-MM-dd HH:mm:ss,SSS]): give it without --since");
            if (at.get().isBefore(since)) {
                older[0]++;
                return;
            }
        }
        ErasureLogLine e = erased.erasure();
        out.add(new Target(checked(e.site(), where + "'s site"), checked(e.id(), where)));
    }

    /** A cut line as the summary names it: its text and id as JSON strings, and whether its erasure was re-applied. */
    private static String said(CutErasureLines.Cut c) {
        return "cut short " + ErasureLogLine.quoted(c.text()) + (c.erasure().isPresent()
                ? ": its id and site are whole, re-applied (comment " + ErasureLogLine.quoted(c.id().orElseThrow()) + " of site "
                + ErasureLogLine.quoted(c.erasure().get().erasure().site()) + ")"
                : c.id().map(id -> ": comment " + ErasureLogLine.quoted(id) + ", its site cut: not re-applied")
                .orElse(c.text().contains(": erased comment \"") ? ": its id cut: not re-applied" : ": cut before its id: not re-applied"));
    }

    /** The files {@code paths} name, a directory's regular files by name (not those whose names begin with a dot). */
    private static List<String> files(List<String> paths) throws ArgumentParserException {
        List<String> files = new ArrayList<>();
        for (String path : paths) {
            Path p = Path.of(path);
            if (path.equals("-") || !Files.isDirectory(p)) {
                files.add(path);
                continue;
            }
            try (var in = Files.list(p)) {
                List<String> each = in.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                        .map(Path::toString).sorted().toList();
                if (each.isEmpty()) throw refused("--from-log " + path + " is a directory with no file");
                files.addAll(each);
            } catch (IOException e) {
                throw refused("--from-log: " + FailureReason.of(e));
            }
        }
        return files;
    }

    /** An id as a site's comment may have one: not blank, at most {@link RequestChecks#MAX_ID} characters. */
    private static String checked(String id, String where) throws ArgumentParserException {
        if (id.isBlank()) throw refused(where + ": an id must not be blank");
        if (id.length() > RequestChecks.MAX_ID)
            throw refused(where + ": an id is at most " + RequestChecks.MAX_ID + " characters (this one " + id.length() + ")");
        return id;
    }

    /** A line and its number (from 1). */
    private interface LineReader {
        void read(Utf8Lines.Line line, long number) throws ArgumentParserException;
    }

    /**
     * Each line in turn, UTF-8 strictly (a file of another encoding is refused, not read as ids nobody has); how many. A
     * character cut short ({@link Utf8Lines}) is refused but for --from-log, which accepts it where a cut line ends.
     */
    private static long eachLine(String file, String option, LineReader each) throws ArgumentParserException {
        boolean fromLog = option.equals("--from-log");
        try (InputStream raw = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            BufferedInputStream buffered = new BufferedInputStream(raw, 65536);
            // --from-log reads what a cut gzip holds: a month's compression the service was stopped in leaves one
            CutGzip gzip = org.parley.io.Utf8Files.isGzip(buffered) ? CutGzip.of(buffered, fromLog) : null;
            Utf8Lines in = new Utf8Lines(gzip != null ? gzip : buffered);
            long n = 0;
            for (Utf8Lines.Line line = in.next(), next; line != null; line = next) {
                next = in.next();
                if (next == null && gzip != null && gzip.cutMidLine()) break; // the cut line, never whole
                if (!fromLog && !line.cutCharacters().isEmpty()) throw notUtf8(file, option);
                each.read(line, ++n);
            }
            if (gzip != null && gzip.cut())
                System.err.println("erase: warning: " + option + " " + file + " is cut short (not whole gzip): read its " + n
                        + " whole lines. A service stopped while compressing a month's sites.log leaves one, and the month whole"
                        + " in sites-YYYY-MM.log<digits>.tmp beside it, which a directory's reading includes; the service's next"
                        + " start finishes that roll (docs/moderation.md, Backup and restore)");
            return n;
        } catch (IOException e) {
            if (e instanceof CharacterCodingException) throw notUtf8(file, option);
            throw refused(option + ": " + (e instanceof ZipException || e instanceof EOFException ? file + " is not whole gzip: " + FailureReason.of(e)
                    : FailureReason.of(e)));
        }
    }

    /** A file with bytes that are not UTF-8, as it was refused before a character cut short was read (fiftieth session). */
    private static ArgumentParserException notUtf8(String file, String option) {
        return refused(option + ": " + file + " is not UTF-8 text");
    }

    /** Printed as "erase: MESSAGE" (no usage: the options were right), exit 2. */
    private static ArgumentParserException refused(String message) {
        return new ArgumentParserException(message, null);
    }
}
