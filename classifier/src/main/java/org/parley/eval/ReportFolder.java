package org.parley.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.parley.io.AtomicFile;
import org.parley.io.AtomicFolder;

/**
 * A report folder ({@link ReportWriter}'s, {@link StanceReportWriter}'s) is replaced whole ({@link AtomicFolder}): a
 * failure half-way leaves the last report as it was, never some files new and some old. Until the forty-ninth session
 * each file was replaced alone. Only a folder that holds nothing but a report's files is replaced; one with other
 * files (a person's notes, another tool's output) is refused, before the scoring where a command checks it with
 * {@link #check}: the report is never written beside them, and they are never deleted.
 */
public final class ReportFolder {
    /**
     * The files a report holds: the page, the JSON, the plots (a section's too). {@link #ours} claims the hidden
     * {@code .NAME.RANDOM.tmp} a killed {@code io.AtomicFile} write of one of those leaves too (reports were written file
     * by file before).
     */
    private static final Pattern NAME = Pattern.compile(Pattern.quote(ReportWriter.HTML) + "|" + Pattern.quote(ReportWriter.JSON)
            + "|(file-[0-9]+-)?roc-[a-z-]+\\.png");

    private ReportFolder() {}

    /** Whether a file of this name is one a report writes (or a killed write of one left). */
    static boolean ours(String name) {
        String written = AtomicFile.hiddenFor(name, AtomicFile.TEMPORARY);
        return NAME.matcher(written == null ? name : written).matches();
    }

    /** Writes a report into a new folder and puts it in {@code dir}'s place; see {@link AtomicFolder#write}. */
    static void write(Path dir, AtomicFolder.Contents contents) throws IOException {
        AtomicFolder.write(dir, ReportFolder::ours, contents);
    }

    /**
     * Refuses, naming {@code option}, a folder that holds files a report does not: the report replaces its folder whole,
     * so writing it there would delete them. A folder not yet made, an empty one, or a report's, is fine.
     */
    public static void check(String option, Path dir) throws IOException {
        List<String> others = AtomicFolder.others(dir, ReportFolder::ours);
        if (!others.isEmpty())
            throw new IllegalArgumentException(option + " " + dir + " holds files that are not a report's (" + AtomicFolder.some(others)
                    + "): the report replaces its folder whole, so name a new or empty folder, or move them out");
    }
}
