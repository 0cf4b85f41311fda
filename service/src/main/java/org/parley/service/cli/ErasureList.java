package org.parley.service.cli;

import net.sourceforge.argparse4j.inf.ArgumentParserException;
import org.parley.service.core.RequestChecks;
import org.parley.service.errors.CommandErrors;
import org.parley.service.moderation.ErasureLogLine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        List<String> lines = lines(file, "--ids");
        for (int i = 0; i < lines.size(); i++)
            if (!lines.get(i).isBlank()) out.add(new Target(site, checked(lines.get(i), "--ids " + file + ": line " + (i + 1))));
        if (out.isEmpty()) throw refused("--ids " + file + " holds no id (one a line)");
        return out;
    }

    /** The service log's erasure lines ({@link ErasureLogLine}), each for its own site; the log's other lines are skipped. */
    static List<Target> log(String file) throws ArgumentParserException {
        List<Target> out = new ArrayList<>();
        List<String> lines = lines(file, "--from-log");
        for (int i = 0; i < lines.size(); i++) {
            String where = "--from-log " + file + ": line " + (i + 1);
            try {
                var line = ErasureLogLine.read(lines.get(i));
                if (line.isPresent()) out.add(new Target(checked(line.get().site(), where + "'s site"), checked(line.get().id(), where)));
            } catch (IllegalArgumentException e) {
                throw refused(where + ": " + e.getMessage());
            }
        }
        if (out.isEmpty())
            throw refused("--from-log " + file + " holds no line 'erased comment \"ID\" of site \"SITE\"' of the service's log"
                    + " (" + lines.size() + " lines): nothing to re-apply, or not the service's log");
        return out;
    }

    /** An id as a site's comment may have one: not blank, at most {@link RequestChecks#MAX_ID} characters. */
    private static String checked(String id, String where) throws ArgumentParserException {
        if (id.isBlank()) throw refused(where + ": an id must not be blank");
        if (id.length() > RequestChecks.MAX_ID)
            throw refused(where + ": an id is at most " + RequestChecks.MAX_ID + " characters (this one " + id.length() + ")");
        return id;
    }

    /** UTF-8, strictly: a file of another encoding is refused, not read as ids nobody has. */
    private static List<String> lines(String file, String option) throws ArgumentParserException {
        try (BufferedReader in = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            return in.lines().toList();
        } catch (IOException | UncheckedIOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw refused(option + ": " + (cause instanceof CharacterCodingException ? file + " is not UTF-8 text" : CommandErrors.reason(cause)));
        }
    }

    /** Printed as "erase: MESSAGE" (no usage: the options were right), exit 2. */
    private static ArgumentParserException refused(String message) {
        return new ArgumentParserException(message, null);
    }
}
